import type { SerialQueue } from '#shared/async/serial-queue'
import type { CartDto } from '#shared/contract/cart'
import { MAX_TENDERS, type CheckoutResultDto, type TenderInput } from '#shared/contract/checkout'
import type { TenderMethod } from '#shared/contract/invoices'
import type { ChannelInput } from '#shared/ipc/contract'
import { currencyExponent, decimalAmount, parseMoney } from '#shared/money/money'
import { NO_CASH_ROUNDING, type CashRounding } from '#shared/money/pricing'
import { firstRefusal, settle, type SettleTender, type Settlement } from '#shared/money/tenders'
import { replyLost, type ClientErrorCode, type PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, money, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { NoticeTone } from '../../ui/notice-bar'
import type { CheckoutTexts } from './checkout.en'

const msg = messagesOf<CheckoutTexts>()

/** A payment as sent, without its idempotency key. */
type PayInput = Omit<ChannelInput<'checkout:pay'>, 'idempotencyKey'>

export type CheckoutOutcome =
  | { readonly kind: 'paid'; readonly result: CheckoutResultDto }
  | {
      readonly kind: 'failed'
      readonly code: ClientErrorCode
      readonly message: Message
      /** Only a transport failure may be retried, and then with the very same idempotency key. */
      readonly retryable: boolean
    }

/** A tender the cashier has added to the payment; a token with the balance it had when it was looked up. */
export type AddedTender =
  | { readonly method: 'token'; readonly token: string; readonly balanceCents: number }
  | { readonly method: 'cash'; readonly tenderedCents: number }
  | { readonly method: 'card'; readonly amountCents: number; readonly reference: string }
  | { readonly method: 'wallet'; readonly wallet: string; readonly amountCents: number; readonly reference: string }

/** What the pay dialog needs of the store's settings. */
export interface PayRules {
  readonly cashRounding: CashRounding
  readonly wallets: readonly string[]
}

export interface CheckoutState {
  /** The tender being typed. */
  payMethod: TenderMethod
  tokenText: string
  tenderedText: string
  /** A card's or a wallet's amount and reference, and the wallet chosen. */
  amountText: string
  referenceText: string
  walletName: string
  /** Tenders already added (Alt+A); the one being typed comes on top. */
  tenders: readonly AddedTender[]
  /** Several tenders: Enter adds the one typed and takes the payment only once nothing is left to pay. */
  splitting: boolean
  /** A token being looked up before it is added. */
  checkingToken: boolean
  /** Cash rounding and wallets, from the settings when the dialog opened; no rounding until they come. */
  payRules: PayRules | null
  paying: boolean
  payFormError: Message | null
  /** The attempt in flight, or the one a transport failure left to retry. */
  attempt: { readonly key: string; readonly input: PayInput } | null
  outcome: CheckoutOutcome | null
  /** The paid sale's receipt did not print (the printer's reason): said on the paid screen too. */
  printProblem: Message | null
  /** F9 */
  payOpened(): void
  /** A token card scanned into the register's field while the cart has lines: pay with it, the code filled in. */
  tokenScanned(code: string): void
  /** Esc in the pay dialog */
  payCancelled(): void
  /** F2, F3, Alt+C, Alt+M */
  payMethodChosen(method: TenderMethod): void
  tokenTyped(text: string): void
  tenderedTyped(text: string): void
  amountTyped(text: string): void
  referenceTyped(text: string): void
  walletChosen(name: string): void
  exactTenderChosen(): void
  /** Alt+A: the tender typed joins the payment (a token after its balance is looked up); with nothing typed, several tenders begin. */
  tenderAdded(): Promise<void>
  /** Alt+R: the tender added last comes off. */
  lastTenderRemoved(): void
  /** Enter in the pay dialog */
  paymentSubmitted(): Promise<void>
  paymentRetried(): Promise<void>
  newSaleStarted(): Promise<void>
  backToCartChosen(): Promise<void>
}

export interface CheckoutDeps {
  readonly api: PosClient
  /** The payment waits behind any cart change still in flight, so the server sees the cart the cashier saw. */
  readonly cartQueue: SerialQueue
  /** A fresh idempotency key per payment attempt. */
  readonly newKey: () => string
  readonly cart: () => CartDto
  readonly cartRequested: () => Promise<void>
  readonly cartEmptied: () => void
  /** The store's currency, for the cash typed. */
  readonly currency: () => string
  /** A dialog or a payment result holds the screen. */
  readonly tillBusy: () => boolean
  readonly dialogOpened: () => void
  readonly dialogClosed: () => void
  readonly noticeShown: (tone: NoticeTone, message: Message) => void
  readonly noticeDismissed: () => void
  readonly focusReturned: () => void
  /** The store prints a receipt after every sale (`app:info`). */
  readonly printAfterSale: () => boolean
}

const initialDraft = {
  payMethod: 'token',
  tokenText: '',
  tenderedText: '',
  amountText: '',
  referenceText: '',
} satisfies Partial<CheckoutState>

const initialCheckout = {
  ...initialDraft,
  walletName: '',
  tenders: [],
  splitting: false,
  checkingToken: false,
  paying: false,
  payFormError: null,
  attempt: null,
  outcome: null,
  printProblem: null,
} satisfies Partial<CheckoutState>

/** Cents typed as plain major units ("1500.00") for an amount field's starting value. */
function plainAmount(cents: number, currency: string): string {
  return decimalAmount(cents, currencyExponent(currency))
}

/** A tender as settling takes it. */
export function settleTenderOf(tender: AddedTender): SettleTender {
  switch (tender.method) {
    case 'token':
      return { method: 'token', balanceCents: tender.balanceCents }
    case 'cash':
      return tender
    default:
      return { method: tender.method, amountCents: tender.amountCents }
  }
}

/** The tender being typed, read: nothing yet, not readable (with why), a token still to look up, or a tender. */
export type Draft =
  | { readonly kind: 'empty' }
  | { readonly kind: 'bad'; readonly error: Message }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'tender'; readonly tender: Exclude<AddedTender, { method: 'token' }> }

type DraftFields = Pick<CheckoutState, 'payMethod' | 'tokenText' | 'tenderedText' | 'amountText' | 'referenceText' | 'walletName'>

export function readDraft(state: DraftFields, currency: string): Draft {
  switch (state.payMethod) {
    case 'token': {
      const token = state.tokenText.trim()
      return token === '' ? { kind: 'empty' } : { kind: 'token', token }
    }
    case 'cash': {
      if (state.tenderedText.trim() === '') return { kind: 'empty' }
      const tenderedCents = parseMoney(state.tenderedText, currency)
      return tenderedCents === null
        ? { kind: 'bad', error: msg('pay.badAmount') }
        : { kind: 'tender', tender: { method: 'cash', tenderedCents } }
    }
    case 'card':
    case 'wallet': {
      const reference = state.referenceText.trim()
      if (state.amountText.trim() === '' && reference === '') return { kind: 'empty' }
      const amountCents = parseMoney(state.amountText, currency)
      if (amountCents === null || amountCents === 0) return { kind: 'bad', error: msg('pay.badAmount') }
      if (reference === '') return { kind: 'bad', error: msg('pay.referenceRequired') }
      if (reference.length > 40) return { kind: 'bad', error: msg('pay.referenceTooLong') }
      if (state.payMethod === 'card') return { kind: 'tender', tender: { method: 'card', amountCents, reference } }
      if (state.walletName === '') return { kind: 'bad', error: msg('pay.walletRequired') }
      return { kind: 'tender', tender: { method: 'wallet', wallet: state.walletName, amountCents, reference } }
    }
  }
}

/** The tenders added plus a readable one being typed, cash replacing cash (cash is one tender). */
function withDraft(tenders: readonly AddedTender[], draft: Draft): readonly AddedTender[] {
  if (draft.kind !== 'tender') return tenders
  return draft.tender.method === 'cash'
    ? [...tenders.filter((tender) => tender.method !== 'cash'), draft.tender]
    : [...tenders, draft.tender]
}

export interface PayView {
  /** The tenders the figures are of: those added, then the one typed when it can be read. */
  readonly tenders: readonly AddedTender[]
  readonly settlement: Settlement
}

/**
 * What the pay dialog shows — each tender's part, what is still due, the rounding, the change — from
 * the one settle function core's checkout uses too. Nothing here is worked out another way.
 */
export function payViewOf(state: DraftFields & Pick<CheckoutState, 'tenders' | 'payRules'>, totalCents: number, currency: string): PayView {
  const tenders = withDraft(state.tenders, readDraft(state, currency))
  const settlement = settle(totalCents, tenders.map(settleTenderOf), state.payRules?.cashRounding ?? NO_CASH_ROUNDING)
  return { tenders, settlement }
}

/** The request's tenders: a token pays the part the dialog showed, so a balance spent meanwhile is refused, never silently less. */
function tendersInput(tenders: readonly AddedTender[], settlement: Settlement): TenderInput[] {
  return tenders.map((tender, index): TenderInput => {
    if (tender.method !== 'token') return tender
    return { method: 'token', token: tender.token, amountCents: settlement.tenders[index]!.amountCents }
  })
}

/** Why the tenders cannot be taken as they stand, in the cashier's words; null when they settle the sale. */
function problemOf(settlement: Settlement, tenders: readonly AddedTender[]): Message | null {
  const refused = firstRefusal(settlement)
  if (refused) {
    switch (refused.refusal) {
      case 'overDue':
        return msg('pay.overDue', { amount: money(refused.tender.dueBeforeCents) })
      case 'overBalance':
      case 'noBalance':
        return msg('pay.tokenEmpty')
      default:
        return msg('pay.nothingDue')
    }
  }
  if (settlement.settled) return null
  const cash = tenders.some((tender) => tender.method === 'cash')
  return cash ? msg('pay.notEnough') : msg('pay.stillDue', { amount: money(settlement.dueCents) })
}

export const checkoutSlice = defineSlice('checkout', ({ set, get, registerReset }, deps: CheckoutDeps): CheckoutState => {
  const { api, cartQueue, newKey } = deps

  /**
   * The receipt of the sale just paid, on the store's printer. Never awaited: the paid screen and the
   * next sale do not wait for paper; a printer that fails says so in a notice, and F4 prints again.
   */
  async function receiptPrinted(invoiceId: number): Promise<void> {
    const reply = await api.call('printing:print', { invoiceId, afterSale: true })
    if (reply.ok) return
    const problem = msg('result.printFailed', { reason: errorMessage(reply.error) })
    const { outcome } = get()
    if (outcome?.kind === 'paid' && outcome.result.invoice.id === invoiceId) set({ printProblem: problem })
    deps.noticeShown('warning', problem)
  }

  async function send(key: string, input: PayInput): Promise<void> {
    set({ paying: true, payFormError: null, attempt: { key, input } })
    const reply = await cartQueue.run(() => api.call('checkout:pay', { idempotencyKey: key, ...input }))
    if (reply.ok) {
      set({ ...initialCheckout, outcome: { kind: 'paid', result: reply.data } })
      deps.cartEmptied()
      deps.dialogClosed()
      deps.noticeDismissed()
      if (deps.printAfterSale()) void receiptPrinted(reply.data.invoice.id)
      return
    }
    const { code } = reply.error
    const retryable = replyLost(reply.error)
    set({
      paying: false,
      tokenText: '',
      attempt: retryable ? { key, input } : null,
      outcome: {
        kind: 'failed',
        code,
        retryable,
        message: retryable ? msg('result.unconfirmed') : errorMessage(reply.error),
      },
    })
    deps.dialogClosed()
    if (code === 'CART_CHANGED') await deps.cartRequested()
  }

  async function backToRegister(): Promise<void> {
    set(initialCheckout)
    deps.dialogClosed()
    deps.focusReturned()
    await deps.cartRequested()
  }

  /** The settings may have changed since the last sale; until they come, the dialog shows no rounding. */
  async function rulesLoaded(): Promise<void> {
    const reply = await api.call('settings:get', {})
    if (!reply.ok) return
    const rules: PayRules = {
      cashRounding: { incrementCents: reply.data.cashRoundingIncrementCents, mode: reply.data.cashRoundingMode },
      wallets: reply.data.wallets,
    }
    const { walletName } = get()
    set({ payRules: rules, walletName: rules.wallets.includes(walletName) ? walletName : (rules.wallets[0] ?? '') })
  }

  function opened(fields: Partial<CheckoutState> = {}): void {
    set({ ...initialCheckout, walletName: get().payRules?.wallets[0] ?? '', ...fields })
    deps.dialogOpened()
    deps.noticeDismissed()
    void rulesLoaded()
  }

  const view = (state: CheckoutState = get()) => payViewOf(state, deps.cart().totalCents, deps.currency())

  /** What a card or wallet would pay to settle the rest: the amount field starts there. */
  function restFor(): string {
    const { settlement } = payViewOf({ ...get(), ...initialDraft }, deps.cart().totalCents, deps.currency())
    return settlement.dueCents > 0 ? plainAmount(settlement.dueCents, deps.currency()) : ''
  }

  /**
   * Adds the tender typed; true when it joined the payment (or nothing was typed). A token is looked
   * up first: unknown, switched off or expired, it is refused here, and its balance sets its part.
   */
  async function addDraft(): Promise<boolean> {
    const state = get()
    const draft = readDraft(state, deps.currency())
    if (draft.kind === 'empty') return true
    if (draft.kind === 'bad') {
      set({ payFormError: draft.error })
      return false
    }
    const others =
      draft.kind === 'tender' && draft.tender.method === 'cash' ? state.tenders.filter((t) => t.method !== 'cash') : state.tenders
    if (others.length >= MAX_TENDERS) {
      set({ payFormError: msg('pay.tooManyTenders', { max: MAX_TENDERS }) })
      return false
    }
    let tender: AddedTender
    if (draft.kind === 'token') {
      const key = draft.token.toLowerCase()
      if (state.tenders.some((t) => t.method === 'token' && t.token.toLowerCase() === key)) {
        set({ payFormError: msg('pay.tokenTwice') })
        return false
      }
      set({ checkingToken: true, payFormError: null })
      const reply = await api.call('tokens:balance', { code: draft.token })
      set({ checkingToken: false })
      if (!reply.ok) {
        set({ payFormError: errorMessage(reply.error) })
        return false
      }
      if (!reply.data.active) {
        set({ payFormError: errorMessage({ code: 'INVALID_TOKEN', message: '', params: { token: draft.token } }) })
        return false
      }
      if (reply.data.expired) {
        set({ payFormError: errorMessage({ code: 'TOKEN_EXPIRED', message: '' }) })
        return false
      }
      tender = { method: 'token', token: draft.token, balanceCents: reply.data.balanceCents }
    } else {
      tender = draft.tender
    }
    const tenders = [...others, tender]
    const { settlement } = payViewOf({ ...get(), ...initialDraft, tenders }, deps.cart().totalCents, deps.currency())
    const refused = firstRefusal(settlement)
    if (refused && refused.index === tenders.length - 1) {
      set({ payFormError: problemOf(settlement, tenders) })
      return false
    }
    // The next tender is most often the rest in cash.
    set({ ...initialDraft, tenders, splitting: true, payMethod: 'cash', payFormError: null })
    return true
  }

  registerReset(() => set({ ...initialCheckout, payRules: null }))

  return {
    ...initialCheckout,
    payRules: null,

    payOpened: () => {
      if (deps.tillBusy()) return
      if (deps.cart().lines.length === 0) {
        deps.noticeShown('warning', msg('pay.emptyCart'))
        return
      }
      opened()
    },

    tokenScanned: (code) => {
      if (deps.tillBusy() || deps.cart().lines.length === 0) return
      opened({ payMethod: 'token', tokenText: code })
    },

    payCancelled: () => {
      if (get().paying) return
      set(initialCheckout)
      deps.dialogClosed()
      deps.focusReturned()
    },

    payMethodChosen: (method) => {
      const state = get()
      if (method === 'wallet' && (state.payRules?.wallets.length ?? 0) === 0 && state.payRules !== null) {
        set({ payFormError: msg('pay.noWallets') })
        return
      }
      const fresh = (method === 'card' || method === 'wallet') && state.amountText.trim() === ''
      set({ payMethod: method, payFormError: null, ...(fresh ? { amountText: restFor() } : {}) })
    },
    tokenTyped: (text) => set({ tokenText: text, payFormError: null }),
    tenderedTyped: (text) => set({ tenderedText: text, payFormError: null }),
    amountTyped: (text) => set({ amountText: text, payFormError: null }),
    referenceTyped: (text) => set({ referenceText: text, payFormError: null }),
    walletChosen: (name) => set({ walletName: name, payFormError: null }),
    exactTenderChosen: () => {
      const { settlement } = payViewOf({ ...get(), ...initialDraft }, deps.cart().totalCents, deps.currency())
      set({ tenderedText: plainAmount(settlement.cashDueCents, deps.currency()), payFormError: null })
    },

    tenderAdded: async () => {
      const state = get()
      if (state.paying || state.checkingToken) return
      if (readDraft(state, deps.currency()).kind === 'empty') {
        set({ splitting: true, payFormError: null })
        return
      }
      await addDraft()
    },

    lastTenderRemoved: () => {
      const { tenders, paying } = get()
      if (paying || tenders.length === 0) return
      set({ tenders: tenders.slice(0, -1), payFormError: null })
    },

    paymentSubmitted: async () => {
      const state = get()
      if (state.paying || state.checkingToken) return
      const expectedTotalCents = deps.cart().totalCents
      const currency = deps.currency()
      const draft = readDraft(state, currency)

      // One tender, as before split tenders: a token pays the whole sale or is refused.
      if (state.tenders.length === 0 && !state.splitting) {
        if (draft.kind === 'empty') {
          set({
            payFormError:
              state.payMethod === 'token'
                ? msg('pay.tokenRequired')
                : state.payMethod === 'cash'
                  ? msg('pay.badAmount')
                  : msg('pay.referenceRequired'),
          })
          return
        }
        if (draft.kind === 'bad') {
          set({ payFormError: draft.error })
          return
        }
        if (draft.kind === 'token') {
          await send(newKey(), { expectedTotalCents, payment: { method: 'token', token: draft.token } })
          return
        }
        const { settlement } = view()
        const problem = problemOf(settlement, [draft.tender])
        if (problem) {
          set({ payFormError: problem })
          return
        }
        await send(
          newKey(),
          draft.tender.method === 'cash' ? { expectedTotalCents, payment: draft.tender } : { expectedTotalCents, payments: [draft.tender] },
        )
        return
      }

      // Several tenders: the one typed joins them; the payment goes once nothing is left to pay.
      if (!(await addDraft())) return
      const { tenders, settlement } = view()
      if (tenders.length === 0) {
        set({ payFormError: msg('pay.tokenRequired') })
        return
      }
      const problem = problemOf(settlement, tenders)
      if (problem) {
        set({ payFormError: problem })
        return
      }
      await send(newKey(), { expectedTotalCents, payments: tendersInput(tenders, settlement) })
    },

    paymentRetried: async () => {
      const { attempt, paying } = get()
      if (!attempt || paying) return
      await send(attempt.key, attempt.input)
    },

    newSaleStarted: backToRegister,
    backToCartChosen: backToRegister,
  }
})
