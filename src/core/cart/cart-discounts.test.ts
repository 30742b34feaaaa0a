import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import type { Permission } from '#shared/ipc/permissions'
import { auditOf } from '#core/testing/audit-trail'
import { expectError, fillCart, ok, openTestStore, productBySku, signedInClient, type TestStore, withRawDb } from '#core/testing/test-store'

let store: TestStore
let cashier: BackendClient

beforeEach(async () => {
  store = await openTestStore()
  cashier = await signedInClient(store.backend)
})

afterEach(async () => {
  await store.cleanup()
})

/** What a discount may change: the cart's rows, their discounts and the order row, and the audit trail's length. */
function cartState() {
  return withRawDb(store.dbPath, (db) => ({
    lines: db
      .prepare(
        'select user_id, product_id, quantity, discount_kind, discount_value, discount_reason, discount_approved_by from cart_line order by id',
      )
      .all(),
    order: db.prepare('select * from cart_order').all(),
    audit: (db.prepare('select count(*) as n from audit_entry').get() as { n: number }).n,
  }))
}

const lastAudit = (action: string) => auditOf(store.dbPath, action).at(-1) ?? null

async function approval(client: BackendClient, permission: Permission, username = 'manager') {
  return ok(await client.invoke('auth:approve', { username, secret: username, permission })).approvalId
}

describe('line discounts', () => {
  it('a cashier gives up to the store limit: the line, the total and the audit trail show it', async () => {
    await fillCart(cashier, [
      ['DEMO-001', 2],
      ['DEMO-005', 1],
    ])
    const milk = await productBySku(cashier, 'DEMO-001')
    const cart = ok(
      await cashier.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'percent', bps: 1000 }, reason: 'Dented box' }),
    )
    const line = cart.lines.find((l) => l.productId === milk.id)!
    expect(line).toMatchObject({
      lineTotalCents: 11_000,
      discountCents: 1_100,
      totalCents: 9_900,
      discount: { discount: { kind: 'percent', bps: 1000 }, reason: 'Dented box', approvedBy: null },
    })
    expect(cart).toMatchObject({ discountCents: 1_100, totalCents: 9_900 + 2_500 })
    expect(lastAudit('cart.discount')).toMatchObject({
      subject: `product ${milk.id}`,
      details: { kind: 'percent', value: 1000, reason: 'Dented box', discountCents: 1_100 },
    })

    const { invoice } = ok(
      await cashier.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payment: { method: 'cash', tenderedCents: 20_000 },
      }),
    )
    expect(invoice).toMatchObject({ discountCents: 1_100, totalCents: 12_400 })
    expect(invoice.lines.find((l) => l.productId === milk.id)).toMatchObject({
      subAmountCents: 11_000,
      discountCents: 1_100,
      totalCents: 9_900,
    })
    // The sale takes the cart's discounts with it.
    expect(cartState().lines).toEqual([])
  })

  it('refuses a cashier more than the limit without a manager, and changes nothing', async () => {
    await fillCart(cashier, [['DEMO-001', 1]])
    const milk = await productBySku(cashier, 'DEMO-001')
    const before = cartState()
    expectError(await cashier.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'percent', bps: 1500 } }), 'FORBIDDEN')
    // An amount is measured against the line: 6.00 off 55.00 is more than 10%.
    const reply = await cashier.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'amount', cents: 600 } })
    expectError(reply, 'FORBIDDEN')
    if (!reply.ok) expect(reply.error.params).toEqual({ permission: 'sale.discountOverLimit' })
    expect(cartState()).toEqual(before)
    // 5.50 is exactly 10%.
    ok(await cashier.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'amount', cents: 550 } }))
  })

  it("gives more than the limit with a manager's approval, once, naming the manager", async () => {
    await fillCart(cashier, [['DEMO-001', 1]])
    const milk = await productBySku(cashier, 'DEMO-001')
    const approvalId = await approval(cashier, 'sale.discountOverLimit')
    const cart = ok(
      await cashier.invoke('cart:setLineDiscount', {
        productId: milk.id,
        discount: { kind: 'percent', bps: 5000 },
        reason: 'Expiring',
        approvalId,
      }),
    )
    expect(cart.lines[0]).toMatchObject({ discountCents: 2_750, discount: { approvedBy: 'Maya Manager' } })
    expect(lastAudit('cart.discount')!.details).toMatchObject({ approvedBy: 'Maya Manager', approvedFor: 'sale.discountOverLimit' })

    const before = cartState()
    const again = await cashier.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'percent', bps: 6000 }, approvalId })
    expectError(again, 'APPROVAL_REQUIRED')
    if (!again.ok) expect(again.error.params).toMatchObject({ permission: 'sale.discountOverLimit', problem: 'used' })
    expect(cartState()).toEqual(before)

    // An approval for another permission does not do.
    const other = await approval(cashier, 'sale.return')
    const beforeOther = cartState()
    expectError(
      await cashier.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'percent', bps: 6000 }, approvalId: other }),
      'APPROVAL_REQUIRED',
    )
    expect(cartState()).toEqual(beforeOther)
  })

  it('a manager gives any discount without asking anyone', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    await fillCart(manager, [['DEMO-001', 1]])
    const milk = await productBySku(manager, 'DEMO-001')
    const cart = ok(await manager.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'percent', bps: 10_000 } }))
    expect(cart.totalCents).toBe(0)
  })

  it('refuses a discount larger than the line, a line not in the cart, and a quantity that would leave the discount larger', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    await fillCart(manager, [['DEMO-001', 2]])
    const milk = await productBySku(manager, 'DEMO-001')
    const noodles = await productBySku(manager, 'DEMO-005')
    const before = cartState()
    const tooMuch = await manager.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'amount', cents: 11_001 } })
    expectError(tooMuch, 'VALIDATION_FAILED')
    if (!tooMuch.ok) expect(tooMuch.error.params).toEqual({ rule: 'discountTooLarge' })
    expectError(
      await manager.invoke('cart:setLineDiscount', { productId: noodles.id, discount: { kind: 'percent', bps: 500 } }),
      'NOT_FOUND',
    )
    expect(cartState()).toEqual(before)

    ok(await manager.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'amount', cents: 8_000 } }))
    const withDiscount = cartState()
    expectError(await manager.invoke('cart:setQuantity', { productId: milk.id, quantity: 1 }), 'VALIDATION_FAILED')
    expect(cartState()).toEqual(withDiscount)
  })

  it('tells a cashier a discount is larger than the line before asking for any approval', async () => {
    await fillCart(cashier, [['DEMO-001', 1]])
    const milk = await productBySku(cashier, 'DEMO-001')
    const before = cartState()
    const reply = await cashier.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'amount', cents: 5_501 } })
    expectError(reply, 'VALIDATION_FAILED')
    if (!reply.ok) expect(reply.error.params).toEqual({ rule: 'discountTooLarge' })
    const order = await cashier.invoke('cart:setOrderDiscount', { discount: { kind: 'amount', cents: 5_501 } })
    expectError(order, 'VALIDATION_FAILED')
    expect(cartState()).toEqual(before)
  })

  it('takes a discount off with null', async () => {
    await fillCart(cashier, [['DEMO-001', 1]])
    const milk = await productBySku(cashier, 'DEMO-001')
    ok(await cashier.invoke('cart:setLineDiscount', { productId: milk.id, discount: { kind: 'percent', bps: 500 } }))
    const cart = ok(await cashier.invoke('cart:setLineDiscount', { productId: milk.id, discount: null }))
    expect(cart.lines[0]).toMatchObject({ discountCents: 0, discount: null })
    expect(lastAudit('cart.discount-removed')).not.toBeNull()
  })
})

describe('order discounts', () => {
  it('shares an amount over the lines, which the invoice keeps per line', async () => {
    await fillCart(cashier, [
      ['DEMO-001', 2],
      ['DEMO-005', 4],
    ])
    // 21.00 is exactly 10% of 210.00.
    const cart = ok(await cashier.invoke('cart:setOrderDiscount', { discount: { kind: 'amount', cents: 2_100 }, reason: 'Loyal customer' }))
    expect(cart.orderDiscount).toEqual({
      discount: { kind: 'amount', cents: 2_100 },
      reason: 'Loyal customer',
      approvedBy: null,
      discountCents: 2_100,
    })
    expect(cart.lines.map((l) => l.discountCents)).toEqual([1_100, 1_000])
    expect(cart).toMatchObject({ discountCents: 2_100, totalCents: 18_900 })
    const { invoice } = ok(
      await cashier.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: 18_900,
        payment: { method: 'cash', tenderedCents: 18_900 },
      }),
    )
    expect(invoice.lines.map((l) => l.discountCents)).toEqual([1_100, 1_000])
    expect(cartState().order).toEqual([])
  })

  it('needs a manager above the limit, is refused on an empty cart, and goes with cart:clear', async () => {
    const before = cartState()
    expectError(await cashier.invoke('cart:setOrderDiscount', { discount: { kind: 'percent', bps: 500 } }), 'CART_EMPTY')
    await fillCart(cashier, [['DEMO-001', 1]])
    const filled = cartState()
    expectError(await cashier.invoke('cart:setOrderDiscount', { discount: { kind: 'percent', bps: 2000 } }), 'FORBIDDEN')
    expect(cartState()).toEqual(filled)
    expect(before.order).toEqual([])
    ok(await cashier.invoke('cart:setOrderDiscount', { discount: { kind: 'percent', bps: 1000 } }))
    ok(await cashier.invoke('cart:clear', {}))
    expect(cartState().order).toEqual([])
    // The last line removed takes the sale's discount with it too.
    const milk = await productBySku(cashier, 'DEMO-001')
    ok(await cashier.invoke('cart:add', { productId: milk.id, quantity: 1 }))
    ok(await cashier.invoke('cart:setOrderDiscount', { discount: { kind: 'amount', cents: 500 } }))
    const emptied = ok(await cashier.invoke('cart:remove', { productId: milk.id }))
    expect(emptied.orderDiscount).toBeNull()
    expect(cartState().order).toEqual([])
  })

  it('refuses a discount of nothing at the door, with nothing written', async () => {
    await fillCart(cashier, [['DEMO-001', 1]])
    const before = cartState()
    expectError(await cashier.invoke('cart:setOrderDiscount', { discount: { kind: 'percent', bps: 0 } }), 'VALIDATION_FAILED')
    expectError(await cashier.invoke('cart:setOrderDiscount', { discount: { kind: 'amount', cents: -5 } }), 'VALIDATION_FAILED')
    expect(cartState()).toEqual(before)
  })
})
