import { receiptLabelsNe } from '#shared/receipts/receipt-labels.ne'
import type { Translation } from '../../platform/i18n/translate'
import type { receiptsEn } from './receipts.en'

/** The receipt's own words in Nepali (shared with what core prints) and the screen's name for it. */
export const receiptsNe: Translation<typeof receiptsEn> = {
  ...receiptLabelsNe,
  'receipt.label': 'रसिद',
}
