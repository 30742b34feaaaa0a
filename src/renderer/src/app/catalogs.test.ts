import { describe, expect, it } from 'vitest'
import { createTranslator, messagesOf, type Template } from '../platform/i18n/translate'
import { CATALOGS, en, type AppTexts, type Dictionary } from './catalogs'

const forms = (template: Template): string[] => (typeof template === 'string' ? [template] : [template.one, template.other])
const placeholders = (template: Template): string[] => forms(template).flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))

describe('the English dictionary', () => {
  const { t, render } = createTranslator(en, 'en')
  const msg = messagesOf<AppTexts>()

  it('translates a key with its parameters', () => {
    expect(t('cart.unknownCode', { code: '123' })).toBe('No product has the barcode or SKU “123”.')
    expect(t('signIn.submit')).toBe('Sign in')
  })

  it('picks the plural form from count', () => {
    expect(t('cart.itemCount', { count: 1 })).toBe('1 item')
    expect(t('cart.itemCount', { count: 0 })).toBe('0 items')
    expect(t('cart.itemCount', { count: 1200 })).toBe('1,200 items')
  })

  it('renders stored message descriptors', () => {
    expect(render(msg('cart.overStock', { stock: 1 }))).toBe('Only 1 in stock')
    expect(render(msg('error.INSUFFICIENT_BALANCE'))).toBe('Insufficient balance')
  })

  it('uses the dictionary it is given', () => {
    const shouty: Dictionary = { ...en, 'signIn.submit': 'SIGN IN' }
    expect(createTranslator<AppTexts>(shouty, 'en').t('signIn.submit')).toBe('SIGN IN')
  })

  it('has no empty text', () => {
    for (const [key, value] of Object.entries(en)) {
      for (const form of forms(value)) expect(form.trim(), key).not.toBe('')
    }
  })

  it('takes every catalog whole: no key is defined in two of them', () => {
    const keys = CATALOGS.flatMap((catalog) => Object.keys(catalog))
    expect(keys.length).toBe(new Set(keys).size)
    expect(Object.keys(en).sort()).toEqual([...keys].sort())
  })

  it('uses the same placeholders in both plural forms, and counts by one of them', () => {
    for (const [key, value] of Object.entries(en)) {
      if (typeof value === 'string') continue
      const one = placeholders(value.one)
      expect([...new Set(one)].sort(), key).toEqual([...new Set(placeholders(value.other))].sort())
      expect(one, key).toContain('plural' in value ? value.plural : 'count')
    }
  })
})
