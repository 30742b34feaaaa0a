import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { runningReportsWorker } from '#core/reports/reports-worker.manager'
import { expectError, ok, openTestStore, productBySku, withRawDb, type TestStore } from '#core/testing/test-store'
import { at, priceDemoProducts, PRICE_2, sell } from './reports-fixtures'

/**
 * The reports' worker thread: its own read-only connection, one per backend, replaced when it dies,
 * stopped when the backend closes.
 */
let store: TestStore
let manager: BackendClient

const YEAR = { from: '2025-03-16', to: '2026-03-15' }

beforeEach(async () => {
  store = await openTestStore({ now: new Date('2026-03-15T06:00:00Z') })
  priceDemoProducts(store)
  manager = await at(store, '2026-03-15T06:00:00Z', 'manager')
})

afterEach(async () => {
  await store.cleanup()
})

/** A year of plain sales written straight into the file: enough that a year's report takes a while. */
function bulkSales(invoices: number, linesEach: number): void {
  withRawDb(store.dbPath, (db) => {
    const till = db.prepare("select value from setting where key = 'tillId'").pluck().get() as string
    const cashier = db.prepare("select id from user where username = 'cashier'").pluck().get() as number
    const products = db.prepare("select id from product where sku like 'DEMO-%' order by id limit 20").pluck().all() as number[]
    db.transaction(() => {
      db.prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < @invoices)
         insert into invoice (uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents,
           subtotal_cents, discount_cents, tax_cents, rounding_cents, business_day, units)
         select 'bulk-' || i, @till, 1000000 + i, 'bulk-' || i, @cashier, 'Cashier', 'card',
           strftime('%Y-%m-%dT06:00:00.000Z', '2025-03-16', '+' || (i % 365) || ' days'), @total, @total, 0, 0, 0,
           strftime('%Y-%m-%d', '2025-03-16', '+' || (i % 365) || ' days'), @linesEach
         from n`,
      ).run({ invoices, till, cashier, total: 1_000 * linesEach, linesEach })
      db.prepare(
        `with recursive k(j) as (select 1 union all select j + 1 from k where j < @linesEach)
         insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents, discount_cents, net_cents,
           tax_cents, total_cents)
         select i.id, json_extract(@products, '$[' || ((i.id + k.j) % json_array_length(@products)) || ']'), 'BULK', 'Bulk', 1000, 1, 1000, 0,
           1000, 0, 1000
         from invoice i, k where i.uid like 'bulk-%'`,
      ).run({ linesEach, products: JSON.stringify(products) })
    })()
  })
}

describe('the reports worker', () => {
  it('answers a report while a sale is being made, and sees the sale once it is written', async () => {
    const cashier = await at(store, '2026-03-15T06:00:00Z')
    const sale = sell(cashier, [['DEMO-002', 1]], [{ method: 'card', amountCents: PRICE_2, reference: 'C' }])
    const during = manager.invoke('reports:summary', { from: '2026-03-15', to: '2026-03-15' })
    const [sold, summary] = await Promise.all([sale, during])
    expect(sold.totalCents).toBe(PRICE_2)
    expect(ok(summary).invoices).toBeLessThanOrEqual(1)
    expect(ok(await manager.invoke('reports:summary', { from: '2026-03-15', to: '2026-03-15' })).invoices).toBe(1)
  })

  it('keeps the till’s look-ups answering while a year’s report runs', async () => {
    bulkSales(100_000, 4)
    // A sale outside the range, then one inside: the range's sales are not one run of ids.
    withRawDb(store.dbPath, (db) =>
      db
        .prepare(
          `insert into invoice (uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents, business_day)
           select 'old', till_id, 999999, 'old', cashier_id, cashier_name, 'card', '2024-01-01T06:00:00.000Z', 0, '2024-01-01' from invoice limit 1`,
        )
        .run(),
    )
    await sell(await at(store, store.clock.now), [['DEMO-002', 1]], [{ method: 'card', amountCents: PRICE_2, reference: 'C' }])
    // The worker is started (and its statements prepared) first: then only the report itself runs.
    ok(await manager.invoke('reports:summary', { from: '2026-03-15', to: '2026-03-15' }))
    const cashier = await at(store, store.clock.now)
    const finished: string[] = []
    const report = manager.invoke('reports:byProduct', { ...YEAR, sort: 'revenue' }).then((result) => {
      finished.push('report')
      return result
    })
    for (let index = 0; index < 5; index += 1) {
      await productBySku(cashier, `DEMO-00${index + 1}`)
      finished.push(`lookup ${index + 1}`)
    }
    const products = ok(await report)
    expect(finished).toEqual(['lookup 1', 'lookup 2', 'lookup 3', 'lookup 4', 'lookup 5', 'report'])
    const all = ok(await manager.invoke('reports:byProduct', { ...YEAR, sort: 'revenue', limit: 1000 }))
    expect(all.items.reduce((sum, item) => sum + item.unitsSold, 0)).toBe(400_001)
    expect(products.items[0]!.unitsSold).toBeGreaterThan(0)
    expect(ok(await manager.invoke('reports:summary', YEAR)).unitsSold).toBe(400_001)
  })

  it('is one thread per backend, stopped when the backend closes', async () => {
    ok(await manager.invoke('reports:summary', YEAR))
    const worker = runningReportsWorker(store.dbPath)!
    ok(await manager.invoke('reports:hourly', YEAR))
    expect(runningReportsWorker(store.dbPath)).toBe(worker)
    await store.backend.close()
    expect(await worker.exited).toBeTypeOf('number')
    expect(worker.alive).toBe(false)
    expect(runningReportsWorker(store.dbPath)).toBeUndefined()
  })

  it('fails the reports in flight when the thread dies, and the next report starts a new one', async () => {
    bulkSales(50_000, 4)
    ok(await manager.invoke('reports:summary', { from: '2026-03-15', to: '2026-03-15' }))
    const first = runningReportsWorker(store.dbPath)!
    const sent = first.nextRequestSent()
    const inFlight = manager.invoke('reports:byProduct', { ...YEAR, sort: 'units' })
    // The year's report is in the thread's hands when the thread dies.
    await sent
    expect(first.inFlight).toBe(1)
    await first.terminate()
    expectError(await inFlight, 'INTERNAL')
    const summary = ok(await manager.invoke('reports:summary', YEAR))
    expect(summary.invoices).toBe(50_000)
    const second = runningReportsWorker(store.dbPath)!
    expect(second).not.toBe(first)
    expect(second.alive).toBe(true)
  })
})
