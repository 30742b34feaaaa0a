import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { BackendClient } from '#core/backend'
import { makeProduct } from '#core/testing/product-factory'
import { auditOf } from '#core/testing/audit-trail'
import { expectError, FIXED_NOW, ok, openTestStore, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'

type Product = ChannelOutput<'products:create'>

let store: TestStore
let cashier: BackendClient
let manager: BackendClient
let milk: Product
let rice: Product
let soap: Product

beforeEach(async () => {
  store = await openTestStore()
  cashier = await signedInClient(store.backend, 'cashier')
  manager = await signedInClient(store.backend, 'manager')
  milk = await makeProduct(manager, { name: 'Milk 1 L', priceCents: 6_500 })
  rice = await makeProduct(manager, { name: 'Rice 5 kg', priceCents: 120_000 })
  soap = await makeProduct(manager, { name: 'Soap', priceCents: 4_500 })
})

afterEach(async () => {
  await store.cleanup()
})

/** Fills the client's cart with these lines, in this order; answers the cart. */
async function fill(client: BackendClient, lines: [Product, number][]): Promise<ChannelOutput<'cart:get'>> {
  for (const [product, quantity] of lines) ok(await client.invoke('cart:add', { productId: product.id, quantity }))
  return ok(await client.invoke('cart:get', {}))
}

/** Every row parking touches, and the length of the audit trail, read through a second connection. */
function parkingState() {
  return withRawDb(store.dbPath, (db) => ({
    parked: db.prepare('select * from parked_cart order by id').all(),
    parkedLines: db.prepare('select * from parked_cart_line order by id').all(),
    cartLines: db.prepare('select user_id, product_id, quantity from cart_line order by id').all(),
    auditEntries: (db.prepare('select count(*) as n from audit_entry').get() as { n: number }).n,
  }))
}

const linesOf = (cart: ChannelOutput<'cart:get'>) => cart.lines.map((line) => [line.productId, line.quantity, line.unitPriceCents])

describe('parking a cart', () => {
  it('moves the lines into a parked basket, empties the cart, and another user recalls it as it was', async () => {
    const before = await fill(cashier, [
      [rice, 1],
      [milk, 2],
    ])
    const parked = ok(await cashier.invoke('cart:park', { label: '  Blue jacket  ' }))
    expect(parked.cart.lines).toEqual([])
    expect(parked.cart.totalCents).toBe(0)
    expect(ok(await cashier.invoke('cart:get', {})).lines).toEqual([])
    expect(parked.parked).toEqual({
      id: expect.any(Number),
      label: 'Blue jacket',
      parkedBy: { id: expect.any(Number), name: 'Kiran Cashier' },
      parkedAt: FIXED_NOW.toISOString(),
      lineCount: 2,
      itemCount: 3,
      totalCents: before.totalCents,
    })
    expect(ok(await manager.invoke('cart:parked', {}))).toEqual({ items: [parked.parked], total: 1 })

    // A basket parked by one cashier is often finished by another.
    const recalled = ok(await manager.invoke('cart:recall', { parkedId: parked.parked.id }))
    expect(linesOf(recalled.cart)).toEqual(linesOf(before))
    expect(recalled.cart.totalCents).toBe(before.totalCents)
    expect(recalled).toMatchObject({ recalled: parked.parked, priceChanges: [], unavailable: [] })
    expect(ok(await manager.invoke('cart:get', {}))).toEqual(recalled.cart)
    expect(ok(await cashier.invoke('cart:parked', {}))).toEqual({ items: [], total: 0 })
    const state = parkingState()
    expect(state.parked).toEqual([])
    expect(state.parkedLines).toEqual([])

    const lines = `${rice.id}:1@${rice.priceCents},${milk.id}:2@${milk.priceCents}`
    const [park] = auditOf(store.dbPath, 'cart.parked')
    expect(park).toMatchObject({
      actor_name: 'Kiran Cashier',
      details: { parkedId: parked.parked.id, label: 'Blue jacket', lines, totalCents: before.totalCents },
    })
    const [recall] = auditOf(store.dbPath, 'cart.recalled')
    expect(recall!.subject).toBe(park!.subject)
    expect(recall).toMatchObject({
      actor_name: 'Maya Manager',
      details: { parkedId: parked.parked.id, label: 'Blue jacket', lines, totalCents: before.totalCents, priceChanges: 0, unavailable: '' },
    })
  })

  it('keeps parked baskets across a restart of the backend', async () => {
    const before = await fill(cashier, [
      [soap, 3],
      [milk, 1],
    ])
    const { parked } = ok(await cashier.invoke('cart:park', {}))
    expect(parked.label).toBeNull()

    await store.reopen()
    const again = await signedInClient(store.backend, 'cashier')
    expect(ok(await again.invoke('cart:parked', {}))).toEqual({ items: [parked], total: 1 })
    const recalled = ok(await again.invoke('cart:recall', { parkedId: parked.id }))
    expect(linesOf(recalled.cart)).toEqual(linesOf(before))
  })

  it('lists the newest first, and a label that is only spaces is no label', async () => {
    await fill(cashier, [[milk, 1]])
    const first = ok(await cashier.invoke('cart:park', { label: 'first' })).parked
    store.clock.now = new Date(FIXED_NOW.getTime() + 60_000)
    await fill(cashier, [[soap, 1]])
    const second = ok(await cashier.invoke('cart:park', { label: '   ' })).parked
    expect(second.label).toBeNull()
    expect(ok(await manager.invoke('cart:parked', {})).items.map((item) => item.id)).toEqual([second.id, first.id])
    expect(ok(await manager.invoke('cart:parked', { limit: 1, offset: 1 }))).toEqual({ items: [first], total: 2 })
  })

  it('refuses an empty cart and a label over 40 characters, and changes nothing', async () => {
    const empty = parkingState()
    expectError(await cashier.invoke('cart:park', { label: 'Table 4' }), 'CART_EMPTY')
    expect(parkingState()).toEqual(empty)

    await fill(cashier, [[milk, 1]])
    const filled = parkingState()
    expectError(await cashier.invoke('cart:park', { label: 'x'.repeat(41) }), 'VALIDATION_FAILED')
    expect(parkingState()).toEqual(filled)
    expect(ok(await cashier.invoke('cart:park', { label: ` ${'x'.repeat(40)} ` })).parked.label).toBe('x'.repeat(40))
  })
})

describe('recalling a parked basket', () => {
  it('is refused into a cart that holds anything, and changes nothing', async () => {
    await fill(cashier, [[rice, 2]])
    const { parked } = ok(await cashier.invoke('cart:park', { label: 'Mr Thapa' }))
    await fill(cashier, [[soap, 1]])
    const before = parkingState()
    const reply = await cashier.invoke('cart:recall', { parkedId: parked.id })
    expectError(reply, 'CONFLICT')
    if (!reply.ok) expect(reply.error.params).toEqual({ what: 'cartNotEmpty' })
    expect(parkingState()).toEqual(before)
    expect(ok(await cashier.invoke('cart:parked', {})).items).toEqual([parked])
  })

  it('lets exactly one of two windows racing for the same basket have it', async () => {
    await fill(cashier, [
      [milk, 2],
      [soap, 1],
    ])
    const { parked } = ok(await cashier.invoke('cart:park', {}))
    const other = await signedInClient(store.backend, 'owner')
    const replies = await Promise.all([manager, other].map((client) => client.invoke('cart:recall', { parkedId: parked.id })))
    const won = replies.filter((reply) => reply.ok)
    const lost = replies.filter((reply) => !reply.ok)
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expectError(lost[0]!, 'NOT_FOUND')
    if (!lost[0]!.ok) expect(lost[0]!.error.params).toEqual({ what: 'parkedCart', id: parked.id })
    // The basket went into one cart only.
    const carts = parkingState().cartLines as { product_id: number; quantity: number }[]
    expect(carts.map((line) => [line.product_id, line.quantity])).toEqual([
      [milk.id, 2],
      [soap.id, 1],
    ])
    expect(auditOf(store.dbPath, 'cart.recalled')).toHaveLength(1)
  })

  it('prices the lines afresh and names every price that changed since', async () => {
    await fill(cashier, [
      [milk, 2],
      [soap, 1],
      [rice, 1],
    ])
    const { parked } = ok(await cashier.invoke('cart:park', { label: 'Table 4' }))
    ok(await manager.invoke('products:update', { id: milk.id, priceCents: 7_000 }))
    ok(await manager.invoke('products:update', { id: rice.id, priceCents: 110_000 }))

    const recalled = ok(await cashier.invoke('cart:recall', { parkedId: parked.id }))
    expect(recalled.priceChanges).toEqual([
      { productId: milk.id, name: milk.name, parkedUnitPriceCents: 6_500, unitPriceCents: 7_000 },
      { productId: rice.id, name: rice.name, parkedUnitPriceCents: 120_000, unitPriceCents: 110_000 },
    ])
    expect(linesOf(recalled.cart)).toEqual([
      [milk.id, 2, 7_000],
      [soap.id, 1, 4_500],
      [rice.id, 1, 110_000],
    ])
    expect(recalled.recalled.totalCents).toBe(parked.totalCents)
    expect(auditOf(store.dbPath, 'cart.recalled')[0]!.details).toMatchObject({
      priceChanges: 2,
      recalledTotalCents: recalled.cart.totalCents,
    })
  })

  it('leaves out products archived since, and names them', async () => {
    await fill(cashier, [
      [milk, 1],
      [soap, 2],
    ])
    const { parked } = ok(await cashier.invoke('cart:park', {}))
    ok(await manager.invoke('products:archive', { id: soap.id }))

    const recalled = ok(await cashier.invoke('cart:recall', { parkedId: parked.id }))
    expect(recalled.unavailable).toEqual([{ productId: soap.id, name: soap.name }])
    expect(linesOf(recalled.cart)).toEqual([[milk.id, 1, milk.priceCents]])
    expect(parkingState().parked).toEqual([])
    expect(auditOf(store.dbPath, 'cart.recalled')[0]!.details).toMatchObject({ unavailable: String(soap.id) })
  })

  it("is refused when today's prices would make the sale larger than a total can hold, and changes nothing", async () => {
    await fill(cashier, [[milk, 99_999]])
    const { parked } = ok(await cashier.invoke('cart:park', {}))
    ok(await manager.invoke('products:update', { id: milk.id, priceCents: 1_000_000_000_000 }))
    const before = parkingState()
    const reply = await cashier.invoke('cart:recall', { parkedId: parked.id })
    expectError(reply, 'VALIDATION_FAILED')
    if (!reply.ok) expect(reply.error.params).toMatchObject({ rule: 'tooLarge' })
    expect(parkingState()).toEqual(before)
  })

  it('does not see another till’s baskets', async () => {
    await fill(cashier, [[milk, 1]])
    const { parked } = ok(await cashier.invoke('cart:park', {}))
    withRawDb(store.dbPath, (db) => db.prepare("update parked_cart set till_id = 'another-till' where id = ?").run(parked.id))
    expect(ok(await cashier.invoke('cart:parked', {}))).toEqual({ items: [], total: 0 })
    const before = parkingState()
    expectError(await cashier.invoke('cart:recall', { parkedId: parked.id }), 'NOT_FOUND')
    expectError(await cashier.invoke('cart:discardParked', { parkedId: parked.id }), 'NOT_FOUND')
    expect(parkingState()).toEqual(before)
  })
})

describe('discarding a parked basket', () => {
  it('deletes it with its lines, once; after that it can be neither recalled nor discarded', async () => {
    const cart = await fill(cashier, [
      [rice, 1],
      [soap, 4],
    ])
    const { parked } = ok(await cashier.invoke('cart:park', { label: 'Left the shop' }))
    expect(ok(await manager.invoke('cart:discardParked', { parkedId: parked.id }))).toEqual({ discarded: parked })
    const after = parkingState()
    expect(after.parked).toEqual([])
    expect(after.parkedLines).toEqual([])
    expect(after.cartLines).toEqual([])

    expectError(await cashier.invoke('cart:recall', { parkedId: parked.id }), 'NOT_FOUND')
    expectError(await cashier.invoke('cart:discardParked', { parkedId: parked.id }), 'NOT_FOUND')
    expect(parkingState()).toEqual(after)
    expect(auditOf(store.dbPath, 'cart.park-discarded')).toEqual([
      {
        actor_name: 'Maya Manager',
        subject: expect.any(String),
        details: {
          parkedId: parked.id,
          label: 'Left the shop',
          parkedById: parked.parkedBy.id,
          lines: `${rice.id}:1@${rice.priceCents},${soap.id}:4@${soap.priceCents}`,
          totalCents: cart.totalCents,
        },
      },
    ])
  })
})

describe('discounts and promo codes in a parked basket', () => {
  it('come back with the basket; a promo that can no longer be used is left out and named', async () => {
    ok(await manager.invoke('promos:create', { code: 'WEEK', name: 'This week', kind: 'percent', value: 500, active: true }))
    await fill(cashier, [
      [milk, 2],
      [soap, 1],
    ])
    ok(await cashier.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'percent', bps: 1000 }, reason: 'Dented' }))
    ok(await cashier.invoke('cart:setOrderDiscount', { discount: { kind: 'amount', cents: 500 }, reason: 'Regular' }))
    const before = ok(await cashier.invoke('cart:applyPromo', { code: 'WEEK' }))
    const { parked } = ok(await cashier.invoke('cart:park', { label: 'Counter 2' }))
    expect(parked.totalCents).toBe(before.totalCents)

    const recalled = ok(await manager.invoke('cart:recall', { parkedId: parked.id }))
    expect(recalled.promoDropped).toBeNull()
    expect(recalled.cart).toMatchObject({
      discountCents: before.discountCents,
      totalCents: before.totalCents,
      orderDiscount: { discount: { kind: 'amount', cents: 500 }, reason: 'Regular' },
      promo: { code: 'WEEK', problem: null },
    })
    expect(recalled.cart.lines.find((line) => line.productId === milk.id)?.discount).toEqual({
      discount: { kind: 'percent', bps: 1000 },
      reason: 'Dented',
      approvedBy: null,
    })

    // Parked again, and the promo ends before the recall.
    const again = ok(await manager.invoke('cart:park', {}))
    const promoId = ok(await manager.invoke('promos:list', {})).items[0]!.id
    ok(await manager.invoke('promos:update', { id: promoId, active: false }))
    const later = ok(await cashier.invoke('cart:recall', { parkedId: again.parked.id }))
    expect(later.promoDropped).toEqual({ code: 'WEEK', reason: 'inactive' })
    expect(later.cart.promo).toBeNull()
    expect(later.cart.orderDiscount).not.toBeNull()
  })
})
