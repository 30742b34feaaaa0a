/** What the app and other features may use of the cart: its slice, its panels and what it holds. */
export { cartSlice, type CartDeps, type CartState } from './cart.slice'
export { cartEn } from './cart.en'
export { cartNe } from './cart.ne'
export { discountValue, lineDiscountMessage, orderDiscountMessage, promoProblemMessage, type PercentFormat } from './cart-adjustments'
export { CartPanel } from './cart-panel'
export { TotalPanel } from './total-panel'
export { useCart } from './use-cart'
