import type { Translation } from '../platform/i18n/translate'
import type { displayEn } from './display.en'

/** What the customer reads on the display facing them, in Nepali (see display.en.ts). */
export const displayNe: Translation<typeof displayEn> = {
  'display.title': 'ग्राहक डिस्प्ले',
  'display.welcome': '{store} मा स्वागत छ',
  'display.waiting': 'तपाईंका सामान यहाँ देखिनेछन्।',
  'display.lines': 'तपाईंका सामान',
  'display.quantity': '{quantity} ×',
  'display.lineSaving': '{amount} बचत',
  'display.earlierLines': { one: 'माथि अरू {count} सामान', other: 'माथि अरू {count} सामान' },
  'display.itemCount': { one: '{count} सामान', other: '{count} सामान' },
  'display.discount': 'छुट',
  'display.tax': 'कर समावेश',
  'display.total': 'जम्मा',
  'display.tenders': 'भुक्तानी',
  'display.tender.cash': 'नगद',
  'display.tender.card': 'कार्ड',
  'display.tender.wallet': 'वालेट',
  'display.tender.token': 'टोकन',
  'display.due': 'तिर्न बाँकी',
  'display.change': 'तपाईंको फिर्ता रकम',
  'display.thanks': '{store} मा किनमेल गर्नुभएकोमा धन्यवाद!',
  'display.paid': '{amount} भुक्तानी भयो',
}
