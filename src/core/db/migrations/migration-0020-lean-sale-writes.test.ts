import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { withRawDb } from '#core/testing/test-store'
import { DROPPED } from './migration-0020-lean-sale-writes'

const TILL = '0196a1b2-0000-4000-8000-000000000001'

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0020-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: '0019-user-language' })).close(true)
  withRawDb(dbPath, fillSale)
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** One cash sale of two products, as the schema before held it, and a cart left open. */
function fillSale(db: Database.Database): void {
  db.prepare(
    "insert into user (id, username, display_name, role, password_hash, created_at) values (1, 'asha', 'Asha', 'cashier', 'x', '2026-03-01T00:00:00.000Z')",
  ).run()
  db.prepare(
    "insert into product (id, sku, name, price_cents, stock, active, created_at, updated_at) values (1, 'MILK', 'Milk', 5500, 8, 1, 'x', 'x'), (2, 'TEA', 'Tea', 12000, 0, 0, 'x', 'x')",
  ).run()
  db.prepare(
    `insert into invoice (id, uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents)
     values (7, '0196a1b2-0000-7000-8000-000000000007', ?, 1, 'key-1', 1, 'Asha', 'cash', '2026-03-01T09:30:00.000Z', 17500)`,
  ).run(TILL)
  const line = db.prepare(
    `insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents, net_cents, tax_cents, total_cents)
     values (7, ?, ?, ?, ?, 1, ?, ?, 0, ?)`,
  )
  line.run(1, 'MILK', 'Milk', 5500, 5500, 5500, 5500)
  line.run(2, 'TEA', 'Tea', 12000, 12000, 12000, 12000)
  db.prepare(
    `insert into invoice_tender (uid, till_id, invoice_id, position, method, amount_cents, tendered_cents, change_cents)
     values ('0196a1b2-0000-7000-8000-000000000101', ?, 7, 0, 'cash', 17500, 20000, 2500)`,
  ).run(TILL)
  db.prepare("insert into cart_line (user_id, product_id, quantity, added_at) values (1, 1, 2, 'x')").run()
}

const TABLES = ['product', 'invoice', 'invoice_line', 'invoice_tender', 'cart_line']
const readAll = (db: Database.Database) => TABLES.map((table) => db.prepare(`select * from ${table} order by rowid`).all())
const indexNames = (db: Database.Database) =>
  db.prepare("select name from sqlite_master where type = 'index' and sql is not null order by name").pluck().all() as string[]
const columnsOf = (db: Database.Database, index: string) =>
  db.prepare('select name from pragma_index_info(?) order by seqno').pluck().all(index) as string[]
const planOf = (db: Database.Database, sql: string, ...values: unknown[]) =>
  (db.prepare(`explain query plan ${sql}`).all(...values) as { detail: string }[]).map((row) => row.detail).join(' | ')

describe('migration 0020: indexes that only cost a sale its writes', () => {
  it('drops the redundant indexes and the one on stock, adds one on active, and changes no row', async () => {
    const before = withRawDb(dbPath, (db) => {
      expect(indexNames(db)).toEqual(expect.arrayContaining([...DROPPED]))
      expect(indexNames(db)).not.toContain('product_active_index')
      return readAll(db)
    })
    expect(before.map((rows) => rows.length)).toEqual([2, 1, 2, 1, 1])
    await (await openDatabase(dbPath, { migrateTo: '0020-lean-sale-writes' })).close(true)
    withRawDb(dbPath, (db) => {
      expect(readAll(db)).toEqual(before)
      const after = indexNames(db)
      for (const index of DROPPED) expect(after).not.toContain(index)
      expect(columnsOf(db, 'product_active_index')).toEqual(['active'])
      expect(db.prepare('select count(*) from schema_migration where name = ?').pluck().get('0020-lean-sale-writes')).toBe(1)
    })
  })

  it('answers what the dropped indexes answered from the ones left, and still checks the foreign keys', async () => {
    await (await openDatabase(dbPath, { migrateTo: '0020-lean-sale-writes' })).close(true)
    withRawDb(dbPath, (db) => {
      const asked: [string, unknown[], unknown, RegExp][] = [
        ['select count(*) as n from product where active', [], { n: 1 }, /COVERING INDEX product_active_index/],
        ['select count(*) as n from product where not active', [], { n: 1 }, /COVERING INDEX product_active_index/],
        [
          'select count(*) as n from invoice_line where invoice_id = ?',
          [7],
          { n: 2 },
          /INDEX invoice_line_report_by_sale \(invoice_id=\?\)/,
        ],
        [
          'select count(*) as n from invoice_line where product_id = ?',
          [2],
          { n: 1 },
          /INDEX invoice_line_report_by_product \(product_id=\?\)/,
        ],
        [
          'select count(*) as n from invoice where cashier_id = ?',
          [1],
          { n: 1 },
          /INDEX invoice_cashier_id_paid_at_index \(cashier_id=\?\)/,
        ],
        ['select count(*) as n from invoice_tender where invoice_id = ?', [7], { n: 1 }, /INDEX invoice_tender_\w+ \(invoice_id=\?\)/],
        [
          'select count(*) as n from cart_line where user_id = ?',
          [1],
          { n: 1 },
          /INDEX cart_line_user_id_product_id_unique \(user_id=\?\)/,
        ],
        [
          "select count(*) as n from audit_entry where action = 'sale'",
          [],
          { n: 0 },
          /INDEX audit_entry_action_subject_index \(action=\?\)/,
        ],
      ]
      for (const [sql, values, answer, uses] of asked) {
        expect(db.prepare(sql).get(...values), sql).toEqual(answer)
        expect(planOf(db, sql, ...values), sql).toMatch(uses)
      }
      expect(() =>
        db
          .prepare(
            `insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents, net_cents, tax_cents, total_cents)
             values (99, 1, 'MILK', 'Milk', 5500, 1, 5500, 5500, 0, 5500)`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY/)
      expect(db.prepare('select count(*) from invoice_line').pluck().get()).toBe(2)
    })
  })
})

describe('the schema', () => {
  beforeEach(async () => {
    await (await openDatabase(dbPath)).close(true)
  })

  it('has no plain index whose columns start another index on its table (it would only cost writes)', () => {
    withRawDb(dbPath, (db) => {
      const indexes = db
        .prepare("select name, tbl_name as tableName, sql from sqlite_master where type = 'index' and sql is not null")
        .all() as { name: string; tableName: string; sql: string }[]
      const redundant: string[] = []
      for (const shorter of indexes) {
        if (/^create unique/i.test(shorter.sql)) continue
        const columns = columnsOf(db, shorter.name)
        for (const longer of indexes) {
          if (longer.name === shorter.name || longer.tableName !== shorter.tableName) continue
          const other = columnsOf(db, longer.name)
          if (columns.length <= other.length && columns.every((column, i) => other[i] === column))
            redundant.push(`${shorter.name} < ${longer.name}`)
        }
      }
      expect(indexes.length).toBeGreaterThan(40)
      expect(redundant).toEqual([])
    })
  })

  it('indexes no column a sale changes on a product (a sale takes stock from every product it sells)', () => {
    withRawDb(dbPath, (db) => {
      const indexes = db.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'product'").pluck().all() as string[]
      expect(indexes.length).toBeGreaterThan(3)
      const changedBySale = new Set(['stock', 'updated_at'])
      expect(indexes.flatMap((index) => columnsOf(db, index)).filter((column) => changedBySale.has(column))).toEqual([])
    })
  })
})
