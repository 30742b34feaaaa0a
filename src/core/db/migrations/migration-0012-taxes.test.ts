import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { withRawDb } from '#core/testing/test-store'

let dir: string
let dbPath: string

const INVOICES = 'select id, number, total_cents, payment_method, paid_at from invoice order by id'
const LINES = 'select id, invoice_id, product_id, unit_price_cents, quantity, sub_amount_cents from invoice_line order by id'

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0012-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: '0010-token-admin' })).close(true)
  withRawDb(dbPath, (db) => {
    db.prepare(
      "insert into user (username, display_name, role, password_hash, active, created_at) values ('asha', 'Asha', 'cashier', 'scrypt$x', 1, '2026-01-01T00:00:00.000Z')",
    ).run()
    db.prepare(
      "insert into product (sku, name, price_cents, stock, active, created_at, updated_at) values ('MILK', 'Milk', 6500, 10, 1, 'x', 'x')",
    ).run()
    const invoice = db.prepare(
      `insert into invoice (uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents, tendered_cents, change_cents)
       values (?, 'till', ?, ?, 1, 'Asha', 'cash', '2026-02-01T10:00:00.000Z', ?, ?, 0)`,
    )
    invoice.run('0194f000-0000-7000-8000-000000000001', 1, 'k1', 13_000, 13_000)
    invoice.run('0194f000-0000-7000-8000-000000000002', 2, 'k2', 6_500, 6_500)
    const line = db.prepare(
      "insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents) values (?, 1, 'MILK', 'Milk', 6500, ?, ?)",
    )
    line.run(1, 2, 13_000)
    line.run(2, 1, 6_500)
  })
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('migration 0012: taxes', () => {
  it('gives past sales their figures without tax or discount, keeps every other value, and stays append-only', async () => {
    const before = withRawDb(dbPath, (db) => ({ invoices: db.prepare(INVOICES).all(), lines: db.prepare(LINES).all() }))
    await (await openDatabase(dbPath, { migrateTo: '0012-taxes' })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare(INVOICES).all()).toEqual(before.invoices)
      expect(db.prepare(LINES).all()).toEqual(before.lines)
      expect(db.prepare('select id, subtotal_cents, discount_cents, tax_cents from invoice order by id').all()).toEqual([
        { id: 1, subtotal_cents: 13_000, discount_cents: 0, tax_cents: 0 },
        { id: 2, subtotal_cents: 6_500, discount_cents: 0, tax_cents: 0 },
      ])
      expect(db.prepare('select id, discount_cents, net_cents, tax_cents, total_cents from invoice_line order by id').all()).toEqual([
        { id: 1, discount_cents: 0, net_cents: 13_000, tax_cents: 0, total_cents: 13_000 },
        { id: 2, discount_cents: 0, net_cents: 6_500, tax_cents: 0, total_cents: 6_500 },
      ])
      expect(() => db.prepare('update invoice set total_cents = 1 where id = 1').run()).toThrow(/append-only/)
      expect(() => db.prepare('update invoice_line set net_cents = 1 where id = 1').run()).toThrow(/append-only/)
      expect(db.prepare('select count(*) as n from tax_rate').get()).toEqual({ n: 0 })
      db.prepare(
        "insert into tax_rate (name, name_key, rate_bps, included, created_at, updated_at) values ('VAT', 'vat', 1300, 1, 'x', 'x')",
      ).run()
      expect(() =>
        db
          .prepare(
            "insert into tax_rate (name, name_key, rate_bps, included, created_at, updated_at) values ('Odd', 'odd', 10001, 0, 'x', 'x')",
          )
          .run(),
      ).toThrow(/CHECK/)
      db.prepare(
        "insert into invoice_tax (invoice_id, tax_rate_id, name, rate_bps, included, base_cents, tax_cents) values (1, 1, 'VAT', 1300, 1, 100, 13)",
      ).run()
      expect(() => db.prepare('update invoice_tax set tax_cents = 0').run()).toThrow(/append-only/)
      expect(() => db.prepare('delete from invoice_tax').run()).toThrow(/append-only/)
    })
  })
})
