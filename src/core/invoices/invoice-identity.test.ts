import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { uuidv7Time } from '#core/common/ids'
import { ok, openTestStore, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'

let store: TestStore

beforeEach(async () => {
  store = await openTestStore()
})

afterEach(async () => {
  await store.cleanup()
})

async function cashSale(store: TestStore) {
  const till = await signedInClient(store.backend)
  const cart = ok(await till.invoke('cart:add', { productId: 1, quantity: 1 }))
  return ok(
    await till.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payment: { method: 'cash', tenderedCents: cart.totalCents },
    }),
  ).invoice
}

const tillId = (dbPath: string) =>
  withRawDb(dbPath, (db) => db.prepare("select value from setting where key = 'tillId'").pluck().get() as string)

describe('every fact a sale writes', () => {
  it('carries a UUIDv7 of the moment of the sale and this till’s id', async () => {
    const invoice = await cashSale(store)
    const id = tillId(store.dbPath)
    withRawDb(store.dbPath, (db) => {
      const rows = [
        db.prepare('select uid, till_id from invoice where id = ?').get(invoice.id),
        db.prepare('select uid, till_id from stock_movement where invoice_id = ?').get(invoice.id),
        db.prepare("select uid, till_id from audit_entry where action = 'sale'").get(),
      ] as { uid: string; till_id: string }[]
      for (const row of rows) {
        expect(row.till_id).toBe(id)
        expect(uuidv7Time(row.uid).getTime()).toBe(store.clock.now.getTime())
      }
      expect(new Set(rows.map((row) => row.uid)).size).toBe(3)
    })
  })
})

describe('invoice numbers', () => {
  it('run per till: another till’s numbers in the same book neither clash nor count', async () => {
    expect((await cashSale(store)).number).toBe(1)
    // An invoice another till wrote (as the store hub will bring them in), numbered far ahead.
    withRawDb(store.dbPath, (db) =>
      db
        .prepare(
          `insert into invoice (uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents)
           values (?, 'another-till', 41, ?, 1, 'Elsewhere', 'cash', '2026-03-15T09:00:00.000Z', 100)`,
        )
        .run(randomUUID(), randomUUID()),
    )
    expect((await cashSale(store)).number).toBe(2)
    const till = await signedInClient(store.backend)
    expect(ok(await till.invoke('invoices:get', { number: 2 })).cashier).toBe('Kiran Cashier')
    // This till has no invoice 41 of its own.
    expect((await till.invoke('invoices:get', { number: 41 })).ok).toBe(false)
  })

  it('each till has its own identity: two new stores get different till ids and both start at invoice 1', async () => {
    const other = await openTestStore()
    try {
      expect(tillId(other.dbPath)).not.toBe(tillId(store.dbPath))
      expect((await cashSale(store)).number).toBe(1)
      expect((await cashSale(other)).number).toBe(1)
    } finally {
      await other.cleanup()
    }
  })
})
