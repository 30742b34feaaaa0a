import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TenderInput } from '#shared/contract/checkout'
import type { ReturnLineInput } from '#shared/contract/returns'
import type { BackendClient } from '#core/backend'
import {
  expectError,
  fillCart,
  ok,
  openTestStore,
  readState,
  signedInClient,
  TOKENS,
  withRawDb,
  type TestStore,
} from '#core/testing/test-store'

/**
 * Returns on the demo store, which rounds cash to NPR 1.00 half-up and charges VAT 13% included.
 * DEMO-001 is priced at NPR 104.60 so that cash parts round; DEMO-002 at NPR 50.00.
 */
const PRICE = 10_460
const OTHER_PRICE = 5_000
const RICH_BALANCE = 1_000_000

let store: TestStore
let cashier: BackendClient
let manager: BackendClient

beforeEach(async () => {
  store = await openTestStore()
  withRawDb(store.dbPath, (db) => {
    db.prepare("update product set price_cents = ?, stock = 50 where sku = 'DEMO-001'").run(PRICE)
    db.prepare("update product set price_cents = ?, stock = 50 where sku = 'DEMO-002'").run(OTHER_PRICE)
  })
  cashier = await signedInClient(store.backend)
  manager = await signedInClient(store.backend, 'manager')
})

afterEach(async () => {
  await store.cleanup()
})

async function sell(client: BackendClient, items: readonly (readonly [string, number])[], payments: TenderInput[]) {
  const cart = await fillCart(client, items)
  return ok(await client.invoke('checkout:pay', { idempotencyKey: randomUUID(), expectedTotalCents: cart.totalCents, payments })).invoice
}

function returnLines(
  client: BackendClient,
  invoiceId: number,
  lines: ReturnLineInput[],
  idempotencyKey = randomUUID(),
  approvalId?: string,
) {
  return client.invoke('returns:create', {
    invoiceId,
    lines,
    reason: 'changed their mind',
    idempotencyKey,
    ...(approvalId ? { approvalId } : {}),
  })
}

const stockOf = (sku: string) => readState(store.dbPath).stock[sku]!
const tokenBalance = (code: string) => readState(store.dbPath).tokens[code]!
const counts = () =>
  withRawDb(store.dbPath, (db) =>
    Object.fromEntries(
      ['sale_return', 'return_line', 'return_refund', 'stock_movement', 'token_ledger_entry', 'audit_entry'].map((table) => [
        table,
        db.prepare(`select count(*) from ${table}`).pluck().get() as number,
      ]),
    ),
  )

describe('a return', () => {
  it('refunds what was paid for the units, in cash rounded over all the sale’s returns, and restocks', async () => {
    const invoice = await sell(cashier, [['DEMO-001', 3]], [{ method: 'cash', tenderedCents: 40_000 }])
    // 3 × 104.60 = 313.80, paid 314.00 in cash.
    expect(invoice.tenders).toEqual([{ method: 'cash', amountCents: 31_400, tenderedCents: 40_000, changeCents: 8_600 }])
    const line = invoice.lines[0]!
    const stockAfterSale = stockOf('DEMO-001')

    const first = ok(await returnLines(manager, invoice.id, [{ invoiceLineId: line.id, quantity: 1, restock: true }]))
    // One unit is worth 104.60 (a third of the line), paid out as 105.00.
    expect(first).toMatchObject({
      number: 1,
      kind: 'return',
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      cashier: 'Maya Manager',
      goodsCents: 10_460,
      roundingCents: 40,
      refundCents: 10_500,
      refunds: [{ method: 'cash', amountCents: 10_500 }],
      lines: [{ invoiceLineId: line.id, productId: line.productId, sku: 'DEMO-001', quantity: 1, refundCents: 10_460, restock: true }],
    })
    // The tax in it is a third of the line's.
    expect(first.taxCents).toBe(Math.round(line.taxCents / 3))
    expect(stockOf('DEMO-001')).toBe(stockAfterSale + 1)

    // The second unit: all the cash parts so far, 209.20, round to 209.00, so this one pays out 104.00.
    const second = ok(await returnLines(manager, invoice.id, [{ invoiceLineId: line.id, quantity: 1, restock: false }]))
    expect(second).toMatchObject({ number: 2, goodsCents: 10_460, refundCents: 10_400, roundingCents: -60 })
    expect(stockOf('DEMO-001')).toBe(stockAfterSale + 1)
    // The last one makes the whole: 314.00 back, exactly what the drawer took.
    const third = ok(await returnLines(manager, invoice.id, [{ invoiceLineId: line.id, quantity: 1, restock: true }]))
    expect(third.refundCents).toBe(10_500)
    expect(first.refundCents + second.refundCents + third.refundCents).toBe(invoice.tenders[0]!.amountCents)
    expect(first.taxCents + second.taxCents + third.taxCents).toBe(line.taxCents)

    const shown = ok(await manager.invoke('invoices:get', { id: invoice.id }))
    expect(shown.lines[0]!.returnedQuantity).toBe(3)
    expect(shown.returns.map((row) => [row.number, row.kind, row.refundCents, row.reason])).toEqual([
      [1, 'return', 10_500, 'changed their mind'],
      [2, 'return', 10_400, 'changed their mind'],
      [3, 'return', 10_500, 'changed their mind'],
    ])
    // Each restocked line wrote a `returned` movement naming its return, with the stock it left.
    const movements = withRawDb(store.dbPath, (db) =>
      db.prepare("select delta_qty, sale_return_id, stock_after from stock_movement where reason = 'returned' order by id").all(),
    )
    expect(movements).toEqual([
      { delta_qty: 1, sale_return_id: first.id, stock_after: stockAfterSale + 1 },
      { delta_qty: 1, sale_return_id: third.id, stock_after: stockAfterSale + 2 },
    ])
    const audit = withRawDb(store.dbPath, (db) =>
      db.prepare("select action, subject, details from audit_entry where action = 'sale.return' order by id").all(),
    ) as { action: string; subject: string; details: string }[]
    expect(audit.map((row) => row.subject)).toEqual([
      `return 1 of invoice ${invoice.number}`,
      `return 2 of invoice ${invoice.number}`,
      `return 3 of invoice ${invoice.number}`,
    ])
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      refundCents: 10_500,
      restocked: 1,
      refunds: 'cash',
      reason: 'changed their mind',
    })
  })

  it('prorates the line’s own discount and the sale’s, so the refund is what the customer paid', async () => {
    const cart = await fillCart(cashier, [
      ['DEMO-001', 2],
      ['DEMO-002', 1],
    ])
    const first = cart.lines[0]!
    ok(
      await cashier.invoke('cart:setLineDiscount', {
        productId: first.productId,
        discount: { kind: 'percent', bps: 1000 },
        reason: 'dented',
      }),
    )
    const discounted = ok(await cashier.invoke('cart:setOrderDiscount', { discount: { kind: 'amount', cents: 1_000 }, reason: 'regular' }))
    const invoice = ok(
      await cashier.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: discounted.totalCents,
        payments: [{ method: 'card', amountCents: discounted.totalCents, reference: 'APPROVAL-77' }],
      }),
    ).invoice
    const line = invoice.lines.find((candidate) => candidate.sku === 'DEMO-001')!
    expect(line.discountCents).toBeGreaterThan(2_092)

    const preview = ok(
      await manager.invoke('returns:preview', { invoiceId: invoice.id, lines: [{ invoiceLineId: line.id, quantity: 1, restock: true }] }),
    )
    expect(preview.goodsCents).toBe(Math.round(line.totalCents / 2))
    expect(preview.goodsCents).toBeLessThan(PRICE)
    // A card refund carries the sale's reference; no cash, so no rounding.
    expect(preview.refunds).toEqual([{ method: 'card', amountCents: preview.goodsCents, reference: 'APPROVAL-77' }])
    expect(preview.roundingCents).toBe(0)

    const made = ok(await returnLines(manager, invoice.id, [{ invoiceLineId: line.id, quantity: 1, restock: true }]))
    const { id, number, kind, returnedAt, cashier: who, reason, ...figures } = made
    expect([id, number, kind, who, reason, returnedAt]).toEqual([
      made.id,
      1,
      'return',
      'Maya Manager',
      'changed their mind',
      store.clock.now.toISOString(),
    ])
    expect(figures).toEqual(preview)
    // Everything back: the two returns together give exactly the invoice's total.
    const rest = ok(
      await returnLines(
        manager,
        invoice.id,
        invoice.lines.map((sold) => ({ invoiceLineId: sold.id, quantity: sold.sku === 'DEMO-001' ? 1 : sold.quantity, restock: true })),
      ),
    )
    expect(made.refundCents + rest.refundCents).toBe(invoice.totalCents)
  })

  it('goes back to the token first, then cash; a full return puts the token back to its balance before the sale, plus top-ups since', async () => {
    const invoice = await sell(
      cashier,
      [
        ['DEMO-001', 1],
        ['DEMO-002', 1],
      ],
      [
        { method: 'token', token: TOKENS.rich, amountCents: 6_000 },
        { method: 'cash', tenderedCents: 10_000 },
      ],
    )
    // 154.60 due: 60.00 by token, 94.60 in cash paid as 95.00.
    expect(tokenBalance(TOKENS.rich)).toBe(RICH_BALANCE - 6_000)
    ok(await manager.invoke('tokens:topUp', { code: TOKENS.rich, amountCents: 2_500 }))

    const [milk, bread] = invoice.lines as [(typeof invoice.lines)[0], (typeof invoice.lines)[0]]
    // DEMO-002 alone (50.00) all goes back to the token.
    const first = ok(await returnLines(manager, invoice.id, [{ invoiceLineId: bread.id, quantity: 1, restock: true }]))
    expect(first.refunds).toEqual([
      { method: 'token', amountCents: 5_000, tokenLast4: '1111', tokenBalanceAfterCents: RICH_BALANCE - 1_000 + 2_500 },
    ])
    // The rest: 10.00 is all the token has left to take back, then cash, rounded.
    const second = ok(await returnLines(manager, invoice.id, [{ invoiceLineId: milk.id, quantity: 1, restock: true }]))
    expect(second.refunds).toEqual([
      { method: 'token', amountCents: 1_000, tokenLast4: '1111', tokenBalanceAfterCents: RICH_BALANCE + 2_500 },
      { method: 'cash', amountCents: 9_500 },
    ])
    expect(second.roundingCents).toBe(40)
    expect(tokenBalance(TOKENS.rich)).toBe(RICH_BALANCE + 2_500)
    expect(first.refundCents + second.refundCents).toBe(invoice.tenders.reduce((sum, tender) => sum + tender.amountCents, 0))
    // The ledger explains the balance: the sale's debit, the top-up, two refunds naming the return and the invoice.
    const ledger = withRawDb(store.dbPath, (db) =>
      db
        .prepare(
          `select e.reason, e.delta_cents, e.balance_after_cents, e.invoice_id, e.sale_return_id from token_ledger_entry e
           join token t on t.id = e.token_id where t.code = ? and e.reason <> 'issue' order by e.id`,
        )
        .all(TOKENS.rich),
    )
    expect(ledger).toEqual([
      { reason: 'sale', delta_cents: -6_000, balance_after_cents: RICH_BALANCE - 6_000, invoice_id: invoice.id, sale_return_id: null },
      { reason: 'topUp', delta_cents: 2_500, balance_after_cents: RICH_BALANCE - 3_500, invoice_id: null, sale_return_id: null },
      { reason: 'refund', delta_cents: 5_000, balance_after_cents: RICH_BALANCE + 1_500, invoice_id: invoice.id, sale_return_id: first.id },
      {
        reason: 'refund',
        delta_cents: 1_000,
        balance_after_cents: RICH_BALANCE + 2_500,
        invoice_id: invoice.id,
        sale_return_id: second.id,
      },
    ])
  })

  it('records a wallet refund against the sale’s wallet and reference', async () => {
    const cart = await fillCart(cashier, [['DEMO-002', 2]])
    const invoice = ok(
      await cashier.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payments: [{ method: 'wallet', wallet: 'eSewa', amountCents: cart.totalCents, reference: 'ES-12345' }],
      }),
    ).invoice
    const made = ok(await returnLines(manager, invoice.id, [{ invoiceLineId: invoice.lines[0]!.id, quantity: 2, restock: false }]))
    expect(made.refunds).toEqual([{ method: 'wallet', wallet: 'eSewa', reference: 'ES-12345', amountCents: 10_000 }])
    expect(ok(await manager.invoke('returns:get', { id: made.id }))).toEqual(made)
  })
})

describe('what a return refuses', () => {
  it('never takes back more than is left of a line, and a refusal changes nothing', async () => {
    const invoice = await sell(cashier, [['DEMO-001', 2]], [{ method: 'cash', tenderedCents: 30_000 }])
    const line = invoice.lines[0]!
    const before = { state: readState(store.dbPath), counts: counts() }
    const tooMany = await returnLines(manager, invoice.id, [{ invoiceLineId: line.id, quantity: 3, restock: true }])
    expectError(tooMany, 'RETURN_EXCEEDS_SALE')
    expect(!tooMany.ok && tooMany.error.params).toEqual({
      invoiceLineId: line.id,
      name: line.name,
      soldQuantity: 2,
      returnedQuantity: 0,
      requestedQuantity: 3,
    })
    expect({ state: readState(store.dbPath), counts: counts() }).toEqual(before)

    ok(await returnLines(manager, invoice.id, [{ invoiceLineId: line.id, quantity: 1, restock: true }]))
    const afterOne = { state: readState(store.dbPath), counts: counts() }
    const again = await returnLines(manager, invoice.id, [{ invoiceLineId: line.id, quantity: 2, restock: true }])
    expectError(again, 'RETURN_EXCEEDS_SALE')
    expect(!again.ok && again.error.params).toMatchObject({ returnedQuantity: 1, requestedQuantity: 2 })
    expect({ state: readState(store.dbPath), counts: counts() }).toEqual(afterOne)
  })

  it('gives the last unit to one of two returns racing for it', async () => {
    const invoice = await sell(cashier, [['DEMO-001', 1]], [{ method: 'cash', tenderedCents: 20_000 }])
    const other = await signedInClient(store.backend, 'owner')
    const line = { invoiceLineId: invoice.lines[0]!.id, quantity: 1, restock: true }
    const replies = await Promise.all([returnLines(manager, invoice.id, [line]), returnLines(other, invoice.id, [line])])
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1)
    expectError(
      replies.find((reply) => !reply.ok)!,
      'RETURN_EXCEEDS_SALE',
    )
    expect(counts()).toMatchObject({ sale_return: 1, return_line: 1, return_refund: 1 })
  })

  it('is refused by the database itself beyond what was sold, whatever writes it', async () => {
    const invoice = await sell(cashier, [['DEMO-001', 1]], [{ method: 'cash', tenderedCents: 20_000 }])
    const made = ok(await returnLines(manager, invoice.id, [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1, restock: false }]))
    expect(() =>
      withRawDb(store.dbPath, (db) =>
        db
          .prepare(
            'insert into return_line (sale_return_id, invoice_line_id, product_id, quantity, refund_cents, tax_cents, restock) values (?, ?, ?, 1, 0, 0, 0)',
          )
          .run(made.id, invoice.lines[0]!.id, invoice.lines[0]!.productId),
      ),
    ).toThrow(/would return more than was sold/)
    expect(() => withRawDb(store.dbPath, (db) => db.prepare('update sale_return set refund_cents = 0').run())).toThrow(/append-only/)
  })

  it('answers a replayed key with the same return, and refuses the key from someone else', async () => {
    const invoice = await sell(cashier, [['DEMO-001', 2]], [{ method: 'cash', tenderedCents: 30_000 }])
    const key = randomUUID()
    const line = { invoiceLineId: invoice.lines[0]!.id, quantity: 1, restock: true }
    const made = ok(await returnLines(manager, invoice.id, [line], key))
    const owner = await signedInClient(store.backend, 'owner')
    const before = { state: readState(store.dbPath), counts: counts() }
    expect(ok(await returnLines(manager, invoice.id, [line], key))).toEqual(made)
    expect({ state: readState(store.dbPath), counts: counts() }).toEqual(before)
    expectError(await returnLines(owner, invoice.id, [line], key), 'CONFLICT')
    expect({ state: readState(store.dbPath), counts: counts() }).toEqual(before)
  })

  it('refuses an unknown invoice, a line of another invoice, a line named twice and an empty reason', async () => {
    const invoice = await sell(cashier, [['DEMO-001', 1]], [{ method: 'cash', tenderedCents: 20_000 }])
    const otherSale = await sell(cashier, [['DEMO-002', 1]], [{ method: 'cash', tenderedCents: 5_000 }])
    const line = { invoiceLineId: invoice.lines[0]!.id, quantity: 1, restock: true }
    const before = { state: readState(store.dbPath), counts: counts() }
    expectError(await returnLines(manager, 999_999, [line]), 'NOT_FOUND')
    const foreign = await returnLines(manager, invoice.id, [{ ...line, invoiceLineId: otherSale.lines[0]!.id }])
    expectError(foreign, 'NOT_FOUND')
    expect(!foreign.ok && foreign.error.params).toEqual({ what: 'invoiceLine', id: otherSale.lines[0]!.id })
    expectError(await returnLines(manager, invoice.id, [line, line]), 'VALIDATION_FAILED')
    expectError(await returnLines(manager, invoice.id, [{ ...line, quantity: 0 }]), 'VALIDATION_FAILED')
    expectError(
      await manager.invoke('returns:create', { invoiceId: invoice.id, lines: [line], reason: '  ', idempotencyKey: randomUUID() }),
      'VALIDATION_FAILED',
    )
    expectError(await manager.invoke('returns:get', { id: 12_345 }), 'NOT_FOUND')
    expect({ state: readState(store.dbPath), counts: counts() }).toEqual(before)
  })

  it('needs sale.return: a cashier gets a manager’s approval, and the return names both', async () => {
    const invoice = await sell(cashier, [['DEMO-001', 1]], [{ method: 'cash', tenderedCents: 20_000 }])
    const line = { invoiceLineId: invoice.lines[0]!.id, quantity: 1, restock: true }
    const before = { state: readState(store.dbPath), counts: counts() }
    expectError(await returnLines(cashier, invoice.id, [line]), 'FORBIDDEN')
    expect({ state: readState(store.dbPath), counts: counts() }).toEqual(before)
    // The preview needs no approval: the cashier shows the customer before fetching the manager.
    expect(ok(await cashier.invoke('returns:preview', { invoiceId: invoice.id, lines: [line] })).refundCents).toBe(10_500)

    const { approvalId } = ok(await cashier.invoke('auth:approve', { username: 'manager', secret: 'manager', permission: 'sale.return' }))
    const made = ok(await returnLines(cashier, invoice.id, [line], randomUUID(), approvalId))
    expect(made).toMatchObject({ cashier: 'Kiran Cashier', approvedBy: 'Maya Manager' })
    const audit = withRawDb(store.dbPath, (db) =>
      db.prepare("select actor_name, details from audit_entry where action = 'sale.return'").get(),
    ) as {
      actor_name: string
      details: string
    }
    expect(audit.actor_name).toBe('Kiran Cashier')
    expect(JSON.parse(audit.details)).toMatchObject({ approvedBy: 'Maya Manager', approvedFor: 'sale.return' })
    expect(ok(await cashier.invoke('returns:get', { id: made.id })).approvedBy).toBe('Maya Manager')
  })

  it('is the cashier’s own in a store whose settings let cashiers take returns; a void still needs a manager', async () => {
    const invoice = await sell(cashier, [['DEMO-001', 2]], [{ method: 'cash', tenderedCents: 30_000 }])
    const line = { invoiceLineId: invoice.lines[0]!.id, quantity: 1, restock: true }
    const mayReturn = async () => ok(await cashier.invoke('auth:session', {})).user?.permissions.includes('sale.return')
    expect(await mayReturn()).toBe(false)
    expect(ok(await manager.invoke('settings:update', { patch: { cashiersMayReturn: true } })).cashiersMayReturn).toBe(true)
    // The session says so, so the till offers the return without asking for a manager.
    expect(await mayReturn()).toBe(true)
    const made = ok(await returnLines(cashier, invoice.id, [line]))
    expect(made.cashier).toBe('Kiran Cashier')
    expect(made.approvedBy).toBeUndefined()
    const before = { state: readState(store.dbPath), counts: counts() }
    expectError(await cashier.invoke('invoices:void', { invoiceId: invoice.id, reason: 'oops', idempotencyKey: randomUUID() }), 'FORBIDDEN')
    expect({ state: readState(store.dbPath), counts: counts() }).toEqual(before)
    // Switched off again, the cashier needs the manager once more.
    ok(await manager.invoke('settings:update', { patch: { cashiersMayReturn: false } }))
    expect(await mayReturn()).toBe(false)
    expectError(await returnLines(cashier, invoice.id, [line]), 'FORBIDDEN')
  })
})

describe('a void', () => {
  it('takes back everything left of today’s sale, restocks it all and refunds every tender', async () => {
    const invoice = await sell(
      cashier,
      [
        ['DEMO-001', 2],
        ['DEMO-002', 1],
      ],
      [
        { method: 'token', token: TOKENS.rich, amountCents: 10_000 },
        { method: 'cash', tenderedCents: 20_000 },
      ],
    )
    const stockAfterSale = readState(store.dbPath).stock
    ok(await returnLines(manager, invoice.id, [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1, restock: false }]))
    const voided = ok(
      await manager.invoke('invoices:void', { invoiceId: invoice.id, reason: 'rang up twice', idempotencyKey: randomUUID() }),
    )
    expect(voided.kind).toBe('void')
    expect(voided.lines.map((line) => [line.sku, line.quantity, line.restock])).toEqual([
      ['DEMO-001', 1, true],
      ['DEMO-002', 1, true],
    ])
    const shown = ok(await manager.invoke('invoices:get', { id: invoice.id }))
    expect(shown.lines.map((line) => line.returnedQuantity)).toEqual([2, 1])
    const refunded = shown.returns.reduce((sum, row) => sum + row.refundCents, 0)
    expect(refunded).toBe(invoice.tenders.reduce((sum, tender) => sum + tender.amountCents, 0))
    expect(tokenBalance(TOKENS.rich)).toBe(RICH_BALANCE)
    expect(readState(store.dbPath).stock).toEqual({
      ...stockAfterSale,
      'DEMO-001': stockAfterSale['DEMO-001']! + 1,
      'DEMO-002': stockAfterSale['DEMO-002']! + 1,
    })
    expect(withRawDb(store.dbPath, (db) => db.prepare("select count(*) from audit_entry where action = 'sale.void'").pluck().get())).toBe(1)

    // Nothing is left to void.
    const before = { state: readState(store.dbPath), counts: counts() }
    const again = await manager.invoke('invoices:void', { invoiceId: invoice.id, reason: 'again', idempotencyKey: randomUUID() })
    expectError(again, 'CONFLICT')
    expect(!again.ok && again.error.params).toEqual({ what: 'nothingToReturn' })
    expect({ state: readState(store.dbPath), counts: counts() }).toEqual(before)
  })

  it('is refused for a sale of an earlier business day, and for a cashier without approval', async () => {
    const invoice = await sell(cashier, [['DEMO-001', 1]], [{ method: 'cash', tenderedCents: 20_000 }])
    const before = { state: readState(store.dbPath), counts: counts() }
    expectError(await cashier.invoke('invoices:void', { invoiceId: invoice.id, reason: 'oops', idempotencyKey: randomUUID() }), 'FORBIDDEN')
    expect({ state: readState(store.dbPath), counts: counts() }).toEqual(before)
    // The next day in Kathmandu (signed in again: the idle limit has long passed).
    store.clock.now = new Date(store.clock.now.getTime() + 24 * 3_600_000)
    manager = await signedInClient(store.backend, 'manager')
    const nextDay = { state: readState(store.dbPath), counts: counts() }
    const late = await manager.invoke('invoices:void', { invoiceId: invoice.id, reason: 'oops', idempotencyKey: randomUUID() })
    expectError(late, 'CONFLICT')
    expect(!late.ok && late.error.params).toEqual({ what: 'voidNotToday', paidOn: '2026-03-15' })
    expect({ state: readState(store.dbPath), counts: counts() }).toEqual(nextDay)
    // It can still be returned.
    ok(await returnLines(manager, invoice.id, [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1, restock: true }]))
  })
})
