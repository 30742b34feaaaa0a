import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { MIGRATIONS } from '#core/db/migrations'
import { withRawDb } from '#core/testing/test-store'

const THIS = '0009-catalog-admin'
const BEFORE = MIGRATIONS[MIGRATIONS.findIndex((migration) => migration.name === THIS) - 1]!.name

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0009-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: BEFORE })).close(true)
  withRawDb(dbPath, (db) => {
    const tillId = db.prepare("select value from setting where key = 'tillId'").pluck().get()
    const product = db.prepare(
      "insert into product (sku, name, tags, price_cents, stock, created_at, updated_at) values (?, ?, ?, 100, ?, '2026-01-01T00:00:00.000Z', 'x')",
    )
    product.run('SOY', 'Soy Drink 1L', 'vegan  Milk-alternative\tvegan VEGAN', 7)
    product.run('RICE', 'Basmati Rice', null, 3)
    product.run('BLANK', 'Blank tags', '  ', 0)
    const movement = db.prepare(
      'insert into stock_movement (uid, till_id, product_id, delta_qty, reason, invoice_id, at) values (?, ?, ?, ?, ?, null, ?)',
    )
    let n = 0
    const uid = () => `0190a000-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`
    movement.run(uid(), tillId, 1, 10, 'initial', '2026-01-01T00:00:00.000Z')
    movement.run(uid(), tillId, 2, 5, 'initial', '2026-01-01T00:00:00.000Z')
    movement.run(uid(), tillId, 1, -2, 'sale', '2026-01-02T00:00:00.000Z')
    movement.run(uid(), tillId, 2, -2, 'sale', '2026-01-02T00:00:00.000Z')
    movement.run(uid(), tillId, 1, -1, 'sale', '2026-01-03T00:00:00.000Z')
  })
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('migration 0009: the catalog of the back office', () => {
  it('keeps every movement, gives each the running stock of its product, and takes the new reasons, notes and users', async () => {
    const before = withRawDb(dbPath, (db) =>
      db.prepare('select id, uid, till_id, product_id, delta_qty, reason, at from stock_movement order by id').all(),
    )
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare('select id, uid, till_id, product_id, delta_qty, reason, at from stock_movement order by id').all()).toEqual(before)
      expect(db.prepare('select id, stock_after, note, user_id from stock_movement order by id').all()).toEqual([
        { id: 1, stock_after: 10, note: null, user_id: null },
        { id: 2, stock_after: 5, note: null, user_id: null },
        { id: 3, stock_after: 8, note: null, user_id: null },
        { id: 4, stock_after: 3, note: null, user_id: null },
        { id: 5, stock_after: 7, note: null, user_id: null },
      ])
      const tillId = db.prepare("select value from setting where key = 'tillId'").pluck().get()
      const insert = db.prepare(
        "insert into stock_movement (uid, till_id, product_id, delta_qty, reason, note, stock_after, at) values (?, ?, 1, 1, ?, 'note', 8, 'x')",
      )
      for (const [index, reason] of ['import', 'received', 'count', 'damaged', 'returned', 'correction'].entries()) {
        insert.run(`0190a000-0000-7000-9000-${String(index).padStart(12, '0')}`, tillId, reason)
      }
      expect(() => insert.run('0190a000-0000-7000-a000-000000000000', tillId, 'stolen')).toThrow(/CHECK/)
      // The identity trigger came back with the table, and so did its indexes.
      expect(() => db.prepare("insert into stock_movement (product_id, delta_qty, reason, at) values (1, 1, 'count', 'x')").run()).toThrow(
        /need uid and till_id/,
      )
      const indexes = db
        .prepare("select name from sqlite_master where type = 'index' and tbl_name = 'stock_movement' order by name")
        .pluck()
        .all()
      expect(indexes).toEqual(
        expect.arrayContaining([
          'stock_movement_at_index',
          'stock_movement_invoice_id_index',
          'stock_movement_product_id_index',
          'stock_movement_uid_unique',
          'stock_movement_user_id_index',
        ]),
      )
      expect(() => db.prepare('update stock_movement set user_id = 999 where id = 1').run()).toThrow(/FOREIGN KEY/)
      expect(db.pragma('foreign_key_check')).toEqual([])
    })
  })

  it('turns the words of the old tags into tags, once each ignoring case, and joins them with |', async () => {
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare('select product_id, tag from product_tag order by product_id, rowid').all()).toEqual([
        { product_id: 1, tag: 'vegan' },
        { product_id: 1, tag: 'Milk-alternative' },
      ])
      expect(db.prepare('select sku, tags from product order by id').all()).toEqual([
        { sku: 'SOY', tags: 'vegan|Milk-alternative' },
        { sku: 'RICE', tags: null },
        { sku: 'BLANK', tags: null },
      ])
      // The search index followed the rewritten column.
      expect(db.prepare(`select rowid from product_search where product_search match '"alternative"'`).pluck().all()).toEqual([1])
      // A tag is unique on its product without regard to case.
      expect(() => db.prepare("insert into product_tag (product_id, tag) values (1, 'VEGAN')").run()).toThrow(/UNIQUE/)
    })
  })

  it('adds the category, threshold and thumbnail columns empty, with their rules', async () => {
    await (await openDatabase(dbPath, { migrateTo: THIS })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare('select sku, category_id, low_stock_at, image_file from product order by id').all()).toEqual([
        { sku: 'SOY', category_id: null, low_stock_at: null, image_file: null },
        { sku: 'RICE', category_id: null, low_stock_at: null, image_file: null },
        { sku: 'BLANK', category_id: null, low_stock_at: null, image_file: null },
      ])
      expect(() => db.prepare('update product set low_stock_at = -1 where id = 1').run()).toThrow(/CHECK/)
      expect(() => db.prepare('update product set category_id = 42 where id = 1').run()).toThrow(/FOREIGN KEY/)
      db.prepare("insert into category (name, name_key, created_at) values ('Dairy', 'dairy', 'x')").run()
      expect(() => db.prepare("insert into category (name, name_key, created_at) values ('DAIRY', 'dairy', 'x')").run()).toThrow(/UNIQUE/)
      db.prepare('update product set category_id = 1, low_stock_at = 0 where id = 1').run()
      db.prepare("insert into product_image (product_id, file, position, created_at) values (1, 'a.png', 1, 'x')").run()
      expect(() =>
        db.prepare("insert into product_image (product_id, file, position, created_at) values (1, 'a.png', 2, 'x')").run(),
      ).toThrow(/UNIQUE/)
      const indexes = db.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'product'").pluck().all()
      expect(indexes).toEqual(expect.arrayContaining(['product_category_id_index', 'product_price_cents_index', 'product_stock_index']))
    })
  })
})
