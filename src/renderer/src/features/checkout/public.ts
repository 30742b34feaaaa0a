/** What the app may use of checkout: its slice, the pay dialog and the result screens. */
export { checkoutSlice, payViewOf, type CheckoutDeps, type CheckoutState, type PayView } from './checkout.slice'
export { checkoutEn } from './checkout.en'
export { checkoutNe } from './checkout.ne'
export { PayDialog } from './pay-dialog'
export { PaidScreen, PaymentFailedScreen } from './payment-result-screens'
