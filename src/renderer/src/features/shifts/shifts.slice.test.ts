import { describe, expect, it } from 'vitest'
import type { ShiftDto, ShiftFiguresDto, ZReportDto } from '#shared/contract/shifts'
import { en } from '../../app/catalogs'
import { CASHIER, fakeBackend, MANAGER, ok, type Replies, type Reply } from '../../app/fake-backend.helper'
import { errorMessage } from '../../platform/errors'
import type { ShiftCurrent } from './shifts.slice'
import { createTranslator, type Message } from '../../platform/i18n/translate'

const { render } = createTranslator(en, 'en', { money: (cents) => `Rs ${(cents / 100).toFixed(2)}` })
const text = (message: Message | null | undefined) => (message ? render(message) : null)
const refusal = (code: string, params?: unknown): Reply => ({ ok: false, error: { code, message: code, params } as never })

const SHIFT: ShiftDto = {
  id: 4,
  number: 12,
  openedAt: '2026-03-15T03:17:00.000Z',
  openedByName: 'Kiran',
  openingFloatCents: 150_000,
  closedAt: null,
  closedByName: null,
  zReportId: null,
  zNumber: null,
}

const FIGURES: ShiftFiguresDto = {
  shift: SHIFT,
  asOf: '2026-03-15T12:00:00.000Z',
  summary: {
    grossCents: 50_000,
    discountCents: 0,
    returnsCents: 5_000,
    netCents: 45_000,
    taxCents: 0,
    invoices: 3,
    returns: 1,
    averageBasketCents: 16_667,
    unitsSold: 5,
    unitsReturned: 1,
    roundingCents: 0,
    takingsCents: 45_000,
    tenders: [{ method: 'cash', wallet: null, inCents: 50_000, outCents: 5_000, netCents: 45_000 }],
  },
  drawer: {
    openingFloatCents: 150_000,
    cashSalesCents: 50_000,
    cashRefundsCents: 5_000,
    payInsCents: 0,
    payOutsCents: 2_000,
    expectedCashCents: 193_000,
    noSales: 0,
  },
  cashMoves: [],
}

const Z: ZReportDto = {
  id: 9,
  number: 5,
  closedAt: '2026-03-15T12:00:00.000Z',
  closedByName: 'Kiran',
  countedCashCents: 190_000,
  expectedCashCents: 193_000,
  varianceCents: -3_000,
  figures: { ...FIGURES, shift: { ...SHIFT, closedAt: '2026-03-15T12:00:00.000Z', closedByName: 'Kiran', zReportId: 9, zNumber: 5 } },
}

/** A till whose backend says shifts are `enabled` with `shift` open (or none), until a test changes `now`. */
async function till(
  user = CASHIER,
  replies: Replies = {},
  now: ShiftCurrent = { enabled: true, shift: null, lastCountedCashCents: 125_050 },
) {
  const backend = fakeBackend(user, { 'shift:current': () => ok(now), ...replies })
  const state = () => backend.store.getState()
  await state().session.appStarted()
  await state().shifts.currentRequested()
  return { ...backend, state, now }
}

describe('opening a shift', () => {
  it('starts the float at what the last close counted, sends it in cents, and the till knows the shift', async () => {
    const { state, inputsOf } = await till(CASHIER, {
      'shift:open': (input) => ok({ ...SHIFT, openingFloatCents: (input as { openingFloatCents: number }).openingFloatCents }),
    })
    state().shifts.openShiftOpened()
    expect(state().shell.dialog).toBe('shift')
    expect(state().shifts.view).toBe('open')
    expect(state().shifts.amountText).toBe('1250.50')
    state().shifts.amountTyped('1,500')
    await state().shifts.openSubmitted()
    expect(inputsOf('shift:open')).toEqual([{ openingFloatCents: 150_000 }])
    expect(state().shell.dialog).toBeNull()
    expect(state().shifts.current?.shift?.number).toBe(12)
    expect(text(state().shell.notice?.message)).toBe('Shift 12 is open with a float of Rs 1500.00.')
  })

  it('refuses an amount it cannot read without a call, and keeps the dialog with the refusal of a second open', async () => {
    const { state, inputsOf, now } = await till(CASHIER, { 'shift:open': () => refusal('CONFLICT', { what: 'shiftOpen', number: 11 }) })
    state().shifts.openShiftOpened()
    state().shifts.amountTyped('12,5x')
    await state().shifts.openSubmitted()
    expect(inputsOf('shift:open')).toEqual([])
    expect(text(state().shifts.error)).toBe('Enter an amount such as 1500 or 1,500.50.')

    now.shift = { ...SHIFT, number: 11 }
    state().shifts.amountTyped('0')
    await state().shifts.openSubmitted()
    expect(inputsOf('shift:open')).toEqual([{ openingFloatCents: 0 }])
    expect(state().shell.dialog).toBe('shift')
    expect(text(state().shifts.error)).toBe('Shift 11 is still open on this till: close it before opening another.')
    // The till asked again what is open, so the header shows the other window's shift.
    await Promise.resolve()
    expect(state().shifts.current?.shift?.number).toBe(11)
  })

  it('with a shift open says so instead of opening another; with shifts off, neither key opens anything', async () => {
    const open = await till(CASHIER, {}, { enabled: true, shift: SHIFT, lastCountedCashCents: null })
    open.state().shifts.openShiftOpened()
    expect(open.state().shell.dialog).toBeNull()
    expect(text(open.state().shell.notice?.message)).toBe('Shift 12 is already open.')

    const off = await till(CASHIER, {}, { enabled: false, shift: null, lastCountedCashCents: null })
    off.state().shifts.openShiftOpened()
    off.state().shifts.closeShiftOpened()
    off.state().shifts.cashMoveOpened()
    expect(off.state().shell.dialog).toBeNull()
    expect(text(off.state().shell.notice?.message)).toBe('Shifts are off in this store.')
  })
})

describe('cash in and out', () => {
  it('needs an open shift: the key says how to open one, without a dialog', async () => {
    const { state } = await till()
    state().shifts.cashMoveOpened()
    expect(state().shell.dialog).toBeNull()
    expect(text(state().shell.notice?.message)).toBe('No shift is open: open one first (Ctrl+O).')
  })

  it('needs an amount above zero and a reason before it sends, then records it trimmed', async () => {
    const { state, inputsOf } = await till(
      CASHIER,
      {
        'shift:cashMove': (input) => {
          const { kind, amountCents, reason } = input as { kind: 'payIn' | 'payOut'; amountCents: number; reason: string }
          return ok({ id: 1, kind, amountCents, reason, userName: 'Kiran', at: '2026-03-15T05:00:00.000Z' })
        },
      },
      { enabled: true, shift: SHIFT, lastCountedCashCents: null },
    )
    state().shifts.cashMoveOpened()
    expect(state().shifts.moveKind).toBe('payOut')
    state().shifts.amountTyped('0')
    await state().shifts.cashMoveSubmitted()
    expect(text(state().shifts.error)).toBe('Enter an amount above zero.')
    state().shifts.amountTyped('20')
    state().shifts.reasonTyped('   ')
    await state().shifts.cashMoveSubmitted()
    expect(text(state().shifts.error)).toBe('Say what the cash is for.')
    expect(inputsOf('shift:cashMove')).toEqual([])

    state().shifts.reasonTyped('  Milk delivery ')
    await state().shifts.cashMoveSubmitted()
    expect(inputsOf('shift:cashMove')).toEqual([{ kind: 'payOut', amountCents: 2_000, reason: 'Milk delivery' }])
    expect(state().shell.dialog).toBeNull()
    expect(text(state().shell.notice?.message)).toBe('Paid out Rs 20.00.')
  })

  it('keeps the dialog with the refusal when the shift was closed meanwhile', async () => {
    const { state } = await till(
      CASHIER,
      { 'shift:cashMove': () => refusal('SHIFT_CLOSED') },
      { enabled: true, shift: SHIFT, lastCountedCashCents: null },
    )
    state().shifts.cashMoveOpened()
    state().shifts.moveKindChosen('payIn')
    state().shifts.amountTyped('5')
    state().shifts.reasonTyped('Change')
    await state().shifts.cashMoveSubmitted()
    expect(state().shell.dialog).toBe('shift')
    expect(text(state().shifts.error)).toBe(
      'No shift is open on this till. Open a shift (count the float) before selling, refunding or moving cash.',
    )
  })
})

describe('no sale', () => {
  it('is for those who may open the drawer, and says what the drawer did', async () => {
    const cashier = await till()
    cashier.state().shifts.noSaleOpened()
    expect(cashier.state().shell.dialog).toBeNull()

    let answer: unknown = { drawerOpened: true }
    const { state, inputsOf } = await till(MANAGER, { 'drawer:noSale': () => ok(answer) })
    state().shifts.noSaleOpened()
    expect(state().shell.dialog).toBe('shift')
    await state().shifts.noSaleConfirmed()
    expect(inputsOf('drawer:noSale')).toEqual([{}])
    expect(state().shifts.noSaleResult?.tone).toBe('ok')
    expect(text(state().shifts.noSaleResult?.message)).toBe('The drawer opened.')

    answer = { drawerOpened: false, printError: { kind: 'network', detail: 'ECONNREFUSED' } }
    state().shifts.shiftDialogClosed()
    state().shifts.noSaleOpened()
    await state().shifts.noSaleConfirmed()
    expect(state().shifts.noSaleResult?.tone).toBe('error')
    expect(text(state().shifts.noSaleResult?.message)).toBe(
      'Recorded, but the drawer did not open: The network printer refused the connection (ECONNREFUSED). Check its address and port.',
    )
  })
})

describe('closing a shift', () => {
  it('is a blind count: nothing expected is asked for or held until the Z report comes back', async () => {
    const { state, inputsOf, calls } = await till(
      CASHIER,
      { 'shift:close': () => ok(Z) },
      { enabled: true, shift: SHIFT, lastCountedCashCents: null },
    )
    state().shifts.closeShiftOpened()
    expect(state().shifts.view).toBe('close')
    expect(state().shifts.amountText).toBe('')
    expect(calls.map((call) => call.channel)).not.toContain('shift:xReport')
    state().shifts.amountTyped('1900')
    await state().shifts.closeSubmitted()
    expect(inputsOf('shift:close')).toEqual([{ countedCashCents: 190_000, idempotencyKey: 'k' }])
    expect(state().shifts.closedZ?.varianceCents).toBe(-3_000)
    // The dialog stays on the Z report; the till knows no shift is open and what was counted.
    expect(state().shell.dialog).toBe('shift')
    expect(state().shifts.current).toEqual({ enabled: true, shift: null, lastCountedCashCents: 190_000 })
    await state().shifts.closeSubmitted()
    expect(inputsOf('shift:close')).toHaveLength(1)
    state().shifts.shiftDialogClosed()
    expect(state().shell.dialog).toBeNull()
  })

  it('tries again with the same key after a lost reply, so the close happens once', async () => {
    let lose = true
    const { state, inputsOf } = await till(
      CASHIER,
      { 'shift:close': () => (lose ? refusal('UNREACHABLE') : ok(Z)) },
      { enabled: true, shift: SHIFT, lastCountedCashCents: null },
    )
    state().shifts.closeShiftOpened()
    state().shifts.amountTyped('1900')
    await state().shifts.closeSubmitted()
    expect(state().shifts.closedZ).toBeNull()
    expect(state().shifts.error).not.toBeNull()
    lose = false
    await state().shifts.closeSubmitted()
    const keys = inputsOf('shift:close').map((input) => (input as { idempotencyKey: string }).idempotencyKey)
    expect(keys).toEqual(['k', 'k'])
    expect(state().shifts.closedZ?.number).toBe(5)
  })
})

describe('the X report', () => {
  it('is a manager’s: a cashier’s key asks nothing, a manager sees the figures', async () => {
    const cashier = await till(CASHIER, {}, { enabled: true, shift: SHIFT, lastCountedCashCents: null })
    await cashier.state().shifts.xReportOpened()
    expect(cashier.inputsOf('shift:xReport')).toEqual([])
    expect(cashier.state().shell.dialog).toBeNull()

    const { state } = await till(
      MANAGER,
      { 'shift:xReport': () => ok(FIGURES) },
      { enabled: true, shift: SHIFT, lastCountedCashCents: null },
    )
    await state().shifts.xReportOpened()
    expect(state().shell.dialog).toBe('shift')
    expect(state().shifts.xReport?.drawer.expectedCashCents).toBe(193_000)
  })
})

describe('a payment refused for want of a shift', () => {
  it('goes back to the cart, keeping it, and straight to opening a shift', async () => {
    const line = { productId: 7, sku: 'MILK', name: 'Milk', unitPriceCents: 6_500, quantity: 1, lineTotalCents: 6_500 }
    const cart = { lines: [{ ...line, discountCents: 0, taxCents: 0, totalCents: 6_500, stock: 10, imageFile: null }] }
    const { state, inputsOf } = await till(CASHIER, {
      'cart:get': () => ok({ ...cart, itemCount: 1, subtotalCents: 6_500, discountCents: 0, taxCents: 0, totalCents: 6_500, taxes: [] }),
      'settings:get': () => refusal('INTERNAL'),
      'checkout:pay': () => refusal('SHIFT_CLOSED'),
    })
    await state().cart.cartRequested()
    state().checkout.payOpened()
    state().checkout.payMethodChosen('cash')
    state().checkout.tenderedTyped('100')
    await state().checkout.paymentSubmitted()
    expect(inputsOf('checkout:pay')).toHaveLength(1)
    expect(state().checkout.outcome).toMatchObject({ kind: 'failed', code: 'SHIFT_CLOSED' })

    await state().shifts.refusalLeft(true)
    expect(state().checkout.outcome).toBeNull()
    expect(state().cart.cart.lines).toHaveLength(1)
    expect(state().shell.dialog).toBe('shift')
    expect(state().shifts.view).toBe('open')
  })
})

describe('the back office’s shifts', () => {
  it('lists a page of shifts and opens a closed one’s Z report; an open one has none', async () => {
    const { state, inputsOf } = await till(MANAGER, {
      'shift:list': () => ok({ items: [{ ...Z.figures.shift, varianceCents: -3_000 }], total: 1 }),
      'shift:get': (input) => ((input as { id: number }).id === 4 ? ok(Z) : refusal('NOT_FOUND', { what: 'zReport', id: 5 })),
    })
    await state().shifts.listRequested(0)
    expect(inputsOf('shift:list')).toEqual([{ limit: 20, offset: 0 }])
    expect(state().shifts.list?.items[0]?.varianceCents).toBe(-3_000)
    await state().shifts.zReportViewed(4)
    expect(state().shifts.viewedZ?.number).toBe(5)
    await state().shifts.zReportViewed(5)
    expect(text(state().shifts.viewedZError)).toBe('That shift has no Z report: it is still open, or it does not exist.')
    state().shifts.zReportViewClosed()
    expect(state().shifts.viewedZError).toBeNull()
  })
})

describe('the shift refusals in words', () => {
  it('names the open shift, shifts off and a report file that could not be saved', () => {
    expect(render(errorMessage({ code: 'CONFLICT', message: '', params: { what: 'shiftsOff' } }))).toBe(
      'Shifts are off in this store. A manager turns them on in the back office under Settings.',
    )
    expect(render(errorMessage({ code: 'CONFLICT', message: '', params: { what: 'reportFile', detail: 'EACCES' } }))).toBe(
      'The report could not be saved there (EACCES).',
    )
  })
})
