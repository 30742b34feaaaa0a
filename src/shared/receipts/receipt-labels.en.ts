/**
 * The words of a receipt, in English. A receipt is a printed document, so core prints these words
 * and the screen shows the same ones: the renderer's receipts catalog takes this dictionary whole,
 * and another language is a `ReceiptLabels` (every key, the same `{placeholders}`).
 */
export const receiptLabelsEn = {
  'receipt.invoice': 'Invoice {number}',
  'receipt.return': 'Return {number}',
  'receipt.void': 'Void {number}',
  'receipt.phone': 'Tel. {phone}',
  'receipt.taxNumber': 'PAN/VAT {number}',
  'receipt.date': 'Date',
  'receipt.cashier': 'Cashier',
  'receipt.approvedBy': 'Approved by',
  'receipt.originalInvoice': 'Original invoice',
  'receipt.reason': 'Reason',
  'receipt.item': 'Item',
  'receipt.qty': 'Qty',
  'receipt.unitPrice': 'Unit price',
  'receipt.amount': 'Amount',
  'receipt.quantityAt': '{quantity} x {price}',
  'receipt.quantity': 'Qty {quantity}',
  'receipt.lineDiscount': 'Discount (incl. share of the sale’s)',
  'receipt.subtotal': 'Subtotal (excl. tax)',
  'receipt.discount': 'Discount',
  'receipt.taxIncluded': '{name} {rate} included',
  'receipt.taxAdded': '{name} {rate}',
  'receipt.taxBase': 'on {base}',
  'receipt.refundTax': 'Tax included',
  'receipt.promo': 'of which promo {code} · {name}: −{amount}',
  'receipt.total': 'Total',
  'receipt.refundTotal': 'Refund',
  'receipt.payment': 'Payment',
  'receipt.refundedTo': 'Refunded to',
  'receipt.token': 'Token ending {last4}',
  'receipt.tokenUnknown': 'Token',
  'receipt.cash': 'Cash',
  'receipt.card': 'Card',
  'receipt.wallet': 'Wallet',
  'receipt.reference': 'Reference',
  'receipt.rounding': 'Cash rounding',
  'receipt.balance': 'Remaining token balance',
  'receipt.tendered': 'Cash tendered',
  'receipt.change': 'Change',
  'receipt.thanks': 'Thank you for shopping with us!',
} as const

export type ReceiptLabelKey = keyof typeof receiptLabelsEn

/** The receipt's words in one language: every key, each with the English text's placeholders. */
export type ReceiptLabels = { readonly [K in ReceiptLabelKey]: string }
