import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { checkBooks, snapshotBooks, type BooksSnapshot } from '#core/testing/invariants'
import { ok, openTestStore, readState, signedInClient, TOKENS, withRawDb, type TestStore } from '#core/testing/test-store'

let store: TestStore
let till: BackendClient
let books: BooksSnapshot

beforeAll(async () => {
  store = await openTestStore()
  till = await signedInClient(store.backend)
  books = withRawDb(store.dbPath, snapshotBooks)
})

afterAll(async () => {
  await store.cleanup()
})

/** What must hold after any sequence of sales and refusals (see db/invariants). */
function checkAllBooks(): void {
  withRawDb(store.dbPath, (db) => {
    expect(checkBooks(db, books, { integrity: 'skip' })).toEqual([])
  })
}

const sku = fc.constantFrom('DEMO-001', 'DEMO-002', 'DEMO-008', 'DEMO-034', 'DEMO-LAST-ONE')
const payment = fc.oneof(
  fc.record({ method: fc.constant('token' as const), token: fc.constantFrom(TOKENS.rich, TOKENS.poor, TOKENS.expired, 'nope') }),
  fc.record({ method: fc.constant('cash' as const), extraCents: fc.integer({ min: -500, max: 50_000 }) }),
)

describe('checkout invariants', () => {
  it('hold after any mix of carts and payments, successful or refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(sku, fc.integer({ min: 1, max: 30 })), { minLength: 0, maxLength: 5 }),
        payment,
        fc.boolean(),
        async (items, pay, staleTotal) => {
          ok(await till.invoke('cart:clear', {}))
          let total = 0
          for (const [code, quantity] of items) {
            const product = ok(await till.invoke('catalog:lookup', { code }))
            total = ok(await till.invoke('cart:add', { productId: product.id, quantity })).totalCents
          }
          const before = readState(store.dbPath)
          const reply = await till.invoke('checkout:pay', {
            idempotencyKey: randomUUID(),
            expectedTotalCents: staleTotal ? total + 1 : total,
            payment:
              pay.method === 'token'
                ? { method: 'token', token: pay.token }
                : { method: 'cash', tenderedCents: Math.max(0, total + pay.extraCents) },
          })
          const after = readState(store.dbPath)
          if (reply.ok) {
            expect(after.invoices).toBe(before.invoices + 1)
            expect(after.cartLines).toEqual([])
            expect(reply.data.invoice.totalCents).toBe(total)
          } else {
            expect(after).toEqual(before)
          }
          checkAllBooks()
        },
      ),
      { numRuns: 60 },
    )
  })
})
