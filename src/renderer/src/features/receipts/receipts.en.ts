import type { Catalog } from '../../platform/i18n/translate'

export const receiptsEn = {
  'receipt.label': 'Receipt',
  'receipt.invoice': 'Invoice {number}',
  'receipt.date': 'Date',
  'receipt.cashier': 'Cashier',
  'receipt.item': 'Item',
  'receipt.qty': 'Qty',
  'receipt.unitPrice': 'Unit price',
  'receipt.amount': 'Amount',
  'receipt.total': 'Total',
  'receipt.payment': 'Payment',
  'receipt.token': 'Token ending {last4}',
  'receipt.tokenUnknown': 'Token',
  'receipt.cash': 'Cash',
  'receipt.balance': 'Remaining token balance',
  'receipt.tendered': 'Cash tendered',
  'receipt.change': 'Change',
  'receipt.thanks': 'Thank you for shopping with us!',
} as const satisfies Catalog
