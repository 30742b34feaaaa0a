import { ROLE_PERMISSIONS } from '#core/api/policy'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CartDto } from '#shared/contract/cart'
import { CHANNELS, contract } from '#shared/ipc/contract'
import type { IpcResult } from '#shared/ipc/errors'
import type { BackendClient } from './backend'
import { expectError, ok, openTestStore, readState, signedInClient, TOKENS, withRawDb, type TestStore } from '#core/testing/test-store'

let store: TestStore
let till: BackendClient

beforeAll(async () => {
  store = await openTestStore()
  till = await signedInClient(store.backend)
})

afterAll(async () => {
  await store.cleanup()
})

describe('the envelope', () => {
  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    expectError(await till.invokeUnknown('catalog:delete', {}), 'UNKNOWN_CHANNEL')
    expectError(await till.invokeUnknown('__proto__', {}), 'UNKNOWN_CHANNEL')
    expectError(await till.invokeUnknown('constructor', {}), 'UNKNOWN_CHANNEL')
    expectError(await till.invokeUnknown(42, {}), 'UNKNOWN_CHANNEL')
  })

  it('refuses every signed-in channel before sign-in, and says nothing else', async () => {
    const anonymous = store.backend.connect()
    const guarded = CHANNELS.filter((channel) => contract[channel].permission !== 'public')
    expect(guarded.length).toBeGreaterThan(8)
    for (const channel of guarded) {
      expectError(await anonymous.invokeUnknown(channel, {}), 'NOT_AUTHENTICATED')
    }
  })

  it('validates every output against the contract', async () => {
    const cart = ok(await till.invoke('cart:add', { productId: 1, quantity: 1 }))
    const replies = {
      'app:info': await till.invoke('app:info', {}),
      'auth:session': await till.invoke('auth:session', {}),
      'catalog:search': await till.invoke('catalog:search', { query: 'milk' }),
      'catalog:lookup': await till.invoke('catalog:lookup', { code: 'DEMO-001' }),
      'cart:get': await till.invoke('cart:get', {}),
      'checkout:pay': await till.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payment: { method: 'token', token: TOKENS.rich },
      }),
      'invoices:list': await till.invoke('invoices:list', {}),
      'invoices:get': await till.invoke('invoices:get', { number: 1 }),
    } as const
    for (const [channel, reply] of Object.entries(replies)) {
      const data = ok(reply as IpcResult<unknown>)
      const parsed = contract[channel as keyof typeof replies].output.safeParse(data)
      expect(parsed.success, `${channel}: ${parsed.error?.message}`).toBe(true)
    }
  })
})

describe('auth', () => {
  it('signs in, reports the session, signs out', async () => {
    const client = store.backend.connect()
    expect(ok(await client.invoke('auth:session', {}))).toEqual({ user: null })
    const { user } = ok(await client.invoke('auth:login', { username: 'manager', password: 'manager' }))
    expect(user).toEqual({
      id: expect.any(Number),
      username: 'manager',
      displayName: 'Maya Manager',
      role: 'manager',
      permissions: [...ROLE_PERMISSIONS.manager],
      language: null,
    })
    expect(ok(await client.invoke('auth:session', {}))).toEqual({ user })
    ok(await client.invoke('auth:logout', {}))
    expect(ok(await client.invoke('auth:session', {}))).toEqual({ user: null })
    expectError(await client.invoke('cart:get', {}), 'NOT_AUTHENTICATED')
  })

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const client = store.backend.connect()
    const wrong = await client.invoke('auth:login', { username: 'cashier', password: 'nope' })
    const unknown = await client.invoke('auth:login', { username: 'nobody', password: 'cashier' })
    expectError(wrong, 'INVALID_CREDENTIALS', 'Wrong username or password.')
    expectError(unknown, 'INVALID_CREDENTIALS', 'Wrong username or password.')
    expect(ok(await client.invoke('auth:session', {}))).toEqual({ user: null })
  })

  it('keeps sessions per client: one window signing out leaves the other signed in', async () => {
    const a = await signedInClient(store.backend)
    const b = await signedInClient(store.backend, 'manager')
    ok(await a.invoke('auth:logout', {}))
    expect(ok(await b.invoke('auth:session', {})).user?.username).toBe('manager')
    expectError(await a.invoke('cart:get', {}), 'NOT_AUTHENTICATED')
  })

  it('never sends a password hash', async () => {
    const client = store.backend.connect()
    const reply = await client.invoke('auth:login', { username: 'cashier', password: 'cashier' })
    expect(JSON.stringify(reply)).not.toMatch(/scrypt|passwordHash|password_hash/)
  })
})

describe('app:info', () => {
  it('describes the demo store', async () => {
    expect(ok(await store.backend.connect().invoke('app:info', {}))).toEqual({
      storeName: 'Tillwise Demo Store',
      currency: 'NPR',
      locale: 'en-IN',
      demo: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      tillCode: expect.stringMatching(/^[A-Z2-9]{4}$/),
      setupRequired: false,
      currencyDecimals: 2,
      timeZone: 'Asia/Kathmandu',
      printAfterSale: false,
      bikramSambat: false,
      bikramSambatYears: [],
      receipt: { address: '', phone: '', taxNumber: '', header: '', footer: '' },
    })
  })

  it('gives the receipt’s store details as set, so the screen’s receipt matches the paper', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    const patch = {
      address: 'Thamel, Kathmandu',
      phone: '01-4412345',
      taxNumber: '601234567',
      receiptHeader: 'Open 7–9',
      receiptFooter: 'Dhanyabad!',
    }
    ok(await manager.invoke('settings:update', { patch }))
    expect(ok(await store.backend.connect().invoke('app:info', {})).receipt).toEqual({
      address: patch.address,
      phone: patch.phone,
      taxNumber: patch.taxNumber,
      header: patch.receiptHeader,
      footer: patch.receiptFooter,
    })
  })
})

describe('catalog', () => {
  it('finds a product by barcode and by SKU, exactly', async () => {
    const bySku = ok(await till.invoke('catalog:lookup', { code: 'DEMO-LAST-ONE' }))
    expect(bySku).toMatchObject({ sku: 'DEMO-LAST-ONE', stock: 1 })
    const byBarcode = ok(await till.invoke('catalog:lookup', { code: ` ${bySku.barcode} ` }))
    expect(byBarcode).toEqual(bySku)
    expectError(await till.invoke('catalog:lookup', { code: bySku.barcode!.slice(0, 12) }), 'NOT_FOUND')
    expectError(await till.invoke('catalog:lookup', { code: 'DEMO-LAST' }), 'NOT_FOUND')
  })

  it('searches names by every word, codes by prefix, exact code first, with paging', async () => {
    const noodles = ok(await till.invoke('catalog:search', { query: 'noodles' }))
    expect(noodles.total).toBe(3)
    expect(noodles.items.every((item) => /noodles/i.test(item.name))).toBe(true)

    const twoWords = ok(await till.invoke('catalog:search', { query: 'chicken wai' }))
    expect(twoWords.items.map((item) => item.name)).toEqual(['Wai Wai Chicken Noodles'])

    const milk = ok(await till.invoke('catalog:lookup', { code: 'DEMO-001' }))
    const exact = ok(await till.invoke('catalog:search', { query: milk.barcode! }))
    expect(exact.items[0]?.id).toBe(milk.id)

    const all = ok(await till.invoke('catalog:search', { limit: 10 }))
    expect(all.total).toBeGreaterThanOrEqual(50)
    expect(all.items).toHaveLength(10)
    const page2 = ok(await till.invoke('catalog:search', { limit: 10, offset: 10 }))
    expect(page2.items[0]?.id).not.toBe(all.items[0]?.id)
    expect(new Set([...all.items, ...page2.items].map((item) => item.id)).size).toBe(20)
  })

  it('treats LIKE metacharacters as plain text', async () => {
    for (const query of ['%', '_', '\\', "'", '"', '%%_\\', 'a%b', '*', '(', 'OR 1=1 --']) {
      const result = ok(await till.invoke('catalog:search', { query }))
      expect(result.items.every((item) => item.name.includes(query) || item.sku.includes(query))).toBe(true)
    }
  })
})

/** A cart with nothing in it, as core answers it. */
const EMPTY_CART = {
  lines: [],
  itemCount: 0,
  subtotalCents: 0,
  discountCents: 0,
  taxCents: 0,
  totalCents: 0,
  taxes: [],
  orderDiscount: null,
  promo: null,
} satisfies CartDto

describe('cart', () => {
  it('adds, merges, sets, removes and clears, pricing at current prices', async () => {
    const client = await signedInClient(store.backend, 'manager')
    ok(await client.invoke('cart:clear', {}))
    const milk = ok(await client.invoke('catalog:lookup', { code: 'DEMO-001' }))
    const curd = ok(await client.invoke('catalog:lookup', { code: 'DEMO-002' }))

    let cart = ok(await client.invoke('cart:add', { productId: milk.id, quantity: 2 }))
    cart = ok(await client.invoke('cart:add', { productId: milk.id, quantity: 1 }))
    expect(cart.lines).toHaveLength(1)
    expect(cart.lines[0]).toMatchObject({ productId: milk.id, quantity: 3, lineTotalCents: 3 * milk.priceCents })

    cart = ok(await client.invoke('cart:add', { productId: curd.id, quantity: 1 }))
    expect(cart).toMatchObject({ itemCount: 4, totalCents: 3 * milk.priceCents + curd.priceCents })

    cart = ok(await client.invoke('cart:setQuantity', { productId: milk.id, quantity: 5 }))
    expect(cart.lines.find((line) => line.productId === milk.id)?.quantity).toBe(5)

    cart = ok(await client.invoke('cart:setQuantity', { productId: milk.id, quantity: 0 }))
    expect(cart.lines.map((line) => line.productId)).toEqual([curd.id])

    cart = ok(await client.invoke('cart:remove', { productId: curd.id }))
    expect(cart).toEqual(EMPTY_CART)

    expectError(await client.invoke('cart:remove', { productId: curd.id }), 'NOT_FOUND')
    expectError(await client.invoke('cart:add', { productId: 999_999, quantity: 1 }), 'NOT_FOUND')

    ok(await client.invoke('cart:add', { productId: milk.id, quantity: 1 }))
    expect(ok(await client.invoke('cart:clear', {}))).toEqual(EMPTY_CART)
  })

  it('allows more than the recorded stock and reports the stock so the screen can warn', async () => {
    const client = await signedInClient(store.backend, 'manager')
    ok(await client.invoke('cart:clear', {}))
    const last = ok(await client.invoke('catalog:lookup', { code: 'DEMO-LAST-ONE' }))
    const cart = ok(await client.invoke('cart:add', { productId: last.id, quantity: 3 }))
    expect(cart.lines[0]).toMatchObject({ quantity: 3, stock: 1 })
    ok(await client.invoke('cart:clear', {}))
  })

  it('refuses to grow a line past 99,999 units', async () => {
    const client = await signedInClient(store.backend, 'manager')
    ok(await client.invoke('cart:clear', {}))
    ok(await client.invoke('cart:add', { productId: 1, quantity: 99_999 }))
    expectError(await client.invoke('cart:add', { productId: 1, quantity: 1 }), 'VALIDATION_FAILED')
    expect(ok(await client.invoke('cart:get', {})).lines[0]?.quantity).toBe(99_999)
    ok(await client.invoke('cart:clear', {}))
  })
})

describe('amounts past 2^53', () => {
  it('are refused as VALIDATION_FAILED and change nothing; the cart keeps working', async () => {
    const client = await signedInClient(store.backend, 'manager')
    ok(await client.invoke('cart:clear', {}))
    const dear = ok(await client.invoke('catalog:lookup', { code: 'DEMO-010' }))
    withRawDb(store.dbPath, (db) => db.prepare('update product set price_cents = ? where id = ?').run(100_000_000_000, dear.id))
    ok(await client.invoke('cart:add', { productId: 1, quantity: 2 }))
    const before = ok(await client.invoke('cart:get', {}))
    const refusals = [
      await client.invoke('cart:add', { productId: dear.id, quantity: 99_999 }),
      await client.invoke('cart:setQuantity', { productId: dear.id, quantity: 99_999 }),
    ]
    for (const reply of refusals) {
      expectError(reply, 'VALIDATION_FAILED')
      expect(!reply.ok && reply.error.params).toEqual({ rule: 'tooLarge', field: 'quantity' })
    }
    // Each line fits, but together they would not: refused too.
    const alsoDear = ok(await client.invoke('catalog:lookup', { code: 'DEMO-011' }))
    withRawDb(store.dbPath, (db) => db.prepare('update product set price_cents = ? where id = ?').run(100_000_000_000, alsoDear.id))
    ok(await client.invoke('cart:add', { productId: dear.id, quantity: 50_000 }))
    expectError(await client.invoke('cart:add', { productId: alsoDear.id, quantity: 45_000 }), 'VALIDATION_FAILED')
    ok(await client.invoke('cart:remove', { productId: dear.id }))
    expect(ok(await client.invoke('cart:get', {}))).toEqual(before)
    ok(await client.invoke('cart:clear', {}))
    withRawDb(store.dbPath, (db) => {
      for (const product of [dear, alsoDear])
        db.prepare('update product set price_cents = ? where id = ?').run(product.priceCents, product.id)
    })
  })
})

describe('invoices', () => {
  it('gets by id and number, lists newest first with filters, and reports NOT_FOUND', async () => {
    const client = await signedInClient(store.backend, 'manager')
    ok(await client.invoke('cart:clear', {}))
    const cart = ok(await client.invoke('cart:add', { productId: 2, quantity: 2 }))
    const { invoice } = ok(
      await client.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payment: { method: 'cash', tenderedCents: cart.totalCents },
      }),
    )
    expect(ok(await client.invoke('invoices:get', { id: invoice.id }))).toEqual(invoice)
    expect(ok(await client.invoke('invoices:get', { number: invoice.number }))).toEqual(invoice)
    expectError(await client.invoke('invoices:get', { number: 999_999 }), 'NOT_FOUND', 'No invoice with number 999999.')

    const list = ok(await client.invoke('invoices:list', {}))
    expect(list.items[0]).toMatchObject({ id: invoice.id, number: invoice.number, itemCount: 2, cashier: 'Maya Manager' })
    const numbers = list.items.map((item) => item.number)
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a))

    const today = ok(await client.invoke('invoices:list', { from: '2026-03-15', to: '2026-03-15' }))
    expect(today.total).toBe(list.total)
    const yesterday = ok(await client.invoke('invoices:list', { from: '2026-03-14', to: '2026-03-14' }))
    expect(yesterday).toEqual({ items: [], total: 0 })
    const byNumber = ok(await client.invoke('invoices:list', { query: String(invoice.number) }))
    expect(byNumber.items.map((item) => item.id)).toContain(invoice.id)
    const byCashier = ok(await client.invoke('invoices:list', { query: 'maya' }))
    expect(byCashier.items.every((item) => item.cashier === 'Maya Manager')).toBe(true)
    expectError(await client.invoke('invoices:list', { from: '2026-03-16', to: '2026-03-15' }), 'VALIDATION_FAILED')
  })
})

describe('invalid input', () => {
  const invalid: [string, unknown][] = [
    ['auth:login', { username: '', password: 'x' }],
    ['auth:login', { username: 'cashier' }],
    ['auth:login', { username: 'a'.repeat(65), password: 'x' }],
    ['catalog:search', { query: 'x'.repeat(201) }],
    ['catalog:search', { limit: 0 }],
    ['catalog:search', { limit: 101 }],
    ['catalog:search', { offset: -1 }],
    ['catalog:search', { query: 42 }],
    ['catalog:lookup', { code: '   ' }],
    ['catalog:lookup', {}],
    ['cart:add', { productId: 1, quantity: 0 }],
    ['cart:add', { productId: 1, quantity: 100_000 }],
    ['cart:add', { productId: 1, quantity: 1.5 }],
    ['cart:add', { productId: '1', quantity: 1 }],
    ['cart:add', { productId: -1, quantity: 1 }],
    ['cart:add', { productId: 1, quantity: 1, extra: true }],
    ['cart:add', null],
    ['cart:add', 'milk'],
    ['cart:add', [1, 1]],
    ['cart:setQuantity', { productId: 1, quantity: -1 }],
    ['cart:remove', { productId: Number.NaN }],
    ['cart:clear', { everything: true }],
    ['checkout:pay', { idempotencyKey: 'not-a-uuid', expectedTotalCents: 0, payment: { method: 'cash', tenderedCents: 0 } }],
    ['checkout:pay', { idempotencyKey: randomUUID(), expectedTotalCents: 1.5, payment: { method: 'cash', tenderedCents: 0 } }],
    ['checkout:pay', { idempotencyKey: randomUUID(), expectedTotalCents: 0, payment: { method: 'card' } }],
    ['checkout:pay', { idempotencyKey: randomUUID(), expectedTotalCents: 0, payment: { method: 'cash', tenderedCents: -5 } }],
    ['checkout:pay', { idempotencyKey: randomUUID(), expectedTotalCents: 0, payment: { method: 'token', token: '  ' } }],
    ['checkout:pay', { idempotencyKey: randomUUID(), expectedTotalCents: 2 ** 60, payment: { method: 'cash', tenderedCents: 0 } }],
    ['invoices:get', {}],
    ['invoices:get', { id: 0 }],
    ['invoices:get', { id: 1, number: 1 }],
    ['invoices:list', { from: '2026-13-01' }],
    ['invoices:list', { from: 'yesterday' }],
    ['invoices:list', { limit: 1_000 }],
  ]

  it.each(invalid)('%s %j → VALIDATION_FAILED, nothing changed', async (channel, input) => {
    const before = readState(store.dbPath)
    const reply = await till.invokeUnknown(channel, input)
    expectError(reply, 'VALIDATION_FAILED', /^The request was not valid/)
    expect(readState(store.dbPath)).toEqual(before)
  })

  it('does not let prototype keys through', async () => {
    const input = JSON.parse('{"productId": 1, "quantity": 1, "__proto__": {"polluted": true}}') as unknown
    expectError(await till.invokeUnknown('cart:add', input), 'VALIDATION_FAILED')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('closing', () => {
  it('refuses new calls, lets a sign-in in flight finish, and leaves nothing to touch the file afterwards', async () => {
    const own = await openTestStore()
    try {
      const client = own.backend.connect()
      let settled = false
      const signingIn = client.invoke('auth:login', { username: 'cashier', password: 'cashier' }).then((reply) => {
        settled = true
        return reply
      })
      const closing = own.backend.close()
      expectError(await own.backend.connect().invoke('app:info', {}), 'INTERNAL')
      await closing
      expect(settled).toBe(true)
      ok(await signingIn)
      const rows = () => withRawDb(own.dbPath, (db) => db.prepare('select count(*) from audit_entry').pluck().get())
      const written = rows()
      expect(
        withRawDb(own.dbPath, (db) => db.prepare("select count(*) from audit_entry where action = 'auth.sign-in'").pluck().get()),
      ).toBe(1)
      // The next till owns the file now: the closed one writes nothing more into it.
      const next = await own.reopen()
      expectError(await client.invoke('cart:get', {}), 'INTERNAL')
      await next.connect().invoke('app:info', {})
      expect(rows()).toBe(written)
    } finally {
      await own.cleanup()
    }
  })
})
