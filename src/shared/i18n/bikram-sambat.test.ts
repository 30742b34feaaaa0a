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
  bsPublishedThrough,
  bsYearsProblem,
  BS_YEARS_ADDED_MAX,
  projectedBsYear,
  type BsYear,
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

describe('years a store adds from its almanac', () => {
  const projected2084 = projectedBsYear(2084)!
  /** BS 2084 as a store might find it in its patro: one day moved from Asar to Jestha. */
  const published2084: BsYear = {
    year: 2084,
    months: projected2084.months.map((days, i) => (i === 1 ? days + 1 : i === 2 ? days - 1 : days)),
  }

  it('are offered from the projection, for the years after the published ones only', () => {
    expect(projected2084.year).toBe(2084)
    expect(projected2084.months).toHaveLength(12)
    expect(projectedBsYear(2083)).toBeNull()
    expect(projectedBsYear(BS_LAST_YEAR + 1)).toBeNull()
  })

  it('make the BS date shown for those years, as the store entered them', () => {
    const baisakh1 = fromBikramSambat({ year: 2084, month: 1, day: 1 })!
    expect(bikramSambatNote(baisakh1, 'en')).toBeNull()
    expect(bikramSambatNote(baisakh1, 'en', [published2084])).toBe('BS 2084 Baisakh 1')
    expect(bikramSambatNote(baisakh1, 'ne', [published2084])).toBe('वि.सं. २०८४ बैशाख १')
    expect(bsPublishedThrough([published2084])).toBe(2084)
    // Asar 1 falls a day later than the projection has it.
    const asar1 = fromBikramSambat({ year: 2084, month: 3, day: 1 }, [published2084])!
    expect(fromBikramSambat({ year: 2084, month: 3, day: 1 })).not.toBe(asar1)
    expect(toBikramSambat(asar1, [published2084])).toEqual({ year: 2084, month: 3, day: 1 })
    // The year after is still only projected: left off.
    const next = fromBikramSambat({ year: 2085, month: 1, day: 1 }, [published2084])!
    expect(bikramSambatNote(next, 'en', [published2084])).toBeNull()
    // Years before are untouched.
    expect(bikramSambatNote('2026-03-15', 'en', [published2084])).toBe('BS 2082 Chaitra 1')
  })

  it('round-trip every day of a store-added year', () => {
    const first = fromBikramSambat({ year: 2084, month: 1, day: 1 }, [published2084])!
    let day = Date.parse(`${first}T00:00:00Z`)
    for (let month = 1; month <= 12; month += 1) {
      for (let date = 1; date <= published2084.months[month - 1]!; date += 1) {
        const iso = new Date(day).toISOString().slice(0, 10)
        expect(toBikramSambat(iso, [published2084])).toEqual({ year: 2084, month, day: date })
        expect(fromBikramSambat({ year: 2084, month, day: date }, [published2084])).toBe(iso)
        day += 86_400_000
      }
    }
  })

  it('are refused, and add nothing, unless they follow the table one after another with real month and year lengths', () => {
    const months = projected2084.months
    expect(bsYearsProblem([])).toBeNull()
    expect(bsYearsProblem([published2084, { year: 2085, months: projectedBsYear(2085)!.months }])).toBeNull()
    expect(bsYearsProblem([{ year: 2085, months }])).toBe('notNext')
    expect(bsYearsProblem([published2084, published2084])).toBe('notNext')
    expect(bsYearsProblem([{ year: 2084, months: months.slice(0, 11) }])).toBe('monthLength')
    expect(bsYearsProblem([{ year: 2084, months: [28, ...months.slice(1)] }])).toBe('monthLength')
    expect(bsYearsProblem([{ year: 2084, months: [30.5, ...months.slice(1)] }])).toBe('monthLength')
    expect(bsYearsProblem([{ year: 2084, months: months.map(() => 32) }])).toBe('yearLength')
    const all = Array.from({ length: BS_YEARS_ADDED_MAX + 1 }, (_, i) => ({ year: 2084 + i, months }))
    expect(bsYearsProblem(all)).toBe('tooMany')
    const baisakh1 = fromBikramSambat({ year: 2084, month: 1, day: 1 })!
    expect(bikramSambatNote(baisakh1, 'en', [{ year: 2085, months }])).toBeNull()
    expect(bsPublishedThrough([{ year: 2085, months }])).toBe(2083)
  })
})
