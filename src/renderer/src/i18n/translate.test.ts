import { describe, expect, it } from 'vitest'
import { en } from './en'
import { createTranslator, interpolate, msg, type Dictionary } from './translate'

describe('interpolate', () => {
  it('replaces every placeholder, repeated ones too', () => {
    expect(interpolate('{a} and {b} and {a}', { a: 'x', b: 'y' }, 'en')).toBe('x and y and x')
  })

  it('formats numbers for the locale and leaves strings alone', () => {
    expect(interpolate('{n} / {s}', { n: 1234567, s: '1234567' }, 'en-IN')).toBe('12,34,567 / 1234567')
  })

  it('leaves a missing placeholder visible', () => {
    expect(interpolate('Hello {name}', {}, 'en')).toBe('Hello {name}')
  })

  it('does not read inherited properties as values', () => {
    expect(interpolate('{toString}', {}, 'en')).toBe('{toString}')
  })
})

describe('createTranslator', () => {
  const { t, render } = createTranslator(en, 'en')

  it('translates a key with its parameters', () => {
    expect(t('scan.unknownCode', { code: '123' })).toBe('No product has the barcode or SKU “123”.')
    expect(t('signIn.submit')).toBe('Sign in')
  })

  it('picks the plural form from count', () => {
    expect(t('cart.itemCount', { count: 1 })).toBe('1 item')
    expect(t('cart.itemCount', { count: 0 })).toBe('0 items')
    expect(t('cart.itemCount', { count: 1200 })).toBe('1,200 items')
  })

  it('renders stored message descriptors and ready-made text', () => {
    expect(render(msg('cart.overStock', { stock: 1 }))).toBe('Only 1 in stock')
    expect(render({ text: 'Insufficient balance' })).toBe('Insufficient balance')
  })

  it('uses the dictionary it is given', () => {
    const shouty: Dictionary = { ...en, 'signIn.submit': 'SIGN IN' }
    expect(createTranslator(shouty, 'en').t('signIn.submit')).toBe('SIGN IN')
  })
})

describe('the English dictionary', () => {
  it('has no empty text', () => {
    for (const [key, value] of Object.entries(en)) {
      const forms = typeof value === 'string' ? [value] : [value.one, value.other]
      for (const form of forms) expect(form.trim(), key).not.toBe('')
    }
  })
})
