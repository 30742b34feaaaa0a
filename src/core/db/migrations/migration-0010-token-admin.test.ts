import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TOKEN_LEDGER_REASONS } from '#shared/contract/tokens'
import { openDatabase } from '#core/db/database'
import { MIGRATIONS } from '#core/db/migrations'
import { withRawDb } from '#core/testing/test-store'

const THIS = '0010-token-admin'
/** Whatever runs just before this one (other migrations may be listed in between over time). */
const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex(({ name }) => name === THIS) - 1]!.name
const TILL = '0196a1b2-0000-4000-8000-000000000001'

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0010-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: PREVIOUS })).close(true)
  withRawDb(dbPath, fillBeforeTokenAdmin)
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Two tokens as the schema before held them: issued, one spent on a sale. */
function fillBeforeTokenAdmin(db: Database.Database): void {
  const at = '2026-03-01T09:30:00.000Z'
  db.prepare(
    "insert into user (id, username, display_name, role, password_hash, created_at) values (1, 'asha', 'Asha', 'cashier', 'x', ?)",
  ).run(at)
  const token = db.prepare('insert into token (id, code, balance_cents, expires_on, created_at) values (?, ?, ?, ?, ?)')
  token.run(1, 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 6500, '2099-12-31', at)
  token.run(2, 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 500, '2020-01-01', at)
  db.prepare(
    `insert into invoice (id, uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, token_id, paid_at, total_cents)
     values (7, '0196a1b2-0000-7000-8000-000000000007', ?, 1, 'key-1', 1, 'Asha', 'token', 1, ?, 5500)`,
  ).run(TILL, at)
  const ledger = db.prepare(
    `insert into token_ledger_entry (uid, till_id, token_id, delta_cents, balance_after_cents, reason, invoice_id, at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  ledger.run('0196a1b2-0000-7000-8000-0000000000a1', TILL, 1, 12000, 12000, 'issue', null, at)
  ledger.run('0196a1b2-0000-7000-8000-0000000000a2', TILL, 2, 500, 500, 'issue', null, at)
  ledger.run('0196a1b2-0000-7000-8000-0000000000a3', TILL, 1, -5500, 6500, 'sale', 7, at)
}

const LEDGER =
  'select id, uid, till_id, token_id, delta_cents, balance_after_cents, reason, invoice_id, at from token_ledger_entry order by id'

describe('migration 0010: token admin', () => {
  it('keeps every token and ledger row as it was, with no holder, no note, active, and nobody named', async () => {
    const tokensBefore = withRawDb(dbPath, (db) => db.prepare('select * from token order by id').all())
    const ledgerBefore = withRawDb(dbPath, (db) => db.prepare(LEDGER).all())
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare('select id, code, balance_cents, expires_on, created_at from token order by id').all()).toEqual(tokensBefore)
      expect(db.prepare('select holder_name, note, active from token order by id').all()).toEqual([
        { holder_name: null, note: null, active: 1 },
        { holder_name: null, note: null, active: 1 },
      ])
      expect(db.prepare(LEDGER).all()).toEqual(ledgerBefore)
      expect(db.prepare('select note, user_id from token_ledger_entry').all()).toEqual(
        ledgerBefore.map(() => ({ note: null, user_id: null })),
      )
      // The ledger still sums to each balance.
      expect(
        db
          .prepare(
            'select t.balance_cents as balance, sum(e.delta_cents) as ledger from token t join token_ledger_entry e on e.token_id = t.id group by t.id',
          )
          .all(),
      ).toEqual([
        { balance: 6500, ledger: 6500 },
        { balance: 500, ledger: 500 },
      ])
      // New rows continue after the copied ids.
      const next = db
        .prepare(
          `insert into token_ledger_entry (uid, till_id, token_id, delta_cents, balance_after_cents, reason, note, user_id, at)
           values ('0196a1b2-0000-7000-8000-0000000000a4', ?, 1, 100, 6600, 'topUp', 'birthday', 1, 'x')`,
        )
        .run(TILL)
      expect(Number(next.lastInsertRowid)).toBe(4)
    })
  })

  it('takes every ledger reason and no other, keeps the identity rule, the references and the indexes', async () => {
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      db.pragma('foreign_keys = ON')
      const insert = db.prepare(
        `insert into token_ledger_entry (uid, till_id, token_id, delta_cents, balance_after_cents, reason, user_id, at) values (?, ?, 1, 0, 6500, ?, ?, 'x')`,
      )
      TOKEN_LEDGER_REASONS.forEach((reason, index) => insert.run(`0196a1b2-0000-7000-8000-0000000001${index}0`, TILL, reason, 1))
      expect(() => insert.run('0196a1b2-0000-7000-8000-000000000200', TILL, 'gift', null)).toThrow(/CHECK/)
      expect(() => insert.run(null, TILL, 'adjust', null)).toThrow(/need uid and till_id/)
      expect(() => insert.run('0196a1b2-0000-7000-8000-000000000201', TILL, 'adjust', 99)).toThrow(/FOREIGN KEY/)
      expect(() => insert.run('0196a1b2-0000-7000-8000-0000000000a1', TILL, 'adjust', null)).toThrow(/UNIQUE/)
      expect(() => db.prepare('update token set active = null where id = 1').run()).toThrow(/NOT NULL/)
      const indexes = db
        .prepare("select name from sqlite_master where type = 'index' and tbl_name = 'token_ledger_entry' order by name")
        .all()
      expect(indexes.map((row) => (row as { name: string }).name)).toEqual([
        'token_ledger_entry_invoice_id_index',
        'token_ledger_entry_token_id_index',
        'token_ledger_entry_uid_unique',
        'token_ledger_entry_user_id_index',
      ])
      expect(db.prepare("select count(*) as n from sqlite_master where name like '%__rebuilt'").get()).toEqual({ n: 0 })
    })
  })
})
