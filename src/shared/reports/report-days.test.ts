import { describe, expect, it } from 'vitest'
import { addDays, bucketsOf, daysInRange, firstDayOfWeek, monthEnd, presetRange, weekStart } from './report-days'

describe('business days for reports', () => {
  it('moves across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(daysInRange('2026-03-01', '2026-03-31')).toBe(31)
    expect(monthEnd('2028-02-10')).toBe('2028-02-29')
  })

  it('starts the week on Sunday in Nepal and on Monday in Britain', () => {
    expect(firstDayOfWeek('ne-NP')).toBe(0)
    expect(firstDayOfWeek('en-IN')).toBe(0)
    expect(firstDayOfWeek('en-GB')).toBe(1)
    // 2026-12-02 is a Wednesday.
    expect(weekStart('2026-12-02', 0)).toBe('2026-11-29')
    expect(weekStart('2026-12-02', 1)).toBe('2026-11-30')
    expect(weekStart('2026-11-29', 1)).toBe('2026-11-23')
  })

  it('gives each preset its days, both ends included', () => {
    const today = '2026-12-02'
    expect(presetRange('today', today, 0)).toEqual({ from: today, to: today })
    expect(presetRange('yesterday', today, 0)).toEqual({ from: '2026-12-01', to: '2026-12-01' })
    expect(presetRange('thisWeek', today, 0)).toEqual({ from: '2026-11-29', to: today })
    expect(presetRange('lastWeek', today, 0)).toEqual({ from: '2026-11-22', to: '2026-11-28' })
    expect(presetRange('lastWeek', today, 1)).toEqual({ from: '2026-11-23', to: '2026-11-29' })
    expect(presetRange('thisMonth', today, 0)).toEqual({ from: '2026-12-01', to: today })
    expect(presetRange('lastMonth', '2026-03-31', 0)).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(presetRange('lastMonth', '2026-01-15', 0)).toEqual({ from: '2025-12-01', to: '2025-12-31' })
  })

  it('cuts a range into buckets clipped to it, with no day lost or counted twice', () => {
    expect(bucketsOf('2026-11-25', '2026-12-09', 'week', 0)).toEqual([
      { from: '2026-11-25', to: '2026-11-28' },
      { from: '2026-11-29', to: '2026-12-05' },
      { from: '2026-12-06', to: '2026-12-09' },
    ])
    expect(bucketsOf('2026-01-15', '2026-03-02', 'month', 1).map((bucket) => bucket.from)).toEqual([
      '2026-01-15',
      '2026-02-01',
      '2026-03-01',
    ])
    for (const bucket of ['day', 'week', 'month'] as const) {
      const buckets = bucketsOf('2025-12-20', '2026-02-10', bucket, 1)
      expect(buckets.reduce((days, { from, to }) => days + daysInRange(from, to), 0)).toBe(daysInRange('2025-12-20', '2026-02-10'))
      for (let index = 1; index < buckets.length; index++) expect(buckets[index]!.from).toBe(addDays(buckets[index - 1]!.to, 1))
    }
  })
})
