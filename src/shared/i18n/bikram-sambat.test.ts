import { describe, expect, it } from 'vitest'
import * as bikramSambat from './bikram-sambat'
import {
  BS_FIRST_YEAR,
  BS_LAST_YEAR,
  BS_MONTHS_EN,
  BS_MONTHS_NE,
  BS_PROJECTED_FROM_YEAR,
  bikramSambatNote,
  bsMonthLength,
  formatBikramSambat,
  fromBikramSambat,
  toBikramSambat,
} from './bikram-sambat'
import { BIKRAM_SAMBAT_PAIRS, bikramSambatRangeProblems, type NepaliI18nApi } from './nepali-format.fixture'
import * as nepaliFormat from './nepali-format'

const api: NepaliI18nApi = { ...nepaliFormat, ...bikramSambat }

describe('the BS table', () => {
  it('covers BS 2000 to 2099 (AD 1943 to 2043), published years through 2083', () => {
    expect(BS_FIRST_YEAR).toBe(2000)
    expect(BS_LAST_YEAR).toBe(2099)
    expect(BS_PROJECTED_FROM_YEAR).toBe(2084)
    expect(bsMonthLength(1999, 12)).toBeNull()
    expect(bsMonthLength(2100, 1)).toBeNull()
  })

  it('has months of 29 to 32 days and years of 365 or 366', () => {
    for (let year = BS_FIRST_YEAR; year <= BS_LAST_YEAR; year += 1) {
      let days = 0
      for (let month = 1; month <= 12; month += 1) {
        const length = bsMonthLength(year, month)
        expect(length, `${year}-${month}`).toBeGreaterThanOrEqual(29)
        expect(length, `${year}-${month}`).toBeLessThanOrEqual(32)
        days += length!
      }
      expect([365, 366], `BS ${year} has ${days} days`).toContain(days)
    }
  })

  it('puts every BS New Year on 12, 13, 14 or 15 April, where the sun enters Aries', () => {
    for (let year = BS_FIRST_YEAR; year <= BS_LAST_YEAR; year += 1) {
      expect(fromBikramSambat({ year, month: 1, day: 1 })).toMatch(/^\d{4}-04-1[2-5]$/)
    }
  })

  it('refuses a month outside 1 to 12', () => {
    expect(bsMonthLength(2082, 0)).toBeNull()
    expect(bsMonthLength(2082, 13)).toBeNull()
    expect(bsMonthLength(2082, 1.5)).toBeNull()
  })
})

describe('conversion', () => {
  it.each(BIKRAM_SAMBAT_PAIRS.map((pair) => [pair.ad, pair] as const))('%s matches its source both ways', (_ad, { ad, bs }) => {
    expect(toBikramSambat(ad)).toEqual(bs)
    expect(fromBikramSambat(bs)).toBe(ad)
  })

  it('round-trips every day of the table and steps one BS day per day, ending where the table ends', () => {
    expect(bikramSambatRangeProblems(api)).toEqual([])
  })

  it('answers null outside the table rather than a guess', () => {
    expect(toBikramSambat('1943-04-13')).toBeNull()
    expect(toBikramSambat('2043-04-14')).toBeNull()
    expect(toBikramSambat('1900-01-01')).toBeNull()
    expect(toBikramSambat('2200-01-01')).toBeNull()
    expect(fromBikramSambat({ year: 2100, month: 1, day: 1 })).toBeNull()
    expect(formatBikramSambat('2043-04-14', { digits: 'latn' })).toBeNull()
  })

  it('answers null for text that is not a real day', () => {
    for (const text of ['', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-14', '2026-04-14T00:00:00Z', ' 2026-04-14']) {
      expect(toBikramSambat(text), JSON.stringify(text)).toBeNull()
    }
    expect(toBikramSambat('2024-02-29')).toEqual({ year: 2080, month: 11, day: 17 })
  })
})

describe('formatBikramSambat', () => {
  it('names every month, in Nepali and in English', () => {
    for (let month = 1; month <= 12; month += 1) {
      const ad = fromBikramSambat({ year: 2082, month, day: 1 })!
      expect(formatBikramSambat(ad, { digits: 'deva' })).toBe(`२०८२ ${BS_MONTHS_NE[month - 1]} १`)
      expect(formatBikramSambat(ad, { digits: 'latn' })).toBe(`2082 ${BS_MONTHS_EN[month - 1]} 1`)
    }
  })

  it('uses the month names Nepal writes on receipts', () => {
    expect(BS_MONTHS_NE).toEqual(['बैशाख', 'जेठ', 'असार', 'साउन', 'भदौ', 'असोज', 'कात्तिक', 'मंसिर', 'पुस', 'माघ', 'फागुन', 'चैत'])
    expect(BS_MONTHS_EN).toEqual([
      'Baisakh',
      'Jestha',
      'Asar',
      'Shrawan',
      'Bhadra',
      'Asoj',
      'Kartik',
      'Mangsir',
      'Poush',
      'Magh',
      'Falgun',
      'Chaitra',
    ])
  })
})

describe('the BS date beside a Gregorian one', () => {
  it('is written in the language of the screen', () => {
    expect(bikramSambatNote('2026-03-15', 'ne')).toBe('वि.सं. २०८२ चैत १')
    expect(bikramSambatNote('2026-03-15', 'en')).toBe('BS 2082 Chaitra 1')
  })

  it('is left off where the calendar is only projected, and outside the table', () => {
    const lastPublished = fromBikramSambat({
      year: BS_PROJECTED_FROM_YEAR - 1,
      month: 12,
      day: bsMonthLength(BS_PROJECTED_FROM_YEAR - 1, 12)!,
    })!
    expect(bikramSambatNote(lastPublished, 'en')).toMatch(/^BS 2083 Chaitra \d+$/)
    const firstProjected = fromBikramSambat({ year: BS_PROJECTED_FROM_YEAR, month: 1, day: 1 })!
    expect(bikramSambatNote(firstProjected, 'ne')).toBeNull()
    expect(bikramSambatNote('1900-01-01', 'en')).toBeNull()
    expect(bikramSambatNote('not a day', 'ne')).toBeNull()
  })
})
