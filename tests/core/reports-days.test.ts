import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { ok, openTestStore, type TestStore } from '#core/testing/test-store'
import { at, priceDemoProducts, PRICE_2, sell } from './reports-fixtures'

/**
 * A store in New York: 8 March 2026 has 23 hours (05:00 to 04:00 UTC), 1 November 25 (04:00 to
 * 05:00 UTC). Each sale is NPR 50.00 by card, so a day's net is 50.00 × its sales.
 */
let store: TestStore
let manager: BackendClient

const SALES = [
  '2026-03-08T04:59:00Z', // 7 March, 23:59 EST
  '2026-03-08T05:00:00Z', // 8 March, 00:00 EST
  '2026-03-09T03:59:00Z', // 8 March, 23:59 EDT
  '2026-03-09T04:00:00Z', // 9 March, 00:00 EDT
  '2026-11-01T03:59:00Z', // 31 October, 23:59 EDT
  '2026-11-01T04:00:00Z', // 1 November, 00:00 EDT
  '2026-11-01T05:30:00Z', // 1 November, 01:30 EDT
  '2026-11-01T06:30:00Z', // 1 November, 01:30 EST (the hour again)
  '2026-11-02T04:59:00Z', // 1 November, 23:59 EST
  '2026-11-02T05:00:00Z', // 2 November, 00:00 EST
  // Made last with the clock put back: 8 March's sales are then not one run of ids.
  '2026-03-08T17:00:00Z', // 8 March, 13:00 EDT
  '2026-03-09T03:59:30Z', // 8 March, 23:59 EDT again: that quarter hour's sales are not one run of ids either
]

beforeAll(async () => {
  store = await openTestStore({ now: new Date('2026-03-01T12:00:00Z') })
  priceDemoProducts(store)
  const owner = await at(store, '2026-03-01T12:00:00Z', 'owner')
  ok(await owner.invoke('settings:update', { patch: { timeZone: 'America/New_York' } }))
  for (const instant of SALES) {
    const cashier = await at(store, instant)
    await sell(cashier, [['DEMO-002', 1]], [{ method: 'card', amountCents: PRICE_2, reference: 'C' }])
  }
  manager = await at(store, '2026-11-10T12:00:00Z', 'manager')
}, 60_000)

afterAll(async () => {
  await store?.cleanup()
})

describe('days in a zone with summer time', () => {
  it('counts the 23-hour and the 25-hour day’s sales on them, and none of their neighbours’', async () => {
    const march = ok(await manager.invoke('reports:byPeriod', { from: '2026-03-07', to: '2026-03-09', bucket: 'day' })).rows
    expect(march.map((row) => [row.from, row.invoices, row.netCents])).toEqual([
      ['2026-03-07', 1, PRICE_2],
      ['2026-03-08', 4, 4 * PRICE_2],
      ['2026-03-09', 1, PRICE_2],
    ])
    const november = ok(await manager.invoke('reports:byPeriod', { from: '2026-10-31', to: '2026-11-02', bucket: 'day' })).rows
    expect(november.map((row) => [row.from, row.invoices])).toEqual([
      ['2026-10-31', 1],
      ['2026-11-01', 4],
      ['2026-11-02', 1],
    ])
    expect(ok(await manager.invoke('reports:summary', { from: '2026-11-01', to: '2026-11-01' })).invoices).toBe(4)
    // Units too, whether a day's sales are one run of ids or not.
    expect(march.map((row) => row.unitsSold)).toEqual([1, 4, 1])
    expect(ok(await manager.invoke('reports:summary', { from: '2026-03-08', to: '2026-03-09' })).unitsSold).toBe(5)
  })

  it('puts both 01:30s of the day the clocks go back in hour 1 of the wall clock', async () => {
    const { rows } = ok(await manager.invoke('reports:hourly', { from: '2026-11-01', to: '2026-11-01' }))
    expect(rows.filter((row) => row.invoices > 0).map((row) => [row.hour, row.invoices])).toEqual([
      [0, 1],
      [1, 2],
      [23, 1],
    ])
  })

  it('hourly: units by the hour, whether a quarter hour’s sales are one run of ids or not', async () => {
    const day = ok(await manager.invoke('reports:hourly', { from: '2026-03-08', to: '2026-03-08' })).rows
    expect(day.filter((row) => row.invoices > 0).map((row) => [row.hour, row.invoices, row.unitsSold, row.netCents])).toEqual([
      [0, 1, 1, PRICE_2],
      [13, 1, 1, PRICE_2],
      [23, 2, 2, 2 * PRICE_2],
    ])
    const november = ok(await manager.invoke('reports:hourly', { from: '2026-11-01', to: '2026-11-01' })).rows
    expect(november.find((row) => row.hour === 1)).toEqual({ hour: 1, invoices: 2, netCents: 2 * PRICE_2, unitsSold: 2 })
  })

  it('by month: calendar months, clipped to the range', async () => {
    const { rows } = ok(await manager.invoke('reports:byPeriod', { from: '2026-02-20', to: '2026-11-05', bucket: 'month' }))
    expect(rows).toHaveLength(10)
    expect([rows[0]!.from, rows[0]!.to, rows.at(-1)!.from, rows.at(-1)!.to]).toEqual([
      '2026-02-20',
      '2026-02-28',
      '2026-11-01',
      '2026-11-05',
    ])
    expect(rows.map((row) => row.invoices)).toEqual([0, 6, 0, 0, 0, 0, 0, 0, 1, 5])
  })
})
