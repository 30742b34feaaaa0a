import { describe, expect, it } from 'vitest'
import type { AppInfoDto } from '#shared/contract/app'
import type { CartDto, CartLineDto } from '#shared/contract/cart'
import type { CheckoutResultDto } from '#shared/contract/checkout'
import { DISPLAY_MAX_LINES, displayState } from '#shared/contract/display'
import type { CheckoutState } from '../checkout/public'
import { displayStateOf, type DisplaySource } from './display-state'

const INFO: AppInfoDto = {
  storeName: 'Himal Kirana',
  currency: 'NPR',
  locale: 'en-IN',
  demo: false,
  version: '2.0.0',
  tillCode: 'T1',
  setupRequired: false,
  currencyDecimals: 2,
  timeZone: 'Asia/Kathmandu',
  printAfterSale: false,
}

function line(productId: number, name: string, quantity: number, unitPriceCents: number, discountCents = 0): CartLineDto {
  const gross = unitPriceCents * quantity
  return {
    productId,
    sku: `SKU-${productId}`,
    name,
    unitPriceCents,
    quantity,
    lineTotalCents: gross,
    discountCents,
    taxCents: 0,
    totalCents: gross - discountCents,
    discount: null,
    stock: 3,
    imageFile: null,
  }
}

function cartOf(lines: CartLineDto[]): CartDto {
  const total = lines.reduce((sum, item) => sum + item.totalCents, 0)
  return {
    lines,
    itemCount: lines.reduce((sum, item) => sum + item.quantity, 0),
    subtotalCents: total,
    discountCents: lines.reduce((sum, item) => sum + item.discountCents, 0),
    taxCents: 0,
    totalCents: total,
    taxes: [],
    orderDiscount: null,
    promo: null,
  }
}

/** The checkout's fields the display reads; its actions play no part. */
function checkout(fields: Partial<CheckoutState> = {}): CheckoutState {
  return {
    payMethod: 'token',
    tokenText: '',
    tenderedText: '',
    amountText: '',
    referenceText: '',
    walletName: '',
    tenders: [],
    splitting: false,
    checkingToken: false,
    payRules: null,
    paying: false,
    payFormError: null,
    attempt: null,
    outcome: null,
    printProblem: null,
    ...fields,
  } as CheckoutState
}

const RICE = line(1, 'Basmati Rice 1kg', 2, 18_000)
const SOAP = line(2, 'Soap', 1, 9_000, 1_000)

function source(overrides: Partial<DisplaySource> = {}): DisplaySource {
  return {
    session: { appInfo: INFO, user: { id: 1 } },
    cart: { cart: cartOf([RICE, SOAP]) },
    checkout: checkout(),
    shell: { dialog: null },
    ...overrides,
  }
}

const STORE = { storeName: 'Himal Kirana', currency: 'NPR', currencyDecimals: 2, locale: 'en-IN' }

describe('displayStateOf', () => {
  it('publishes nothing before the store is known, or while it is not set up', () => {
    expect(displayStateOf(source({ session: { appInfo: null, user: { id: 1 } } }))).toBeNull()
    expect(displayStateOf(source({ session: { appInfo: { ...INFO, setupRequired: true }, user: null } }))).toBeNull()
  })

  it('welcomes the next customer once the till is signed out, whatever the last sale left', () => {
    const paying = source({ shell: { dialog: 'pay' }, checkout: checkout({ payMethod: 'cash', tenderedText: '1000' }) })
    expect(displayStateOf({ ...paying, session: { appInfo: INFO, user: null } })).toEqual(
      displayStateOf(source({ cart: { cart: cartOf([]) } })),
    )
  })

  it('is idle with an empty cart', () => {
    expect(displayStateOf(source({ cart: { cart: cartOf([]) } }))).toEqual({
      ...STORE,
      phase: 'idle',
      lines: [],
      lineCount: 0,
      itemCount: 0,
      subtotalCents: 0,
      discountCents: 0,
      taxCents: 0,
      totalCents: 0,
      tenders: [],
    })
  })

  it('shows the lines as scanned, what each costs the customer, and the totals; nothing a customer should not see', () => {
    const state = displayStateOf(source())!
    expect(state).toEqual({
      ...STORE,
      phase: 'sale',
      lines: [
        { name: 'Basmati Rice 1kg', quantity: 2, lineTotalCents: 36_000 },
        { name: 'Soap', quantity: 1, lineTotalCents: 8_000, discountCents: 1_000 },
      ],
      lineCount: 2,
      itemCount: 3,
      subtotalCents: 44_000,
      discountCents: 1_000,
      taxCents: 0,
      totalCents: 44_000,
      tenders: [],
    })
    expect(JSON.stringify(state)).not.toMatch(/stock|sku|SKU-|imageFile/)
    expect(displayState.safeParse(state).success).toBe(true)
  })

  it('carries the newest lines of a long sale, and how many there are in all', () => {
    const lines = Array.from({ length: DISPLAY_MAX_LINES + 5 }, (_, index) => line(index + 1, `Item ${index + 1}`, 1, 100))
    const state = displayStateOf(source({ cart: { cart: cartOf(lines) } }))!
    expect(state.lines).toHaveLength(DISPLAY_MAX_LINES)
    expect(state.lines.at(-1)?.name).toBe(`Item ${DISPLAY_MAX_LINES + 5}`)
    expect(state.lines[0]?.name).toBe('Item 6')
    expect(state.lineCount).toBe(DISPLAY_MAX_LINES + 5)
    expect(displayState.safeParse(state).success).toBe(true)
  })

  it('while paying, shows the cash typed, what is still due and the change, as the pay dialog does', () => {
    const paying = (tenderedText: string) =>
      displayStateOf(source({ shell: { dialog: 'pay' }, checkout: checkout({ payMethod: 'cash', tenderedText }) }))!
    expect(paying('')).toMatchObject({ phase: 'paying', tenders: [], dueCents: 44_000 })
    expect(paying('')).not.toHaveProperty('changeCents')
    expect(paying('400')).toMatchObject({ tenders: [{ method: 'cash', amountCents: 40_000 }], dueCents: 4_000 })
    expect(paying('1,000')).toMatchObject({ tenders: [{ method: 'cash', amountCents: 100_000 }], dueCents: 0, changeCents: 56_000 })
    // Not readable yet: as the dialog, nothing counted.
    expect(paying('abc')).toMatchObject({ tenders: [], dueCents: 44_000 })
    expect(displayState.safeParse(paying('1,000')).success).toBe(true)
  })

  it('shows a token by the part it pays, never its code', () => {
    const state = displayStateOf(
      source({
        shell: { dialog: 'pay' },
        checkout: checkout({
          payMethod: 'cash',
          tenderedText: '500',
          tenders: [{ method: 'token', token: '11111111-1111-4111-8111-111111111111', balanceCents: 10_000 }],
        }),
      }),
    )!
    expect(state.tenders).toEqual([
      { method: 'token', amountCents: 10_000 },
      { method: 'cash', amountCents: 50_000 },
    ])
    expect(state).toMatchObject({ dueCents: 0, changeCents: 16_000 })
    expect(JSON.stringify(state)).not.toContain('1111')
  })

  it('thanks the customer once paid, with the total and the change', () => {
    const result = {
      invoice: { subtotalCents: 38_938, discountCents: 1_000, taxCents: 5_062, totalCents: 44_000, changeCents: 56_000 },
      method: 'cash',
      amountCents: 44_000,
      changeCents: 56_000,
      tenders: [{ method: 'cash', amountCents: 44_000, tenderedCents: 100_000, changeCents: 56_000 }],
      roundingCents: 0,
    } as unknown as CheckoutResultDto
    const state = displayStateOf(source({ cart: { cart: cartOf([]) }, checkout: checkout({ outcome: { kind: 'paid', result } }) }))!
    expect(state).toEqual({
      ...STORE,
      phase: 'thanks',
      lines: [],
      lineCount: 0,
      itemCount: 0,
      subtotalCents: 38_938,
      discountCents: 1_000,
      taxCents: 5_062,
      totalCents: 44_000,
      tenders: [{ method: 'cash', amountCents: 100_000 }],
      changeCents: 56_000,
    })
    expect(displayState.safeParse(state).success).toBe(true)
  })

  it('keeps to what the display can hold: a long store or product name is shortened', () => {
    const state = displayStateOf(
      source({
        session: { appInfo: { ...INFO, storeName: 'S'.repeat(300) }, user: { id: 1 } },
        cart: { cart: cartOf([line(1, 'N'.repeat(500), 1, 100)]) },
      }),
    )!
    expect(state.storeName).toHaveLength(80)
    expect(state.lines[0]?.name).toHaveLength(200)
    expect(displayState.safeParse(state).success).toBe(true)
  })
})
