import type { Catalog } from '../platform/i18n/translate'

/** The texts of what the app draws around the features: start-up, the header and the key hints. */
export const appEn = {
  'app.windowTitle': '{store} · Tillwise POS',
  'app.starting': 'Starting the till…',
  'app.startFailed': 'The till could not start: {reason}',
  'app.requestFailed': 'Something went wrong: {message}',

  'header.role.cashier': 'Cashier',
  'header.role.manager': 'Manager',
  'header.role.owner': 'Owner',
  'header.accountHint': '{role} · My account',
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
  'keys.backOffice': 'back office',

  'header.backOffice': 'Back office',
  'header.myAccount': 'My account',

  'backOffice.title': 'Back office',
  'backOffice.nav': 'Back-office sections',
  'backOffice.back': 'Back to till',
  'backOffice.section.products': 'Products',
  'backOffice.section.taxes': 'Taxes',
  'backOffice.section.stock': 'Stock',
  'backOffice.section.tokens': 'Tokens',
  'backOffice.section.promos': 'Promo codes',
  'backOffice.section.staff': 'Staff',
  'backOffice.section.settings': 'Settings',
} as const satisfies Catalog
