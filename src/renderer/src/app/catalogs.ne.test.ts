import { describe, expect, it } from 'vitest'
import { receiptLabelsEn } from '#shared/receipts/receipt-labels.en'
import { receiptLabelsNe } from '#shared/receipts/receipt-labels.ne'
import { ERROR_CODES } from '#shared/ipc/errors'
import { createTranslator, messagesOf, money, type Template } from '../platform/i18n/translate'
import { en, ne, type AppTexts } from './catalogs'
import { i18nFor } from './i18n-provider'

const forms = (template: Template): string[] => (typeof template === 'string' ? [template] : [template.one, template.other])
const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort()
const DEVANAGARI = /[\u0900-\u097F]/
/** Three or more Latin words in a row: an English sentence left untranslated. */
const ENGLISH_PROSE = /\b[A-Za-z]{2,}\b[ ,]+\b[A-Za-z]{2,}\b[ ,]+\b[A-Za-z]{2,}\b/

describe('the Nepali dictionary', () => {
  it('has every English key and no other', () => {
    expect(Object.keys(ne).sort()).toEqual(Object.keys(en).sort())
  })

  it('uses exactly the placeholders of the English text, form by form', () => {
    for (const key of Object.keys(en) as (keyof AppTexts)[]) {
      const english = en[key] as Template
      const nepali = ne[key] as Template
      expect(typeof nepali, key).toBe(typeof english)
      const [englishForms, nepaliForms] = [forms(english), forms(nepali)]
      englishForms.forEach((form, index) => expect(placeholdersOf(nepaliForms[index]!), key).toEqual(placeholdersOf(form)))
      if (typeof english !== 'string' && 'plural' in english) expect((nepali as { plural?: string }).plural, key).toBe(english.plural)
    }
  })

  it('is written in Nepali: no empty text, no English sentence left over', () => {
    const untranslated = Object.entries(ne).flatMap(([key, template]) =>
      forms(template)
        .filter((form) => form.trim() === '' || (ENGLISH_PROSE.test(form.replace(/\{\w+\}/g, '')) && !DEVANAGARI.test(form)))
        .map(() => key),
    )
    expect(untranslated).toEqual([])
  })

  it('has a text for every error code', () => {
    for (const code of ERROR_CODES) {
      const key = `error.${code}` as keyof AppTexts
      expect(ne[key], code).toBeTruthy()
      for (const form of forms(ne[key] as Template)) expect(DEVANAGARI.test(form), code).toBe(true)
    }
  })

  it('prints receipts with the same labels and placeholders', () => {
    expect(Object.keys(receiptLabelsNe).sort()).toEqual(Object.keys(receiptLabelsEn).sort())
    for (const [key, text] of Object.entries(receiptLabelsEn)) {
      expect(placeholdersOf(receiptLabelsNe[key as keyof typeof receiptLabelsNe]), key).toEqual(placeholdersOf(text))
    }
  })

  it('writes numbers and money with Devanagari digits, lakh grouping and the rupee sign', () => {
    const i18n = i18nFor('ne', { currency: 'NPR', currencyDecimals: 2, locale: 'ne-NP' })
    const { t, render } = createTranslator<AppTexts>(ne, i18n.texts.locale, { money: i18n.money })
    expect(t('cart.itemCount', { count: 1200 })).toContain('१,२००')
    expect(i18n.money(12_345_678)).toBe('रु.\u00a0१,२३,४५६.७८')
    expect(i18n.day('2026-03-15')).toBe('१५ मार्च २०२६')
    expect(i18n.percent(1300)).toBe('१३%')
    const msg = messagesOf<AppTexts>()
    expect(render(msg('cart.overStock', { stock: 12 }))).toContain('१२')
    expect(render(msg('error.CART_CHANGED', { totalCents: money(150_000) }))).not.toContain('{')
  })

  it('adds the Bikram Sambat date to days where the store shows it', () => {
    expect(i18nFor('ne', { currency: 'NPR', currencyDecimals: 2, locale: 'ne-NP', bikramSambat: true }).day('2026-03-15')).toBe(
      '१५ मार्च २०२६ (वि.सं. २०८२ चैत १)',
    )
    expect(i18nFor('en', { currency: 'NPR', currencyDecimals: 2, locale: 'en-IN', bikramSambat: true }).day('2026-03-15')).toBe(
      '15 Mar 2026 (BS 2082 Chaitra 1)',
    )
    expect(i18nFor('en', { currency: 'NPR', currencyDecimals: 2, locale: 'en-IN' }).day('2026-03-15')).toBe('15 Mar 2026')
  })

  it('leaves English screens of a Nepali store in Indian English', () => {
    const i18n = i18nFor('en', { currency: 'NPR', currencyDecimals: 2, locale: 'ne-NP' })
    expect(i18n.money(12_345_678)).toMatch(/1,23,456\.78/)
    expect(i18n.texts.text('signIn.submit')).toBe('Sign in')
  })
})
