import { describe, expect, it, vi } from 'vitest'
import { formatMoney } from '#shared/money/money'
import { en } from '../../app/catalogs'
import { appInfo, CASHIER, fakeBackend, ok, type Replies, type Reply } from '../../app/fake-backend.helper'
import { createTranslator, type Message } from '../../platform/i18n/translate'
import { payViewOf } from './checkout.slice'

const { render } = createTranslator(en, 'en', { money: (cents) => formatMoney(cents, { currency: 'NPR', locale: 'en-IN' }) })
/** Intl puts a no-break space between the currency and the amount. */
const text = (message: Message | null | undefined) => (message ? render(message).replace(/\u00a0/g, ' ') : null)

/** A cart of NPR 104.60 (the slice reads only its lines and total), as the fake sends it. */
const CART = {
  lines: [
    { productId: 7, sku: 'MILK', name: 'Milk', unitPriceCents: 10_460, quantity: 1, lineTotalCents: 10_460, stock: 10, imageFile: null },
  ],
  itemCount: 1,
  subtotalCents: 10_460,
  discountCents: 0,
  taxCents: 0,
  totalCents: 10_460,
  taxes: [],
}
const SETTINGS = { cashRoundingIncrementCents: 100, cashRoundingMode: 'halfUp', wallets: ['eSewa', 'Khalti'] }
const POOR = '22222222-2222-4222-8222-222222222222'
const PAID = { invoice: { id: 1 }, method: 'split', amountCents: 10_500, tenders: [], roundingCents: 40 }

/** A signed-in cashier with a cart in the pay dialog, the store rounding cash to NPR 1.00. */
async function paying(replies: Replies = {}) {
  const backend = fakeBackend(CASHIER, {
    'cart:get': () => ok(CART),
    'settings:get': () => ok(SETTINGS),
    'tokens:balance': (input) =>
      (input as { code: string }).code === POOR
        ? ok({ balanceCents: 500, expiresOn: '2099-12-31', active: true, expired: false })
        : { ok: false, error: { code: 'INVALID_TOKEN', message: 'Invalid', params: { token: (input as { code: string }).code } } },
    'checkout:pay': () => ok(PAID),
    ...replies,
  })
  const state = () => backend.store.getState()
  await state().session.appStarted()
  await state().cart.cartRequested()
  state().checkout.payOpened()
  await vi.waitFor(() => expect(state().checkout.payRules).not.toBeNull())
  const view = () => payViewOf(state().checkout, CART.totalCents, 'NPR')
  return { ...backend, state, view }
}

describe('a split payment in the pay dialog', () => {
  it('a token for what it holds, then cash: the figures come from the shared settlement and the token pays what was shown', async () => {
    const { state, view, inputsOf } = await paying()
    state().checkout.tokenTyped(` ${POOR} `)
    await state().checkout.tenderAdded()
    expect(inputsOf('tokens:balance')).toEqual([{ code: POOR }])
    expect(state().checkout.tenders).toEqual([{ method: 'token', token: POOR, balanceCents: 500 }])
    // The next tender is cash, and what is left to pay in cash is rounded.
    expect(state().checkout.payMethod).toBe('cash')
    expect(view().settlement).toMatchObject({ dueCents: 9_960, cashDueCents: 10_000 })

    state().checkout.tenderedTyped('200')
    expect(view().settlement).toMatchObject({ dueCents: 0, roundingCents: 40, changeCents: 10_000, settled: true })
    await state().checkout.paymentSubmitted()
    expect(inputsOf('checkout:pay')).toEqual([
      {
        idempotencyKey: 'k',
        expectedTotalCents: 10_460,
        payments: [
          { method: 'token', token: POOR, amountCents: 500 },
          { method: 'cash', tenderedCents: 20_000 },
        ],
      },
    ])
    expect(state().checkout.outcome).toEqual({ kind: 'paid', result: PAID })
  })

  it('Enter with too little keeps the dialog open and says what is still due', async () => {
    const { state, inputsOf } = await paying()
    state().checkout.tokenTyped(POOR)
    await state().checkout.tenderAdded()
    state().checkout.tenderedTyped('50')
    await state().checkout.paymentSubmitted()
    expect(inputsOf('checkout:pay')).toEqual([])
    expect(text(state().checkout.payFormError)).toBe('Not enough cash: the cash tendered is less than the amount due.')
    expect(state().shell.dialog).toBe('pay')
    // The cash was added; typing more replaces it (cash is one tender).
    expect(state().checkout.tenders.map((tender) => tender.method)).toEqual(['token', 'cash'])
    state().checkout.tenderedTyped('100')
    await state().checkout.paymentSubmitted()
    expect(inputsOf('checkout:pay')).toHaveLength(1)
  })

  it('an unknown token is refused when added, and nothing joins the payment', async () => {
    const { state } = await paying()
    state().checkout.tokenTyped('44444444-4444-4444-8444-444444444444')
    await state().checkout.tenderAdded()
    expect(state().checkout.tenders).toEqual([])
    expect(text(state().checkout.payFormError)).toBe("Invalid token '44444444-4444-4444-8444-444444444444'")
  })

  it('a card starts at the amount left, needs its reference, and may not pay more than is due', async () => {
    const { state, inputsOf } = await paying()
    state().checkout.tokenTyped(POOR)
    await state().checkout.tenderAdded()
    state().checkout.payMethodChosen('card')
    expect(state().checkout.amountText).toBe('99.60')
    await state().checkout.paymentSubmitted()
    expect(text(state().checkout.payFormError)).toBe('Enter the reference from the terminal or the app.')
    state().checkout.amountTyped('100')
    state().checkout.referenceTyped('AUTH-1')
    await state().checkout.paymentSubmitted()
    expect(text(state().checkout.payFormError)).toBe('A token, card or wallet can pay at most what is still due: NPR 99.60.')
    state().checkout.amountTyped('99.60')
    await state().checkout.paymentSubmitted()
    expect(inputsOf('checkout:pay').map((input) => (input as { payments: unknown }).payments)).toEqual([
      [
        { method: 'token', token: POOR, amountCents: 500 },
        { method: 'card', amountCents: 9_960, reference: 'AUTH-1' },
      ],
    ])
  })

  it('a wallet alone pays the sale; the store’s first wallet is chosen until another is', async () => {
    const { state, inputsOf } = await paying()
    state().checkout.payMethodChosen('wallet')
    expect(state().checkout.walletName).toBe('eSewa')
    state().checkout.walletChosen('Khalti')
    state().checkout.referenceTyped('K-77')
    await state().checkout.paymentSubmitted()
    expect(inputsOf('checkout:pay')).toEqual([
      {
        idempotencyKey: 'k',
        expectedTotalCents: 10_460,
        payments: [{ method: 'wallet', wallet: 'Khalti', amountCents: 10_460, reference: 'K-77' }],
      },
    ])
  })

  it('one token or one cash tender is sent as before, and cash is checked against the rounded amount', async () => {
    const { state, inputsOf } = await paying()
    state().checkout.payMethodChosen('cash')
    // 104.60 rounds to 105.00 in cash: 104.60 handed over is short.
    state().checkout.tenderedTyped('104.60')
    await state().checkout.paymentSubmitted()
    expect(inputsOf('checkout:pay')).toEqual([])
    state().checkout.exactTenderChosen()
    expect(state().checkout.tenderedText).toBe('105.00')
    await state().checkout.paymentSubmitted()
    expect(inputsOf('checkout:pay')).toEqual([
      { idempotencyKey: 'k', expectedTotalCents: 10_460, payment: { method: 'cash', tenderedCents: 10_500 } },
    ])
  })

  it('Alt+R takes the last tender off; Alt+A with nothing typed starts several tenders, so Enter adds instead of paying', async () => {
    const { state, view, inputsOf } = await paying()
    await state().checkout.tenderAdded()
    expect(state().checkout.splitting).toBe(true)
    state().checkout.tokenTyped(POOR)
    await state().checkout.paymentSubmitted()
    expect(state().checkout.tenders).toHaveLength(1)
    expect(inputsOf('checkout:pay')).toEqual([])
    expect(text(state().checkout.payFormError)).toBe('NPR 99.60 is still to pay: add another tender.')
    state().checkout.lastTenderRemoved()
    expect(state().checkout.tenders).toEqual([])
    expect(view().settlement.dueCents).toBe(10_460)
  })
})

describe('the receipt after a sale', () => {
  /** A cash payment of the whole cart, with the store printing after every sale or not. */
  async function paidInCash(printAfterSale: boolean, print: (input: unknown) => Reply) {
    const backend = await paying({ 'app:info': () => ok(appInfo({ printAfterSale })), 'printing:print': print })
    backend.state().checkout.payMethodChosen('cash')
    backend.state().checkout.tenderedTyped('105')
    await backend.state().checkout.paymentSubmitted()
    return backend
  }

  it('asks for it once the sale is paid when the store prints after every sale, and not otherwise', async () => {
    const printing = await paidInCash(true, () => ok({ printed: true, kind: 'network' }))
    expect(printing.state().checkout.outcome).toEqual({ kind: 'paid', result: PAID })
    await vi.waitFor(() => expect(printing.inputsOf('printing:print')).toEqual([{ invoiceId: 1, afterSale: true }]))
    // The print was asked for after the payment's reply, never before or with it.
    expect(printing.calls.map((call) => call.channel).slice(-2)).toEqual(['checkout:pay', 'printing:print'])
    expect(printing.state().shell.notice).toBeNull()

    const quiet = await paidInCash(false, () => ok({ printed: true, kind: 'network' }))
    expect(quiet.state().checkout.outcome).toEqual({ kind: 'paid', result: PAID })
    expect(quiet.inputsOf('printing:print')).toEqual([])
  })

  it('does not wait for the printer: the sale is paid while the print is still on its way', async () => {
    let answer: (reply: Reply) => void = () => undefined
    const held = new Promise<Reply>((resolve) => (answer = resolve))
    const backend = await paying({
      'app:info': () => ok(appInfo({ printAfterSale: true })),
      'printing:print': () => held as unknown as Reply,
    })
    backend.state().checkout.payMethodChosen('cash')
    backend.state().checkout.tenderedTyped('105')
    await backend.state().checkout.paymentSubmitted()
    expect(backend.state().checkout.outcome).toEqual({ kind: 'paid', result: PAID })
    expect(backend.state().checkout.paying).toBe(false)
    await backend.state().checkout.newSaleStarted()
    expect(backend.state().checkout.outcome).toBeNull()
    answer(ok({ printed: true, kind: 'network' }))
  })

  it('says a printer failure in a warning naming the reason and F4, and the sale stays paid', async () => {
    const backend = await paidInCash(true, () => ({
      ok: false,
      error: { code: 'PRINT_FAILED', message: 'refused', params: { kind: 'network', detail: 'ECONNREFUSED' } },
    }))
    await vi.waitFor(() => expect(backend.state().shell.notice).not.toBeNull())
    expect(backend.state().shell.notice?.tone).toBe('warning')
    expect(text(backend.state().shell.notice?.message)).toBe(
      'The sale is paid, but its receipt did not print: The network printer refused the connection (ECONNREFUSED). Check its address and port. Press F4 to find the sale and print it again.',
    )
    expect(backend.state().checkout.outcome).toEqual({ kind: 'paid', result: PAID })
    // The paid screen says it too, until the next sale begins.
    expect(text(backend.state().checkout.printProblem)).toBe(text(backend.state().shell.notice?.message))
    await backend.state().checkout.newSaleStarted()
    expect(backend.state().checkout.printProblem).toBeNull()
  })
})
