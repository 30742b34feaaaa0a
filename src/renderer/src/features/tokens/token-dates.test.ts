import { describe, expect, it } from 'vitest'
import { dayFormatter, instantDayFormatter, storeToday, yearAfter } from './token-dates'

describe('the token screens’ calendar', () => {
  it('takes today from the store’s time zone, not the machine’s', () => {
    // 20:00 UTC on 14 March is already 15 March in Kathmandu (+05:45), still 14 March in New York.
    const now = new Date('2026-03-14T20:00:00Z')
    expect(storeToday(now, 'Asia/Kathmandu')).toBe('2026-03-15')
    expect(storeToday(now, 'America/New_York')).toBe('2026-03-14')
  })

  it('goes a year on, 29 February to 28 February', () => {
    expect(yearAfter('2026-03-15')).toBe('2027-03-15')
    expect(yearAfter('2028-02-29')).toBe('2029-02-28')
    expect(yearAfter('2027-12-31')).toBe('2028-12-31')
  })

  it('writes a day as the store’s locale does, on that very day in any zone', () => {
    expect(dayFormatter('en-IN')('2099-12-31')).toBe('31 Dec 2099')
    expect(dayFormatter('en-US')('2027-01-01')).toBe('Jan 1, 2027')
    expect(dayFormatter('en-IN')('not a day')).toBe('not a day')
  })

  it('writes the store-local day an instant falls on', () => {
    expect(instantDayFormatter('en-IN', 'Asia/Kathmandu')('2026-03-14T20:00:00Z')).toBe('15 Mar 2026')
  })
})
