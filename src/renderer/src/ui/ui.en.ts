import type { Catalog } from '../platform/i18n/translate'

/** Texts every screen may use: the product's name and the names on key caps. */
export const uiEn = {
  'app.title': 'Tillwise POS',
  'key.enter': 'Enter',
  'key.escape': 'Esc',
  'key.arrows': '↑ ↓',
} as const satisfies Catalog

export type UiTexts = typeof uiEn
