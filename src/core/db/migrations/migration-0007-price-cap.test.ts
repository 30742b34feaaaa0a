import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_PRICE_CENTS } from '#shared/contract/catalog'
import { openDatabase } from '#core/db/database'
import { withRawDb } from '#core/testing/test-store'

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0007-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: '0006-audit-anchors' })).close(true)
  withRawDb(dbPath, (db) =>
    db
      .prepare("insert into product (sku, name, price_cents, stock, created_at, updated_at) values ('GOLD', 'Gold bar', ?, 1, 'x', 'x')")
      .run(MAX_PRICE_CENTS),
  )
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('migration 0007: the price cap', () => {
  it('keeps every price up to the cap and refuses one above it, on insert and on update', async () => {
    await (await openDatabase(dbPath, { migrateTo: '0007-price-cap' })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare("select price_cents from product where sku = 'GOLD'").pluck().get()).toBe(MAX_PRICE_CENTS)
      expect(() => db.prepare("update product set price_cents = ? where sku = 'GOLD'").run(MAX_PRICE_CENTS + 1)).toThrow(/at most 10\^12/)
      expect(() =>
        db
          .prepare(
            "insert into product (sku, name, price_cents, stock, created_at, updated_at) values ('MORE', 'More gold', ?, 1, 'x', 'x')",
          )
          .run(MAX_PRICE_CENTS + 1),
      ).toThrow(/at most 10\^12/)
      expect(db.prepare("select price_cents from product where sku = 'GOLD'").pluck().get()).toBe(MAX_PRICE_CENTS)
    })
  })
})
