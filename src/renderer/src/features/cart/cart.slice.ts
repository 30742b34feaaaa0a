import type { SerialQueue } from '#shared/async/serial-queue'
import type { CartDto } from '#shared/contract/cart'
import type { ProductDto } from '#shared/contract/catalog'
import type { ClientError, ClientResult, PosClient } from '../../platform/api/client'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { NoticeTone } from '../../ui/notice-bar'
import type { cartEn } from './cart.en'

const msg = messagesOf<typeof cartEn>()

export const emptyCart: CartDto = {
  lines: [],
  itemCount: 0,
  subtotalCents: 0,
  discountCents: 0,
  taxCents: 0,
  totalCents: 0,
  taxes: [],
  orderDiscount: null,
  promo: null,
}

export interface CartState {
  cart: CartDto
  /** The line the last action touched (or the cashier moved into), so the screen can bring it into view and the line keys act on it. */
  lastTouchedId: number | null
  cartRequested(): Promise<void>
  /**
   * A code was scanned or typed: add one unit of its exact barcode/SKU match. When there is none,
   * `fallback` may offer the product the cashier was looking at instead.
   */
  /** `keys`: the same keys read on a US layout, looked up when `code` is not found. */
  itemScanned(code: string, fallback?: () => ProductDto | null, keys?: string): Promise<void>
  productPicked(product: ProductDto): Promise<void>
  quantityChanged(productId: number, quantity: number): Promise<void>
  quantityStepped(productId: number, delta: 1 | -1): Promise<void>
  /** The cashier moved into a line: it becomes the one the line keys (a discount) act on. */
  lineSelected(productId: number): void
  /** A quantity typed that is not one (the field puts the old one back). */
  quantityRejected(): void
  lineRemoved(productId: number): Promise<void>
  cartCleared(): Promise<void>
  /** The sale was paid: the backend has emptied the cart. */
  cartEmptied(): void
  /** Another feature changed the cart (a discount, a promo code) and core priced it again: `touched` is the line it was about. */
  cartRepriced(cart: CartDto, touched: number | null): void
}

export interface CartDeps {
  readonly api: PosClient
  /** Keeps cart changes, and the payment behind them, in the order they were made. */
  readonly cartQueue: SerialQueue
  /** A call failed in a way the register has no special handling for. */
  readonly requestFailed: (error: ClientError) => void
  readonly noticeShown: (tone: NoticeTone, message: Message) => void
  readonly noticeDismissed: () => void
}

const initialCart = { cart: emptyCart, lastTouchedId: null } satisfies Partial<CartState>

export const cartSlice = defineSlice('cart', ({ set, get, registerReset }, deps: CartDeps): CartState => {
  const { api, cartQueue } = deps

  /** Applies a cart reply; returns whether it succeeded. */
  function applied(reply: ClientResult<CartDto>, touched: number | null): boolean {
    if (!reply.ok) {
      deps.requestFailed(reply.error)
      return false
    }
    set({ cart: reply.data, lastTouchedId: touched })
    // Any earlier notice is about an earlier action; a successful change makes it stale.
    deps.noticeDismissed()
    return true
  }

  async function add(product: ProductDto): Promise<void> {
    const reply = await api.call('cart:add', { productId: product.id, quantity: 1 })
    if (applied(reply, product.id)) deps.noticeShown('info', msg('cart.added', { name: product.name }))
  }

  registerReset(() => set(initialCart))

  return {
    ...initialCart,

    cartRequested: () =>
      cartQueue.run(async () => {
        applied(await api.call('cart:get', {}), null)
      }),

    itemScanned: (code, fallback, keys) =>
      cartQueue.run(async () => {
        const found = await api.call('catalog:lookup', keys === undefined ? { code } : { code, keys })
        if (found.ok) return add(found.data)
        if (found.error.code !== 'NOT_FOUND') return deps.requestFailed(found.error)
        const instead = fallback?.() ?? null
        if (instead) return add(instead)
        deps.noticeShown('error', msg('cart.unknownCode', { code }))
      }),

    productPicked: (product) => cartQueue.run(() => add(product)),

    quantityChanged: (productId, quantity) =>
      cartQueue.run(async () => {
        applied(await api.call('cart:setQuantity', { productId, quantity }), quantity > 0 ? productId : null)
      }),

    quantityStepped: (productId, delta) =>
      cartQueue.run(async () => {
        if (delta === 1) {
          applied(await api.call('cart:add', { productId, quantity: 1 }), productId)
          return
        }
        // Read the quantity when the step runs, not when it was clicked, so quick clicks add up.
        const line = get().cart.lines.find((l) => l.productId === productId)
        if (!line || line.quantity <= 1) return
        applied(await api.call('cart:setQuantity', { productId, quantity: line.quantity - 1 }), productId)
      }),

    lineSelected: (productId) => {
      if (get().cart.lines.some((line) => line.productId === productId)) set({ lastTouchedId: productId })
    },

    quantityRejected: () => deps.noticeShown('error', msg('cart.badQuantity')),

    lineRemoved: (productId) =>
      cartQueue.run(async () => {
        applied(await api.call('cart:remove', { productId }), null)
      }),

    cartCleared: () =>
      cartQueue.run(async () => {
        if (applied(await api.call('cart:clear', {}), null)) deps.noticeShown('info', msg('cart.cleared'))
      }),

    cartEmptied: () => set({ cart: emptyCart }),

    cartRepriced: (cart, touched) => {
      set({ cart, lastTouchedId: touched })
      deps.noticeDismissed()
    },
  }
})
