import { describe, expect, it } from 'vitest'
import type { Template } from '../platform/i18n/translate'
import { displayDictionaryFor } from './display-catalogs'
import { displayEn } from './display.en'
import { displayNe } from './display.ne'

const forms = (template: Template): string[] => (typeof template === 'string' ? [template] : [template.one, template.other])
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()

describe("the customer display's texts", () => {
  it('speak the store’s language: Nepali for a Nepali store, English otherwise', () => {
    expect(displayDictionaryFor('ne-NP')).toBe(displayNe)
    expect(displayDictionaryFor('en-IN')).toBe(displayEn)
    expect(displayDictionaryFor('fr-FR')).toBe(displayEn)
  })

  it('use in Nepali exactly the placeholders of the English, and Devanagari in every text', () => {
    for (const [key, english] of Object.entries(displayEn)) {
      const nepali = displayNe[key as keyof typeof displayNe] as Template
      const [englishForms, nepaliForms] = [forms(english), forms(nepali)]
      englishForms.forEach((form, index) => expect(placeholders(nepaliForms[index]!), key).toEqual(placeholders(form)))
      if (key !== 'display.quantity') for (const form of nepaliForms) expect(form, key).toMatch(/[\u0900-\u097F]/)
    }
  })
})
