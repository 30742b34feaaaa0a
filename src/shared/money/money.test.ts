import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assertCents, formatMoney, lineTotalCents, parseMoney, sumCents } from './money'

const npr = { currency: 'NPR', locale: 'en-IN' }
const plain = (text: string) => text.replace(/\u00a0/g, ' ')

describe('money', () => {
  it('formats minor units with the store currency', () => {
    expect(plain(formatMoney(123_456, npr))).toBe('NPR 1,234.56')
    expect(plain(formatMoney(5, npr))).toBe('NPR 0.05')
    expect(plain(formatMoney(-250, npr))).toBe('-NPR 2.50')
    expect(formatMoney(1_000, { currency: 'JPY', locale: 'en-US' })).toBe('¥1,000')
  })

  it('formats exactly even past float precision', () => {
    expect(plain(formatMoney(Number.MAX_SAFE_INTEGER, { currency: 'USD', locale: 'en-US' }))).toBe('$90,071,992,547,409.91')
  })

  it('refuses non-integers anywhere', () => {
    expect(() => assertCents(1.5)).toThrow(RangeError)
    expect(() => sumCents([1, 0.1])).toThrow(RangeError)
    expect(() => lineTotalCents(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError)
    expect(() => formatMoney(Number.NaN, npr)).toThrow(RangeError)
  })

  it('parses what a cashier types, without floats', () => {
    expect(parseMoney('1,250.5', 'NPR')).toBe(125_050)
    expect(parseMoney(' 12.05 ', 'NPR')).toBe(1_205)
    expect(parseMoney('0.1', 'NPR')).toBe(10)
    expect(parseMoney('100', 'NPR')).toBe(10_000)
    expect(parseMoney('1.234', 'NPR')).toBeNull()
    expect(parseMoney('abc', 'NPR')).toBeNull()
    expect(parseMoney('-5', 'NPR')).toBeNull()
    expect(parseMoney('', 'NPR')).toBeNull()
    expect(parseMoney('5', 'JPY')).toBe(5)
  })

  it('round-trips: parse(format(x)) = x for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (cents) => {
        const text = formatMoney(cents, { currency: 'USD', locale: 'en-US' }).replace('$', '')
        expect(parseMoney(text, 'USD')).toBe(cents)
      }),
      { numRuns: 500 },
    )
  })

  it('sums exactly and in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { maxLength: 50 }), (values) => {
        const total = sumCents(values)
        expect(Number.isSafeInteger(total)).toBe(true)
        expect(total).toBe(sumCents([...values].reverse()))
        expect(BigInt(total)).toBe(values.reduce((acc, value) => acc + BigInt(value), 0n))
      }),
    )
  })
})
