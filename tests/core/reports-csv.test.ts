import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { expectError, ok, openTestStore, withRawDb, type TestStore } from '#core/testing/test-store'
import { at, priceDemoProducts, PRICE_1, PRICE_2, sell } from './reports-fixtures'

/** A report saved as a CSV file where main's dialog points: the same text as `reports:csv`, audited. */
let store: TestStore
let manager: BackendClient
let destination: string | null
const offered: string[] = []

const WEEK = { from: '2026-03-14', to: '2026-03-20' }
const documentsSaved = () =>
  withRawDb(store.dbPath, (db) => db.prepare("select count(*) from audit_entry where action = 'document.saved'").pluck().get() as number)

beforeEach(async () => {
  destination = null
  offered.length = 0
  store = await openTestStore({
    now: new Date('2026-03-15T06:00:00Z'),
    files: {
      chooseExportFolder: async () => null,
      chooseImportFile: async () => null,
      chooseCsvDestination: async (name) => {
        offered.push(name)
        return destination
      },
    },
  })
  priceDemoProducts(store)
  const cashier = await at(store, '2026-03-15T06:00:00Z')
  await sell(cashier, [['DEMO-001', 2]], [{ method: 'card', amountCents: 2 * PRICE_1, reference: 'C' }])
  await sell(cashier, [['DEMO-002', 1]], [{ method: 'wallet', wallet: 'eSewa', amountCents: PRICE_2, reference: 'E' }])
  manager = await at(store, '2026-03-20T06:00:00Z', 'manager')
})

afterEach(async () => {
  await store.cleanup()
})

describe('a report as a CSV file', () => {
  it('saves exactly what reports:csv answers, and audits the save', async () => {
    destination = join(store.dir, 'tenders.csv')
    const saved = ok(await manager.invoke('reports:exportCsv', { ...WEEK, report: 'byTender' }))
    expect(saved).toEqual({ saved: true, fileName: 'tenders.csv', rows: 2, sizeBytes: expect.any(Number) })
    expect(offered).toEqual(['byTender-2026-03-14-2026-03-20.csv'])
    const { csv } = ok(await manager.invoke('reports:csv', { ...WEEK, report: 'byTender' }))
    expect(readFileSync(destination, 'utf8')).toBe(csv)
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(0, 3),
    ).toEqual(['Tender,Wallet,In,Out,Net', 'card,,209.20,0.00,209.20', 'wallet,eSewa,50.00,0.00,50.00'])
    expect(documentsSaved()).toBe(1)
  })

  it('writes every report’s table, with a header and one line a row', async () => {
    for (const report of [
      'summary',
      'byPeriod',
      'hourly',
      'byProduct',
      'byCategory',
      'byTag',
      'byCashier',
      'byTender',
      'promos',
      'tokenLiability',
      'lowStock',
    ] as const) {
      const { csv, rows } = ok(await manager.invoke('reports:csv', { ...WEEK, report }))
      expect(csv.trimEnd().split('\r\n'), report).toHaveLength(rows + 1)
    }
    // A day a row for byPeriod's default bucket; 24 hours.
    expect(ok(await manager.invoke('reports:csv', { ...WEEK, report: 'byPeriod' })).rows).toBe(7)
    expect(ok(await manager.invoke('reports:csv', { ...WEEK, report: 'hourly' })).rows).toBe(24)
  })

  it('lists the tokens expiring within 30 days and the products running low, as of now', async () => {
    withRawDb(store.dbPath, (db) => {
      db.prepare("update token set expires_on = '2026-04-01' where code = '22222222-2222-4222-8222-222222222222'").run()
      db.prepare("update product set stock = 2, low_stock_at = 3 where sku = 'DEMO-003'").run()
      db.prepare("update product set stock = 1, low_stock_at = null where sku = 'DEMO-004'").run()
    })
    const lines = (csv: string) =>
      csv
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n')
    const tokens = ok(await manager.invoke('reports:csv', { ...WEEK, report: 'tokenLiability' }))
    expect(lines(tokens.csv)).toEqual(['Token,Holder,Balance,Expires', '…2222,,5.00,2026-04-01'])
    const low = lines(ok(await manager.invoke('reports:csv', { ...WEEK, report: 'lowStock' })).csv)
    expect(low[0]).toBe('SKU,Product,Stock,Low at')
    // The store's default (5) for a product without its own level; the emptiest first.
    const sku = (line: string) => line.split(',')[0]
    expect(low.slice(1).map(sku)).toContain('DEMO-003')
    expect(low.slice(1).map(sku)).toContain('DEMO-004')
    expect(low.find((line) => line.startsWith('DEMO-003,'))).toMatch(/,2,3$/)
    expect(low.find((line) => line.startsWith('DEMO-004,'))).toMatch(/,1,5$/)
    const stocks = low.slice(1).map((line) => Number(line.split(',').at(-2)))
    expect(stocks).toEqual([...stocks].sort((a, b) => a - b))
  })

  it('writes nothing when the dialog is cancelled', async () => {
    expect(ok(await manager.invoke('reports:exportCsv', { ...WEEK, report: 'summary' }))).toEqual({ saved: false })
    expect(documentsSaved()).toBe(0)
  })

  it('refuses a range that ends before it starts before any dialog opens, and writes nothing', async () => {
    destination = join(store.dir, 'never.csv')
    expectError(await manager.invoke('reports:exportCsv', { from: '2026-03-20', to: '2026-03-14', report: 'summary' }), 'VALIDATION_FAILED')
    expect(offered).toEqual([])
    expect(existsSync(destination)).toBe(false)
    expect(documentsSaved()).toBe(0)
  })
})
