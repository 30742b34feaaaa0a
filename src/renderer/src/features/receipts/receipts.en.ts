import { receiptLabelsEn } from '#shared/receipts/receipt-labels.en'
import type { Catalog } from '../../platform/i18n/translate'

/** The receipt's own words (shared with what core prints) and the screen's name for it. */
export const receiptsEn = {
  ...receiptLabelsEn,
  'receipt.label': 'Receipt',
} as const satisfies Catalog
