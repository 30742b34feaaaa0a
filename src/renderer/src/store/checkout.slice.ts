import type { ChannelInput, CheckoutResultDto, PaymentMethod } from '../../../shared/contract'
import { parseMoney } from '../../../shared/money'
import type { ClientErrorCode } from '../api/client'
import { msg, type Message } from '../i18n/translate'
import { emptyCart } from './cart.slice'
import type { SliceCreator } from './store.types'

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

export interface CheckoutSlice {
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

export const initialCheckout = {
  payMethod: 'token',
  tokenText: '',
  tenderedText: '',
  paying: false,
  payFormError: null,
  attempt: null,
  outcome: null,
} satisfies Partial<CheckoutSlice>

/** Cents typed as plain major units ("1500.00") for the cash field's "exact amount" button. */
function plainAmount(cents: number, currency: string): string {
  const exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  if (exponent === 0) return String(cents)
  const divisor = 10 ** exponent
  return `${Math.trunc(cents / divisor)}.${String(cents % divisor).padStart(exponent, '0')}`
}

export const createCheckoutSlice: SliceCreator<CheckoutSlice> = ({ api, cartQueue, newKey }) => (set, get) => {
  async function send(key: string, input: PayInput): Promise<void> {
    set({ paying: true, payFormError: null, attempt: { key, input } })
    // Behind any cart change still in flight, so the server sees the cart the cashier saw.
    const reply = await cartQueue.run(() => api.call('checkout:pay', { idempotencyKey: key, ...input }))
    if (reply.ok) {
      set({ ...initialCheckout, outcome: { kind: 'paid', result: reply.data }, cart: emptyCart, dialog: null, notice: null })
      return
    }
    const { code, message } = reply.error
    if (code === 'NOT_AUTHENTICATED') {
      get().sessionEnded({ text: message })
      return
    }
    const retryable = code === 'UNREACHABLE'
    set({
      paying: false,
      tokenText: '',
      dialog: null,
      attempt: retryable ? { key, input } : null,
      outcome: {
        kind: 'failed',
        code,
        retryable,
        message: retryable ? msg('result.unconfirmed') : { text: message },
      },
    })
    if (code === 'CART_CHANGED') await get().cartRequested()
  }

  async function backToRegister(): Promise<void> {
    set({ ...initialCheckout, dialog: null })
    get().focusReturned()
    await get().cartRequested()
  }

  return {
    ...initialCheckout,

    payOpened: () => {
      const { dialog, outcome, cart } = get()
      if (dialog !== null || outcome !== null) return
      if (cart.lines.length === 0) {
        get().noticeShown('warning', msg('cart.emptyNoPay'))
        return
      }
      set({ ...initialCheckout, dialog: 'pay', notice: null })
    },

    payCancelled: () => {
      if (get().paying) return
      set({ ...initialCheckout, dialog: null })
      get().focusReturned()
    },

    payMethodChosen: (method) => set({ payMethod: method, payFormError: null }),
    tokenTyped: (text) => set({ tokenText: text, payFormError: null }),
    tenderedTyped: (text) => set({ tenderedText: text, payFormError: null }),
    exactTenderChosen: () => {
      const currency = get().appInfo?.currency ?? 'NPR'
      set({ tenderedText: plainAmount(get().cart.totalCents, currency), payFormError: null })
    },

    paymentSubmitted: async () => {
      const { paying, payMethod, tokenText, tenderedText, cart, appInfo } = get()
      if (paying) return
      const expectedTotalCents = cart.totalCents
      if (payMethod === 'token') {
        const token = tokenText.trim()
        if (token === '') {
          set({ payFormError: msg('pay.tokenRequired') })
          return
        }
        await send(newKey(), { expectedTotalCents, payment: { method: 'token', token } })
        return
      }
      const tenderedCents = parseMoney(tenderedText, appInfo?.currency ?? 'NPR')
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
}
