import type { Catalog } from './i18n/translate'

/**
 * What each refusal says, in English. `error.<CODE>` is the code's text; `error.<CODE>.<case>`
 * is said instead when the params tell that case apart. Placeholders are the refusal's own
 * params (money and identifiers are formatted by `errorMessage`), so a test can check them
 * against what each code carries.
 */
export const errorsEn = {
  'error.VALIDATION_FAILED': 'The request was not valid.',
  'error.VALIDATION_FAILED.schema': "The request was not valid at '{field}'.",
  'error.VALIDATION_FAILED.maxQuantity': 'A line can hold at most {max} units.',
  'error.VALIDATION_FAILED.dateOrder': "'from' must not be after 'to'.",
  'error.VALIDATION_FAILED.backupName': 'That is not the name of a backup.',
  'error.VALIDATION_FAILED.tooLarge': 'That would make the sale larger than any total can hold.',
  'error.VALIDATION_FAILED.weakPassword': 'A password needs at least {min} characters and must not be the username.',
  'error.UNKNOWN_CHANNEL': 'The till asked the backend for something it does not know.',
  'error.INVALID_CREDENTIALS': 'Wrong username or password.',
  'error.TOO_MANY_ATTEMPTS': {
    plural: 'retryAfterSeconds',
    one: 'Too many failed sign-ins. Try again in {retryAfterSeconds} second.',
    other: 'Too many failed sign-ins. Try again in {retryAfterSeconds} seconds.',
  },
  'error.ACCOUNT_LOCKED': 'This account is locked after too many failed sign-ins. Ask a manager to unlock it.',
  'error.NOT_AUTHENTICATED': 'Please sign in.',
  'error.NOT_AUTHENTICATED.idle': {
    plural: 'idleMinutes',
    one: 'You were signed out after {idleMinutes} minute without activity. Please sign in again.',
    other: 'You were signed out after {idleMinutes} minutes without activity. Please sign in again.',
  },
  'error.NOT_AUTHENTICATED.restored': 'The books were restored from a backup. Please sign in again.',
  'error.FORBIDDEN': 'Only a manager can do that.',
  'error.APPROVAL_REQUIRED': 'The approval cannot be used. Ask a manager to approve again.',
  'error.APPROVAL_REQUIRED.unknown': 'The approval cannot be used: it is not known. Ask a manager to approve again.',
  'error.APPROVAL_REQUIRED.expired': 'The approval cannot be used: it has expired. Ask a manager to approve again.',
  'error.APPROVAL_REQUIRED.used': 'The approval cannot be used: it was used already. Ask a manager to approve again.',
  'error.APPROVAL_REQUIRED.otherPermission':
    'The approval cannot be used: it was given for something else. Ask a manager to approve again.',
  'error.NOT_FOUND': 'That was not found.',
  'error.NOT_FOUND.productCode': "No product with code '{code}'",
  'error.NOT_FOUND.product': 'That product is not in the catalog.',
  'error.NOT_FOUND.cartLine': 'That product is not in the cart.',
  'error.NOT_FOUND.invoiceNumber': 'No invoice with number {number}.',
  'error.NOT_FOUND.invoiceId': 'No invoice with id {id}.',
  'error.NOT_FOUND.user': "No user named '{username}'.",
  'error.NOT_FOUND.backup': "No backup named '{file}'.",
  'error.CART_EMPTY': 'The cart is empty.',
  'error.CART_CHANGED': 'The cart changed: the total is now {totalCents}. Check it and try again.',
  'error.INVALID_TOKEN': "Invalid token '{token}'",
  'error.TOKEN_EXPIRED': 'Token has expired',
  'error.INSUFFICIENT_BALANCE': 'Insufficient balance',
  'error.INSUFFICIENT_STOCK': 'Insufficient quantity {quantity} for {name}',
  'error.INSUFFICIENT_TENDER': 'Cash tendered {tenderedCents} is less than the total {totalCents}.',
  'error.CONFLICT': 'That clashes with a change made elsewhere. Try again.',
  'error.CONFLICT.idempotencyKey': 'This payment key was already used by another till.',
  'error.CONFLICT.backup.unreadable': 'The backup cannot be read: {detail}',
  'error.CONFLICT.backup.damaged': 'The backup is damaged ({detail}).',
  'error.CONFLICT.backup.notTillwise': 'The file is not a Tillwise database (no {detail} table).',
  'error.CONFLICT.backup.newer': 'The backup was made by a newer version of Tillwise ({detail}).',
  'error.CONFLICT.backup.schema': 'The backup does not have the tables this version needs ({detail}).',
  'error.CONFLICT.exportFolder':
    'The copy could not be written to that folder ({detail}). Check that the USB stick or disk is still connected and has room, then try again.',
  'error.INTERNAL': 'Something went wrong. Please try again.',
  'error.INTERNAL.shuttingDown': 'The till is shutting down.',
  'error.UNREACHABLE': 'The till’s database did not answer. Check that Tillwise is running and try again.',
} as const satisfies Catalog
