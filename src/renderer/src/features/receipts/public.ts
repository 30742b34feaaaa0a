/** The receipt, shown after a sale and for a looked-up invoice; any receipt document (a return's) through ReceiptView. */
export { Receipt, ReceiptView, useReceiptStore } from './receipt'
export { receiptsEn } from './receipts.en'
export { receiptsNe } from './receipts.ne'
