import type { Translation } from '../platform/i18n/translate'
import type { uiEn } from './ui.en'

/** Texts every screen may use, in Nepali (see ui.en.ts for what each says and where). */
export const uiNe: Translation<typeof uiEn> = {
  'app.title': 'Tillwise POS',
  'key.enter': 'Enter',
  'key.escape': 'Esc',
  'key.arrows': '↑ ↓',
  'sale.subtotal': 'उप-जम्मा (कर बाहेक)',
  'sale.discount': 'छुट',
  'sale.taxIncluded': '{name} {rate} समावेश',
  'sale.taxAdded': '{name} {rate}',
  'sale.taxBase': '{base} मा',
  'sale.total': 'जम्मा',
}
