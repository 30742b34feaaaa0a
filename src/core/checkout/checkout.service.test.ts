import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import {
  expectError,
  fillCart,
  ok,
  openTestStore,
  readState,
  signedInClient,
  TOKENS,
  type TestStore,
  withRawDb,
} from '#core/testing/test-store'

let store: TestStore
let till: BackendClient

beforeEach(async () => {
  store = await openTestStore()
  till = await signedInClient(store.backend)
})

afterEach(async () => {
  await store.cleanup()
})

function payByToken(client: BackendClient, token: string, expectedTotalCents: number, idempotencyKey = randomUUID()) {
  return client.invoke('checkout:pay', { idempotencyKey, expectedTotalCents, payment: { method: 'token', token } })
}

function payCash(client: BackendClient, tenderedCents: number, expectedTotalCents: number, idempotencyKey = randomUUID()) {
  return client.invoke('checkout:pay', { idempotencyKey, expectedTotalCents, payment: { method: 'cash', tenderedCents } })
}

describe('a token sale', () => {
  it('debits the token, writes the invoice, takes the stock and clears the cart', async () => {
    const cart = await fillCart(till, [
      ['DEMO-001', 2],
      ['DEMO-005', 3],
    ])
    const before = readState(store.dbPath)
    const result = ok(await payByToken(till, TOKENS.rich, cart.totalCents))

    expect(cart.totalCents).toBe(2 * 5_500 + 3 * 2_500)
    // The figures the screen says "Payment successfully completed with NPR 185.00 from your balance!" from.
    expect(result).toMatchObject({ method: 'token', amountCents: 18_500 })
    expect(result.tokenBalanceCents).toBe(1_000_000 - cart.totalCents)
    expect(result.invoice).toMatchObject({
      number: 1,
      cashier: 'Kiran Cashier',
      paymentMethod: 'token',
      tokenLast4: '1111',
      totalCents: cart.totalCents,
      tokenBalanceAfterCents: 1_000_000 - cart.totalCents,
    })
    expect(result.invoice.lines.map((line) => [line.sku, line.quantity, line.subAmountCents])).toEqual([
      ['DEMO-001', 2, 11_000],
      ['DEMO-005', 3, 7_500],
    ])

    const after = readState(store.dbPath)
    expect(after.tokens[TOKENS.rich]).toBe(before.tokens[TOKENS.rich]! - cart.totalCents)
    expect(after.stock['DEMO-001']).toBe(before.stock['DEMO-001']! - 2)
    expect(after.stock['DEMO-005']).toBe(before.stock['DEMO-005']! - 3)
    expect(after.cartLines).toEqual([])
    expect(after.invoices).toBe(1)
    expect(after.invoiceLines).toBe(2)
    expect(after.ledgerEntries).toBe(before.ledgerEntries + 1)
    expect(after.stockMovements).toBe(before.stockMovements + 2)
    expect(ok(await till.invoke('cart:get', {})).lines).toEqual([])
  })

  it('accepts the token in any case with spaces around it', async () => {
    const cart = await fillCart(till, [['DEMO-010', 1]])
    const result = ok(await payByToken(till, `  ${TOKENS.rich.toUpperCase()}  `, cart.totalCents))
    expect(result.invoice.tokenLast4).toBe('1111')
  })

  it('captures name and price at sale time', async () => {
    const cart = await fillCart(till, [['DEMO-002', 1]])
    const { invoice } = ok(await payByToken(till, TOKENS.rich, cart.totalCents))
    // The catalog changes after the sale; the receipt must not.
    withRawDb(store.dbPath, (db) => db.prepare("update product set name = 'Renamed', price_cents = 1 where sku = 'DEMO-002'").run())
    const again = ok(await till.invoke('invoices:get', { id: invoice.id }))
    expect(again.lines[0]).toMatchObject({ name: 'Sujal Dairy Curd 1kg', unitPriceCents: 22_000 })
  })
})

describe('a cash sale', () => {
  it('gives change and records tendered and change', async () => {
    const cart = await fillCart(till, [['DEMO-001', 1]])
    const result = ok(await payCash(till, 10_000, cart.totalCents))
    expect(result.changeCents).toBe(10_000 - 5_500)
    expect(result.invoice).toMatchObject({ paymentMethod: 'cash', tenderedCents: 10_000, changeCents: 4_500 })
    expect(result.invoice.tokenLast4).toBeUndefined()
    expect(readState(store.dbPath).stock['DEMO-001']).toBe(119)
  })

  it('takes exact cash with no change', async () => {
    const cart = await fillCart(till, [['DEMO-001', 1]])
    expect(ok(await payCash(till, cart.totalCents, cart.totalCents)).changeCents).toBe(0)
  })
})

describe('every refused payment changes nothing', () => {
  const cases: {
    name: string
    code: string
    message: string | RegExp
    items: [string, number][]
    pay: (client: BackendClient, total: number) => ReturnType<typeof payByToken>
  }[] = [
    {
      name: 'an unknown token',
      code: 'INVALID_TOKEN',
      message: "Invalid token '99999999-9999-4999-8999-999999999999'",
      items: [['DEMO-001', 1]],
      pay: (client, total) => payByToken(client, ' 99999999-9999-4999-8999-999999999999 ', total),
    },
    {
      name: 'an expired token',
      code: 'TOKEN_EXPIRED',
      message: 'Token has expired',
      items: [['DEMO-001', 1]],
      pay: (client, total) => payByToken(client, TOKENS.expired, total),
    },
    {
      name: 'a token with too little balance',
      code: 'INSUFFICIENT_BALANCE',
      message: 'Insufficient balance',
      items: [['DEMO-001', 1]],
      pay: (client, total) => payByToken(client, TOKENS.poor, total),
    },
    {
      name: 'more than the recorded stock',
      code: 'INSUFFICIENT_STOCK',
      message: 'Insufficient quantity 2 for Last Jar of Timur Chutney',
      items: [
        ['DEMO-001', 1],
        ['DEMO-LAST-ONE', 2],
      ],
      pay: (client, total) => payByToken(client, TOKENS.rich, total),
    },
    {
      name: 'cash short of the total',
      code: 'INSUFFICIENT_TENDER',
      message: /less than the total/,
      items: [['DEMO-001', 1]],
      pay: (client, total) => payCash(client, total - 1, total),
    },
    {
      name: 'a stale total on screen',
      code: 'CART_CHANGED',
      message: /total is now NPR\s55\.00/,
      items: [['DEMO-001', 1]],
      pay: (client, total) => payByToken(client, TOKENS.rich, total + 100),
    },
    {
      name: 'an empty cart',
      code: 'CART_EMPTY',
      message: 'The cart is empty.',
      items: [],
      pay: (client) => payByToken(client, TOKENS.rich, 0),
    },
  ]

  for (const testCase of cases) {
    it(`refuses ${testCase.name} with ${testCase.code}`, async () => {
      const cart = await fillCart(till, testCase.items)
      const before = readState(store.dbPath)
      expectError(await testCase.pay(till, cart.totalCents), testCase.code, testCase.message)
      expect(readState(store.dbPath)).toEqual(before)
      expect(ok(await till.invoke('cart:get', {}))).toEqual(cart)
    })
  }

  it('a stock refusal also rolls back a token debit made earlier in the same sale', async () => {
    const cart = await fillCart(till, [['DEMO-LAST-ONE', 2]])
    const before = readState(store.dbPath)
    expectError(await payByToken(till, TOKENS.rich, cart.totalCents), 'INSUFFICIENT_STOCK')
    expect(readState(store.dbPath).tokens[TOKENS.rich]).toBe(before.tokens[TOKENS.rich])
  })
})

describe('token expiry', () => {
  it('is valid through its expiry date inclusive and refused the next day', async () => {
    withRawDb(store.dbPath, (db) => db.prepare("update token set expires_on = '2026-03-15' where code = ?").run(TOKENS.rich))

    // Hours pass: the idle till signs out, so the cashier signs in again each time. The day is the
    // store's (Kathmandu, +05:45), whatever the machine's zone.
    store.clock.now = new Date('2026-03-15T23:59:59+05:45')
    till = await signedInClient(store.backend)
    let cart = await fillCart(till, [['DEMO-001', 1]])
    ok(await payByToken(till, TOKENS.rich, cart.totalCents))

    store.clock.now = new Date('2026-03-16T00:00:00+05:45')
    till = await signedInClient(store.backend)
    cart = await fillCart(till, [['DEMO-001', 1]])
    expectError(await payByToken(till, TOKENS.rich, cart.totalCents), 'TOKEN_EXPIRED', 'Token has expired')
  })
})

describe('idempotency', () => {
  it('a repeated key returns the first result and creates nothing new', async () => {
    const cart = await fillCart(till, [['DEMO-001', 1]])
    const key = randomUUID()
    const first = ok(await payByToken(till, TOKENS.rich, cart.totalCents, key))
    const afterFirst = readState(store.dbPath)
    const second = ok(await payByToken(till, TOKENS.rich, cart.totalCents, key))
    expect(second).toEqual(first)
    expect(readState(store.dbPath)).toEqual(afterFirst)
  })

  it('a repeated key sent while the first call is still running returns the same sale once', async () => {
    const cart = await fillCart(till, [['DEMO-001', 1]])
    const before = readState(store.dbPath)
    const key = randomUUID()
    const replies = await Promise.all([1, 2, 3].map(() => payByToken(till, TOKENS.rich, cart.totalCents, key)))
    const results = replies.map(ok)
    expect(new Set(results.map((result) => result.invoice.id)).size).toBe(1)
    expect(results[1]).toEqual(results[0])
    const after = readState(store.dbPath)
    expect(after.invoices).toBe(before.invoices + 1)
    expect(after.tokens[TOKENS.rich]).toBe(before.tokens[TOKENS.rich]! - cart.totalCents)
  })

  it('refuses a key already used by another cashier', async () => {
    const cart = await fillCart(till, [['DEMO-001', 1]])
    const key = randomUUID()
    ok(await payByToken(till, TOKENS.rich, cart.totalCents, key))
    const other = await signedInClient(store.backend, 'manager')
    const otherCart = await fillCart(other, [['DEMO-001', 1]])
    const before = readState(store.dbPath)
    expectError(await payByToken(other, TOKENS.rich, otherCart.totalCents, key), 'CONFLICT')
    expect(readState(store.dbPath)).toEqual(before)
  })
})

describe('two tills', () => {
  it('racing for the last unit sell it exactly once', async () => {
    const other = await signedInClient(store.backend, 'manager')
    const cartA = await fillCart(till, [['DEMO-LAST-ONE', 1]])
    const cartB = await fillCart(other, [['DEMO-LAST-ONE', 1]])
    const before = readState(store.dbPath)
    const [a, b] = await Promise.all([payByToken(till, TOKENS.rich, cartA.totalCents), payCash(other, 50_000, cartB.totalCents)])
    const outcomes = [a, b].map((reply) => (reply.ok ? 'sold' : reply.error.code)).sort()
    expect(outcomes).toEqual(['INSUFFICIENT_STOCK', 'sold'])
    const after = readState(store.dbPath)
    expect(after.stock['DEMO-LAST-ONE']).toBe(0)
    expect(after.invoices).toBe(before.invoices + 1)
    // The loser's cart is intact for the cashier to fix.
    const loser = a.ok ? other : till
    expect(ok(await loser.invoke('cart:get', {})).itemCount).toBe(1)
  })

  it('keep separate carts and number invoices sequentially', async () => {
    const other = await signedInClient(store.backend, 'manager')
    const cartA = await fillCart(till, [['DEMO-001', 1]])
    const cartB = await fillCart(other, [['DEMO-002', 2]])
    expect(cartA.lines.map((line) => line.sku)).toEqual(['DEMO-001'])
    expect(cartB.lines.map((line) => line.sku)).toEqual(['DEMO-002'])
    const a = ok(await payCash(till, 100_000, cartA.totalCents))
    const b = ok(await payCash(other, 100_000, cartB.totalCents))
    expect([a.invoice.number, b.invoice.number]).toEqual([1, 2])
  })
})

describe('persistence', () => {
  it('carts and invoices survive closing and reopening the database', async () => {
    const cart = await fillCart(till, [['DEMO-001', 1]])
    const { invoice } = ok(await payByToken(till, TOKENS.rich, cart.totalCents))
    const open = await fillCart(till, [
      ['DEMO-003', 2],
      ['DEMO-004', 1],
    ])

    const backend = await store.reopen()
    const again = await signedInClient(backend)
    expect(ok(await again.invoke('cart:get', {}))).toEqual(open)
    expect(ok(await again.invoke('invoices:get', { number: invoice.number }))).toEqual(invoice)
    expect(readState(store.dbPath).tokens[TOKENS.rich]).toBe(1_000_000 - cart.totalCents)
  })
})
