import { describe, expect, it } from 'vitest'
import { createTranslator, interpolate, messagesOf, money, type Catalog } from './translate'

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

const texts = {
  greeting: 'Hello {name}',
  submit: 'Sign in',
  items: { one: '{count} item', other: '{count} items' },
  wait: { plural: 'seconds', one: 'Wait {seconds} second.', other: 'Wait {seconds} seconds.' },
  paid: 'Paid {amount}.',
  failed: 'It failed: {reason}',
  reason: 'the {thing} broke',
} as const satisfies Catalog

describe('createTranslator', () => {
  const msg = messagesOf<typeof texts>()
  const { t, render } = createTranslator(texts, 'en', { money: (cents) => `Rs ${(cents / 100).toFixed(2)}` })

  it('translates a key with its parameters', () => {
    expect(t('greeting', { name: 'Asha' })).toBe('Hello Asha')
    expect(t('submit')).toBe('Sign in')
  })

  it('picks the plural form from count, or from the parameter the template names', () => {
    expect(t('items', { count: 1 })).toBe('1 item')
    expect(t('items', { count: 0 })).toBe('0 items')
    expect(t('items', { count: 1200 })).toBe('1,200 items')
    expect(t('wait', { seconds: 1 })).toBe('Wait 1 second.')
    expect(t('wait', { seconds: 4 })).toBe('Wait 4 seconds.')
  })

  it('renders stored message descriptors, with money and messages inside messages', () => {
    expect(render(msg('greeting', { name: 'Asha' }))).toBe('Hello Asha')
    expect(render(msg('paid', { amount: money(18_500) }))).toBe('Paid Rs 185.00.')
    expect(render(msg('failed', { reason: msg('reason', { thing: 'printer' }) }))).toBe('It failed: the printer broke')
  })

  it('leaves money visible as a placeholder when it has no money formatter', () => {
    expect(createTranslator(texts, 'en').render(msg('paid', { amount: money(100) }))).toBe('Paid {amount}.')
  })

  it('shows a key it has no text for, rather than nothing', () => {
    expect(render({ key: 'nowhere' })).toBe('nowhere')
  })

  it('uses the dictionary it is given', () => {
    const shouty = { ...texts, submit: 'SIGN IN' } satisfies Catalog
    expect(createTranslator(shouty, 'en').t('submit')).toBe('SIGN IN')
  })
})
