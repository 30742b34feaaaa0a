import { describe, expect, it } from 'vitest'
import { dateTimeFormatter, formatFileSize, formatPercentBps } from './format'

describe('formatFileSize', () => {
  it('picks the unit that keeps the figure under 1000, in decimal units', () => {
    expect(formatFileSize(0, 'en-IN')).toBe('0 byte')
    expect(formatFileSize(812, 'en-IN')).toBe('812 byte')
    expect(formatFileSize(98_304, 'en-IN')).toBe('98.3 kB')
    expect(formatFileSize(1_400_000, 'en-IN')).toBe('1.4 MB')
    expect(formatFileSize(12_345_678_901, 'en-IN')).toBe('12.3 GB')
  })

  it('never shows 1,000 of a unit', () => {
    expect(formatFileSize(999_999, 'en-IN')).toBe('1 MB')
  })

  it('formats for the locale', () => {
    expect(formatFileSize(1_500, 'de-DE')).toBe('1,5 kB')
  })
})

describe('dateTimeFormatter', () => {
  it('formats an instant for the locale', () => {
    const format = dateTimeFormatter('en-IN')
    // The zone is the machine's; only the date part is stable across zones at noon UTC.
    expect(format('2026-03-15T12:00:00.000Z')).toContain('15 Mar 2026')
  })
})

describe('formatPercentBps', () => {
  it('shows a rate in basis points as a percent, with at most two decimals', () => {
    expect(formatPercentBps(1300, 'en-IN')).toBe('13%')
    expect(formatPercentBps(550, 'en-IN')).toBe('5.5%')
    expect(formatPercentBps(1, 'en-IN')).toBe('0.01%')
    expect(formatPercentBps(0, 'en-IN')).toBe('0%')
  })
})
