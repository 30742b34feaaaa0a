import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { MIGRATIONS } from '#core/db/migrations'
import { withRawDb } from '#core/testing/test-store'

const THIS = '0018-shifts-and-business-days'
/** Whatever runs just before this one (other migrations may be listed in between over time). */
const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex(({ name }) => name === THIS) - 1]!.name
const TILL = '0196a1b2-0000-4000-8000-000000000001'

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0018-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: PREVIOUS })).close(true)
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/**
 * Sales and a return as the schema before held them, around Kathmandu's midnight (+05:45): 18:14 UTC
 * is still the evening of the 1st there, 18:15 UTC already the 2nd.
 */
function fillSales(db: Database.Database, timeZone?: string): void {
  if (timeZone)
    db.prepare("insert into setting (key, value) values ('timeZone', ?) on conflict do update set value = excluded.value").run(timeZone)
  db.prepare(
    "insert into user (id, username, display_name, role, password_hash, created_at) values (1, 'asha', 'Asha', 'cashier', 'x', '2026-03-01T00:00:00.000Z')",
  ).run()
  db.prepare(
    "insert into product (id, sku, name, price_cents, stock, active, created_at, updated_at) values (1, 'MILK', 'Milk', 5500, 8, 1, 'x', 'x')",
  ).run()
  const invoice = db.prepare(
    `insert into invoice (id, uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents)
     values (?, ?, ?, ?, ?, 1, 'Asha', 'cash', ?, 5500)`,
  )
  invoice.run(7, '0196a1b2-0000-7000-8000-000000000007', TILL, 1, 'key-1', '2026-03-01T18:14:59.999Z')
  invoice.run(8, '0196a1b2-0000-7000-8000-000000000008', TILL, 2, 'key-2', '2026-03-01T18:15:00.000Z')
  db.prepare(
    `insert into invoice_line (id, invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents, net_cents, tax_cents, total_cents)
     values (70, 7, 1, 'MILK', 'Milk', 5500, 1, 5500, 5500, 0, 5500)`,
  ).run()
  db.prepare(
    `insert into sale_return (id, uid, till_id, number, idempotency_key, invoice_id, kind, cashier_id, cashier_name, reason, returned_at,
       goods_cents, tax_cents, rounding_cents, refund_cents)
     values (3, '0196a1b2-0000-7000-8000-000000000303', ?, 1, 'ret-1', 7, 'return', 1, 'Asha', 'faulty', '2026-03-03T04:00:00.000Z', 5500, 0, 0, 5500)`,
  ).run(TILL)
}

const readAll = (db: Database.Database) => ({
  invoices: db.prepare('select * from invoice order by id').all() as Record<string, unknown>[],
  returns: db.prepare('select * from sale_return order by id').all() as Record<string, unknown>[],
})

describe('migration 0018: shifts, and the business day of every sale and return', () => {
  it('books each old sale and return on its store-local day and changes nothing else', async () => {
    const before = withRawDb(dbPath, (db) => {
      fillSales(db)
      return readAll(db)
    })
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      const after = readAll(db)
      expect(after.invoices.map((row) => row['business_day'])).toEqual(['2026-03-01', '2026-03-02'])
      expect(after.returns.map((row) => row['business_day'])).toEqual(['2026-03-03'])
      // Each sale's units from its lines: one milk on invoice 7, no line on invoice 8.
      expect(after.invoices.map((row) => row['units'])).toEqual([1, 0])
      const without = (rows: Record<string, unknown>[]) =>
        rows.map(({ business_day: _day, shift_id: shiftId, units: _units, ...rest }) => ({ ...rest, shiftId }))
      expect(without(after.invoices)).toEqual(before.invoices.map((row) => ({ ...row, shiftId: null })))
      expect(without(after.returns)).toEqual(before.returns.map((row) => ({ ...row, shiftId: null })))
      // Still append-only once the days are written.
      expect(() => db.prepare("update invoice set business_day = '2026-01-01'").run()).toThrow(/append-only/)
      expect(() => db.prepare("update sale_return set business_day = '2026-01-01'").run()).toThrow(/append-only/)
      expect(db.prepare("select count(*) as n from sqlite_temp_master where name = 'business_day_start'").get()).toEqual({ n: 0 })
    })
  })

  it('counts the days in the store’s own zone, DST included', async () => {
    withRawDb(dbPath, (db) => fillSales(db, 'America/New_York'))
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    // 18:15 UTC on 1 March is 13:15 in New York; 04:00 UTC on 3 March is 23:00 on the 2nd.
    withRawDb(dbPath, (db) => {
      expect(db.prepare('select business_day from invoice order by id').pluck().all()).toEqual(['2026-03-01', '2026-03-01'])
      expect(db.prepare('select business_day from sale_return').pluck().get()).toBe('2026-03-02')
    })
  })

  it('keeps one open shift per till and never changes a closed one or a Z report', async () => {
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      db.prepare(
        "insert into user (id, username, display_name, role, password_hash, created_at) values (1, 'asha', 'Asha', 'cashier', 'x', 'x')",
      ).run()
      const open = db.prepare(
        `insert into shift (uid, till_id, number, opened_at, opened_by_id, opened_by_name, opening_float_cents) values (?, ?, ?, 'x', 1, 'Asha', 0)`,
      )
      open.run('s-1', TILL, 1)
      expect(() => open.run('s-2', TILL, 2)).toThrow(/UNIQUE/)
      expect(() =>
        db
          .prepare(
            'insert into shift (till_id, number, opened_at, opened_by_id, opened_by_name, opening_float_cents) values (?, 3, 1, 1, 1, 0)',
          )
          .run(TILL),
      ).toThrow(/need uid and till_id/)
      db.prepare("update shift set closed_at = 'y', closed_by_id = 1, closed_by_name = 'Asha' where number = 1").run()
      expect(() => db.prepare('update shift set opening_float_cents = 5 where number = 1').run()).toThrow(/never changes/)
      expect(() => db.prepare('delete from shift').run()).toThrow(/kept/)
      open.run('s-2', TILL, 2)
      db.prepare(
        `insert into z_report (uid, till_id, number, idempotency_key, shift_id, closed_at, expected_cash_cents, counted_cash_cents, variance_cents, figures)
         values ('z-1', ?, 1, 'k', 1, 'y', 100, 90, -10, '{}')`,
      ).run(TILL)
      expect(() => db.prepare('update z_report set counted_cash_cents = 100').run()).toThrow(/append-only/)
      expect(() => db.prepare('delete from z_report').run()).toThrow(/append-only/)
      db.prepare(
        "insert into cash_move (uid, till_id, shift_id, kind, amount_cents, reason, user_id, user_name, at) values ('m-1', ?, 2, 'payOut', 500, 'milk', 1, 'Asha', 'z')",
      ).run(TILL)
      expect(() => db.prepare('update cash_move set amount_cents = 1').run()).toThrow(/append-only/)
      expect(() =>
        db
          .prepare(
            "insert into cash_move (uid, till_id, shift_id, kind, amount_cents, reason, user_id, user_name, at) values ('m-2', ?, 2, 'payOut', -5, 'x', 1, 'Asha', 'z')",
          )
          .run(TILL),
      ).toThrow(/CHECK/)
    })
  })
})
