import type { CartDto, ProductDto } from '../../../shared/contract'
import type { ClientResult } from '../api/client'
import { msg } from '../i18n/translate'
import type { SliceCreator } from './store.types'

export const emptyCart: CartDto = { lines: [], itemCount: 0, totalCents: 0 }

export interface CartSlice {
  cart: CartDto
  /** The line the last action touched, so the screen can bring it into view. */
  lastTouchedId: number | null
  cartRequested(): Promise<void>
  /**
   * A code was scanned or typed: add one unit of its exact barcode/SKU match. When there is none,
   * `fallback` may offer the product the cashier was looking at instead.
   */
  itemScanned(code: string, fallback?: () => ProductDto | null): Promise<void>
  productPicked(product: ProductDto): Promise<void>
  quantityChanged(productId: number, quantity: number): Promise<void>
  quantityStepped(productId: number, delta: 1 | -1): Promise<void>
  lineRemoved(productId: number): Promise<void>
  cartCleared(): Promise<void>
}

export const createCartSlice: SliceCreator<CartSlice> = ({ api, cartQueue }) => (set, get) => {
  /** Applies a cart reply; returns whether it succeeded. */
  function applied(reply: ClientResult<CartDto>, touched: number | null): boolean {
    if (!reply.ok) {
      get().requestFailed(reply.error)
      return false
    }
    // Any earlier notice is about an earlier action; a successful change makes it stale.
    set({ cart: reply.data, lastTouchedId: touched, notice: null })
    return true
  }

  async function add(product: ProductDto): Promise<void> {
    const reply = await api.call('cart:add', { productId: product.id, quantity: 1 })
    if (applied(reply, product.id)) get().noticeShown('info', msg('scan.added', { name: product.name }))
  }

  return {
    cart: emptyCart,
    lastTouchedId: null,

    cartRequested: () =>
      cartQueue.run(async () => {
        applied(await api.call('cart:get', {}), null)
      }),

    itemScanned: (code, fallback) =>
      cartQueue.run(async () => {
        const found = await api.call('catalog:lookup', { code })
        if (found.ok) return add(found.data)
        if (found.error.code !== 'NOT_FOUND') return get().requestFailed(found.error)
        const instead = fallback?.() ?? null
        if (instead) return add(instead)
        get().noticeShown('error', msg('scan.unknownCode', { code }))
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

    lineRemoved: (productId) =>
      cartQueue.run(async () => {
        applied(await api.call('cart:remove', { productId }), null)
      }),

    cartCleared: () =>
      cartQueue.run(async () => {
        if (applied(await api.call('cart:clear', {}), null)) get().noticeShown('info', msg('cart.cleared'))
      }),
  }
}
