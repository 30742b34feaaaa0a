import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BackendClient } from '../backend'
import { ok, openTestStore, readState, signedInClient, TOKENS, withRawDb, type StoreState, type TestStore } from '../test-support'

let store: TestStore
let till: BackendClient
let initial: StoreState

beforeAll(async () => {
  store = await openTestStore()
  till = await signedInClient(store.backend)
  initial = readState(store.dbPath)
})

afterAll(async () => {
  await store.cleanup()
})

/** What must hold after any sequence of sales and refusals. */
function checkBooks(): void {
  withRawDb(store.dbPath, (db) => {
    const rows = <T>(sql: string) => db.prepare(sql).all() as T[]
    // Every invoice's total is the exact sum of its lines.
    expect(
      rows(`select i.id from invoice i
            where i.total_cents != (select coalesce(sum(sub_amount_cents), 0) from invoice_line l where l.invoice_id = i.id)
               or not exists (select 1 from invoice_line l where l.invoice_id = i.id)`),
    ).toEqual([])
    // Stock now + units sold = initial stock, and never below zero.
    const stock = rows<{ sku: string; stock: number; sold: number }>(
      `select p.sku, p.stock, (select coalesce(sum(quantity), 0) from invoice_line l where l.product_id = p.id) as sold
       from product p`,
    )
    for (const { sku, stock: now, sold } of stock) {
      expect(now).toBeGreaterThanOrEqual(0)
      expect(now + sold).toBe(initial.stock[sku])
    }
    // Token balance = initial − Σ token sales, and equals its ledger.
    const tokens = rows<{ code: string; balance: number; sales: number; ledger: number }>(
      `select t.code, t.balance_cents as balance,
         (select coalesce(sum(total_cents), 0) from invoice i where i.token_id = t.id) as sales,
         (select coalesce(sum(delta_cents), 0) from token_ledger_entry e where e.token_id = t.id) as ledger
       from token t`,
    )
    for (const { code, balance, sales, ledger } of tokens) {
      expect(balance).toBe(initial.tokens[code]! - sales)
      expect(balance).toBe(ledger)
      expect(Number.isSafeInteger(balance)).toBe(true)
    }
    // Cash sales: change = tendered − total, never negative.
    expect(
      rows(`select id from invoice where payment_method = 'cash'
            and (change_cents != tendered_cents - total_cents or change_cents < 0)`),
    ).toEqual([])
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
          checkBooks()
        },
      ),
      { numRuns: 60 },
    )
  })
})
