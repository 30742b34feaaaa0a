import type { SerialQueue } from '#shared/async/serial-queue'
import type { CartDto } from '#shared/contract/cart'
import type { CheckoutResultDto } from '#shared/contract/checkout'
import type { PaymentMethod } from '#shared/contract/invoices'
import type { ChannelInput } from '#shared/ipc/contract'
import { currencyExponent, parseMoney } from '#shared/money/money'
import { replyLost, type ClientErrorCode, type PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
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

export interface CheckoutState {
  payMethod: PaymentMethod
  tokenText: string
  tenderedText: string
  paying: boolean
  payFormError: Message | null
  /** The attempt in flight, or the one a transport failure left to retry. */
  attempt: { readonly key: string; readonly input: PayInput } | null
  outcome: CheckoutOutcome | null
  /** F9 */
  payOpened(): void
  /** A token card scanned into the register's field while the cart has lines: pay with it, the code filled in. */
  tokenScanned(code: string): void
  /** Esc in the pay dialog */
  payCancelled(): void
  payMethodChosen(method: PaymentMethod): void
  tokenTyped(text: string): void
  tenderedTyped(text: string): void
  exactTenderChosen(): void
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
}

const initialCheckout = {
  payMethod: 'token',
  tokenText: '',
  tenderedText: '',
  paying: false,
  payFormError: null,
  attempt: null,
  outcome: null,
} satisfies Partial<CheckoutState>

/** Cents typed as plain major units ("1500.00") for the cash field's "exact amount" button. */
function plainAmount(cents: number, currency: string): string {
  const exponent = currencyExponent(currency)
  if (exponent === 0) return String(cents)
  const divisor = 10 ** exponent
  return `${Math.trunc(cents / divisor)}.${String(cents % divisor).padStart(exponent, '0')}`
}

export const checkoutSlice = defineSlice('checkout', ({ set, get, registerReset }, deps: CheckoutDeps): CheckoutState => {
  const { api, cartQueue, newKey } = deps

  async function send(key: string, input: PayInput): Promise<void> {
    set({ paying: true, payFormError: null, attempt: { key, input } })
    const reply = await cartQueue.run(() => api.call('checkout:pay', { idempotencyKey: key, ...input }))
    if (reply.ok) {
      set({ ...initialCheckout, outcome: { kind: 'paid', result: reply.data } })
      deps.cartEmptied()
      deps.dialogClosed()
      deps.noticeDismissed()
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

  registerReset(() => set(initialCheckout))

  return {
    ...initialCheckout,

    payOpened: () => {
      if (deps.tillBusy()) return
      if (deps.cart().lines.length === 0) {
        deps.noticeShown('warning', msg('pay.emptyCart'))
        return
      }
      set(initialCheckout)
      deps.dialogOpened()
      deps.noticeDismissed()
    },

    tokenScanned: (code) => {
      if (deps.tillBusy() || deps.cart().lines.length === 0) return
      set({ ...initialCheckout, payMethod: 'token', tokenText: code })
      deps.dialogOpened()
      deps.noticeDismissed()
    },

    payCancelled: () => {
      if (get().paying) return
      set(initialCheckout)
      deps.dialogClosed()
      deps.focusReturned()
    },

    payMethodChosen: (method) => set({ payMethod: method, payFormError: null }),
    tokenTyped: (text) => set({ tokenText: text, payFormError: null }),
    tenderedTyped: (text) => set({ tenderedText: text, payFormError: null }),
    exactTenderChosen: () => {
      set({ tenderedText: plainAmount(deps.cart().totalCents, deps.currency()), payFormError: null })
    },

    paymentSubmitted: async () => {
      const { paying, payMethod, tokenText, tenderedText } = get()
      if (paying) return
      const expectedTotalCents = deps.cart().totalCents
      if (payMethod === 'token') {
        const token = tokenText.trim()
        if (token === '') {
          set({ payFormError: msg('pay.tokenRequired') })
          return
        }
        await send(newKey(), { expectedTotalCents, payment: { method: 'token', token } })
        return
      }
      const tenderedCents = parseMoney(tenderedText, deps.currency())
      if (tenderedCents === null) {
        set({ payFormError: msg('pay.badAmount') })
        return
      }
      if (tenderedCents < expectedTotalCents) {
        set({ payFormError: msg('pay.notEnough') })
        return
      }
      await send(newKey(), { expectedTotalCents, payment: { method: 'cash', tenderedCents } })
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
