import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { MIGRATIONS } from '#core/db/migrations'
import { withRawDb } from '#core/testing/test-store'

const THIS = '0016-invoice-history'
/** Whatever runs just before this one (other migrations may be listed in between over time). */
const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex(({ name }) => name === THIS) - 1]!.name
const TILL = '0196a1b2-0000-4000-8000-000000000001'

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0016-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: PREVIOUS })).close(true)
  withRawDb(dbPath, fillSales)
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Two sales as the schema before held them: a cash one, and a split one by card and wallet. */
function fillSales(db: Database.Database): void {
  db.prepare(
    "insert into user (id, username, display_name, role, password_hash, created_at) values (1, 'asha', 'Asha', 'cashier', 'x', '2026-03-01T00:00:00.000Z')",
  ).run()
  db.prepare(
    "insert into product (id, sku, name, price_cents, stock, active, created_at, updated_at) values (1, 'MILK', 'Milk', 5500, 8, 1, 'x', 'x'), (2, 'TEA', 'Tea', 12000, 8, 1, 'x', 'x')",
  ).run()
  const invoice = db.prepare(
    `insert into invoice (id, uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents)
     values (?, ?, ?, ?, ?, 1, 'Asha', ?, ?, ?)`,
  )
  invoice.run(7, '0196a1b2-0000-7000-8000-000000000007', TILL, 1, 'key-1', 'cash', '2026-03-01T09:30:00.000Z', 5500)
  invoice.run(8, '0196a1b2-0000-7000-8000-000000000008', TILL, 2, 'key-2', 'split', '2026-03-01T10:15:00.000Z', 17500)
  const line = db.prepare(
    `insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents, net_cents, tax_cents, total_cents)
     values (?, ?, ?, ?, ?, 1, ?, ?, 0, ?)`,
  )
  line.run(7, 1, 'MILK', 'Milk', 5500, 5500, 5500, 5500)
  line.run(8, 1, 'MILK', 'Milk', 5500, 5500, 5500, 5500)
  line.run(8, 2, 'TEA', 'Tea', 12000, 12000, 12000, 12000)
  const tender = db.prepare(
    `insert into invoice_tender (uid, till_id, invoice_id, position, method, amount_cents, tendered_cents, change_cents, wallet, reference)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  tender.run('0196a1b2-0000-7000-8000-000000000101', TILL, 7, 0, 'cash', 5500, 10000, 4500, null, null)
  tender.run('0196a1b2-0000-7000-8000-000000000102', TILL, 8, 0, 'card', 10000, null, null, null, 'AUTH-1')
  tender.run('0196a1b2-0000-7000-8000-000000000103', TILL, 8, 1, 'wallet', 7500, null, null, 'eSewa', 'ESW-1')
}

const TABLES = {
  invoices: 'select * from invoice order by id',
  lines: 'select * from invoice_line order by id',
  tenders: 'select * from invoice_tender order by id',
}

const readAll = (db: Database.Database) => Object.fromEntries(Object.entries(TABLES).map(([name, sql]) => [name, db.prepare(sql).all()]))

const NEW_INDEXES = [
  ['invoice', 'invoice_cashier_id_paid_at_index', 'cashier_id, paid_at'],
  ['invoice', 'invoice_payment_method_paid_at_index', 'payment_method, paid_at'],
  ['invoice', 'invoice_number_index', 'number'],
  ['invoice_line', 'invoice_line_product_id_invoice_id_index', 'product_id, invoice_id'],
  ['invoice_tender', 'invoice_tender_invoice_id_method_index', 'invoice_id, method'],
] as const

const indexColumns = (db: Database.Database, index: string) =>
  (db.prepare('select name from pragma_index_info(?) order by seqno').all(index) as { name: string }[]).map((row) => row.name).join(', ')

describe('migration 0016: the invoice history’s indexes', () => {
  it('adds the history’s indexes and changes no row', async () => {
    const before = withRawDb(dbPath, (db) => {
      for (const [, index] of NEW_INDEXES) expect(indexColumns(db, index)).toBe('')
      return readAll(db)
    })
    expect(Object.values(before).map((rows) => rows.length)).toEqual([2, 3, 3])
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      expect(readAll(db)).toEqual(before)
      for (const [table, index, columns] of NEW_INDEXES) {
        expect(db.prepare("select tbl_name from sqlite_master where type = 'index' and name = ?").get(index)).toEqual({ tbl_name: table })
        expect(indexColumns(db, index)).toBe(columns)
      }
      expect(db.prepare('select count(*) as n from schema_migration where name = ?').get(THIS)).toEqual({ n: 1 })
    })
  })

  it('answers the history’s questions from the new indexes on the migrated rows', async () => {
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      const ask = (sql: string, ...values: unknown[]) => ({
        rows: db.prepare(sql).all(...values),
        plan: (db.prepare(`explain query plan ${sql}`).all(...values) as { detail: string }[]).map((row) => row.detail).join(' | '),
      })
      const byCashier = ask(
        'select id from invoice where cashier_id = ? and paid_at >= ? order by paid_at desc',
        1,
        '2026-03-01T10:00:00.000Z',
      )
      expect(byCashier.rows).toEqual([{ id: 8 }])
      expect(byCashier.plan).toMatch(/invoice_cashier_id_paid_at_index/)
      const split = ask("select id from invoice where payment_method = 'split' order by paid_at desc")
      expect(split.rows).toEqual([{ id: 8 }])
      expect(split.plan).toMatch(/invoice_payment_method_paid_at_index/)
      const byNumber = ask('select id from invoice where number = ?', 2)
      expect(byNumber.rows).toEqual([{ id: 8 }])
      expect(byNumber.plan).toMatch(/invoice_number_index/)
      const byProduct = ask('select distinct invoice_id from invoice_line where product_id = ? order by invoice_id', 1)
      expect(byProduct.rows).toEqual([{ invoice_id: 7 }, { invoice_id: 8 }])
      expect(byProduct.plan).toMatch(/COVERING INDEX invoice_line_product_id_invoice_id_index/)
      const wallet = ask("select 1 as yes from invoice_tender where invoice_id = ? and method = 'wallet'", 8)
      expect(wallet.rows).toEqual([{ yes: 1 }])
      expect(wallet.plan).toMatch(/COVERING INDEX invoice_tender_invoice_id_method_index/)
    })
  })
})
