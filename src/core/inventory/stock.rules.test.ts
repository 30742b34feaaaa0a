import { describe, expect, it } from 'vitest'
import { nextDay, storeDayRange, storeDayStart } from '#core/common/store-day'
import { stockDelta } from './stock.rules'

describe('stockDelta', () => {
  it.each([
    ['received', { delta: 5 }, 10, 5],
    ['received', { delta: -5 }, 10, null],
    ['received', { counted: 15 }, 10, null],
    ['returned', { delta: 1 }, 0, 1],
    ['returned', { delta: -1 }, 10, null],
    ['damaged', { delta: -2 }, 10, -2],
    ['damaged', { delta: 2 }, 10, null],
    ['damaged', { counted: 7 }, 10, -3],
    ['damaged', { counted: 10 }, 10, null],
    ['damaged', { counted: 12 }, 10, null],
    ['count', { counted: 12 }, 10, 2],
    ['count', { counted: 0 }, 10, -10],
    ['count', { counted: 10 }, 10, 0],
    ['count', { delta: 2 }, 10, null],
    ['correction', { delta: -4 }, 10, -4],
    ['correction', { delta: 4 }, 10, 4],
    ['correction', { counted: 3 }, 10, -7],
  ] as const)('%s %j on %i → %s', (reason, change, stock, expected) => {
    expect(stockDelta(reason, change, stock)).toBe(expected)
  })
})

describe('storeDayStart', () => {
  it.each([
    // Kathmandu is +05:45 all year.
    ['2026-03-15', 'Asia/Kathmandu', '2026-03-14T18:15:00.000Z'],
    ['2026-01-01', 'Asia/Kathmandu', '2025-12-31T18:15:00.000Z'],
    ['2026-03-15', 'UTC', '2026-03-15T00:00:00.000Z'],
    // New York: the day clocks go forward (at 02:00) and back (at 02:00) both begin at midnight.
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['2026-03-09', 'America/New_York', '2026-03-09T04:00:00.000Z'],
    ['2026-11-01', 'America/New_York', '2026-11-01T04:00:00.000Z'],
    ['2026-11-02', 'America/New_York', '2026-11-02T05:00:00.000Z'],
    // São Paulo in 2018 skipped midnight: that day began at 01:00, when the clocks jumped.
    ['2018-11-04', 'America/Sao_Paulo', '2018-11-04T03:00:00.000Z'],
    // Chatham is +13:45 in its summer.
    ['2026-03-15', 'Pacific/Chatham', '2026-03-14T10:15:00.000Z'],
  ])('%s in %s begins at %s', (date, zone, instant) => {
    expect(storeDayStart(date, zone).toISOString()).toBe(instant)
  })
})

describe('storeDayRange', () => {
  it('covers both days whole, up to the start of the day after the last', () => {
    expect(storeDayRange('2026-03-14', '2026-03-15', 'Asia/Kathmandu')).toEqual({
      from: new Date('2026-03-13T18:15:00.000Z'),
      before: new Date('2026-03-15T18:15:00.000Z'),
    })
    expect(storeDayRange(undefined, undefined, 'Asia/Kathmandu')).toEqual({})
    expect(nextDay('2026-02-28')).toBe('2026-03-01')
    expect(nextDay('2028-02-28')).toBe('2028-02-29')
    expect(nextDay('2026-12-31')).toBe('2027-01-01')
  })
})
