/** What the app may use of discounts and promo codes at the till: the slice, its texts and the two dialogs. */
export { DiscountDialog } from './discount-dialog'
export { discountsEn, type DiscountsTexts } from './discounts.en'
export { discountsNe } from './discounts.ne'
export { discountsSlice, type DiscountsDeps, type DiscountsState } from './discounts.slice'
export { PromoCodeDialog } from './promo-code-dialog'
