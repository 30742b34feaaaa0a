import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { withRawDb } from '#core/testing/test-store'

let dir: string
let dbPath: string

const CART = 'select id, user_id, product_id, quantity, added_at from cart_line order by id'

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0014-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: '0013-parked-carts' })).close(true)
  withRawDb(dbPath, (db) => {
    db.prepare(
      "insert into user (username, display_name, role, password_hash, active, created_at) values ('asha', 'Asha', 'cashier', 'scrypt$x', 1, '2026-01-01T00:00:00.000Z')",
    ).run()
    const product = db.prepare(
      "insert into product (sku, name, price_cents, stock, active, created_at, updated_at) values (?, ?, ?, 10, 1, 'x', 'x')",
    )
    product.run('MILK', 'Milk', 6_500)
    product.run('TEA', 'Tea', 2_500)
    const line = db.prepare("insert into cart_line (user_id, product_id, quantity, added_at) values (1, ?, ?, '2026-02-01T10:00:00.000Z')")
    line.run(1, 2)
    line.run(2, 1)
  })
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('migration 0014: discounts and promo codes', () => {
  it('keeps every open cart line as it was, without a discount, and adds the promo tables', async () => {
    const before = withRawDb(dbPath, (db) => db.prepare(CART).all())
    await (await openDatabase(dbPath, { migrateTo: '0014-discounts-and-promos' })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare(CART).all()).toEqual(before)
      expect(db.prepare('select count(*) as n from cart_line where discount_kind is not null or discount_value is not null').get()).toEqual(
        { n: 0 },
      )
      expect(() => db.prepare("update cart_line set discount_kind = 'free', discount_value = 1 where id = 1").run()).toThrow(/CHECK/)
      for (const table of ['promo', 'promo_product', 'promo_category', 'cart_order', 'invoice_promo']) {
        expect(db.prepare('select count(*) as n from sqlite_master where type = ? and name = ?').get('table', table)).toEqual({ n: 1 })
      }
      db.prepare(
        "insert into promo (code, code_key, name, kind, value, created_at, updated_at) values ('Save10', 'SAVE10', 'Ten off', 'percent', 1000, 'x', 'x')",
      ).run()
      expect(() =>
        db
          .prepare(
            "insert into promo (code, code_key, name, kind, value, created_at, updated_at) values ('save10', 'SAVE10', 'Again', 'amount', 5, 'x', 'x')",
          )
          .run(),
      ).toThrow(/UNIQUE/)
      expect(db.prepare('select uses, active from promo').get()).toEqual({ uses: 0, active: 1 })
      db.prepare('insert into cart_order (user_id, promo_id) values (1, 1)').run()
      // A user removed takes their open cart's order row with them.
      db.prepare('delete from cart_line').run()
      db.prepare('delete from user where id = 1').run()
      expect(db.prepare('select count(*) as n from cart_order').get()).toEqual({ n: 0 })
    })
  })
})
