import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { MIGRATIONS } from '#core/db/migrations'
import { withRawDb } from '#core/testing/test-store'

const THIS = '0015-tenders'
/** Whatever runs just before this one (other migrations may be listed in between over time). */
const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex(({ name }) => name === THIS) - 1]!.name
const TILL = '0196a1b2-0000-4000-8000-000000000001'
const AT = '2026-03-01T09:30:00.000Z'

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0015-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: PREVIOUS })).close(true)
  withRawDb(dbPath, fillBeforeTenders)
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Two sales as the schema before held them, a token one and a cash one, with everything that points at them. */
function fillBeforeTenders(db: Database.Database): void {
  db.prepare(
    "insert into user (id, username, display_name, role, password_hash, created_at) values (1, 'asha', 'Asha', 'cashier', 'x', ?)",
  ).run(AT)
  db.prepare(
    "insert into product (id, sku, name, price_cents, stock, active, created_at, updated_at) values (1, 'MILK', 'Milk', 5500, 8, 1, 'x', 'x')",
  ).run()
  db.prepare(
    "insert into token (id, code, balance_cents, expires_on, created_at) values (1, 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaa1a2', 6500, '2099-12-31', ?)",
  ).run(AT)
  db.prepare(
    "insert into tax_rate (id, name, name_key, rate_bps, included, created_at, updated_at) values (1, 'VAT', 'vat', 1300, 1, 'x', 'x')",
  ).run()
  const invoice = db.prepare(
    `insert into invoice (id, uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, token_id, token_last4, paid_at,
       total_cents, tendered_cents, change_cents, token_balance_after_cents, subtotal_cents, discount_cents, tax_cents)
     values (?, ?, ?, ?, ?, 1, 'Asha', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  )
  invoice.run(7, '0196a1b2-0000-7000-8000-000000000007', TILL, 1, 'key-1', 'token', 1, '1a2', AT, 5500, null, null, 6500, 4867, 633)
  invoice.run(
    8,
    '0196a1b2-0000-7000-8000-000000000008',
    TILL,
    2,
    'key-2',
    'cash',
    null,
    null,
    '2026-03-01T10:15:00.000Z',
    11000,
    20000,
    9000,
    null,
    9735,
    1265,
  )
  const line = db.prepare(
    `insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents, net_cents, tax_cents, total_cents)
     values (?, 1, 'MILK', 'Milk', 5500, ?, ?, ?, ?, ?)`,
  )
  line.run(7, 1, 5500, 4867, 633, 5500)
  line.run(8, 2, 11000, 9735, 1265, 11000)
  db.prepare(
    "insert into invoice_tax (invoice_id, tax_rate_id, name, rate_bps, included, base_cents, tax_cents) values (8, 1, 'VAT', 1300, 1, 9735, 1265)",
  ).run()
  db.prepare(
    `insert into token_ledger_entry (uid, till_id, token_id, delta_cents, balance_after_cents, reason, invoice_id, at)
     values ('0196a1b2-0000-7000-8000-0000000000a3', ?, 1, -5500, 6500, 'sale', 7, ?)`,
  ).run(TILL, AT)
  db.prepare(
    `insert into stock_movement (uid, till_id, product_id, delta_qty, reason, invoice_id, at) values
     ('0196a1b2-0000-7000-8000-0000000000b1', ?, 1, -2, 'sale', 8, ?)`,
  ).run(TILL, AT)
}

const INVOICES = 'select * from invoice order by id'
const REFERENCES = {
  lines: 'select * from invoice_line order by id',
  taxes: 'select * from invoice_tax order by id',
  ledger: 'select * from token_ledger_entry order by id',
  movements: 'select * from stock_movement order by id',
}

const readAll = (db: Database.Database, queries: Record<string, string>) =>
  Object.fromEntries(Object.entries(queries).map(([name, sql]) => [name, db.prepare(sql).all()]))

describe('migration 0015: tenders', () => {
  it('keeps every invoice and everything pointing at it, and gives each past sale its one tender', async () => {
    const before = withRawDb(dbPath, (db) => ({ invoices: db.prepare(INVOICES).all(), references: readAll(db, REFERENCES) }))
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      const invoices = db.prepare(INVOICES).all() as Record<string, unknown>[]
      expect(invoices).toEqual((before.invoices as Record<string, unknown>[]).map((row) => ({ ...row, rounding_cents: 0 })))
      expect(Object.values(before.references).map((rows) => rows.length)).toEqual([2, 1, 1, 1])
      expect(readAll(db, REFERENCES)).toEqual(before.references)

      const tenders = db
        .prepare(
          `select invoice_id, position, method, amount_cents, tendered_cents, change_cents, token_id, token_last4, token_balance_after_cents,
             wallet, reference, till_id from invoice_tender order by id`,
        )
        .all()
      expect(tenders).toEqual([
        {
          invoice_id: 7,
          position: 0,
          method: 'token',
          amount_cents: 5500,
          tendered_cents: null,
          change_cents: null,
          token_id: 1,
          token_last4: '1a2',
          token_balance_after_cents: 6500,
          wallet: null,
          reference: null,
          till_id: TILL,
        },
        {
          invoice_id: 8,
          position: 0,
          method: 'cash',
          amount_cents: 11000,
          tendered_cents: 20000,
          change_cents: 9000,
          token_id: null,
          token_last4: null,
          token_balance_after_cents: null,
          wallet: null,
          reference: null,
          till_id: TILL,
        },
      ])
      // Each tender's identity is a UUIDv7 from its sale's own moment.
      const uids = (db.prepare('select uid from invoice_tender order by id').all() as { uid: string }[]).map((row) => row.uid)
      expect(uids).toHaveLength(2)
      for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(uids[0]!.replace(/-/g, '').slice(0, 12)).toBe(Date.parse(AT).toString(16).padStart(12, '0'))
      expect(new Set(uids).size).toBe(2)
      expect(db.prepare('select count(*) as n from pragma_foreign_key_check').get()).toEqual({ n: 0 })
      expect(db.prepare("select count(*) as n from sqlite_master where name like '%__rebuilt'").get()).toEqual({ n: 0 })
    })
  })

  it('takes card, wallet and split sales, keeps the invoice append-only, identified, indexed and referenced', async () => {
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      db.pragma('foreign_keys = ON')
      const insert = db.prepare(
        `insert into invoice (uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents, rounding_cents)
         values (?, ?, ?, ?, ?, 'Asha', ?, ?, 10460, 40)`,
      )
      const methods = ['card', 'wallet', 'split', 'token', 'cash']
      methods.forEach((method, index) =>
        insert.run(`0196a1b2-0000-7000-8000-00000000010${index}`, TILL, 10 + index, `k${index}`, 1, method, AT),
      )
      expect(() => insert.run('0196a1b2-0000-7000-8000-000000000200', TILL, 20, 'k20', 1, 'cheque', AT)).toThrow(/CHECK/)
      expect(() => insert.run(null, TILL, 21, 'k21', 1, 'cash', AT)).toThrow(/need uid and till_id/)
      expect(() => insert.run('0196a1b2-0000-7000-8000-000000000202', TILL, 22, 'k22', 99, 'cash', AT)).toThrow(/FOREIGN KEY/)
      expect(() => insert.run('0196a1b2-0000-7000-8000-000000000203', TILL, 1, 'k23', 1, 'cash', AT)).toThrow(/UNIQUE/)
      expect(() => insert.run('0196a1b2-0000-7000-8000-000000000204', TILL, 24, 'key-1', 1, 'cash', AT)).toThrow(/UNIQUE/)
      expect(() => db.prepare('update invoice set total_cents = 0 where id = 7').run()).toThrow(/append-only/)
      expect(() => db.prepare('delete from invoice where id = 7').run()).toThrow(/append-only/)
      // New invoices continue after the copied ids.
      expect(db.prepare("select max(id) as id from invoice where payment_method = 'cash'").get()).toEqual({ id: 13 })

      const tender = db.prepare(
        `insert into invoice_tender (uid, till_id, invoice_id, position, method, amount_cents, reference, wallet) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      tender.run('0196a1b2-0000-7000-8000-000000000301', TILL, 11, 0, 'wallet', 5000, 'ESW-1', 'eSewa')
      tender.run('0196a1b2-0000-7000-8000-000000000302', TILL, 11, 1, 'card', 5500, 'AUTH-9', null)
      expect(() => tender.run('0196a1b2-0000-7000-8000-000000000303', TILL, 11, 1, 'cash', 1, null, null)).toThrow(/UNIQUE/)
      expect(() => tender.run('0196a1b2-0000-7000-8000-000000000304', TILL, 11, 2, 'cheque', 1, null, null)).toThrow(/CHECK/)
      expect(() => tender.run('0196a1b2-0000-7000-8000-000000000305', TILL, 11, 3, 'cash', -1, null, null)).toThrow(/CHECK/)
      expect(() => tender.run('0196a1b2-0000-7000-8000-000000000306', TILL, 999, 0, 'cash', 1, null, null)).toThrow(/FOREIGN KEY/)
      expect(() => tender.run(null, TILL, 11, 4, 'cash', 1, null, null)).toThrow(/need uid and till_id/)
      expect(() => db.prepare('update invoice_tender set amount_cents = 0').run()).toThrow(/append-only/)
      expect(() => db.prepare('delete from invoice_tender').run()).toThrow(/append-only/)

      // What pointed at the old table points at the new one.
      expect(() =>
        db
          .prepare(
            "insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents) values (999, 1, 'MILK', 'Milk', 1, 1, 1)",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/)
      db.prepare(
        "insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents) values (11, 1, 'MILK', 'Milk', 1, 1, 1)",
      ).run()
      const indexes = (table: string) =>
        (
          db
            .prepare("select name from sqlite_master where type = 'index' and tbl_name = ? and sql is not null order by name")
            .all(table) as { name: string }[]
        ).map((row) => row.name)
      expect(indexes('invoice')).toEqual([
        'invoice_cashier_id_index',
        'invoice_idempotency_key_unique',
        'invoice_paid_at_index',
        'invoice_till_id_number_unique',
        'invoice_token_id_index',
        'invoice_uid_unique',
      ])
      expect(indexes('invoice_tender')).toEqual([
        'invoice_tender_invoice_id_index',
        'invoice_tender_invoice_id_position_unique',
        'invoice_tender_token_id_index',
        'invoice_tender_uid_unique',
      ])
      const triggers = db
        .prepare("select name from sqlite_master where type = 'trigger' and tbl_name in ('invoice', 'invoice_tender') order by name")
        .all()
      expect(triggers.map((row) => (row as { name: string }).name)).toEqual([
        'invoice_identity_required',
        'invoice_no_delete',
        'invoice_no_update',
        'invoice_tender_identity_required',
        'invoice_tender_no_delete',
        'invoice_tender_no_update',
      ])
    })
  })

  it('refuses to commit when a row points at nothing, and leaves the database as it was', async () => {
    withRawDb(dbPath, (db) => {
      db.pragma('foreign_keys = OFF')
      db.prepare(
        "insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents) values (404, 1, 'MILK', 'Milk', 1, 1, 1)",
      ).run()
    })
    const before = withRawDb(dbPath, (db) => db.prepare('select type, name, sql from sqlite_master order by name').all())
    await expect(openDatabase(dbPath, { migrateTo: THIS })).rejects.toThrow(/CHECK constraint failed: ok/)
    withRawDb(dbPath, (db) => {
      expect(db.prepare('select type, name, sql from sqlite_master order by name').all()).toEqual(before)
      expect(db.prepare('select count(*) as n from schema_migration where name = ?').get(THIS)).toEqual({ n: 0 })
    })
  })
})
