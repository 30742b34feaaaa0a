import { describe, expect, it } from 'vitest'
import type { ParkedCartDto } from '#shared/contract/parked'
import { en } from '../../app/catalogs'
import { CASHIER, fakeBackend, ok, type Replies } from '../../app/fake-backend.helper'
import { createTranslator, type Message } from '../../platform/i18n/translate'

const { render } = createTranslator(en, 'en')
const text = (message: Message | null | undefined) => (message ? render(message) : null)

// Carts as the backend answers them (the slice reads only their lines); left untyped, as the fake sends them.
const EMPTY = { lines: [], itemCount: 0, subtotalCents: 0, discountCents: 0, taxCents: 0, totalCents: 0, taxes: [] }
const MILK = {
  ...EMPTY,
  lines: [
    {
      productId: 7,
      sku: 'MILK',
      name: 'Milk',
      unitPriceCents: 6_500,
      quantity: 2,
      lineTotalCents: 13_000,
      discountCents: 0,
      taxCents: 1_496,
      totalCents: 13_000,
      stock: 10,
      imageFile: null,
    },
  ],
  itemCount: 2,
  subtotalCents: 11_504,
  taxCents: 1_496,
  totalCents: 13_000,
}

const parkedCart = (id: number, label: string | null): ParkedCartDto => ({
  id,
  label,
  parkedBy: { id: 3, name: 'Kiran' },
  parkedAt: '2026-03-15T04:15:00.000Z',
  lineCount: 1,
  itemCount: 2,
  totalCents: 13_000,
})

/** A signed-in cashier's store whose cart the backend answers with `cart` until a test changes it. */
async function till(replies: Replies = {}, cart: { now: unknown } = { now: EMPTY }) {
  const backend = fakeBackend(CASHIER, { 'cart:get': () => ok(cart.now), ...replies })
  const state = () => backend.store.getState()
  await state().session.appStarted()
  await state().cart.cartRequested()
  return { ...backend, state, cart }
}

describe('parking a sale', () => {
  it('with an empty cart says there is nothing to park, without a dialog or a call', async () => {
    const { state, inputsOf } = await till()
    state().parked.parkOpened()
    expect(state().shell.dialog).toBeNull()
    expect(text(state().shell.notice?.message)).toBe('The cart is empty: there is nothing to park.')
    expect(inputsOf('cart:park')).toEqual([])
  })

  it('asks for a label, sends it trimmed, empties the cart and says how to bring it back', async () => {
    const { state, inputsOf } = await till(
      { 'cart:park': (input) => ok({ cart: EMPTY, parked: parkedCart(4, (input as { label?: string }).label ?? null) }) },
      { now: MILK },
    )
    state().parked.parkOpened()
    expect(state().shell.dialog).toBe('park')
    state().parked.labelTyped('  Blue jacket ')
    await state().parked.parkSubmitted()
    expect(inputsOf('cart:park')).toEqual([{ label: 'Blue jacket' }])
    expect(state().shell.dialog).toBeNull()
    expect(state().cart.cart.lines).toEqual([])
    expect(text(state().shell.notice?.message)).toBe('Parked “Blue jacket”. F7 brings it back.')
  })

  it('sends no label when none was typed, and keeps the dialog open with the reason when refused', async () => {
    let refuse = true
    const { state, inputsOf } = await till(
      {
        'cart:park': () =>
          refuse ? { ok: false, error: { code: 'CART_EMPTY', message: 'empty' } } : ok({ cart: EMPTY, parked: parkedCart(5, null) }),
      },
      { now: MILK },
    )
    state().parked.parkOpened()
    state().parked.labelTyped('   ')
    await state().parked.parkSubmitted()
    expect(state().shell.dialog).toBe('park')
    expect(text(state().parked.parkError)).toBe('The cart is empty.')
    refuse = false
    await state().parked.parkSubmitted()
    expect(inputsOf('cart:park')).toEqual([{}, {}])
    expect(text(state().shell.notice?.message)).toBe('Sale parked. F7 brings it back.')
  })
})

describe('the parked sales', () => {
  const list = [parkedCart(9, 'Table 4'), parkedCart(8, null)]

  it('recall the chosen one into the cart and note what changed since', async () => {
    const cart: { now: unknown } = { now: EMPTY }
    const { state, inputsOf } = await till(
      {
        'cart:parked': () => ok({ items: list, total: 2 }),
        'cart:recall': () => {
          cart.now = MILK
          return ok({
            cart: MILK,
            recalled: list[1],
            priceChanges: [{ productId: 7, name: 'Milk', parkedUnitPriceCents: 6_000, unitPriceCents: 6_500 }],
            unavailable: [{ productId: 8, name: 'Soap' }],
            promoDropped: { code: 'WEEK', reason: 'expired' },
          })
        },
      },
      cart,
    )
    await state().parked.parkedListOpened()
    expect(state().shell.dialog).toBe('parked')
    expect(state().parked.selectedId).toBe(9)
    state().parked.selectionMoved(1)
    state().parked.selectionMoved(1)
    expect(state().parked.selectedId).toBe(8)
    await state().parked.recallChosen()
    expect(inputsOf('cart:recall')).toEqual([{ parkedId: 8 }])
    expect(state().shell.dialog).toBeNull()
    expect(state().cart.cart).toEqual(MILK)
    expect(text(state().shell.notice?.message)).toBe('Recalled the parked sale.')
    expect(state().parked.recallNote).toMatchObject({
      label: null,
      priceChanges: [{ productId: 7, name: 'Milk', parkedUnitPriceCents: 6_000, unitPriceCents: 6_500 }],
      unavailable: [{ productId: 8, name: 'Soap' }],
    })
    // The promo left out is said with the same sentence as when a cashier types an expired code.
    expect(text(state().parked.recallNote?.promoDropped ?? undefined)).toMatch(/WEEK/)
    state().parked.salePaid()
    expect(state().parked.recallNote).toBeNull()
  })

  it('say so when another window took the chosen one first, and drop it from the list', async () => {
    const { state } = await till({
      'cart:parked': () => ok({ items: list, total: 2 }),
      'cart:recall': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'gone', params: { what: 'parkedCart', id: 9 } } }),
    })
    await state().parked.parkedListOpened()
    await state().parked.recallChosen()
    expect(state().shell.dialog).toBe('parked')
    expect(text(state().parked.listError)).toBe('That basket is no longer parked: it was recalled or discarded.')
    expect(state().parked.parked?.map((item) => item.id)).toEqual([8])
    expect(state().parked.selectedId).toBe(8)
  })

  it('discard one only once it is confirmed', async () => {
    const { state, inputsOf } = await till({
      'cart:parked': () => ok({ items: list, total: 2 }),
      'cart:discardParked': () => ok({ discarded: list[0] }),
    })
    await state().parked.parkedListOpened()
    state().parked.discardChosen()
    expect(state().parked.confirmingId).toBe(9)
    state().parked.discardCancelled()
    expect(inputsOf('cart:discardParked')).toEqual([])
    state().parked.discardChosen()
    await state().parked.discardConfirmed()
    expect(inputsOf('cart:discardParked')).toEqual([{ parkedId: 9 }])
    expect(state().parked.parked?.map((item) => item.id)).toEqual([8])
    expect(state().parked.confirmingId).toBeNull()
    expect(text(state().shell.notice?.message)).toBe('Discarded “Table 4”.')
    expect(state().shell.dialog).toBe('parked')
    state().parked.parkedListClosed()
    expect(state().shell.dialog).toBeNull()
  })
})
