import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decimalAmount, formatMoney } from '../money/money'
import * as bikramSambat from './bikram-sambat'
import { NEPALI_CASES, runNepaliCase, type NepaliI18nApi } from './nepali-format.fixture'
import * as nepaliFormat from './nepali-format'
import { formatNepaliMoney, nepaliDateTimeFormatter, nepaliDayFormatter } from './nepali-format'

const api: NepaliI18nApi = { ...nepaliFormat, ...bikramSambat }

/** Devanagari digits back to ASCII, to compare with figures worked out elsewhere. */
const latin = (text: string) => text.replace(/[०-९]/g, (digit) => String(digit.charCodeAt(0) - 0x966))

describe('the shared Nepali table (also checked in Chromium)', () => {
  it.each(NEPALI_CASES.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    expect(runNepaliCase(api, testCase)).toEqual(testCase.expected)
  })
})

describe('formatNepaliMoney', () => {
  it('writes NPR the way formatMoney writes it in English, sign, symbol and no-break space alike', () => {
    for (const cents of [0, 5, -250, 123_456, -12_345_678]) {
      const english = formatMoney(cents, { currency: 'NPR', locale: 'en-IN' })
      expect(latin(formatNepaliMoney(cents, { currency: 'NPR' })).replace('रु.', 'NPR')).toBe(english)
    }
  })

  it('has exactly the digits of the integer amount, for any safe integer and 0 to 3 decimals', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 3 }), (cents, decimals) => {
        const text = formatNepaliMoney(cents, { currency: 'NPR', currencyDecimals: decimals })
        expect(latin(text).replace(/रु\.\u00a0|,/g, '')).toBe(decimalAmount(cents, decimals))
      }),
      { numRuns: 500 },
    )
  })

  it('groups in lakhs and crores: three digits, then twos', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        const major = latin(formatNepaliMoney(cents, { currency: 'NPR' }))
          .slice(4)
          .split('.')[0]!
        expect(major).toMatch(/^(?:\d{1,2}(?:,\d{2})*,\d{3}|\d{1,3})$/)
      }),
      { numRuns: 300 },
    )
  })

  it('refuses a non-integer amount or impossible decimals, as formatMoney does', () => {
    expect(() => formatNepaliMoney(1.5, { currency: 'NPR' })).toThrow(RangeError)
    expect(() => formatNepaliMoney(Number.MAX_SAFE_INTEGER + 1, { currency: 'NPR' })).toThrow(RangeError)
    expect(() => formatNepaliMoney(100, { currency: 'NPR', currencyDecimals: -1 })).toThrow(RangeError)
    expect(() => formatNepaliMoney(100, { currency: 'NPR', currencyDecimals: 1.5 })).toThrow(RangeError)
  })

  it('reuses its layout per currency without mixing signs up', () => {
    expect(latin(formatNepaliMoney(100, { currency: 'USD' }))).toBe('$1.00')
    expect(latin(formatNepaliMoney(-100, { currency: 'USD' }))).toBe('-$1.00')
    expect(latin(formatNepaliMoney(100, { currency: 'USD' }))).toBe('$1.00')
  })
})

describe('Nepali dates', () => {
  it('writes every day of a year as the day it names, never the one before or after', () => {
    const format = nepaliDayFormatter()
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10)
      const [, month, date] = iso.split('-').map(Number)
      const name = nepaliFormat.NEPALI_GREGORIAN_MONTHS[month! - 1]
      expect(format(iso)).toBe(`${nepaliFormat.toDevanagariDigits(String(date))} ${name} २०२६`)
    }
  })

  it('formats instants in the zone it is given, not the machine one', () => {
    const kathmandu = nepaliDateTimeFormatter('Asia/Kathmandu')
    const newYork = nepaliDateTimeFormatter('America/New_York')
    expect(kathmandu('2026-03-15T00:30:00Z')).toBe('१५ मार्च २०२६, ०६:१५')
    expect(newYork('2026-03-15T00:30:00Z')).toBe('१४ मार्च २०२६, २०:३०')
  })
})
