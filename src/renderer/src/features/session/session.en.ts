import type { Catalog } from '../../platform/i18n/translate'

export const sessionEn = {
  'signIn.title': 'Sign in',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.pending': 'Signing in…',
  'signIn.demoHint': 'Demo store. Sign in as {cashier} (password {cashier}) or {manager} (password {manager}).',
  'signIn.missing': 'Enter your username and password.',
  'signIn.forgot': 'Forgot the owner’s password?',
  'signIn.language': 'Language',

  'recover.title': 'Reset the owner’s password',
  'recover.intro': 'With the recovery code written down at set-up, the owner sets a new password. Any lock on the account is lifted.',
  'recover.username': 'Owner’s username',
  'recover.code': 'Recovery code',
  'recover.newPassword': 'New password',
  'recover.newPasswordConfirm': 'New password again',
  'recover.submit': 'Set new password',
  'recover.pending': 'Setting the password…',
  'recover.back': 'Back to sign-in',
  'recover.wrongCode': 'That username and recovery code do not go together. Check both and try again.',
  'recover.done': 'The owner’s password was changed. Sign in with the new one.',
} as const satisfies Catalog
