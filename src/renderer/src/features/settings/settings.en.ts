import type { Catalog } from '../../platform/i18n/translate'

/** The store's settings in the back office. */
export const settingsEn = {
  'settings.loading': 'Loading the settings…',
  'settings.store': 'The store',
  'settings.storeHint': 'Printed at the top of every receipt.',
  'settings.storeName': 'Store name',
  'settings.address': 'Address',
  'settings.phone': 'Phone',
  'settings.taxNumber': 'PAN / VAT number',
  'settings.money': 'Money, language and time',
  'settings.currency': 'Currency',
  'settings.currencyDecimals': 'Decimal places',
  'settings.currencyLocked': 'The currency can no longer change: the store has sold in it, and every amount on record is in it.',
  'settings.currencyHint': 'Can change only until the first sale.',
  'settings.locale': 'Language',
  'settings.timeZone': 'Time zone',
  'settings.timeZoneHint': 'Decides when a business day starts and ends.',
  'settings.receipts': 'Receipts',
  'settings.receiptHeader': 'Receipt header',
  'settings.receiptHeaderHint': 'Extra lines under the store’s details, such as opening hours.',
  'settings.receiptFooter': 'Receipt footer',
  'settings.receiptFooterHint': 'Lines at the end, such as a thank-you or the returns policy.',
  'settings.security': 'Sign-in and stock',
  'settings.sessionIdleMinutes': 'Sign out after (minutes without activity)',
  'settings.signInLockMinutes': 'Lock after too many wrong passwords for (minutes)',
  'settings.defaultLowStockAt': 'Low on stock at (units)',
  'settings.defaultLowStockAtHint': 'For products without a threshold of their own.',
  'settings.save': 'Save settings',
  'settings.saving': 'Saving…',
  'settings.saved': 'Settings saved.',
  'settings.nothingChanged': 'Nothing was changed.',
  'settings.reset': 'Undo changes',
} as const satisfies Catalog

export type SettingsTexts = typeof settingsEn
