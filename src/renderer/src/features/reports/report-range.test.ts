import { describe, expect, it } from 'vitest'
import { MAX_REPORT_DAYS } from '#shared/contract/reports'
import { daysInRange } from '#shared/reports/report-days'
import { dashboardDays, rangeAfterDayChange } from './report-range'

const MARCH = { from: '2026-03-01', to: '2026-03-15' }

describe('the reports’ range', () => {
  it('moves one end, and the other follows when they would cross', () => {
    expect(rangeAfterDayChange(MARCH, 'from', '2026-03-10')).toEqual({ from: '2026-03-10', to: '2026-03-15' })
    expect(rangeAfterDayChange(MARCH, 'from', '2026-03-20')).toEqual({ from: '2026-03-20', to: '2026-03-20' })
    expect(rangeAfterDayChange(MARCH, 'to', '2026-02-20')).toEqual({ from: '2026-02-20', to: '2026-02-20' })
  })

  it('keeps a range within the longest one reports answer, shortened from the other end', () => {
    const long = rangeAfterDayChange(MARCH, 'from', '2000-01-01')
    expect(long.from).toBe('2000-01-01')
    expect(daysInRange(long.from, long.to)).toBe(MAX_REPORT_DAYS)
    const later = rangeAfterDayChange(MARCH, 'to', '2040-01-01')
    expect(later.to).toBe('2040-01-01')
    expect(daysInRange(later.from, later.to)).toBe(MAX_REPORT_DAYS)
  })

  it('ignores what is not a day: an emptied field, 30 February', () => {
    expect(rangeAfterDayChange(MARCH, 'from', '')).toBe(MARCH)
    expect(rangeAfterDayChange(MARCH, 'to', '2026-02-30')).toBe(MARCH)
    expect(rangeAfterDayChange(MARCH, 'to', '15/03/2026')).toBe(MARCH)
  })

  it('gives the dashboard today, the same weekday last week and the trend’s days, across a month', () => {
    expect(dashboardDays('2026-03-03', 14)).toEqual({
      today: '2026-03-03',
      lastWeek: '2026-02-24',
      trend: { from: '2026-02-18', to: '2026-03-03' },
    })
  })
})
