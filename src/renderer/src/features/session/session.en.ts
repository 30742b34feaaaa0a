import type { Catalog } from '../../platform/i18n/translate'

export const sessionEn = {
  'signIn.title': 'Sign in',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.pending': 'Signing in…',
  'signIn.demoHint': 'Demo store. Sign in as {cashier} (password {cashier}) or {manager} (password {manager}).',
  'signIn.missing': 'Enter your username and password.',
} as const satisfies Catalog
