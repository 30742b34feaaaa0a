import type { SerialQueue } from '#shared/async/serial-queue'
import type { CartDto, CartLineDto } from '#shared/contract/cart'
import type { ClientResult, PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, money, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { NoticeTone } from '../../ui/notice-bar'
import { needsApproval, withManagerApproval } from '../approval/public'
import { discountValue, type PercentFormat } from '../cart/public'
import type { DiscountRequest } from './discount-form'
import type { DiscountsTexts } from './discounts.en'

const msg = messagesOf<DiscountsTexts>()

/** The permission a discount over the store's limit needs; a cashier brings a manager's approval for it. */
export const OVER_LIMIT = 'sale.discountOverLimit' as const

/** What the discount dialog is about: one line (named as the cart showed it) or the whole sale. */
export type DiscountTarget = { readonly kind: 'line'; readonly productId: number; readonly name: string } | { readonly kind: 'order' }

export interface DiscountsState {
  /** The discount dialog's subject; null while it is closed. */
  target: DiscountTarget | null
  /** The discount a manager is asked to approve (the dialog shows the approval step); null otherwise. */
  awaitingApproval: DiscountRequest | null
  pending: boolean
  error: Message | null
  promoOpen: boolean
  promoPending: boolean
  promoError: Message | null
  /** The line-discount key: the cart's selected line, or its last one. */
  lineDiscountOpened(): void
  /** The sale-discount key. */
  orderDiscountOpened(): void
  discountSubmitted(request: DiscountRequest): Promise<void>
  /** The form refused what was typed before anything was asked. */
  discountInvalid(error: Message): void
  discountRemoved(): Promise<void>
  /** The manager typed their username and password or PIN. */
  approvalSubmitted(username: string, secret: string): Promise<void>
  /** Back from the approval step to the discount form. */
  approvalDismissed(): void
  discountClosed(): void
  /** The promo-code key. */
  promoOpened(): void
  promoSubmitted(code: string): Promise<void>
  promoRemoved(): Promise<void>
  promoClosed(): void
}

export interface DiscountsDeps {
  readonly api: PosClient
  /** Discounts wait behind any cart change still in flight, and a payment waits behind them. */
  readonly cartQueue: SerialQueue
  readonly cart: () => CartDto
  /** The line the cashier last touched or moved to, if any. */
  readonly selectedLineId: () => number | null
  readonly cartRepriced: (cart: CartDto, touched: number | null) => void
  readonly tillBusy: () => boolean
  readonly dialogOpened: (dialog: 'discount' | 'promo') => void
  readonly dialogClosed: () => void
  readonly noticeShown: (tone: NoticeTone, message: Message) => void
  readonly focusReturned: () => void
  /** Basis points as the store's locale writes a percent, for the notices. */
  readonly percent: PercentFormat
}

const initialDiscount = { target: null, awaitingApproval: null, pending: false, error: null } satisfies Partial<DiscountsState>
const initialPromo = { promoOpen: false, promoPending: false, promoError: null } satisfies Partial<DiscountsState>

export const discountsSlice = defineSlice('discounts', ({ set, get, registerReset }, deps: DiscountsDeps): DiscountsState => {
  const { api, cartQueue } = deps

  registerReset(() => set({ ...initialDiscount, ...initialPromo }))

  function selectedLine(): CartLineDto | undefined {
    const { lines } = deps.cart()
    const id = deps.selectedLineId()
    return lines.find((line) => line.productId === id) ?? lines.at(-1)
  }

  function cartIsEmpty(message: Message): boolean {
    if (deps.cart().lines.length > 0) return false
    deps.noticeShown('info', message)
    deps.focusReturned()
    return true
  }

  /** The call that gives (or takes off, with null) the target's discount, with an approval when one was given. */
  function discountCall(target: DiscountTarget, request: DiscountRequest | null, approvalId?: string): Promise<ClientResult<CartDto>> {
    const fields = {
      discount: request?.discount ?? null,
      ...(request?.reason ? { reason: request.reason } : {}),
      ...(approvalId ? { approvalId } : {}),
    }
    return cartQueue.run(() =>
      target.kind === 'line'
        ? api.call('cart:setLineDiscount', { productId: target.productId, ...fields })
        : api.call('cart:setOrderDiscount', fields),
    )
  }

  function closeDiscount(): void {
    set(initialDiscount)
    deps.dialogClosed()
    deps.focusReturned()
  }

  function given(target: DiscountTarget, cart: CartDto, notice: Message): void {
    deps.cartRepriced(cart, target.kind === 'line' ? target.productId : null)
    closeDiscount()
    deps.noticeShown('info', notice)
  }

  function givenNotice(target: DiscountTarget, request: DiscountRequest, approver: string | null): Message {
    const discount = discountValue(request.discount, deps.percent)
    if (target.kind === 'line') {
      return approver
        ? msg('discount.lineApproved', { discount, name: target.name, approver })
        : msg('discount.lineGiven', { discount, name: target.name })
    }
    return approver ? msg('discount.orderApproved', { discount, approver }) : msg('discount.orderGiven', { discount })
  }

  function open(target: DiscountTarget): void {
    set({ ...initialDiscount, target })
    deps.dialogOpened('discount')
  }

  function closePromo(): void {
    set(initialPromo)
    deps.dialogClosed()
    deps.focusReturned()
  }

  return {
    ...initialDiscount,
    ...initialPromo,

    lineDiscountOpened: () => {
      if (deps.tillBusy() || cartIsEmpty(msg('discount.nothingToDiscount'))) return
      const line = selectedLine()
      if (line) open({ kind: 'line', productId: line.productId, name: line.name })
    },

    orderDiscountOpened: () => {
      if (deps.tillBusy() || cartIsEmpty(msg('discount.nothingToDiscount'))) return
      open({ kind: 'order' })
    },

    discountSubmitted: async (request) => {
      const { target, pending } = get()
      if (!target || pending) return
      set({ pending: true, error: null })
      const reply = await discountCall(target, request)
      if (reply.ok) return given(target, reply.data, givenNotice(target, request, null))
      if (needsApproval(reply.error, OVER_LIMIT)) set({ pending: false, awaitingApproval: request })
      else set({ pending: false, error: errorMessage(reply.error) })
    },

    discountInvalid: (error) => set({ error }),

    discountRemoved: async () => {
      const { target, pending } = get()
      if (!target || pending) return
      set({ pending: true, error: null })
      const reply = await discountCall(target, null)
      if (!reply.ok) return set({ pending: false, error: errorMessage(reply.error) })
      given(target, reply.data, target.kind === 'line' ? msg('discount.lineRemoved', { name: target.name }) : msg('discount.orderRemoved'))
    },

    approvalSubmitted: async (username, secret) => {
      const { target, awaitingApproval: request, pending } = get()
      if (!target || !request || pending) return
      set({ pending: true, error: null })
      const result = await withManagerApproval(api, { username, secret, permission: OVER_LIMIT }, (approvalId) =>
        discountCall(target, request, approvalId),
      )
      if (result.ok) return given(target, result.data, givenNotice(target, request, result.approvedBy))
      // The approval did not work, or could not be used: ask again. Any other refusal is about the discount itself.
      if (result.stage !== 'call' || result.error?.code === 'APPROVAL_REQUIRED') set({ pending: false, error: result.message })
      else set({ pending: false, awaitingApproval: null, error: result.message })
    },

    approvalDismissed: () => {
      if (get().pending) return
      set({ awaitingApproval: null, error: null })
    },

    discountClosed: () => {
      if (get().pending) return
      closeDiscount()
    },

    promoOpened: () => {
      if (deps.tillBusy() || cartIsEmpty(msg('promo.emptyCart'))) return
      set({ ...initialPromo, promoOpen: true })
      deps.dialogOpened('promo')
    },

    promoSubmitted: async (typed) => {
      const code = typed.trim()
      if (!get().promoOpen || get().promoPending) return
      if (code === '') return set({ promoError: msg('promo.enterCode') })
      set({ promoPending: true, promoError: null })
      const reply = await cartQueue.run(() => api.call('cart:applyPromo', { code }))
      if (!reply.ok) return set({ promoPending: false, promoError: errorMessage(reply.error) })
      deps.cartRepriced(reply.data, null)
      closePromo()
      const promo = reply.data.promo
      if (promo) deps.noticeShown('info', msg('promo.applied', { code: promo.code, amount: money(promo.discountCents) }))
    },

    promoRemoved: async () => {
      const code = deps.cart().promo?.code
      if (!get().promoOpen || get().promoPending || !code) return
      set({ promoPending: true, promoError: null })
      const reply = await cartQueue.run(() => api.call('cart:removePromo', {}))
      if (!reply.ok) return set({ promoPending: false, promoError: errorMessage(reply.error) })
      deps.cartRepriced(reply.data, null)
      closePromo()
      deps.noticeShown('info', msg('promo.removed', { code }))
    },

    promoClosed: () => {
      if (get().promoPending) return
      closePromo()
    },
  }
})
