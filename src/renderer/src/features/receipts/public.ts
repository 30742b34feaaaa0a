/** The receipt, shown after a sale and for a looked-up invoice. */
export { Receipt } from './receipt'
export { receiptsEn } from './receipts.en'
