import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportSummaryDto } from '#shared/contract/reports'
import type { BackendClient } from '#core/backend'
import { expectError, ok, openTestStore, TOKENS, withRawDb, type TestStore } from '#core/testing/test-store'
import { at, priceDemoProducts, PRICE_1, PRICE_2, returnLines, sell, voidSale } from './reports-fixtures'

/**
 * Every report over one small, hand-computed week in Kathmandu (+05:45): a sale a minute before
 * midnight and one at midnight, a cash sale returned the next day, a split sale voided, a promo on
 * a wallet, a line discount on a token.
 */
let store: TestStore
let manager: BackendClient
const ids: Record<string, number> = {}

const EMPTY: ReportSummaryDto = {
  grossCents: 0,
  discountCents: 0,
  returnsCents: 0,
  netCents: 0,
  taxCents: 0,
  invoices: 0,
  returns: 0,
  averageBasketCents: 0,
  unitsSold: 0,
  unitsReturned: 0,
  roundingCents: 0,
  takingsCents: 0,
  tenders: [],
}

beforeAll(async () => {
  store = await openTestStore({ now: new Date('2026-03-10T06:00:00Z') })
  priceDemoProducts(store)
  const owner = await at(store, '2026-03-10T06:00:00Z', 'manager')
  ok(await owner.invoke('promos:create', { code: 'TEN', name: 'Ten off', kind: 'percent', value: 1_000, active: true }))

  // 15 March, 23:59 in Kathmandu: that day. Card, NPR 50.00.
  let cashier = await at(store, '2026-03-15T18:14:00Z')
  ids.s1 = (await sell(cashier, [['DEMO-002', 1]], [{ method: 'card', amountCents: PRICE_2, reference: 'C1' }])).id
  // 16 March, 00:00: the next day. 3 × 104.60 = 313.80 in cash, rounded to 314.00.
  cashier = await at(store, '2026-03-15T18:15:00Z')
  const s2 = await sell(cashier, [['DEMO-001', 3]], [{ method: 'cash', tenderedCents: 40_000 }])
  ids.s2 = s2.id
  // 17 March: one unit of the 16th's sale comes back (the return's day), the split sale is voided…
  manager = await at(store, '2026-03-17T04:00:00Z', 'manager')
  ids.r1 = (await returnLines(manager, s2.id, [{ invoiceLineId: s2.lines[0]!.id, quantity: 1, restock: true }])).id
  const s3 = await sell(
    manager,
    [['DEMO-002', 1]],
    [
      { method: 'wallet', wallet: 'eSewa', amountCents: 2_000, reference: 'E1' },
      { method: 'cash', tenderedCents: 3_000 },
    ],
  )
  ids.v1 = (await voidSale(manager, s3.id)).id
  // …a promo of 10% on 2 × 50.00 paid with Khalti, and 104.60 less 4.60 paid with a token.
  ids.s4 = (
    await sell(manager, [['DEMO-002', 2]], (total) => [{ method: 'wallet', wallet: 'Khalti', amountCents: total, reference: 'K1' }], {
      promo: 'TEN',
    })
  ).id
  ids.s5 = (
    await sell(manager, [['DEMO-001', 1]], [{ method: 'token', token: TOKENS.rich }], { lineDiscounts: [{ sku: 'DEMO-001', cents: 460 }] })
  ).id
  manager = await at(store, '2026-03-20T04:00:00Z', 'manager')
}, 60_000)

afterAll(async () => {
  await store?.cleanup()
})

/** The return's own record: what the reports must agree with. */
const returnRow = (id: number) =>
  withRawDb(store.dbPath, (db) =>
    db.prepare('select goods_cents, tax_cents, rounding_cents, refund_cents from sale_return where id = ?').get(id),
  ) as {
    goods_cents: number
    tax_cents: number
    rounding_cents: number
    refund_cents: number
  }

describe('the summary', () => {
  it('is all zeros for a range without sales', async () => {
    expect(ok(await manager.invoke('reports:summary', { from: '2026-03-01', to: '2026-03-14' }))).toEqual(EMPTY)
  })

  it('counts a sale at 18:14 UTC on its Kathmandu day and one at 18:15 UTC on the next', async () => {
    expect(ok(await manager.invoke('reports:summary', { from: '2026-03-15', to: '2026-03-15' }))).toEqual({
      ...EMPTY,
      grossCents: 5_000,
      netCents: 5_000,
      // 5000 × 13/113 = 575.2
      taxCents: 575,
      invoices: 1,
      averageBasketCents: 5_000,
      unitsSold: 1,
      takingsCents: 5_000,
      tenders: [{ method: 'card', wallet: null, inCents: 5_000, outCents: 0, netCents: 5_000 }],
    })
    expect(ok(await manager.invoke('reports:summary', { from: '2026-03-16', to: '2026-03-16' }))).toEqual({
      ...EMPTY,
      grossCents: 31_380,
      netCents: 31_380,
      // 31380 × 13/113 = 3610.1
      taxCents: 3_610,
      invoices: 1,
      averageBasketCents: 31_380,
      unitsSold: 3,
      roundingCents: 20,
      takingsCents: 31_400,
      tenders: [{ method: 'cash', wallet: null, inCents: 31_400, outCents: 0, netCents: 31_400 }],
    })
  })

  it('puts a return on its own day, a void with its refunds, a promo and a line discount with their sales', async () => {
    const r1 = returnRow(ids.r1!)
    const v1 = returnRow(ids.v1!)
    // One unit of 104.60 back in cash (rounded like the sale's cash); the void gives back 50.00 as paid.
    expect(r1.goods_cents).toBe(PRICE_1)
    expect(v1).toMatchObject({ goods_cents: PRICE_2, rounding_cents: 0, refund_cents: PRICE_2 })
    const summary = ok(await manager.invoke('reports:summary', { from: '2026-03-17', to: '2026-03-17' }))
    // Sales: 50.00 (voided), 2 × 50.00 less 10.00, 104.60 less 4.60.
    const gross = PRICE_2 + 2 * PRICE_2 + PRICE_1
    const discount = 1_000 + 460
    const returns = PRICE_1 + PRICE_2
    expect(summary).toEqual({
      grossCents: gross,
      discountCents: discount,
      returnsCents: returns,
      netCents: gross - discount - returns,
      taxCents: 575 + 1_035 + 1_150 - r1.tax_cents - v1.tax_cents,
      invoices: 3,
      returns: 2,
      // (5000 + 9000 + 10000) / 3
      averageBasketCents: 8_000,
      unitsSold: 4,
      unitsReturned: 2,
      roundingCents: -r1.rounding_cents,
      takingsCents: gross - discount - returns - r1.rounding_cents,
      tenders: [
        { method: 'token', wallet: null, inCents: 10_000, outCents: 0, netCents: 10_000 },
        { method: 'cash', wallet: null, inCents: 3_000, outCents: 3_000 + r1.refund_cents, netCents: -r1.refund_cents },
        { method: 'wallet', wallet: 'eSewa', inCents: 2_000, outCents: 2_000, netCents: 0 },
        { method: 'wallet', wallet: 'Khalti', inCents: 9_000, outCents: 0, netCents: 9_000 },
      ],
    })
  })

  it('refuses a range that ends before it starts, or is longer than ten years', async () => {
    const refused = await manager.invoke('reports:summary', { from: '2026-03-17', to: '2026-03-16' })
    expectError(refused, 'VALIDATION_FAILED')
    if (!refused.ok) expect(refused.error.params).toEqual({ rule: 'dateOrder', field: 'from' })
    const long = await manager.invoke('reports:summary', { from: '2000-01-01', to: '2026-03-16' })
    expectError(long, 'VALIDATION_FAILED')
    if (!long.ok) expect(long.error.params).toMatchObject({ rule: 'tooLarge', field: 'to' })
  })

  it('is the manager’s: a cashier is refused', async () => {
    const cashier = await at(store, store.clock.now)
    expectError(await cashier.invoke('reports:summary', { from: '2026-03-15', to: '2026-03-17' }), 'FORBIDDEN')
  })
})

describe('the row reports', () => {
  const week = { from: '2026-03-14', to: '2026-03-20' }

  it('by day: every day of the range, empty ones too, each as its own summary', async () => {
    const { rows } = ok(await manager.invoke('reports:byPeriod', { ...week, bucket: 'day' }))
    expect(rows.map((row) => row.from)).toEqual([
      '2026-03-14',
      '2026-03-15',
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
    ])
    for (const row of rows) {
      const summary = ok(await manager.invoke('reports:summary', { from: row.from, to: row.to }))
      expect(row).toEqual({
        from: row.from,
        to: row.from,
        grossCents: summary.grossCents,
        discountCents: summary.discountCents,
        returnsCents: summary.returnsCents,
        netCents: summary.netCents,
        unitsSold: summary.unitsSold,
        unitsReturned: summary.unitsReturned,
        taxCents: summary.taxCents,
        invoices: summary.invoices,
        returns: summary.returns,
      })
    }
    expect(rows[1]).toMatchObject({ invoices: 1, netCents: 5_000 })
  })

  it('by week: from the store’s first day of the week (Sunday in en-IN), clipped to the range', async () => {
    const { rows } = ok(await manager.invoke('reports:byPeriod', { ...week, bucket: 'week' }))
    // 14 March 2026 is a Saturday: its week is cut to that one day; the next starts on Sunday the 15th.
    expect(rows.map((row) => [row.from, row.to])).toEqual([
      ['2026-03-14', '2026-03-14'],
      ['2026-03-15', '2026-03-20'],
    ])
    const summary = ok(await manager.invoke('reports:summary', week))
    expect(rows[1]!.netCents).toBe(summary.netCents)
    expect(rows[1]!.invoices).toBe(5)
  })

  it('hourly: sales by the store’s wall-clock hour they were paid, returns by the hour they were made', async () => {
    const { rows } = ok(await manager.invoke('reports:hourly', week))
    expect(rows).toHaveLength(24)
    // 18:14 UTC is 23:59 in Kathmandu, 18:15 UTC is 00:00; the 17th's sales and returns at 04:00 UTC are 09:45.
    expect(rows[23]).toEqual({ hour: 23, invoices: 1, netCents: 5_000, unitsSold: 1 })
    expect(rows[0]).toEqual({ hour: 0, invoices: 1, netCents: 31_380, unitsSold: 3 })
    expect(rows[9]).toEqual({ hour: 9, invoices: 3, netCents: 5_000 + 9_000 + 10_000 - PRICE_1 - PRICE_2, unitsSold: 4 })
    expect(rows.filter((row) => ![0, 9, 23].includes(row.hour)).every((row) => row.invoices === 0 && row.netCents === 0)).toBe(true)
  })

  it('by product: by units or by net revenue, paged, with every product counted in total', async () => {
    const byRevenue = ok(await manager.invoke('reports:byProduct', { ...week, sort: 'revenue' }))
    expect(byRevenue.total).toBe(2)
    // DEMO-001: 4 sold for 418.40 gross, 4.60 off, one back (104.60); DEMO-002: 4 sold, 10.00 off, the void's one back.
    expect(
      byRevenue.items.map(({ sku, grossCents, discountCents, returnsCents, netCents, unitsSold, unitsReturned }) => ({
        sku,
        grossCents,
        discountCents,
        returnsCents,
        netCents,
        unitsSold,
        unitsReturned,
      })),
    ).toEqual([
      {
        sku: 'DEMO-001',
        grossCents: 4 * PRICE_1,
        discountCents: 460,
        returnsCents: PRICE_1,
        netCents: 3 * PRICE_1 - 460,
        unitsSold: 4,
        unitsReturned: 1,
      },
      {
        sku: 'DEMO-002',
        grossCents: 4 * PRICE_2,
        discountCents: 1_000,
        returnsCents: PRICE_2,
        netCents: 3 * PRICE_2 - 1_000,
        unitsSold: 4,
        unitsReturned: 1,
      },
    ])
    const page = ok(await manager.invoke('reports:byProduct', { ...week, sort: 'units', limit: 1, offset: 1 }))
    // Both sold 4 and had 1 back: the tie goes by name.
    const names = byRevenue.items.map((item) => item.name).sort((a, b) => a.localeCompare(b, 'en'))
    expect(page).toEqual({ items: [expect.objectContaining({ name: names[1] })], total: 2 })
  })

  it('by category, by tag and by cashier add up to the net', async () => {
    const summary = ok(await manager.invoke('reports:summary', week))
    const sum = (rows: { netCents: number }[]) => rows.reduce((total, row) => total + row.netCents, 0)
    expect(sum(ok(await manager.invoke('reports:byCategory', week)).rows)).toBe(summary.netCents)
    const cashiers = ok(await manager.invoke('reports:byCashier', week)).rows
    expect(sum(cashiers)).toBe(summary.netCents)
    expect(cashiers.map((row) => [row.name, row.invoices, row.returns]).sort()).toEqual(
      [
        ['Cashier', 2, 0],
        ['Manager', 3, 2],
      ].map(([name, ...rest]) => [expect.stringContaining(String(name)), ...rest]),
    )
    const tags = ok(await manager.invoke('reports:byTag', week)).rows
    for (const row of tags) expect(row.netCents).toBe(row.grossCents - row.discountCents - row.returnsCents)
  })

  it('by tender nets refunds against takings; promos count their uses', async () => {
    const summary = ok(await manager.invoke('reports:summary', week))
    const { rows } = ok(await manager.invoke('reports:byTender', week))
    expect(rows).toEqual(summary.tenders)
    expect(rows.reduce((total, row) => total + row.netCents, 0)).toBe(summary.takingsCents)
    expect(ok(await manager.invoke('reports:promos', week)).rows).toEqual([
      { promoId: expect.any(Number), code: 'TEN', name: 'Ten off', uses: 1, discountCents: 1_000, salesCents: 9_000 },
    ])
  })

  it('token liability: what active tokens still hold, as of the store’s today', async () => {
    const tokens = withRawDb(store.dbPath, (db) => db.prepare('select code, balance_cents, expires_on, active from token').all()) as {
      code: string
      balance_cents: number
      expires_on: string
      active: number
    }[]
    const live = tokens.filter((token) => token.active === 1 && token.expires_on >= '2026-03-20')
    const liability = ok(await manager.invoke('reports:tokenLiability', {}))
    expect(liability.outstandingCents).toBe(live.reduce((sum, token) => sum + token.balance_cents, 0))
    expect(liability.activeTokens).toBe(live.length)
    // The expired demo token's NPR 10,000 is lapsed; the rich one paid 100.00.
    expect(liability.lapsedCents).toBe(1_000_000)
    expect(tokens.find((token) => token.code === TOKENS.rich)!.balance_cents).toBe(1_000_000 - 10_000)
  })

  it('CSV: one row per report row, amounts as decimals, text formula-escaped', async () => {
    const { csv, rows } = ok(await manager.invoke('reports:csv', { ...week, report: 'byTender' }))
    // Token, cash, card, eSewa, Khalti.
    expect(rows).toBe(5)
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('Tender,Wallet,In,Out,Net')
    expect(lines[1]).toBe('token,,100.00,0.00,100.00')
    withRawDb(store.dbPath, (db) => db.prepare("update product set name = '=HYPERLINK(1)' where sku = 'DEMO-001'").run())
    const products = ok(await manager.invoke('reports:csv', { ...week, report: 'byProduct', sort: 'revenue' }))
    expect(products.csv).toContain(",'=HYPERLINK(1),")
  })
})
