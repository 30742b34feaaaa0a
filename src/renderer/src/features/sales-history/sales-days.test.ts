import { describe, expect, it } from 'vitest'
import { daysBefore, presetOf, presetRange } from './sales-days'

describe('the history’s day presets', () => {
  it('are store-local days counted back from today, across months, years and 29 February', () => {
    expect(presetRange('today', '2026-03-15')).toEqual({ from: '2026-03-15', to: '2026-03-15' })
    expect(presetRange('yesterday', '2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-02-28' })
    expect(presetRange('yesterday', '2028-03-01')).toEqual({ from: '2028-02-29', to: '2028-02-29' })
    expect(presetRange('week', '2026-01-03')).toEqual({ from: '2025-12-28', to: '2026-01-03' })
    expect(presetRange('all', '2026-03-15')).toEqual({ from: '', to: '' })
  })

  it('count any number of days either way, and leave what is not a day alone', () => {
    expect(daysBefore('2026-03-15', 0)).toBe('2026-03-15')
    expect(daysBefore('2026-03-15', 365)).toBe('2025-03-15')
    expect(daysBefore('2026-12-31', -1)).toBe('2027-01-01')
    expect(daysBefore('', 1)).toBe('')
  })

  it('say which preset days typed by hand are, if any', () => {
    expect(presetOf({ from: '2026-03-09', to: '2026-03-15' }, '2026-03-15')).toBe('week')
    expect(presetOf({ from: '2026-03-14', to: '2026-03-14' }, '2026-03-15')).toBe('yesterday')
    expect(presetOf({ from: '', to: '' }, '2026-03-15')).toBe('all')
    expect(presetOf({ from: '2026-03-10', to: '2026-03-15' }, '2026-03-15')).toBeNull()
    // Yesterday's "today" is not today's.
    expect(presetOf({ from: '2026-03-14', to: '2026-03-14' }, '2026-03-14')).toBe('today')
  })
})
