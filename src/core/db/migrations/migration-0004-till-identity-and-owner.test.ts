import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditRows } from '#core/audit/audit.service'
import { uuidv7Time } from '#core/common/ids'
import { auditHash, GENESIS_HASH } from '#core/db/audit-chain'
import { openDatabase } from '#core/db/database'
import { withRawDb } from '#core/testing/test-store'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const FACT_TABLES = { invoice: 'paid_at', token_ledger_entry: 'at', stock_movement: 'at', audit_entry: 'at' } as const

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0004-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: '0003-product-search' })).close(true)
  withRawDb(dbPath, fillAtSchema0003)
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A small shop's books as schema 0003 held them: two users, sales by token and cash, an audit trail. */
function fillAtSchema0003(db: Database.Database): void {
  const at = (day: number) => new Date(Date.UTC(2026, 0, day, 9, 30)).toISOString()
  db.prepare(
    "insert into user (id, username, display_name, role, password_hash, created_at) values (1, 'asha', 'Asha', 'cashier', 'x', ?)",
  ).run(at(1))
  db.prepare(
    "insert into user (id, username, display_name, role, password_hash, created_at) values (2, 'maya', 'Maya', 'manager', 'x', ?)",
  ).run(at(1))
  db.prepare(
    "insert into product (id, sku, name, price_cents, stock, created_at, updated_at) values (1, 'MILK', 'Milk', 5500, 10, ?, ?)",
  ).run(at(1), at(1))
  db.prepare("insert into token (id, code, balance_cents, expires_on, created_at) values (1, 'tok', 1000, '2099-12-31', ?)").run(at(1))
  db.prepare(
    "insert into token_ledger_entry (token_id, delta_cents, balance_after_cents, reason, at) values (1, 12000, 12000, 'issue', ?)",
  ).run(at(1))
  db.prepare("insert into stock_movement (product_id, delta_qty, reason, at) values (1, 12, 'initial', ?)").run(at(1))
  for (const [number, day, method] of [
    [1, 2, 'token'],
    [2, 3, 'cash'],
  ] as const) {
    db.prepare(
      `insert into invoice (id, number, idempotency_key, cashier_id, cashier_name, payment_method, token_id, paid_at, total_cents)
       values (?, ?, ?, 1, 'Asha', ?, ?, ?, 5500)`,
    ).run(number, number, `key-${number}`, method, method === 'token' ? 1 : null, at(day))
    db.prepare(
      "insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents) values (?, 1, 'MILK', 'Milk', 5500, 1, 5500)",
    ).run(number)
    db.prepare("insert into stock_movement (product_id, delta_qty, reason, invoice_id, at) values (1, -1, 'sale', ?, ?)").run(
      number,
      at(day),
    )
    if (method === 'token') {
      db.prepare(
        "insert into token_ledger_entry (token_id, delta_cents, balance_after_cents, reason, invoice_id, at) values (1, -5500, 6500, 'sale', ?, ?)",
      ).run(number, at(day))
    }
  }
  db.prepare('insert into cart_line (user_id, product_id, quantity, added_at) values (1, 1, 2, ?)').run(at(4))
  let prevHash = GENESIS_HASH
  for (const day of [2, 3]) {
    const fields = {
      prevHash,
      at: at(day),
      action: 'sale',
      actorUserId: 1,
      actorName: 'Asha',
      subject: `invoice ${day - 1}`,
      details: '{}',
    }
    const hash = auditHash(fields)
    db.prepare(
      'insert into audit_entry (at, action, actor_user_id, actor_name, subject, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(fields.at, fields.action, fields.actorUserId, fields.actorName, fields.subject, fields.details, prevHash, hash)
    prevHash = hash
  }
}

function snapshot(db: Database.Database) {
  const rows = (sql: string) => db.prepare(sql).all()
  return {
    users: rows(
      'select id, username, display_name, role, password_hash, active, created_at, failed_sign_ins, locked_at from user order by id',
    ),
    invoices: rows(
      'select id, number, idempotency_key, cashier_id, payment_method, token_id, paid_at, total_cents from invoice order by id',
    ),
    ledger: rows('select id, token_id, delta_cents, balance_after_cents, reason, invoice_id, at from token_ledger_entry order by id'),
    movements: rows('select id, product_id, delta_qty, reason, invoice_id, at from stock_movement order by id'),
    audit: rows('select id, at, action, actor_user_id, actor_name, subject, details, prev_hash, hash from audit_entry order by id'),
    cart: rows('select user_id, product_id, quantity from cart_line'),
  }
}

describe('migration 0004: till identity and the owner role', () => {
  it('gives the till an id and a short code, and every old fact row a UUIDv7 of its own time and that till', async () => {
    const before = withRawDb(dbPath, snapshot)
    await (await openDatabase(dbPath, { migrateTo: '0004-till-identity-and-owner' })).close(true)

    withRawDb(dbPath, (db) => {
      expect(snapshot(db)).toEqual(before)
      const setting = (key: string) => db.prepare('select value from setting where key = ?').pluck().get(key) as string
      const tillId = setting('tillId')
      expect(tillId).toMatch(UUID_V4)
      expect(setting('tillCode')).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}$/)
      const uids: string[] = []
      for (const [table, atColumn] of Object.entries(FACT_TABLES)) {
        const rows = db.prepare(`select uid, till_id, ${atColumn} as at from ${table}`).all() as {
          uid: string
          till_id: string
          at: string
        }[]
        expect(rows.length, table).toBeGreaterThan(0)
        for (const row of rows) {
          expect(row.uid, table).toMatch(UUID_V7)
          expect(uuidv7Time(row.uid).toISOString(), table).toBe(row.at)
          expect(row.till_id, table).toBe(tillId)
          uids.push(row.uid)
        }
      }
      expect(new Set(uids).size).toBe(uids.length)
      // The audit chain does not cover the new columns: it still verifies.
      expect(verifyAuditRows(db.prepare('select * from audit_entry order by id').all() as Parameters<typeof verifyAuditRows>[0])).toEqual({
        ok: true,
        entries: 2,
      })
    })
  })

  it('refuses a new fact row without uid or till, and numbers invoices per till', async () => {
    await (await openDatabase(dbPath, { migrateTo: '0004-till-identity-and-owner' })).close(true)
    withRawDb(dbPath, (db) => {
      expect(() =>
        db.prepare("insert into stock_movement (product_id, delta_qty, reason, at) values (1, 1, 'initial', 'x')").run(),
      ).toThrow(/stock_movement rows need uid and till_id/)
      const insertInvoice = db.prepare(
        `insert into invoice (uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents)
         values (?, ?, ?, ?, 1, 'Asha', 'cash', '2026-02-01T00:00:00.000Z', 0)`,
      )
      const tillId = db.prepare("select value from setting where key = 'tillId'").pluck().get()
      expect(() => insertInvoice.run('u-1', tillId, 1, 'k-1')).toThrow(/UNIQUE/)
      // Another till's invoice 1 is not this till's invoice 1.
      expect(insertInvoice.run('u-2', 'another-till', 1, 'k-2').changes).toBe(1)
      expect(() => db.prepare('update invoice set till_id = null').run()).toThrow(/append-only/)
    })
  })

  it('lets a user be the owner, keeps every reference to users, and leaves foreign keys on', async () => {
    await (await openDatabase(dbPath, { migrateTo: '0004-till-identity-and-owner' })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare("update user set role = 'owner' where id = 2").run().changes).toBe(1)
      expect(() => db.prepare("update user set role = 'boss' where id = 2").run()).toThrow(/CHECK/)
      expect(db.prepare('select * from pragma_foreign_key_check').all()).toEqual([])
      expect(db.prepare("select sql from sqlite_master where name = 'invoice'").pluck().get()).toMatch(/references `user`/)
    })
    const orm = await openDatabase(dbPath, { migrateTo: '0004-till-identity-and-owner' })
    try {
      const connection = orm.em.getConnection()
      expect(await connection.execute('pragma foreign_keys')).toEqual([{ foreign_keys: 1 }])
      await expect(connection.execute('delete from user where id = 1')).rejects.toThrow(/FOREIGN KEY/)
    } finally {
      await orm.close(true)
    }
  })

  it('is refused as a whole, changing nothing, when a row points at a user that is not there', async () => {
    withRawDb(dbPath, (db) => {
      db.pragma('foreign_keys = OFF')
      db.prepare('update cart_line set user_id = 99').run()
    })
    const before = withRawDb(dbPath, snapshot)
    await expect(openDatabase(dbPath, { migrateTo: '0004-till-identity-and-owner' })).rejects.toThrow(/CHECK constraint failed/)
    withRawDb(dbPath, (db) => {
      expect(snapshot(db)).toEqual(before)
      expect(db.prepare("select count(*) from schema_migration where name = '0004-till-identity-and-owner'").pluck().get()).toBe(0)
      expect(db.prepare("select count(*) from setting where key = 'tillId'").pluck().get()).toBe(0)
    })
  })
})
