import type { Catalog } from '../platform/i18n/translate'

/** What the customer reads on the display facing them. */
export const displayEn = {
  'display.title': 'Customer display',
  'display.welcome': 'Welcome to {store}',
  'display.waiting': 'Your items will show here.',
  'display.lines': 'Your items',
  'display.quantity': '{quantity} ×',
  'display.lineSaving': 'You save {amount}',
  'display.earlierLines': { one: '{count} more item above', other: '{count} more items above' },
  'display.itemCount': { one: '{count} item', other: '{count} items' },
  'display.discount': 'Discount',
  'display.tax': 'Tax included',
  'display.total': 'Total',
  'display.tenders': 'Payment',
  'display.tender.cash': 'Cash',
  'display.tender.card': 'Card',
  'display.tender.wallet': 'Wallet',
  'display.tender.token': 'Token',
  'display.due': 'Still to pay',
  'display.change': 'Your change',
  'display.thanks': 'Thank you for shopping at {store}!',
  'display.paid': 'Paid {amount}',
} as const satisfies Catalog

export type DisplayTexts = typeof displayEn
