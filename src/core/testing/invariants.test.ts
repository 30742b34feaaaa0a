import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ok, openTestStore, signedInClient, TOKENS, withRawDb, type TestStore } from './test-store'
import { checkBooks, snapshotBooks, type BooksSnapshot } from './invariants'

let store: TestStore
let initial: BooksSnapshot

beforeAll(async () => {
  store = await openTestStore()
  initial = withRawDb(store.dbPath, snapshotBooks)
  const till = await signedInClient(store.backend)
  for (const payment of [{ method: 'token', token: TOKENS.rich } as const, { method: 'cash', tenderedCents: 1_000_000 } as const]) {
    ok(await till.invoke('cart:add', { productId: 1, quantity: 2 }))
    const { totalCents } = ok(await till.invoke('cart:add', { productId: 5, quantity: 1 }))
    ok(await till.invoke('checkout:pay', { idempotencyKey: randomUUID(), expectedTotalCents: totalCents, payment }))
  }
  // One unit of each sale's first line back: to the token (on the shelf again), and in cash.
  const manager = await signedInClient(store.backend, 'manager')
  for (const number of [1, 2]) {
    const invoice = ok(await manager.invoke('invoices:get', { number }))
    ok(
      await manager.invoke('returns:create', {
        invoiceId: invoice.id,
        lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1, restock: number === 1 }],
        reason: 'faulty',
        idempotencyKey: randomUUID(),
      }),
    )
  }
})

afterAll(async () => {
  await store.cleanup()
})

/** Applies `tamper` inside a transaction that is always rolled back, and returns the rules broken. */
function rulesBrokenBy(tamper: string): string[] {
  return withRawDb(store.dbPath, (db) => {
    db.exec('begin')
    try {
      db.exec(tamper)
      return [...new Set(checkBooks(db, initial).map(({ rule }) => rule))]
    } finally {
      db.exec('rollback')
    }
  })
}

describe('checkBooks', () => {
  it('finds nothing wrong with honest sales', () => {
    expect(withRawDb(store.dbPath, (db) => checkBooks(db, initial))).toEqual([])
  })

  it.each([
    ['a token debit without its invoice', `delete from token_ledger_entry where reason = 'sale'`, ['token-debit', 'token-ledger']],
    [
      'a debit for no invoice',
      `insert into token_ledger_entry (uid, till_id, token_id, delta_cents, balance_after_cents, reason, invoice_id, at)
       values (lower(hex(randomblob(16))), (select value from setting where key = 'tillId'), 1, -100, 0, 'sale', null, 'now')`,
      ['debit-without-invoice', 'token-ledger'],
    ],
    ['stock taken without a movement', `delete from stock_movement where reason = 'sale'`, ['line-without-movement', 'stock-movements']],
    [
      'a movement for no line',
      `insert into stock_movement (uid, till_id, product_id, delta_qty, reason, invoice_id, at)
       values (lower(hex(randomblob(16))), (select value from setting where key = 'tillId'), 3, -1, 'sale', null, 'now')`,
      ['movement-without-line', 'stock-movements'],
    ],
    ['stock that changed by itself', `update product set stock = stock - 1 where id = 1`, ['stock-conserved', 'stock-movements']],
    [
      'a balance that changed by itself',
      `update token set balance_cents = balance_cents + 1 where id = 1`,
      ['token-conserved', 'token-ledger'],
    ],
    [
      'an invoice without lines',
      `insert into invoice (uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents, tendered_cents, change_cents)
       values (lower(hex(randomblob(16))), (select value from setting where key = 'tillId'), 3, 'k', 1, 'x', 'cash', 'now', 0, 0, 0)`,
      ['invoice-without-lines', 'invoice-without-tenders', 'sale-business-day'],
    ],
    [
      'a skipped invoice number',
      `insert into invoice (uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, paid_at, total_cents, tendered_cents, change_cents)
       select lower(hex(randomblob(16))), till_id, 9, 'k', cashier_id, cashier_name, 'cash', paid_at, total_cents, total_cents, 0 from invoice where number = 2;
       insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents)
       select (select id from invoice where number = 9), product_id, sku, name, unit_price_cents, quantity, sub_amount_cents
         from invoice_line where invoice_id = (select id from invoice where number = 2);
       insert into stock_movement (uid, till_id, product_id, delta_qty, reason, invoice_id, at)
       select lower(hex(randomblob(16))), (select value from setting where key = 'tillId'), product_id, -quantity, 'sale', (select id from invoice where number = 9), 'now'
         from invoice_line where invoice_id = (select id from invoice where number = 9)`,
      ['invoice-numbers', 'invoice-without-tenders', 'stock-conserved', 'stock-movements', 'sale-business-day', 'invoice-units'],
    ],
    [
      'a tender that pays less than the sale',
      `insert into invoice_tender (uid, till_id, invoice_id, position, method, amount_cents, tendered_cents, change_cents)
       select lower(hex(randomblob(16))), till_id, id, 1, 'card', 100, null, null from invoice where payment_method = 'cash'`,
      ['tenders-pay-total'],
    ],
    [
      'change from a card',
      `insert into invoice_tender (uid, till_id, invoice_id, position, method, amount_cents, tendered_cents, change_cents)
       select lower(hex(randomblob(16))), till_id, id, 1, 'card', 0, null, 5 from invoice where payment_method = 'cash'`,
      ['change-or-rounding-without-cash', 'tenders-pay-total'],
    ],
    [
      'a token tender without its debit',
      `insert into invoice_tender (uid, till_id, invoice_id, position, method, amount_cents, token_id)
       select lower(hex(randomblob(16))), till_id, id, 1, 'token', 0, 2 from invoice where payment_method = 'cash'`,
      ['token-debit'],
    ],
    [
      'a return whose refund went missing',
      `drop trigger return_refund_no_delete; delete from return_refund where sale_return_id = (select id from sale_return where number = 2)`,
      ['return-sums'],
    ],
    [
      'a restock without its movement',
      `delete from stock_movement where reason = 'returned'`,
      ['restock-without-movement', 'stock-movements'],
    ],
    [
      'a token refund without its ledger row',
      `delete from token_ledger_entry where reason = 'refund'`,
      ['token-refund', 'token-ledger', 'token-conserved'],
    ],
    [
      'a refund beyond what its tender paid',
      `drop trigger return_refund_no_update; update return_refund set amount_cents = amount_cents + 100000000`,
      ['refund-within-tender', 'return-sums', 'token-refund'],
    ],
    [
      'a line returned beyond what it sold',
      `drop trigger return_line_within_sale;
       insert into return_line (sale_return_id, invoice_line_id, product_id, quantity, refund_cents, tax_cents, restock)
       select 1, l.id, l.product_id, l.quantity + 2, 0, 0, 0 from invoice_line l where l.invoice_id = 1 and l.product_id = 5`,
      ['return-within-line'],
    ],
    [
      'a skipped return number',
      `drop trigger sale_return_no_update; update sale_return set number = 7 where number = 2`,
      ['return-numbers'],
    ],
    [
      'a sale booked on no day',
      `drop trigger invoice_no_update; update invoice set business_day = null where number = 1`,
      ['sale-business-day'],
    ],
    [
      'a return booked before its sale',
      `drop trigger sale_return_no_update; update sale_return set business_day = '2000-01-01' where number = 1`,
      ['return-before-sale'],
    ],
    [
      'a sale made outside its shift',
      `insert into shift (uid, till_id, number, opened_at, opened_by_id, opened_by_name, opening_float_cents, closed_at, closed_by_id, closed_by_name)
       values (lower(hex(randomblob(16))), (select value from setting where key = 'tillId'), 1, '2000-01-01T00:00:00.000Z', 1, 'x', 0,
         '2000-01-01T08:00:00.000Z', 1, 'x');
       drop trigger invoice_no_update; update invoice set shift_id = (select max(id) from shift) where number = 1`,
      ['sale-outside-shift', 'shift-closed-without-z'],
    ],
  ])('reports %s', (_what, tamper, rules) => {
    expect(rulesBrokenBy(tamper).sort()).toEqual([...rules].sort())
  })

  it('reports a store whose stock moved since the snapshot without a sale', () => {
    const moved = { ...initial, stock: { ...initial.stock, 'DEMO-001': initial.stock['DEMO-001']! + 5 } }
    const rules = withRawDb(store.dbPath, (db) => checkBooks(db, moved).map(({ rule }) => rule))
    expect(rules).toEqual(['stock-conserved'])
  })
})
