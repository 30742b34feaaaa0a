import { describe, expect, it } from 'vitest'
import { ERROR_CODES, type ErrorCode, type ErrorParams } from '#shared/ipc/errors'
import { formatMoney } from '#shared/money/money'
import type { ClientError, ClientErrorCode } from './api/client'
import { errorMessage } from './errors'
import { errorsEn } from './errors.en'
import { dayFormatter } from './i18n/format'
import { createTranslator, type Template } from './i18n/translate'

type KeysOf<T> = T extends unknown ? keyof T & string : never
type ParamName<C extends ClientErrorCode> = C extends ErrorCode ? KeysOf<ErrorParams<C>> : never

/** The params each code can carry, as the shared contract types them (checked both ways below). */
const ERROR_PARAMS = {
  VALIDATION_FAILED: ['rule', 'field', 'max', 'min'],
  UNKNOWN_CHANNEL: [],
  INVALID_CREDENTIALS: [],
  TOO_MANY_ATTEMPTS: ['retryAfterSeconds'],
  ACCOUNT_LOCKED: ['unlocksAt'],
  NOT_AUTHENTICATED: ['reason', 'idleMinutes'],
  FORBIDDEN: ['permission'],
  APPROVAL_REQUIRED: ['permission', 'problem'],
  NOT_FOUND: ['what', 'code', 'productId', 'number', 'id', 'username', 'file'],
  SETUP_REQUIRED: [],
  CART_EMPTY: [],
  CART_CHANGED: ['totalCents'],
  INVALID_TOKEN: ['token'],
  TOKEN_EXPIRED: [],
  INSUFFICIENT_BALANCE: [],
  INSUFFICIENT_STOCK: ['productId', 'name', 'quantity'],
  INSUFFICIENT_TENDER: ['tenderedCents', 'totalCents', 'dueCents'],
  RETURN_EXCEEDS_SALE: ['invoiceLineId', 'name', 'soldQuantity', 'returnedQuantity', 'requestedQuantity'],
  PROMO_INVALID: ['reason', 'code', 'minSpendCents', 'qualifyingCents', 'startsOn', 'endsOn'],
  PRINT_FAILED: ['kind', 'detail'],
  SHIFT_CLOSED: [],
  CONFLICT: [
    'what',
    'problem',
    'detail',
    'value',
    'productId',
    'productSku',
    'productName',
    'username',
    'name',
    'errorCount',
    'code',
    'paidOn',
    'number',
  ],
  INTERNAL: ['reason'],
  UNREACHABLE: [],
} as const satisfies { readonly [C in ClientErrorCode]: readonly ParamName<C>[] }

// A param added to the contract and missing above fails the compile here.
type Unlisted = { [C in ClientErrorCode]: Exclude<ParamName<C>, (typeof ERROR_PARAMS)[C][number]> }[ClientErrorCode]
const everyParamListed: [Unlisted] extends [never] ? true : Unlisted = true

const CLIENT_CODES: readonly ClientErrorCode[] = [...ERROR_CODES, 'UNREACHABLE']

const codeOf = (key: string) => key.split('.')[1] ?? ''
const forms = (template: Template) => (typeof template === 'string' ? [template] : [template.one, template.other])
const placeholders = (template: Template) => forms(template).flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))

describe('the error catalog', () => {
  it('has a text for every code, the client’s own included', () => {
    expect(everyParamListed).toBe(true)
    for (const code of CLIENT_CODES) expect(Object.keys(errorsEn), code).toContain(`error.${code}`)
  })

  it('has texts only for codes that exist', () => {
    for (const key of Object.keys(errorsEn)) expect(CLIENT_CODES, key).toContain(codeOf(key))
  })

  it('uses as placeholders only params its code can carry', () => {
    for (const [key, template] of Object.entries(errorsEn)) {
      const carried: readonly string[] = ERROR_PARAMS[codeOf(key) as ClientErrorCode]
      const used = [...placeholders(template), ...(typeof template === 'string' ? [] : [template.plural])]
      for (const name of used) expect(carried, `${key} uses {${name}}`).toContain(name)
    }
  })
})

describe('errorMessage', () => {
  const money = (cents: number) => formatMoney(cents, { currency: 'NPR', locale: 'en-IN' })
  const { render } = createTranslator(errorsEn, 'en', { money, day: dayFormatter('en-IN') })
  const say = (error: ClientError) => render(errorMessage(error))

  it('says the payment refusals as the origin did', () => {
    const token = '44444444-4444-4444-8444-444444444444'
    expect(say({ code: 'INVALID_TOKEN', message: '', params: { token } })).toBe(`Invalid token '${token}'`)
    expect(say({ code: 'TOKEN_EXPIRED', message: '' })).toBe('Token has expired')
    expect(say({ code: 'INSUFFICIENT_BALANCE', message: '' })).toBe('Insufficient balance')
    expect(say({ code: 'INSUFFICIENT_STOCK', message: '', params: { productId: 7, name: 'Last one', quantity: 2 } })).toBe(
      'Insufficient quantity 2 for Last one',
    )
    expect(say({ code: 'CART_EMPTY', message: '' })).toBe('The cart is empty.')
    expect(say({ code: 'CONFLICT', message: '', params: { what: 'idempotencyKey' } })).toBe(
      'This payment key was already used by another till.',
    )
  })

  it('formats money params with the money formatter', () => {
    expect(say({ code: 'CART_CHANGED', message: '', params: { totalCents: 24_500 } })).toBe(
      `The cart changed: the total is now ${money(24_500)}. Check it and try again.`,
    )
    expect(say({ code: 'INSUFFICIENT_TENDER', message: '', params: { tenderedCents: 10_000, totalCents: 18_500 } })).toBe(
      'Cash tendered NPR\u00a0100.00 is less than the total NPR\u00a0185.00.',
    )
  })

  it('says what split tenders still leave to pay, and why a tender is refused', () => {
    expect(say({ code: 'INSUFFICIENT_TENDER', message: '', params: { tenderedCents: 5_500, totalCents: 10_460, dueCents: 5_000 } })).toBe(
      'The payment is short: NPR\u00a050.00 is still to pay.',
    )
    expect(say({ code: 'VALIDATION_FAILED', message: '', params: { rule: 'tenderOverDue', max: 9_960 } })).toBe(
      'A token, card or wallet can pay at most what is still due (NPR\u00a099.60).',
    )
    expect(say({ code: 'VALIDATION_FAILED', message: '', params: { rule: 'unknownWallet' } })).toBe(
      'The store does not take that wallet. Choose one of its wallets.',
    )
    expect(say({ code: 'VALIDATION_FAILED', message: '', params: { rule: 'tenderNotNeeded' } })).toBe(
      'The sale is already paid in full: take the extra tender off.',
    )
  })

  it('says the sign-in refusals, with the wait in seconds', () => {
    expect(say({ code: 'INVALID_CREDENTIALS', message: '' })).toBe('Wrong username or password.')
    expect(say({ code: 'ACCOUNT_LOCKED', message: '' })).toBe(
      'This account is locked after too many failed sign-ins. Ask a manager to unlock it.',
    )
    expect(say({ code: 'TOO_MANY_ATTEMPTS', message: '', params: { retryAfterSeconds: 1 } })).toBe(
      'Too many failed sign-ins. Try again in 1 second.',
    )
    expect(say({ code: 'TOO_MANY_ATTEMPTS', message: '', params: { retryAfterSeconds: 32 } })).toBe(
      'Too many failed sign-ins. Try again in 32 seconds.',
    )
  })

  it('says why a session ended', () => {
    expect(say({ code: 'NOT_AUTHENTICATED', message: '', params: { reason: 'idle', idleMinutes: 15 } })).toBe(
      'You were signed out after 15 minutes without activity. Please sign in again.',
    )
    expect(say({ code: 'NOT_AUTHENTICATED', message: '', params: { reason: 'restored' } })).toBe(
      'The books were restored from a backup. Please sign in again.',
    )
    expect(say({ code: 'NOT_AUTHENTICATED', message: '' })).toBe('Please sign in.')
  })

  it('names what was not found, identifiers as they are written', () => {
    expect(say({ code: 'NOT_FOUND', message: '', params: { what: 'user', username: 'nobody' } })).toBe("No user named 'nobody'.")
    expect(say({ code: 'NOT_FOUND', message: '', params: { what: 'invoice', number: 1_024_000 } })).toBe('No invoice with number 1024000.')
    expect(say({ code: 'NOT_FOUND', message: '', params: { what: 'invoice', id: 12_345 } })).toBe('No invoice with id 12345.')
    expect(say({ code: 'NOT_FOUND', message: '', params: { what: 'productCode', code: '0000' } })).toBe("No product with code '0000'")
    expect(say({ code: 'NOT_FOUND', message: '', params: { what: 'product', productId: 3 } })).toBe('That product is not in the catalog.')
    expect(say({ code: 'NOT_FOUND', message: '', params: { what: 'cartLine', productId: 3 } })).toBe('That product is not in the cart.')
    expect(say({ code: 'NOT_FOUND', message: '', params: { what: 'backup', file: 'x.sqlite' } })).toBe("No backup named 'x.sqlite'.")
  })

  it('says why a backup cannot be restored', () => {
    const backup = (problem: 'unreadable' | 'damaged' | 'notTillwise' | 'newer', detail: string) =>
      say({ code: 'CONFLICT', message: '', params: { what: 'backup', problem, detail } })
    expect(backup('unreadable', 'file is not a database')).toBe('The backup cannot be read: file is not a database')
    expect(backup('damaged', 'wrong page')).toBe('The backup is damaged (wrong page).')
    expect(backup('notTillwise', 'invoice')).toBe('The file is not a Tillwise database (no invoice table).')
    expect(backup('newer', 'Migration9')).toBe('The backup was made by a newer version of Tillwise (Migration9).')
  })

  it('tells the validation rules apart', () => {
    expect(say({ code: 'VALIDATION_FAILED', message: '', params: { rule: 'maxQuantity', field: 'quantity', max: 99_999 } })).toBe(
      'A line can hold at most 99,999 units.',
    )
    expect(say({ code: 'VALIDATION_FAILED', message: '', params: { rule: 'dateOrder', field: 'from' } })).toBe(
      "'from' must not be after 'to'.",
    )
    expect(say({ code: 'VALIDATION_FAILED', message: '', params: { rule: 'schema', field: 'payment.token' } })).toBe(
      "The request was not valid at 'payment.token'.",
    )
    expect(say({ code: 'VALIDATION_FAILED', message: '', params: { rule: 'schema' } })).toBe('The request was not valid.')
  })

  it('tells the approval problems and the internal failures apart', () => {
    expect(say({ code: 'APPROVAL_REQUIRED', message: '', params: { permission: 'sale.void', problem: 'expired' } })).toBe(
      'The approval cannot be used: it has expired. Ask a manager to approve again.',
    )
    expect(say({ code: 'INTERNAL', message: '' })).toBe('Something went wrong. Please try again.')
    expect(say({ code: 'INTERNAL', message: '', params: { reason: 'shuttingDown' } })).toBe('The till is shutting down.')
    expect(say({ code: 'UNREACHABLE', message: 'socket closed' })).toBe(
      'The till’s database did not answer. Check that Tillwise is running and try again.',
    )
  })

  it('says why a promo code cannot be used, amounts in the currency and days as people read them', () => {
    const promo = (params: ErrorParams<'PROMO_INVALID'>) => say({ code: 'PROMO_INVALID', message: '', params })
    expect(promo({ reason: 'unknown', code: 'SAVE1O' })).toBe("There is no promo code 'SAVE1O'. Check the spelling.")
    expect(promo({ reason: 'inactive', code: 'SAVE10' })).toBe("The promo code 'SAVE10' is switched off.")
    expect(promo({ reason: 'notYetValid', code: 'DASHAIN', startsOn: '2026-10-01' })).toBe(
      "The promo code 'DASHAIN' can be used from 1 Oct 2026.",
    )
    expect(promo({ reason: 'expired', code: 'NEWYEAR', endsOn: '2026-01-15' })).toBe("The promo code 'NEWYEAR' ended on 15 Jan 2026.")
    expect(promo({ reason: 'usedUp', code: 'FIRST50' })).toBe("The promo code 'FIRST50' has been used as many times as it may be.")
    expect(promo({ reason: 'minSpend', code: 'SAVE10', minSpendCents: 100_000, qualifyingCents: 95_500 })).toBe(
      `The promo code 'SAVE10' needs a spend of ${money(100_000)} on the items it covers; this sale has ${money(95_500)} of them.`,
    )
    expect(promo({ reason: 'nothingQualifies', code: 'DAIRY5' })).toBe("Nothing in this sale is covered by the promo code 'DAIRY5'.")
    expect(say({ code: 'CONFLICT', message: '', params: { what: 'promoCode', code: 'SAVE10' } })).toBe(
      "There is already a promo with the code 'SAVE10'.",
    )
    expect(say({ code: 'NOT_FOUND', message: '', params: { what: 'promo', id: 4 } })).toBe('That promo code no longer exists.')
  })

  it('never shows the message, which is for logs', () => {
    expect(say({ code: 'FORBIDDEN', message: 'admin may not approve sale.void', params: { permission: 'sale.void' } })).toBe(
      'Only a manager can do that.',
    )
  })

  it('falls back to the code’s own text when params do not say which case', () => {
    expect(say({ code: 'CONFLICT', message: 'x' })).toBe('That clashes with a change made elsewhere. Try again.')
    expect(say({ code: 'NOT_FOUND', message: 'x' })).toBe('That was not found.')
  })
})
