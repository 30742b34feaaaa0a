import type { Catalog } from '../platform/i18n/translate'

/** The texts of what the app draws around the features: start-up, the header and the key hints. */
export const appEn = {
  'app.windowTitle': '{store} · Tillwise POS',
  'app.starting': 'Starting the till…',
  'app.startFailed': 'The till could not start: {reason}',
  'app.requestFailed': 'Something went wrong: {message}',

  'header.cashier': 'Cashier: {name}',
  'header.manager': 'Manager: {name}',
  'header.findInvoice': 'Find invoice',
  'header.managerTools': 'Manager tools',
  'header.signOut': 'Sign out',

  'keys.title': 'Keys',
  'keys.enter': 'add item',
  'keys.arrows': 'choose match',
  'keys.pay': 'pay',
  'keys.find': 'find invoice',
  'keys.managerTools': 'manager tools',
  'keys.escape': 'clear field',
} as const satisfies Catalog
