import { describe, expect, it } from 'vitest'
import type { CartDiscountDto, CartDto, CartLineDto, CartPromoDto, DiscountInput } from '#shared/contract/cart'
import { formatMoney } from '#shared/money/money'
import { en } from '../../app/catalogs'
import { CASHIER, fakeBackend, MANAGER, ok, type Replies, type Reply } from '../../app/fake-backend.helper'
import type { UserDto } from '#shared/contract/auth'
import type { ClientError } from '../../platform/api/client'
import { dayFormatter } from '../../platform/i18n/format'
import { createTranslator, type Message } from '../../platform/i18n/translate'
import { tillActionFor } from '../../app/keymap'

const money = (cents: number) => formatMoney(cents, { currency: 'NPR', locale: 'en-IN' })
const { render } = createTranslator(en, 'en', { money, day: dayFormatter('en-IN') })
const text = (message: Message | null | undefined) => (message ? render(message) : null)
const refused = (error: ClientError): Reply => ({ ok: false, error })

function line(productId: number, name: string, priceCents: number, discount: CartDiscountDto | null = null): CartLineDto {
  return {
    productId,
    sku: `SKU-${productId}`,
    name,
    unitPriceCents: priceCents,
    quantity: 1,
    lineTotalCents: priceCents,
    discountCents: 0,
    taxCents: 0,
    totalCents: priceCents,
    discount,
    stock: 10,
    imageFile: null,
  }
}

function cartOf(lines: CartLineDto[], extra: Partial<CartDto> = {}): CartDto {
  const total = lines.reduce((sum, l) => sum + l.totalCents, 0)
  return {
    lines,
    itemCount: lines.length,
    subtotalCents: total,
    discountCents: 0,
    taxCents: 0,
    totalCents: total,
    taxes: [],
    orderDiscount: null,
    promo: null,
    ...extra,
  }
}

const RICE = line(1, 'Basmati Rice 5kg', 135_000)
const SOAP = line(2, 'Dettol Soap', 8_000)
const TWO_LINES = cartOf([RICE, SOAP])
const OVER_LIMIT: ClientError = { code: 'FORBIDDEN', message: 'over the limit', params: { permission: 'sale.discountOverLimit' } }
const tenPercent: DiscountInput = { kind: 'percent', bps: 1000 }
const fifteenPercent: DiscountInput = { kind: 'percent', bps: 1500 }

/** A till signed in as `user` with two lines in its cart. */
async function tillWith(replies: Replies, { user = CASHIER, cart = TWO_LINES }: { user?: UserDto; cart?: CartDto } = {}) {
  const backend = fakeBackend(user, { 'cart:get': () => ok(cart), ...replies })
  await backend.store.getState().session.appStarted()
  await backend.store.getState().cart.cartRequested()
  const state = () => backend.store.getState()
  return { ...backend, state, discounts: () => state().discounts }
}

/** The cart after a line discount, as core would price it (only what the screen shows matters here). */
function withLineDiscount(productId: number, discount: DiscountInput, reason: string | null, approvedBy: string | null = null): CartDto {
  return cartOf(
    TWO_LINES.lines.map((l) =>
      l.productId === productId
        ? { ...l, discountCents: 13_500, totalCents: l.totalCents - 13_500, discount: { discount, reason, approvedBy } }
        : l,
    ),
  )
}

describe('a line discount', () => {
  it('is given to the cart’s last line when none was touched, and the dialog closes with focus back in the scan field', async () => {
    const { state, discounts, inputsOf } = await tillWith({
      'cart:setLineDiscount': () => ok(withLineDiscount(SOAP.productId, tenPercent, 'Dented box')),
    })
    const ticket = state().scan.focusTicket
    discounts().lineDiscountOpened()
    expect(discounts().target).toEqual({ kind: 'line', productId: SOAP.productId, name: SOAP.name })
    expect(state().shell.dialog).toBe('discount')
    await discounts().discountSubmitted({ discount: tenPercent, reason: 'Dented box' })
    expect(inputsOf('cart:setLineDiscount')).toEqual([{ productId: SOAP.productId, discount: tenPercent, reason: 'Dented box' }])
    expect(state().cart.cart.lines[1]?.discount?.reason).toBe('Dented box')
    expect(state().cart.lastTouchedId).toBe(SOAP.productId)
    expect(state().shell.dialog).toBeNull()
    expect(discounts().target).toBeNull()
    expect(state().scan.focusTicket).toBe(ticket + 1)
    expect(text(state().shell.notice?.message)).toBe('10% off Dettol Soap.')
  })

  it('is for the line the cashier moved into, and sends no reason when none was given', async () => {
    const { state, discounts, inputsOf } = await tillWith({
      'cart:setLineDiscount': () => ok(withLineDiscount(RICE.productId, tenPercent, null)),
    })
    state().cart.lineSelected(RICE.productId)
    state().cart.lineSelected(99)
    discounts().lineDiscountOpened()
    expect(discounts().target).toEqual({ kind: 'line', productId: RICE.productId, name: RICE.name })
    await discounts().discountSubmitted({ discount: { kind: 'amount', cents: 5_000 }, reason: null })
    expect(inputsOf('cart:setLineDiscount')).toEqual([{ productId: RICE.productId, discount: { kind: 'amount', cents: 5_000 } }])
    expect(text(state().shell.notice?.message)).toBe(`${money(5_000)} off Basmati Rice 5kg.`)
  })

  it('over the limit asks a manager in place, refuses a wrong secret, then gives it with the approval', async () => {
    let approvals = 0
    const { state, discounts, inputsOf } = await tillWith({
      'cart:setLineDiscount': (input) =>
        (input as { approvalId?: string }).approvalId === 'approval-1'
          ? ok(withLineDiscount(SOAP.productId, fifteenPercent, 'Regular customer', 'Maya Manager'))
          : refused(OVER_LIMIT),
      'auth:approve': (input) => {
        const { secret } = input as { secret: string }
        if (secret !== 'manager') return refused({ code: 'INVALID_CREDENTIALS', message: 'wrong' })
        approvals += 1
        return ok({
          approvalId: `approval-${approvals}`,
          approvedBy: { id: 2, username: 'manager', displayName: 'Maya Manager' },
          expiresAt: '',
        })
      },
    })
    discounts().lineDiscountOpened()
    const request = { discount: fifteenPercent, reason: 'Regular customer' }
    await discounts().discountSubmitted(request)
    // Refused for the cashier: the dialog stays, now asking for a manager; the cart is as it was.
    expect(discounts().awaitingApproval).toEqual(request)
    expect(discounts().error).toBeNull()
    expect(state().shell.dialog).toBe('discount')
    expect(state().cart.cart).toEqual(TWO_LINES)

    await discounts().approvalSubmitted('manager', 'guess')
    expect(text(discounts().error)).toBe('That username and password or PIN do not match. Try again.')
    expect(discounts().awaitingApproval).toEqual(request)
    expect(inputsOf('cart:setLineDiscount')).toHaveLength(1)
    expect(state().cart.cart).toEqual(TWO_LINES)

    await discounts().approvalSubmitted(' manager ', 'manager')
    expect(inputsOf('auth:approve')).toEqual([
      { username: 'manager', secret: 'guess', permission: 'sale.discountOverLimit' },
      { username: 'manager', secret: 'manager', permission: 'sale.discountOverLimit' },
    ])
    expect(inputsOf('cart:setLineDiscount').at(-1)).toEqual({
      productId: SOAP.productId,
      discount: fifteenPercent,
      reason: 'Regular customer',
      approvalId: 'approval-1',
    })
    expect(state().cart.cart.lines[1]?.discount?.approvedBy).toBe('Maya Manager')
    expect(state().shell.dialog).toBeNull()
    expect(text(state().shell.notice?.message)).toBe('15% off Dettol Soap, approved by Maya Manager.')
  })

  it('asks again when the approval cannot be used, and says who may not approve', async () => {
    const { state, discounts, inputsOf } = await tillWith({
      'cart:setLineDiscount': (input) =>
        (input as { approvalId?: string }).approvalId
          ? refused({ code: 'APPROVAL_REQUIRED', message: 'expired', params: { permission: 'sale.discountOverLimit', problem: 'expired' } })
          : refused(OVER_LIMIT),
      'auth:approve': (input) =>
        (input as { username: string }).username === 'kiran'
          ? refused({ code: 'FORBIDDEN', message: 'no', params: { permission: 'sale.discountOverLimit' } })
          : ok({ approvalId: 'a', approvedBy: { id: 2, username: 'manager', displayName: 'Maya Manager' }, expiresAt: '' }),
    })
    discounts().lineDiscountOpened()
    await discounts().discountSubmitted({ discount: fifteenPercent, reason: null })
    await discounts().approvalSubmitted('kiran', 'kiran')
    expect(text(discounts().error)).toBe('“kiran” cannot approve this. Ask a manager.')
    await discounts().approvalSubmitted('manager', 'manager')
    expect(text(discounts().error)).toBe('The approval cannot be used: it has expired. Ask a manager to approve again.')
    expect(discounts().awaitingApproval).not.toBeNull()
    // An empty secret is refused here, without asking core.
    const asked = inputsOf('auth:approve').length
    await discounts().approvalSubmitted('manager', '')
    expect(text(discounts().error)).toBe('Type the manager’s username and their password or PIN.')
    expect(inputsOf('auth:approve')).toHaveLength(asked)
    // Back returns to the form, Esc there closes the dialog: the cart never changed.
    discounts().approvalDismissed()
    expect(discounts().awaitingApproval).toBeNull()
    expect(state().shell.dialog).toBe('discount')
    discounts().discountClosed()
    expect(state().shell.dialog).toBeNull()
    expect(state().cart.cart).toEqual(TWO_LINES)
  })

  it('keeps the dialog open with core’s refusal when the discount is more than the line, and changes nothing', async () => {
    const { state, discounts } = await tillWith({
      'cart:setLineDiscount': () => refused({ code: 'VALIDATION_FAILED', message: 'too large', params: { rule: 'discountTooLarge' } }),
    })
    discounts().lineDiscountOpened()
    await discounts().discountSubmitted({ discount: { kind: 'amount', cents: 9_000 }, reason: null })
    expect(text(discounts().error)).toBe('The discounts are more than the price they come off.')
    expect(discounts().awaitingApproval).toBeNull()
    expect(state().shell.dialog).toBe('discount')
    expect(state().cart.cart).toEqual(TWO_LINES)
  })

  it('is taken off with a null discount, and a manager’s own is given without an approval', async () => {
    const given = withLineDiscount(SOAP.productId, fifteenPercent, null)
    const { state, discounts, inputsOf } = await tillWith(
      { 'cart:setLineDiscount': (input) => ok((input as { discount: unknown }).discount ? given : TWO_LINES) },
      { user: MANAGER },
    )
    discounts().lineDiscountOpened()
    await discounts().discountSubmitted({ discount: fifteenPercent, reason: null })
    expect(inputsOf('auth:approve')).toEqual([])
    expect(state().cart.cart).toEqual(given)
    discounts().lineDiscountOpened()
    await discounts().discountRemoved()
    expect(inputsOf('cart:setLineDiscount').at(-1)).toEqual({ productId: SOAP.productId, discount: null })
    expect(state().cart.cart).toEqual(TWO_LINES)
    expect(text(state().shell.notice?.message)).toBe('Took the discount off Dettol Soap.')
  })
})

describe('a discount on the whole sale', () => {
  it('goes to cart:setOrderDiscount, and is refused with a notice on an empty cart', async () => {
    const discounted = { ...TWO_LINES, orderDiscount: { discount: tenPercent, reason: 'Bulk purchase', approvedBy: null } }
    const { state, discounts, inputsOf } = await tillWith({ 'cart:setOrderDiscount': () => ok(discounted) })
    discounts().orderDiscountOpened()
    expect(discounts().target).toEqual({ kind: 'order' })
    await discounts().discountSubmitted({ discount: tenPercent, reason: 'Bulk purchase' })
    expect(inputsOf('cart:setOrderDiscount')).toEqual([{ discount: tenPercent, reason: 'Bulk purchase' }])
    expect(state().cart.cart.orderDiscount?.reason).toBe('Bulk purchase')
    expect(text(state().shell.notice?.message)).toBe('10% off the whole sale.')

    const empty = await tillWith({}, { cart: cartOf([]) })
    empty.discounts().orderDiscountOpened()
    empty.discounts().lineDiscountOpened()
    expect(empty.state().shell.dialog).toBeNull()
    expect(text(empty.state().shell.notice?.message)).toBe('The cart is empty: scan an item first, then discount it.')
  })

  it('does not open over another dialog', async () => {
    const { state, discounts } = await tillWith({})
    state().shell.dialogOpened('pay')
    discounts().orderDiscountOpened()
    discounts().promoOpened()
    expect(state().shell.dialog).toBe('pay')
    expect(discounts().target).toBeNull()
    expect(discounts().promoOpen).toBe(false)
  })
})

describe('a promo code', () => {
  const SAVE10: CartPromoDto = {
    code: 'SAVE10',
    name: 'Dashain sale',
    discountCents: 14_300,
    problem: null,
    minSpendCents: null,
    qualifyingCents: 0,
  }

  it('shows the refusal’s sentence and keeps the cart, then applies a good code and can take it off', async () => {
    const { state, discounts, inputsOf } = await tillWith({
      'cart:applyPromo': (input) =>
        (input as { code: string }).code === 'save10'
          ? ok({ ...TWO_LINES, promo: SAVE10 })
          : refused({ code: 'PROMO_INVALID', message: 'expired', params: { reason: 'expired', code: 'NEWYEAR', endsOn: '2026-01-15' } }),
      'cart:removePromo': () => ok(TWO_LINES),
    })
    discounts().promoOpened()
    expect(state().shell.dialog).toBe('promo')
    await discounts().promoSubmitted('   ')
    expect(text(discounts().promoError)).toBe('Type or scan a promo code.')
    expect(inputsOf('cart:applyPromo')).toEqual([])
    await discounts().promoSubmitted('newyear')
    expect(text(discounts().promoError)).toBe("The promo code 'NEWYEAR' ended on 15 Jan 2026.")
    expect(state().shell.dialog).toBe('promo')
    expect(state().cart.cart).toEqual(TWO_LINES)

    await discounts().promoSubmitted(' save10 ')
    expect(inputsOf('cart:applyPromo').at(-1)).toEqual({ code: 'save10' })
    expect(state().cart.cart.promo).toEqual(SAVE10)
    expect(state().shell.dialog).toBeNull()
    expect(text(state().shell.notice?.message)).toBe(`Promo SAVE10 applied: ${money(14_300)} off.`)

    discounts().promoOpened()
    await discounts().promoRemoved()
    expect(inputsOf('cart:removePromo')).toEqual([{}])
    expect(state().cart.cart.promo).toBeNull()
    expect(text(state().shell.notice?.message)).toBe('Removed the promo code SAVE10.')
  })

  it('is not asked for on an empty cart', async () => {
    const { state, discounts } = await tillWith({}, { cart: cartOf([]) })
    discounts().promoOpened()
    expect(state().shell.dialog).toBeNull()
    expect(text(state().shell.notice?.message)).toBe('The cart is empty: scan the items first, then the promo code.')
  })
})

describe('the till’s Ctrl keys', () => {
  it('open the line discount, the sale discount and the promo code, and nothing else is taken for them', async () => {
    const { state } = await tillWith({})
    const press = (key: string, code: string, mods: { ctrlKey?: boolean; shiftKey?: boolean; altKey?: boolean } = {}) =>
      tillActionFor({ key, code, ...mods })
    expect(press('d', 'KeyD')).toBeUndefined()
    expect(press('d', 'KeyD', { ctrlKey: true, altKey: true })).toBeUndefined()
    // Shift gives a capital, and another layout another letter: the key's place decides.
    press('D', 'KeyD', { ctrlKey: true, shiftKey: true })?.(state())
    expect(state().discounts.target).toEqual({ kind: 'order' })
    state().discounts.discountClosed()
    press('द', 'KeyD', { ctrlKey: true })?.(state())
    expect(state().discounts.target).toEqual({ kind: 'line', productId: SOAP.productId, name: SOAP.name })
    state().discounts.discountClosed()
    press('k', 'KeyK', { ctrlKey: true })?.(state())
    expect(state().shell.dialog).toBe('promo')
  })
})
