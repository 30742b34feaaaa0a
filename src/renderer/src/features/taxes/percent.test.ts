import { describe, expect, it } from 'vitest'
import { formatPercent, parsePercent, percentText } from './percent'

describe('percents', () => {
  it('read a typed percent as basis points', () => {
    expect(parsePercent('13')).toBe(1300)
    expect(parsePercent(' 12.5 ')).toBe(1250)
    expect(parsePercent('0.01')).toBe(1)
    expect(parsePercent('13 %')).toBe(1300)
    expect(parsePercent('13%')).toBe(1300)
    expect(parsePercent('0')).toBe(0)
    expect(parsePercent('100')).toBe(10_000)
  })

  it('refuse what is not a percent from 0 to 100 with at most two decimals', () => {
    for (const text of ['', ' ', '100.01', '101', '-1', '12.345', 'abc', '1e2', '%']) expect(parsePercent(text), text).toBeNull()
  })

  it('write basis points back as they would be typed', () => {
    expect(percentText(1300)).toBe('13')
    expect(percentText(1250)).toBe('12.5')
    expect(percentText(1)).toBe('0.01')
    expect(percentText(0)).toBe('0')
    expect(percentText(10_000)).toBe('100')
    for (const bps of [0, 1, 99, 100, 1234, 1300, 9999, 10_000]) expect(parsePercent(percentText(bps))).toBe(bps)
  })

  it('format by the store’s locale', () => {
    expect(formatPercent(1300, 'en-IN')).toBe('13%')
    expect(formatPercent(1250, 'en-US')).toBe('12.5%')
    expect(formatPercent(1, 'en-GB')).toBe('0.01%')
    expect(formatPercent(1300, 'de-DE')).toBe('13\u00a0%')
  })
})
