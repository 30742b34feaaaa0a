import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TenderInput } from '#shared/contract/checkout'
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

/**
 * Split tenders on the demo store, which rounds cash to NPR 1.00 half-up and takes eSewa, Khalti and
 * Fonepay. The sale is one product priced at NPR 104.60, so the cash part of it rounds.
 */
const PRICE = 10_460
/** That one product, once. */
const SALE = [['DEMO-001', 1]] as const
/** A token with NPR 5.00 on it. */
const POOR_BALANCE = 500

let store: TestStore
let till: BackendClient

beforeEach(async () => {
  store = await openTestStore()
  till = await signedInClient(store.backend)
  withRawDb(store.dbPath, (db) => db.prepare("update product set price_cents = ? where sku = 'DEMO-001'").run(PRICE))
})

afterEach(async () => {
  await store.cleanup()
})

function pay(payments: TenderInput[], expectedTotalCents: number, client = till, idempotencyKey = randomUUID()) {
  return client.invoke('checkout:pay', { idempotencyKey, expectedTotalCents, payments })
}

const tenderRows = () =>
  withRawDb(store.dbPath, (db) =>
    db
      .prepare(
        `select invoice_id, position, method, amount_cents, tendered_cents, change_cents, token_last4, token_balance_after_cents, wallet,
           reference from invoice_tender order by invoice_id, position`,
      )
      .all(),
  )
const tenderCount = () => withRawDb(store.dbPath, (db) => (db.prepare('select count(*) as n from invoice_tender').get() as { n: number }).n)
const saleDebits = () =>
  withRawDb(store.dbPath, (db) =>
    db
      .prepare(
        "select t.code, e.delta_cents, e.balance_after_cents from token_ledger_entry e join token t on t.id = e.token_id where e.reason = 'sale' order by e.id",
      )
      .all(),
  )

describe('a split payment', () => {
  it('part by token, the rest in cash: the token pays its balance, the cash part rounds, change comes from cash', async () => {
    const cart = await fillCart(till, SALE)
    expect(cart.totalCents).toBe(PRICE)
    const before = readState(store.dbPath)
    const result = ok(
      await pay(
        [
          { method: 'token', token: TOKENS.poor },
          { method: 'cash', tenderedCents: 20_000 },
        ],
        PRICE,
      ),
    )

    // NPR 104.60 − 5.00 on the token = 99.60 in cash, rounded to 100.00: 0.40 of rounding, 100.00 change from 200.00.
    const tenders = [
      { method: 'token', amountCents: POOR_BALANCE, tokenLast4: '2222', tokenBalanceAfterCents: 0 },
      { method: 'cash', amountCents: 10_000, tenderedCents: 20_000, changeCents: 10_000 },
    ]
    expect(result).toMatchObject({
      method: 'split',
      amountCents: 10_500,
      changeCents: 10_000,
      tokenBalanceCents: 0,
      roundingCents: 40,
      tenders,
    })
    expect(result.invoice).toMatchObject({
      paymentMethod: 'split',
      totalCents: PRICE,
      roundingCents: 40,
      tenderedCents: 20_000,
      changeCents: 10_000,
      tenders,
    })
    expect(result.invoice.tokenLast4).toBeUndefined()
    expect(ok(await till.invoke('invoices:get', { id: result.invoice.id }))).toEqual(result.invoice)

    const after = readState(store.dbPath)
    expect(after.tokens[TOKENS.poor]).toBe(0)
    expect(after.tokens[TOKENS.rich]).toBe(before.tokens[TOKENS.rich])
    expect(after.invoices).toBe(before.invoices + 1)
    expect(after.ledgerEntries).toBe(before.ledgerEntries + 1)
    expect(after.cartLines).toEqual([])
    expect(saleDebits()).toEqual([{ code: TOKENS.poor, delta_cents: -POOR_BALANCE, balance_after_cents: 0 }])
    expect(tenderRows()).toEqual([
      {
        invoice_id: result.invoice.id,
        position: 0,
        method: 'token',
        amount_cents: 500,
        tendered_cents: null,
        change_cents: null,
        token_last4: '2222',
        token_balance_after_cents: 0,
        wallet: null,
        reference: null,
      },
      {
        invoice_id: result.invoice.id,
        position: 1,
        method: 'cash',
        amount_cents: 10_000,
        tendered_cents: 20_000,
        change_cents: 10_000,
        token_last4: null,
        token_balance_after_cents: null,
        wallet: null,
        reference: null,
      },
    ])
    expect(withRawDb(store.dbPath, (db) => db.prepare('select rounding_cents from invoice where id = ?').get(result.invoice.id))).toEqual({
      rounding_cents: 40,
    })
  })

  it('a token pays a set amount, a card the rest with its reference: nothing is rounded', async () => {
    await fillCart(till, SALE)
    const result = ok(
      await pay(
        [
          { method: 'token', token: TOKENS.rich, amountCents: 3_000 },
          { method: 'card', amountCents: PRICE - 3_000, reference: ' AUTH-778812 ' },
        ],
        PRICE,
      ),
    )
    expect(result).toMatchObject({ method: 'split', amountCents: PRICE, roundingCents: 0, tokenBalanceCents: 1_000_000 - 3_000 })
    expect(result.changeCents).toBeUndefined()
    expect(result.tenders).toEqual([
      { method: 'token', amountCents: 3_000, tokenLast4: '1111', tokenBalanceAfterCents: 997_000 },
      { method: 'card', amountCents: 7_460, reference: 'AUTH-778812' },
    ])
  })

  it('a wallet the store takes, named as its settings spell it; a card alone pays the whole sale', async () => {
    await fillCart(till, SALE)
    const byWallet = ok(await pay([{ method: 'wallet', wallet: ' ESEWA ', amountCents: PRICE, reference: 'ESW-0042' }], PRICE))
    expect(byWallet).toMatchObject({ method: 'wallet', amountCents: PRICE, roundingCents: 0 })
    expect(byWallet.tenders).toEqual([{ method: 'wallet', wallet: 'eSewa', amountCents: PRICE, reference: 'ESW-0042' }])

    await fillCart(till, SALE)
    const byCard = ok(await pay([{ method: 'card', amountCents: PRICE, reference: 'A1' }], PRICE))
    expect(byCard.invoice.paymentMethod).toBe('card')
    expect(byCard.invoice.tenderedCents).toBeUndefined()
  })

  it('two tokens: the first pays its balance, the second the rest', async () => {
    await fillCart(till, SALE)
    const result = ok(
      await pay(
        [
          { method: 'token', token: TOKENS.poor },
          { method: 'token', token: TOKENS.rich.toUpperCase() },
        ],
        PRICE,
      ),
    )
    expect(result.tenders.map((tender) => [tender.tokenLast4, tender.amountCents])).toEqual([
      ['2222', 500],
      ['1111', PRICE - 500],
    ])
    // With two tokens, no single balance describes the sale.
    expect(result.tokenBalanceCents).toBeUndefined()
    expect(saleDebits()).toEqual([
      { code: TOKENS.poor, delta_cents: -500, balance_after_cents: 0 },
      { code: TOKENS.rich, delta_cents: -(PRICE - 500), balance_after_cents: 1_000_000 - (PRICE - 500) },
    ])
  })

  it('the one-tender form still pays a whole sale, and its cash is rounded too', async () => {
    await fillCart(till, SALE)
    const byToken = ok(
      await till.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: PRICE,
        payment: { method: 'token', token: TOKENS.rich },
      }),
    )
    expect(byToken).toMatchObject({ method: 'token', amountCents: PRICE, tokenBalanceCents: 1_000_000 - PRICE, roundingCents: 0 })
    expect(byToken.tenders).toEqual([
      { method: 'token', amountCents: PRICE, tokenLast4: '1111', tokenBalanceAfterCents: 1_000_000 - PRICE },
    ])

    await fillCart(till, SALE)
    const byCash = ok(
      await till.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: PRICE,
        payment: { method: 'cash', tenderedCents: 10_500 },
      }),
    )
    // 104.60 rounds to 105.00: the customer pays 0.40 more and gets nothing back.
    expect(byCash).toMatchObject({ method: 'cash', amountCents: 10_500, changeCents: 0, roundingCents: 40 })
    expect(byCash.invoice).toMatchObject({ tenderedCents: 10_500, changeCents: 0, roundingCents: 40 })
  })

  it('a repeated key answers the first split sale and creates nothing', async () => {
    await fillCart(till, SALE)
    const key = randomUUID()
    const payments: TenderInput[] = [
      { method: 'token', token: TOKENS.poor },
      { method: 'cash', tenderedCents: 20_000 },
    ]
    const first = ok(await pay(payments, PRICE, till, key))
    const afterFirst = { state: readState(store.dbPath), tenders: tenderCount() }
    expect(ok(await pay(payments, PRICE, till, key))).toEqual(first)
    expect({ state: readState(store.dbPath), tenders: tenderCount() }).toEqual(afterFirst)
  })
})

describe('every refused split payment changes nothing', () => {
  const cases: {
    name: string
    code: string
    params?: Record<string, unknown>
    payments: (total: number) => unknown
    items?: [string, number][]
  }[] = [
    { name: 'no tender at all', code: 'VALIDATION_FAILED', payments: () => [] },
    {
      name: 'six tenders',
      code: 'VALIDATION_FAILED',
      payments: () => Array.from({ length: 6 }, () => ({ method: 'card', amountCents: 1, reference: 'r' })),
    },
    {
      name: 'cash twice',
      code: 'VALIDATION_FAILED',
      params: { field: 'payments.1' },
      payments: () => [
        { method: 'cash', tenderedCents: 5_000 },
        { method: 'cash', tenderedCents: 6_000 },
      ],
    },
    {
      name: 'the same token twice',
      code: 'VALIDATION_FAILED',
      params: { field: 'payments.1.token' },
      payments: () => [
        { method: 'token', token: TOKENS.poor },
        { method: 'token', token: ` ${TOKENS.poor.toUpperCase()}` },
        { method: 'cash', tenderedCents: 20_000 },
      ],
    },
    {
      name: 'a card without a reference',
      code: 'VALIDATION_FAILED',
      payments: (total) => [{ method: 'card', amountCents: total, reference: '  ' }],
    },
    {
      name: 'a reference over 40 characters',
      code: 'VALIDATION_FAILED',
      payments: (total) => [{ method: 'card', amountCents: total, reference: 'R'.repeat(41) }],
    },
    { name: 'a card of nothing', code: 'VALIDATION_FAILED', payments: () => [{ method: 'card', amountCents: 0, reference: 'r' }] },
    {
      name: 'a wallet the store does not take',
      code: 'VALIDATION_FAILED',
      params: { rule: 'unknownWallet', field: 'payments.0.wallet' },
      payments: (total) => [{ method: 'wallet', wallet: 'PayPal', amountCents: total, reference: 'P-1' }],
    },
    {
      name: 'a card over what is due',
      code: 'VALIDATION_FAILED',
      params: { rule: 'tenderOverDue', field: 'payments.1.amountCents', max: PRICE - 500 },
      payments: (total) => [
        { method: 'token', token: TOKENS.poor },
        { method: 'card', amountCents: total, reference: 'r' },
      ],
    },
    {
      name: 'a tender after the sale is paid',
      code: 'VALIDATION_FAILED',
      params: { rule: 'tenderNotNeeded', field: 'payments.1' },
      payments: () => [
        { method: 'token', token: TOKENS.rich },
        { method: 'cash', tenderedCents: 1_000 },
      ],
    },
    {
      name: 'a token asked for more than its balance',
      code: 'INSUFFICIENT_BALANCE',
      payments: () => [
        { method: 'token', token: TOKENS.poor, amountCents: POOR_BALANCE + 1 },
        { method: 'cash', tenderedCents: 20_000 },
      ],
    },
    {
      name: 'a token and too little cash',
      code: 'INSUFFICIENT_TENDER',
      // 99.60 in cash rounds to 100.00; 50.00 handed over leaves 50.00.
      params: { dueCents: 5_000, tenderedCents: 5_500, totalCents: PRICE },
      payments: () => [
        { method: 'token', token: TOKENS.poor },
        { method: 'cash', tenderedCents: 5_000 },
      ],
    },
    {
      name: 'a card for part and nothing for the rest',
      code: 'INSUFFICIENT_TENDER',
      params: { dueCents: PRICE - 5_000 },
      payments: () => [{ method: 'card', amountCents: 5_000, reference: 'r' }],
    },
    {
      name: 'a token that cannot cover the sale alone',
      code: 'INSUFFICIENT_TENDER',
      params: { dueCents: PRICE - POOR_BALANCE },
      payments: () => [{ method: 'token', token: TOKENS.poor }],
    },
    {
      name: 'an unknown token in a split',
      code: 'INVALID_TOKEN',
      payments: () => [
        { method: 'card', amountCents: 100, reference: 'r' },
        { method: 'token', token: '99999999-9999-4999-8999-999999999999' },
        { method: 'cash', tenderedCents: 20_000 },
      ],
    },
    {
      name: 'an expired token in a split',
      code: 'TOKEN_EXPIRED',
      payments: () => [
        { method: 'token', token: TOKENS.expired },
        { method: 'cash', tenderedCents: 20_000 },
      ],
    },
    {
      name: 'more than the shelf holds, after two tokens were debited',
      code: 'INSUFFICIENT_STOCK',
      items: [['DEMO-LAST-ONE', 2]],
      payments: () => [
        { method: 'token', token: TOKENS.poor },
        { method: 'token', token: TOKENS.rich },
      ],
    },
  ]

  for (const testCase of cases) {
    it(`refuses ${testCase.name} with ${testCase.code}`, async () => {
      const cart = await fillCart(till, testCase.items ?? SALE)
      const before = { state: readState(store.dbPath), tenders: tenderCount() }
      const reply = await till.invokeUnknown('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payments: testCase.payments(cart.totalCents),
      })
      expectError(reply as Parameters<typeof expectError>[0], testCase.code)
      if (testCase.params && !reply.ok) expect(reply.error.params).toMatchObject(testCase.params)
      expect({ state: readState(store.dbPath), tenders: tenderCount() }).toEqual(before)
      expect(ok(await till.invoke('cart:get', {}))).toEqual(cart)
    })
  }

  it('refuses both forms at once, or neither', async () => {
    const cart = await fillCart(till, SALE)
    const before = readState(store.dbPath)
    const base = { idempotencyKey: randomUUID(), expectedTotalCents: cart.totalCents }
    expectError(
      await till.invokeUnknown('checkout:pay', {
        ...base,
        payment: { method: 'cash', tenderedCents: 20_000 },
        payments: [{ method: 'cash', tenderedCents: 20_000 }],
      }),
      'VALIDATION_FAILED',
    )
    expectError(await till.invokeUnknown('checkout:pay', base), 'VALIDATION_FAILED')
    expect(readState(store.dbPath)).toEqual(before)
  })

  it('compares the expected total with the price before rounding', async () => {
    const cart = await fillCart(till, SALE)
    const before = readState(store.dbPath)
    expectError(await pay([{ method: 'cash', tenderedCents: 20_000 }], cart.totalCents + 40), 'CART_CHANGED')
    expect(readState(store.dbPath)).toEqual(before)
  })

  it('two tills racing for one token balance: one pays with it, the other is refused, nothing is overdrawn', async () => {
    const other = await signedInClient(store.backend, 'manager')
    await fillCart(till, SALE)
    await fillCart(other, SALE)
    const payments: TenderInput[] = [
      { method: 'token', token: TOKENS.poor, amountCents: POOR_BALANCE },
      { method: 'cash', tenderedCents: 20_000 },
    ]
    const replies = await Promise.all([pay(payments, PRICE, till), pay(payments, PRICE, other)])
    expect(replies.map((reply) => (reply.ok ? 'paid' : reply.error.code)).sort()).toEqual(['INSUFFICIENT_BALANCE', 'paid'])
    expect(readState(store.dbPath).tokens[TOKENS.poor]).toBe(0)
    expect(saleDebits()).toEqual([{ code: TOKENS.poor, delta_cents: -POOR_BALANCE, balance_after_cents: 0 }])
  })
})

describe('past invoices', () => {
  it('every invoice answers its tenders and its rounding, a one-tender sale as much as a split one', async () => {
    await fillCart(till, SALE)
    const { invoice } = ok(
      await till.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: PRICE,
        payment: { method: 'cash', tenderedCents: 20_000 },
      }),
    )
    const again = ok(await till.invoke('invoices:get', { number: invoice.number }))
    expect(again.tenders).toEqual([{ method: 'cash', amountCents: 10_500, tenderedCents: 20_000, changeCents: 9_500 }])
    expect(again.roundingCents).toBe(40)
  })
})
