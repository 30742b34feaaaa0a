import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { MIGRATIONS } from '#core/db/migrations'
import { withRawDb } from '#core/testing/test-store'

const THIS = '0013-parked-carts'
/** Whatever runs just before this one (other migrations may be listed in between over time). */
const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex(({ name }) => name === THIS) - 1]!.name

const CARTS = 'select user_id, product_id, quantity, added_at from cart_line order by id'
const PRODUCTS = 'select id, sku, name, price_cents, stock, active from product order by id'

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0013-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: PREVIOUS })).close(true)
  withRawDb(dbPath, (db) => {
    db.prepare(
      "insert into user (id, username, display_name, role, password_hash, active, created_at) values (1, 'asha', 'Asha', 'cashier', 'scrypt$x', 1, '2026-01-01T00:00:00.000Z')",
    ).run()
    const product = db.prepare(
      "insert into product (id, sku, name, price_cents, stock, active, created_at, updated_at) values (?, ?, ?, ?, 10, 1, 'x', 'x')",
    )
    product.run(1, 'MILK', 'Milk', 6500)
    product.run(2, 'RICE', 'Rice', 12_000)
    const line = db.prepare("insert into cart_line (user_id, product_id, quantity, added_at) values (1, ?, ?, '2026-03-15T04:15:00.000Z')")
    line.run(1, 2)
    line.run(2, 1)
  })
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('migration 0013: parked carts', () => {
  it('adds the parked-cart tables empty and leaves every cart and product as it was', async () => {
    const before = withRawDb(dbPath, (db) => ({ carts: db.prepare(CARTS).all(), products: db.prepare(PRODUCTS).all() }))
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare(CARTS).all()).toEqual(before.carts)
      expect(db.prepare(PRODUCTS).all()).toEqual(before.products)
      expect(db.prepare('select count(*) as n from parked_cart').get()).toEqual({ n: 0 })
      expect(db.prepare('select count(*) as n from parked_cart_line').get()).toEqual({ n: 0 })
    })
  })

  it('keeps a parked cart whole: checked figures, one line per position, lines gone with their cart', async () => {
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      db.pragma('foreign_keys = ON')
      const park = db.prepare(
        "insert into parked_cart (uid, till_id, label, user_id, parked_at, line_count, total_cents) values (?, 'till', ?, 1, '2026-03-15T04:20:00.000Z', ?, ?)",
      )
      const parked = Number(park.run('0195a000-0000-7000-8000-000000000001', 'Blue jacket', 2, 25_000).lastInsertRowid)
      const line = db.prepare(
        'insert into parked_cart_line (parked_cart_id, product_id, quantity, unit_price_cents, position) values (?, ?, ?, ?, ?)',
      )
      line.run(parked, 1, 2, 6500, 0)
      line.run(parked, 2, 1, 12_000, 1)

      expect(() => line.run(parked, 2, 1, 12_000, 1)).toThrow(/UNIQUE/)
      expect(() => line.run(parked, 1, 0, 6500, 2)).toThrow(/CHECK/)
      expect(() => line.run(parked, 1, 1, -1, 2)).toThrow(/CHECK/)
      expect(() => line.run(parked, 99, 1, 100, 2)).toThrow(/FOREIGN KEY/)
      expect(() => park.run('0195a000-0000-7000-8000-000000000001', null, 1, 100)).toThrow(/UNIQUE/)
      expect(() => park.run('0195a000-0000-7000-8000-000000000002', null, 0, 100)).toThrow(/CHECK/)
      expect(() => park.run('0195a000-0000-7000-8000-000000000003', null, 1, -1)).toThrow(/CHECK/)

      db.prepare('delete from parked_cart where id = ?').run(parked)
      expect(db.prepare('select count(*) as n from parked_cart_line').get()).toEqual({ n: 0 })
    })
  })
})
