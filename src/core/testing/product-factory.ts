/**
 * Factories for catalog and stock tests: products made through `products:create` (as the back
 * office makes them), a demo store emptied of its catalog, sales, and image files. Imported only by
 * tests.
 */
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { BackendClient } from '#core/backend'
import { ok, withRawDb } from './test-store'

let made = 0

/** A product with a fresh SKU (and whatever the test gives), answered as the back office sees it. */
export async function makeProduct(
  manager: BackendClient,
  fields: Partial<ChannelInput<'products:create'>> = {},
): Promise<ChannelOutput<'products:create'>> {
  made += 1
  return ok(
    await manager.invoke('products:create', {
      sku: `TEST-${String(made).padStart(4, '0')}`,
      name: `Test product ${made}`,
      priceCents: 1_000,
      ...fields,
    }),
  )
}

/**
 * Takes the demo's products, categories and tags out of the store (the demo has sold nothing), so a
 * test sees only the catalog it makes. Users, tokens and settings stay.
 */
export function emptyCatalog(dbPath: string): void {
  withRawDb(dbPath, (db) => {
    db.exec('delete from cart_line; delete from stock_movement; delete from product_image; delete from product_tag')
    db.exec('delete from product; delete from category')
  })
}

/** Sells `quantity` of a product from this (cashier's) cart for cash; answers the sale. */
export async function sell(till: BackendClient, productId: number, quantity: number): Promise<ChannelOutput<'checkout:pay'>> {
  const cart = ok(await till.invoke('cart:add', { productId, quantity }))
  return ok(
    await till.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payment: { method: 'cash', tenderedCents: cart.totalCents },
    }),
  )
}

/** Rows of a table, read through a separate connection (to check that a refusal changed nothing). */
export function tableRows(dbPath: string, table: string): unknown[] {
  return withRawDb(dbPath, (db) => db.prepare(`select * from \`${table}\` order by rowid`).all())
}

/** The catalog's tables (taxes too) and the stock's, and the audit trail's length: what a catalog refusal must not change. */
export function catalogState(dbPath: string): Record<string, unknown> {
  return {
    product: tableRows(dbPath, 'product'),
    category: tableRows(dbPath, 'category'),
    product_tag: tableRows(dbPath, 'product_tag'),
    product_tax: tableRows(dbPath, 'product_tax'),
    tax_rate: tableRows(dbPath, 'tax_rate'),
    product_image: tableRows(dbPath, 'product_image'),
    stock_movement: tableRows(dbPath, 'stock_movement'),
    cart_line: tableRows(dbPath, 'cart_line'),
    invoice: tableRows(dbPath, 'invoice'),
    audit: withRawDb(dbPath, (db) => db.prepare('select count(*) as n from audit_entry').get()),
  }
}

/** The smallest files of each kind an image check must recognise by their first bytes. */
export const IMAGE_BYTES = {
  // A whole 1×1 PNG, so a browser can draw it too.
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  jpg: Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8L'), Buffer.alloc(14, 1)]),
  gif: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
}

/** Writes `bytes` to `name` in `dir` and answers the path (a file a person could pick). */
export function pickableFile(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}
