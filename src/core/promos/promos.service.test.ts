import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import type { CartDto } from '#shared/contract/cart'
import type { ChannelInput } from '#shared/ipc/contract'
import { expectError, fillCart, ok, openTestStore, productBySku, signedInClient, type TestStore, withRawDb } from '#core/testing/test-store'

let store: TestStore
let manager: BackendClient
let cashier: BackendClient

beforeEach(async () => {
  store = await openTestStore()
  manager = await signedInClient(store.backend, 'manager')
  cashier = await signedInClient(store.backend)
})

afterEach(async () => {
  await store.cleanup()
})

const promo = (fields: Partial<ChannelInput<'promos:create'>> = {}): ChannelInput<'promos:create'> => ({
  code: 'SAVE10',
  name: 'Ten percent off',
  kind: 'percent',
  value: 1000,
  active: true,
  ...fields,
})

function books() {
  return withRawDb(store.dbPath, (db) => ({
    order: db.prepare('select * from cart_order').all(),
    promos: db.prepare('select id, code, uses from promo order by id').all(),
    invoices: (db.prepare('select count(*) as n from invoice').get() as { n: number }).n,
    used: db.prepare('select invoice_id, code, name, discount_cents from invoice_promo order by id').all(),
  }))
}

function pay(client: BackendClient, expectedTotalCents: number) {
  return client.invoke('checkout:pay', {
    idempotencyKey: randomUUID(),
    expectedTotalCents,
    payment: { method: 'cash', tenderedCents: 1_000_000 },
  })
}

describe('promo codes at the till', () => {
  it('takes a percent off, is counted at checkout and stays on the invoice under its name of the day', async () => {
    const created = ok(await manager.invoke('promos:create', promo({ minSpendCents: 10_000 })))
    await fillCart(cashier, [
      ['DEMO-001', 2],
      ['DEMO-005', 1],
    ])
    // Typed in any case, with spaces.
    const cart = ok(await cashier.invoke('cart:applyPromo', { code: ' save10 ' }))
    expect(cart.promo).toEqual({
      code: 'SAVE10',
      name: 'Ten percent off',
      discountCents: 1_350,
      problem: null,
      minSpendCents: 10_000,
      qualifyingCents: 13_500,
    })
    expect(cart).toMatchObject({ discountCents: 1_350, totalCents: 13_500 - 1_350 })
    const { invoice } = ok(await pay(cashier, cart.totalCents))
    expect(invoice.promo).toEqual({ code: 'SAVE10', name: 'Ten percent off', discountCents: 1_350 })
    ok(await manager.invoke('promos:update', { id: created.id, name: 'Renamed later', value: 2000 }))
    expect(ok(await manager.invoke('invoices:get', { id: invoice.id })).promo).toEqual(invoice.promo)
    expect(books()).toMatchObject({
      order: [],
      promos: [{ id: created.id, code: 'SAVE10', uses: 1 }],
      used: [{ invoice_id: invoice.id, code: 'SAVE10', name: 'Ten percent off', discount_cents: 1_350 }],
    })
  })

  it('limits a promo to its products or categories: only their lines come off and count towards the minimum', async () => {
    const noodles = await productBySku(manager, 'DEMO-005')
    ok(
      await manager.invoke(
        'promos:create',
        promo({ code: 'NOODLES', kind: 'amount', value: 500, productIds: [noodles.id], minSpendCents: 5_000 }),
      ),
    )
    await fillCart(cashier, [
      ['DEMO-001', 2],
      ['DEMO-005', 1],
    ])
    const short = await cashier.invoke('cart:applyPromo', { code: 'NOODLES' })
    expectError(short, 'PROMO_INVALID')
    if (!short.ok) expect(short.error.params).toEqual({ reason: 'minSpend', code: 'NOODLES', minSpendCents: 5_000, qualifyingCents: 2_500 })
    ok(await cashier.invoke('cart:setQuantity', { productId: noodles.id, quantity: 2 }))
    const cart = ok(await cashier.invoke('cart:applyPromo', { code: 'NOODLES' }))
    expect(cart.lines.map((l) => [l.sku, l.discountCents])).toEqual([
      ['DEMO-001', 0],
      ['DEMO-005', 500],
    ])
  })

  it('says why a code cannot be used, and changes nothing', async () => {
    const expiresYesterday = promo({ code: 'OLD', endsOn: '2026-03-14' })
    const startsTomorrow = promo({ code: 'SOON', startsOn: '2026-03-16' })
    ok(await manager.invoke('promos:create', expiresYesterday))
    ok(await manager.invoke('promos:create', startsTomorrow))
    ok(await manager.invoke('promos:create', promo({ code: 'OFF', active: false })))
    const spent = ok(await manager.invoke('promos:create', promo({ code: 'SPENT', maxUses: 1 })))
    withRawDb(store.dbPath, (db) => db.prepare('update promo set uses = 1 where id = ?').run(spent.id))
    const shelf = withRawDb(
      store.dbPath,
      (db) =>
        db
          .prepare(
            "select id from category where id not in (select category_id from product where sku = 'DEMO-001' and category_id is not null) limit 1",
          )
          .get() as { id: number },
    )
    ok(await manager.invoke('promos:create', promo({ code: 'ELSEWHERE', categoryIds: [shelf.id] })))
    await fillCart(cashier, [['DEMO-001', 1]])
    const before = books()
    const cases: [string, string, Record<string, unknown>][] = [
      ['NOPE', 'unknown', {}],
      ['OLD', 'expired', { endsOn: '2026-03-14' }],
      ['SOON', 'notYetValid', { startsOn: '2026-03-16' }],
      ['OFF', 'inactive', {}],
      ['SPENT', 'usedUp', {}],
      ['ELSEWHERE', 'nothingQualifies', {}],
    ]
    for (const [code, reason, extra] of cases) {
      const reply = await cashier.invoke('cart:applyPromo', { code })
      expectError(reply, 'PROMO_INVALID')
      if (!reply.ok) expect(reply.error.params, code).toEqual({ reason, code, ...extra })
    }
    expect(books()).toEqual(before)
  })

  it('is checked again at checkout: a cart that stopped qualifying is refused and nothing is written', async () => {
    ok(await manager.invoke('promos:create', promo({ minSpendCents: 10_000 })))
    await fillCart(cashier, [['DEMO-001', 2]])
    ok(await cashier.invoke('cart:applyPromo', { code: 'SAVE10' }))
    const milk = await productBySku(cashier, 'DEMO-001')
    const cart = ok(await cashier.invoke('cart:setQuantity', { productId: milk.id, quantity: 1 }))
    expect(cart.promo).toMatchObject({ problem: 'minSpend', discountCents: 0 })
    expect(cart.totalCents).toBe(5_500)
    const before = books()
    const reply = await pay(cashier, cart.totalCents)
    expectError(reply, 'PROMO_INVALID')
    if (!reply.ok) expect(reply.error.params).toMatchObject({ reason: 'minSpend', code: 'SAVE10' })
    expect(books()).toEqual(before)
    // Taking the code off lets the sale through.
    const plain = ok(await cashier.invoke('cart:removePromo', {}))
    expect(plain.promo).toBeNull()
    ok(await pay(cashier, plain.totalCents))
  })

  it('never passes its last use, even for two tills paying at once', async () => {
    const last = ok(await manager.invoke('promos:create', promo({ code: 'LAST', maxUses: 1 })))
    const tills = [cashier, manager]
    const carts: CartDto[] = []
    for (const till of tills) {
      await fillCart(till, [['DEMO-005', 1]])
      carts.push(ok(await till.invoke('cart:applyPromo', { code: 'LAST' })))
    }
    const replies = await Promise.all(tills.map((till, index) => pay(till, carts[index]!.totalCents)))
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1)
    const refused = replies.find((reply) => !reply.ok)!
    expectError(refused, 'PROMO_INVALID')
    if (!refused.ok) expect(refused.error.params).toMatchObject({ reason: 'usedUp' })
    expect(books()).toMatchObject({ promos: [{ id: last.id, uses: 1 }], invoices: 1 })
  })
})

describe('keeping promo codes', () => {
  it('refuses a taken code, a percent over 100, days out of order, unknown products and a cashier, writing nothing', async () => {
    ok(await manager.invoke('promos:create', promo()))
    const before = books()
    const taken = await manager.invoke('promos:create', promo({ code: 'save10' }))
    expectError(taken, 'CONFLICT')
    if (!taken.ok) expect(taken.error.params).toEqual({ what: 'promoCode', code: 'SAVE10' })
    expectError(await manager.invoke('promos:create', promo({ code: 'BIG', value: 10_001 })), 'VALIDATION_FAILED')
    expectError(
      await manager.invoke('promos:create', promo({ code: 'BACK', startsOn: '2026-04-02', endsOn: '2026-04-01' })),
      'VALIDATION_FAILED',
    )
    expectError(await manager.invoke('promos:create', promo({ code: 'GHOST', productIds: [9_999_999] })), 'VALIDATION_FAILED')
    expectError(await manager.invoke('promos:create', promo({ code: 'bad code!' })), 'VALIDATION_FAILED')
    expectError(await cashier.invoke('promos:create', promo({ code: 'MINE' })), 'FORBIDDEN')
    expectError(await cashier.invoke('promos:list', {}), 'FORBIDDEN')
    const existing = ok(await manager.invoke('promos:list', {})).items[0]!
    // A partial change is checked against what is stored: a percent promo cannot become 150%.
    expectError(await manager.invoke('promos:update', { id: existing.id, value: 15_000 }), 'VALIDATION_FAILED')
    expectError(await manager.invoke('promos:update', { id: 9_999, active: false }), 'NOT_FOUND')
    expect(books()).toEqual(before)
  })

  it('lists, filters and changes promos, audited with before and after', async () => {
    const a = ok(await manager.invoke('promos:create', promo({ code: 'A1', name: 'Spring' })))
    ok(await manager.invoke('promos:create', promo({ code: 'B2', name: 'Summer', active: false })))
    expect(ok(await manager.invoke('promos:list', { status: 'active' })).items.map((p) => p.code)).toEqual(['A1'])
    expect(ok(await manager.invoke('promos:list', { query: 'summ' })).items.map((p) => p.code)).toEqual(['B2'])
    const changed = ok(await manager.invoke('promos:update', { id: a.id, kind: 'amount', value: 2_500, maxUses: 10 }))
    expect(changed).toMatchObject({ kind: 'amount', value: 2_500, maxUses: 10, uses: 0, code: 'A1' })
    const audit = withRawDb(
      store.dbPath,
      (db) => db.prepare("select details from audit_entry where action = 'promo.updated'").get() as { details: string },
    )
    expect(JSON.parse(audit.details)).toMatchObject({
      'before.kind': 'percent',
      'after.kind': 'amount',
      'before.value': 1000,
      'after.value': 2_500,
    })
  })
})
