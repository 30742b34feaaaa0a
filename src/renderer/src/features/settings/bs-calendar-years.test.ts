import { describe, expect, it } from 'vitest'
import { projectedBsYear } from '#shared/i18n/bikram-sambat'
import { readBsYear } from './bs-calendar-years'

const months = projectedBsYear(2084)!.months

describe('readBsYear (the next BS year as typed in Settings)', () => {
  it('takes twelve month lengths, in ASCII or Devanagari digits', () => {
    expect(readBsYear([], 2084, months.map(String))).toEqual({ year: { year: 2084, months: [...months] } })
    const devanagari = months.map((days) => String(days).replace(/\d/g, (d) => '०१२३४५६७८९'[Number(d)]!))
    expect(readBsYear([], 2084, devanagari)).toEqual({ year: { year: 2084, months: [...months] } })
  })

  it('says a month must have 29 to 32 days, for a short, long, empty or not-a-number month', () => {
    for (const bad of ['28', '33', '', 'x', '30.5']) {
      expect(readBsYear([], 2084, [bad, ...months.slice(1).map(String)])).toEqual({ refused: { key: 'settings.bsMonthDays' } })
    }
  })

  it('says a year has 365 or 366 days, naming what the months make', () => {
    expect(
      readBsYear(
        [],
        2084,
        months.map(() => '32'),
      ),
    ).toEqual({ refused: { key: 'settings.bsYearDays', params: { days: 384 } } })
  })

  it('follows the years already added', () => {
    const added = [{ year: 2084, months: [...months] }]
    const next = projectedBsYear(2085)!.months
    expect(readBsYear(added, 2085, next.map(String))).toEqual({ year: { year: 2085, months: [...next] } })
  })
})
