import type { Catalog } from '../platform/i18n/translate'

/** Texts every screen may use: the product's name, the names on key caps, a sale's figures. */
export const uiEn = {
  'app.title': 'Tillwise POS',
  'key.enter': 'Enter',
  'key.escape': 'Esc',
  'key.arrows': '↑ ↓',
  'sale.subtotal': 'Subtotal (excl. tax)',
  'sale.discount': 'Discount',
  'sale.taxIncluded': '{name} {rate} included',
  'sale.taxAdded': '{name} {rate}',
  'sale.taxBase': 'on {base}',
  'sale.total': 'Total',
} as const satisfies Catalog

export type UiTexts = typeof uiEn
