import type { Catalog } from '../../platform/i18n/translate'

export const checkoutEn = {
  'pay.title': 'Take payment',
  'pay.amountDue': 'Amount due',
  'pay.method': 'Payment method',
  'pay.byToken': 'Token',
  'pay.byCash': 'Cash',
  'pay.tokenField': 'Token',
  'pay.tokenHint': 'Scan or type the customer’s token, then press Enter.',
  'pay.cashField': 'Cash tendered',
  'pay.exact': 'Exact amount',
  'pay.changeNone': 'Change: —',
  'pay.changeAmount': 'Change: {amount}',
  'pay.short': 'Short by {amount}',
  'pay.notEnough': 'Not enough cash: the cash tendered is less than the amount due.',
  'pay.badAmount': 'Enter an amount such as 1500 or 1,500.50.',
  'pay.submit': 'Take payment',
  'pay.submitting': 'Taking payment…',
  'pay.cancel': 'Cancel',
  'pay.tokenRequired': 'Enter or scan a token.',
  'pay.emptyCart': 'The cart is empty: scan an item before taking payment.',

  'result.paidTitle': 'Payment complete',
  'result.paidByToken': 'Payment successfully completed with {amount} from your balance!',
  'result.paidInCash': 'Payment of {amount} received in cash.',
  'result.newSale': 'New sale',
  'result.failedTitle': 'Payment not completed',
  'result.unconfirmedTitle': 'Payment not confirmed',
  'result.unconfirmed':
    'The till got no answer, so this payment may or may not have gone through. Try again: a payment that already went through is not charged twice.',
  'result.backToCart': 'Back to cart',
  'result.tryAgain': 'Try again',
  'result.cartChanged': 'The cart changed while paying. The total is now {total}. Check the cart, then take payment again.',
  'result.cartKept': 'Nothing was charged and the cart is unchanged.',
} as const satisfies Catalog

export type CheckoutTexts = typeof checkoutEn
