import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assertCents, decimalAmount, formatMoney, lineTotalCents, parseDecimalAmount, parseMoney, sumCents } from './money'

const npr = { currency: 'NPR', locale: 'en-IN' }
const plain = (text: string) => text.replace(/\u00a0/g, ' ')

describe('money', () => {
  it('formats minor units with the store currency', () => {
    expect(plain(formatMoney(123_456, npr))).toBe('NPR 1,234.56')
    expect(plain(formatMoney(5, npr))).toBe('NPR 0.05')
    expect(plain(formatMoney(-250, npr))).toBe('-NPR 2.50')
    expect(formatMoney(1_000, { currency: 'JPY', locale: 'en-US' })).toBe('¥1,000')
  })

  it("formats in the store's own minor digits where it counts differently from the currency's ISO digits", () => {
    // A rupee shop that counts whole rupees: 1 250 on record is NPR 1,250, not NPR 12.50.
    expect(plain(formatMoney(1_250, { ...npr, currencyDecimals: 0 }))).toBe('NPR 1,250')
    expect(plain(formatMoney(1_250, { ...npr, currencyDecimals: 3 }))).toBe('NPR 1.250')
    expect(plain(formatMoney(1_250, { ...npr, currencyDecimals: 2 }))).toBe(plain(formatMoney(1_250, npr)))
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

  it("parses a price typed in the store's own minor digits, whatever Intl says of the currency", () => {
    expect(parseDecimalAmount('125.5', 2)).toBe(12_550)
    expect(parseDecimalAmount('1,250', 0)).toBe(1_250)
    expect(parseDecimalAmount('1.5', 0)).toBeNull()
    expect(parseDecimalAmount('0.125', 3)).toBe(125)
    expect(parseDecimalAmount('0.1255', 3)).toBeNull()
    expect(parseDecimalAmount('12.', 2)).toBe(1_200)
    expect(parseDecimalAmount('', 2)).toBeNull()
    expect(parseDecimalAmount('-1', 2)).toBeNull()
    expect(parseDecimalAmount('1e3', 2)).toBeNull()
  })

  it('writes minor units as the plain decimal an edit field starts from', () => {
    expect(decimalAmount(12_550, 2)).toBe('125.50')
    expect(decimalAmount(5, 2)).toBe('0.05')
    expect(decimalAmount(-250, 2)).toBe('-2.50')
    expect(decimalAmount(1_250, 0)).toBe('1250')
    expect(decimalAmount(125, 3)).toBe('0.125')
    expect(() => decimalAmount(0.5, 2)).toThrow(RangeError)
  })

  it('round-trips a decimal amount for every amount and number of decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom(0, 2, 3), (cents, decimals) => {
        expect(parseDecimalAmount(decimalAmount(cents, decimals), decimals)).toBe(cents)
      }),
      { numRuns: 500 },
    )
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
