/** What the app may use of checkout: its slice, the pay dialog and the result screens. */
export { checkoutSlice, type CheckoutDeps, type CheckoutState } from './checkout.slice'
export { checkoutEn } from './checkout.en'
export { PayDialog } from './pay-dialog'
export { PaidScreen, PaymentFailedScreen } from './payment-result-screens'
