import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { MIGRATIONS } from '#core/db/migrations'
import { withRawDb } from '#core/testing/test-store'

const THIS = '0017-returns'
/** Whatever runs just before this one (other migrations may be listed in between over time). */
const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex(({ name }) => name === THIS) - 1]!.name
const TILL = '0196a1b2-0000-4000-8000-000000000001'

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0017-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: PREVIOUS })).close(true)
  withRawDb(dbPath, fillSale)
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A sale of two units as the schema before held it, with its stock movement and tender. */
function fillSale(db: Database.Database): void {
  db.prepare(
    "insert into user (id, username, display_name, role, password_hash, created_at) values (1, 'asha', 'Asha', 'cashier', 'x', '2026-03-01T00:00:00.000Z')",
  ).run()
  db.prepare(
    "insert into product (id, sku, name, price_cents, stock, active, created_at, updated_at) values (1, 'MILK', 'Milk', 5500, 8, 1, 'x', 'x')",
  ).run()
  db.prepare(
    `insert into invoice (id, uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents)
     values (7, '0196a1b2-0000-7000-8000-000000000007', ?, 1, 'key-1', 1, 'Asha', 'cash', '2026-03-01T09:30:00.000Z', 11000)`,
  ).run(TILL)
  db.prepare(
    `insert into invoice_line (id, invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents, net_cents, tax_cents, total_cents)
     values (70, 7, 1, 'MILK', 'Milk', 5500, 2, 11000, 11000, 0, 11000)`,
  ).run()
  db.prepare(
    `insert into invoice_tender (id, uid, till_id, invoice_id, position, method, amount_cents, tendered_cents, change_cents)
     values (71, '0196a1b2-0000-7000-8000-000000000071', ?, 7, 0, 'cash', 11000, 20000, 9000)`,
  ).run(TILL)
  db.prepare(
    `insert into stock_movement (uid, till_id, product_id, delta_qty, reason, invoice_id, at)
     values ('0196a1b2-0000-7000-8000-000000000072', ?, 1, -2, 'sale', 7, '2026-03-01T09:30:00.000Z')`,
  ).run(TILL)
}

const readAll = (db: Database.Database) => ({
  invoices: db.prepare('select * from invoice').all(),
  lines: db.prepare('select * from invoice_line').all(),
  tenders: db.prepare('select * from invoice_tender').all(),
  movements: db.prepare('select * from stock_movement').all() as Record<string, unknown>[],
})

describe('migration 0017: returns and voids', () => {
  it('adds the return tables, names no return on the old rows and changes nothing else', async () => {
    const before = withRawDb(dbPath, readAll)
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      const after = readAll(db)
      expect(after.movements.map((row) => row['sale_return_id'])).toEqual([null])
      expect({ ...after, movements: after.movements.map(({ sale_return_id: _none, ...rest }) => rest) }).toEqual(before)
      for (const table of ['sale_return', 'return_line', 'return_refund']) {
        expect(db.prepare('select count(*) as n from sqlite_master where type = ? and name = ?').get('table', table)).toEqual({ n: 1 })
      }
    })
  })

  it('keeps a return of a migrated sale within what it sold, whatever writes it', async () => {
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      db.prepare(
        `insert into sale_return (id, uid, till_id, number, idempotency_key, invoice_id, kind, cashier_id, cashier_name, reason, returned_at,
           goods_cents, tax_cents, rounding_cents, refund_cents)
         values (3, 'r-3', ?, 1, 'ret-1', 7, 'return', 1, 'Asha', 'faulty', '2026-03-02T04:00:00.000Z', 5500, 0, 0, 5500)`,
      ).run(TILL)
      const line = db.prepare(
        'insert into return_line (sale_return_id, invoice_line_id, product_id, quantity, refund_cents, tax_cents, restock) values (3, 70, 1, ?, 5500, 0, 1)',
      )
      line.run(1)
      expect(() => line.run(2)).toThrow(/more than was sold/)
      expect(() => db.prepare('update sale_return set reason = ?').run('x')).toThrow(/append-only/)
      expect(() => db.prepare('delete from return_line').run()).toThrow(/append-only/)
    })
  })
})
