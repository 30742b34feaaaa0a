/**
 * A refusal as something to show: its code and params picked apart into one of the error
 * catalog's texts. Every slice says its errors through this, so a code reads the same everywhere.
 */
import type { ClientError } from './api/client'
import type { errorsEn } from './errors.en'
import { day, messagesOf, money, type Message, type MessageKey } from './i18n/translate'

export type ErrorTexts = typeof errorsEn

const msg = messagesOf<ErrorTexts>()

/**
 * A refusal without the params its code promises (core always sends them): its text with the
 * placeholders left showing, as a missing parameter always is.
 */
const bare = (key: MessageKey<ErrorTexts>): Message => ({ key })

export function errorMessage(error: ClientError): Message {
  switch (error.code) {
    case 'VALIDATION_FAILED': {
      const params = error.params
      if (params?.rule === 'maxQuantity' && params.max !== undefined) {
        return msg('error.VALIDATION_FAILED.maxQuantity', { max: params.max })
      }
      if (params?.rule === 'dateOrder') return msg('error.VALIDATION_FAILED.dateOrder')
      if (params?.rule === 'backupName') return msg('error.VALIDATION_FAILED.backupName')
      if (params?.rule === 'tooLarge' && params.field === 'images' && params.max !== undefined)
        return msg('error.VALIDATION_FAILED.imageTooLarge', { max: Math.floor(params.max / (1024 * 1024)) })
      if (params?.rule === 'tooLarge') return msg('error.VALIDATION_FAILED.tooLarge')
      if (params?.rule === 'weakPassword' && params.min !== undefined)
        return msg('error.VALIDATION_FAILED.weakPassword', { min: params.min })
      if (params?.rule === 'weakPin') return msg('error.VALIDATION_FAILED.weakPin')
      if (params?.rule === 'timeZone') return msg('error.VALIDATION_FAILED.timeZone', { field: params.field ?? '' })
      if (params?.rule === 'imageType') return msg('error.VALIDATION_FAILED.imageType')
      if (params?.rule === 'pastDate') return msg('error.VALIDATION_FAILED.pastDate')
      if (params?.rule === 'deltaOrCounted') return msg('error.VALIDATION_FAILED.deltaOrCounted')
      if (params?.rule === 'stockReason') return msg('error.VALIDATION_FAILED.stockReason')
      if (params?.rule === 'maxBalance' && params.max !== undefined)
        return msg('error.VALIDATION_FAILED.maxBalance', { max: money(params.max) })
      if (params?.rule === 'discountTooLarge') return msg('error.VALIDATION_FAILED.discountTooLarge')
      if (params?.rule === 'unknownTaxRate') return msg('error.VALIDATION_FAILED.unknownTaxRate')
      if (params?.rule === 'inactiveTaxRate') return msg('error.VALIDATION_FAILED.inactiveTaxRate')
      if (params?.rule === 'unknownWallet') return msg('error.VALIDATION_FAILED.unknownWallet')
      if (params?.rule === 'tenderOverDue' && params.max !== undefined)
        return msg('error.VALIDATION_FAILED.tenderOverDue', { max: money(params.max) })
      if (params?.rule === 'tenderNotNeeded') return msg('error.VALIDATION_FAILED.tenderNotNeeded')
      if (params?.rule === 'schema' && params.field !== undefined) {
        return msg('error.VALIDATION_FAILED.schema', { field: params.field })
      }
      return msg('error.VALIDATION_FAILED')
    }
    case 'TOO_MANY_ATTEMPTS':
      return error.params
        ? msg('error.TOO_MANY_ATTEMPTS', { retryAfterSeconds: error.params.retryAfterSeconds })
        : bare('error.TOO_MANY_ATTEMPTS')
    case 'NOT_AUTHENTICATED': {
      const params = error.params
      if (params?.reason === 'idle' && params.idleMinutes !== undefined) {
        return msg('error.NOT_AUTHENTICATED.idle', { idleMinutes: params.idleMinutes })
      }
      if (params?.reason === 'restored') return msg('error.NOT_AUTHENTICATED.restored')
      return msg('error.NOT_AUTHENTICATED')
    }
    case 'APPROVAL_REQUIRED': {
      const problem = error.params?.problem
      return problem ? msg(`error.APPROVAL_REQUIRED.${problem}`) : msg('error.APPROVAL_REQUIRED')
    }
    case 'NOT_FOUND':
      return notFound(error.params)
    case 'CART_CHANGED':
      return error.params ? msg('error.CART_CHANGED', { totalCents: money(error.params.totalCents) }) : bare('error.CART_CHANGED')
    case 'INVALID_TOKEN':
      return error.params ? msg('error.INVALID_TOKEN', { token: error.params.token }) : bare('error.INVALID_TOKEN')
    case 'INSUFFICIENT_STOCK':
      return error.params
        ? msg('error.INSUFFICIENT_STOCK', { quantity: error.params.quantity, name: error.params.name })
        : bare('error.INSUFFICIENT_STOCK')
    case 'INSUFFICIENT_TENDER':
      if (error.params?.dueCents !== undefined) return msg('error.INSUFFICIENT_TENDER.due', { dueCents: money(error.params.dueCents) })
      return error.params
        ? msg('error.INSUFFICIENT_TENDER', {
            tenderedCents: money(error.params.tenderedCents),
            totalCents: money(error.params.totalCents),
          })
        : bare('error.INSUFFICIENT_TENDER')
    case 'CONFLICT': {
      const params = error.params
      if (params?.what === 'idempotencyKey') return msg('error.CONFLICT.idempotencyKey')
      if (params?.what === 'backup') return msg(`error.CONFLICT.backup.${params.problem}`, { detail: params.detail })
      if (params?.what === 'exportFolder') return msg('error.CONFLICT.exportFolder', { detail: params.detail })
      if (params?.what === 'sku' || params?.what === 'barcode') {
        return msg(`error.CONFLICT.${params.what}`, { value: params.value, productName: params.productName, productSku: params.productSku })
      }
      if (params?.what === 'username') return msg('error.CONFLICT.username', { username: params.username })
      if (params?.what === 'category') return msg('error.CONFLICT.category', { name: params.name })
      if (params?.what === 'taxRate') return msg('error.CONFLICT.taxRate', { name: params.name })
      if (params?.what === 'importErrors') return msg('error.CONFLICT.importErrors', { errorCount: params.errorCount })
      if (params?.what === 'pdfFile') return msg('error.CONFLICT.pdfFile', { detail: params.detail })
      if (params?.what === 'csvFile') return msg('error.CONFLICT.csvFile', { detail: params.detail })
      if (params?.what === 'reportFile') return msg('error.CONFLICT.reportFile', { detail: params.detail })
      if (params?.what === 'updateFailed') return msg('error.CONFLICT.updateFailed', { detail: params.detail })
      if (params?.what === 'shiftOpen') return msg('error.CONFLICT.shiftOpen', { number: String(params.number) })
      if (params?.what === 'promoCode') return msg('error.CONFLICT.promoCode', { code: params.code })
      if (params?.what === 'voidNotToday') return msg('error.CONFLICT.voidNotToday', { paidOn: { day: params.paidOn } })
      if (params?.what) return msg(`error.CONFLICT.${params.what}`)
      return msg('error.CONFLICT')
    }
    case 'RETURN_EXCEEDS_SALE': {
      const params = error.params
      if (!params) return bare('error.RETURN_EXCEEDS_SALE')
      return msg('error.RETURN_EXCEEDS_SALE', {
        name: params.name,
        soldQuantity: params.soldQuantity,
        returnedQuantity: params.returnedQuantity,
      })
    }
    case 'PROMO_INVALID':
      return error.params ? promoInvalid(error.params) : bare('error.PROMO_INVALID')
    case 'PRINT_FAILED':
      return error.params ? printFailed(error.params) : bare('error.PRINT_FAILED')
    case 'INTERNAL':
      return error.params?.reason === 'shuttingDown' ? msg('error.INTERNAL.shuttingDown') : msg('error.INTERNAL')
    case 'UNKNOWN_CHANNEL':
    case 'SETUP_REQUIRED':
    case 'INVALID_CREDENTIALS':
    case 'ACCOUNT_LOCKED':
    case 'FORBIDDEN':
    case 'CART_EMPTY':
    case 'TOKEN_EXPIRED':
    case 'INSUFFICIENT_BALANCE':
    case 'SHIFT_CLOSED':
    case 'UNREACHABLE':
      return msg(`error.${error.code}`)
  }
}

/** Identifiers (codes, numbers, ids) go in as text: people read them digit by digit, not grouped. */
function notFound(params: Extract<ClientError, { code: 'NOT_FOUND' }>['params']): Message {
  switch (params?.what) {
    case 'productCode':
      return msg('error.NOT_FOUND.productCode', { code: params.code })
    case 'product':
      return msg('error.NOT_FOUND.product')
    case 'cartLine':
      return msg('error.NOT_FOUND.cartLine')
    case 'invoice':
      return 'number' in params
        ? msg('error.NOT_FOUND.invoiceNumber', { number: String(params.number) })
        : msg('error.NOT_FOUND.invoiceId', { id: String(params.id) })
    case 'user':
      return msg('error.NOT_FOUND.user', { username: params.username })
    case 'backup':
      return msg('error.NOT_FOUND.backup', { file: params.file })
    case 'userId':
      return msg('error.NOT_FOUND.userId')
    case 'category':
      return msg('error.NOT_FOUND.category')
    case 'image':
      return msg('error.NOT_FOUND.image')
    case 'token':
      return msg('error.NOT_FOUND.token', { code: params.code })
    case 'importJob':
      return msg('error.NOT_FOUND.importJob')
    case 'parkedCart':
      return msg('error.NOT_FOUND.parkedCart')
    case 'taxRate':
      return msg('error.NOT_FOUND.taxRate')
    case 'promo':
      return msg('error.NOT_FOUND.promo')
    case 'invoiceLine':
      return msg('error.NOT_FOUND.invoiceLine')
    case 'return':
      return msg('error.NOT_FOUND.return')
    case 'zReport':
      return msg('error.NOT_FOUND.zReport')
    case undefined:
      return msg('error.NOT_FOUND')
  }
}

/** Why a promo code cannot be used, with the amounts and days that say what would make it work. */
function promoInvalid(params: NonNullable<Extract<ClientError, { code: 'PROMO_INVALID' }>['params']>): Message {
  const { code } = params
  switch (params.reason) {
    case 'notYetValid':
      return params.startsOn
        ? msg('error.PROMO_INVALID.notYetValid', { code, startsOn: day(params.startsOn) })
        : msg('error.PROMO_INVALID', { code })
    case 'expired':
      return params.endsOn ? msg('error.PROMO_INVALID.expired', { code, endsOn: day(params.endsOn) }) : msg('error.PROMO_INVALID', { code })
    case 'minSpend':
      if (params.minSpendCents === undefined) return msg('error.PROMO_INVALID', { code })
      return params.qualifyingCents === undefined
        ? msg('error.PROMO_INVALID.minSpendOnly', { code, minSpendCents: money(params.minSpendCents) })
        : msg('error.PROMO_INVALID.minSpend', {
            code,
            minSpendCents: money(params.minSpendCents),
            qualifyingCents: money(params.qualifyingCents),
          })
    case 'unknown':
    case 'inactive':
    case 'usedUp':
    case 'nothingQualifies':
      return msg(`error.PROMO_INVALID.${params.reason}`, { code })
  }
}

/** The system's codes a person can act on, each with its own advice; any other code is named as it is. */
const PRINT_DETAILS: Readonly<Record<string, 'refused' | 'unreachable' | 'missing' | 'denied'>> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  ETIMEDOUT: 'unreachable',
  ENOENT: 'missing',
  ENODEV: 'missing',
  ENXIO: 'missing',
  EACCES: 'denied',
  EPERM: 'denied',
  EBUSY: 'denied',
}

function printFailed({ kind, detail }: NonNullable<Extract<ClientError, { code: 'PRINT_FAILED' }>['params']>): Message {
  if (detail === 'notConfigured') return msg('error.PRINT_FAILED.notConfigured')
  if (detail === 'noWindow') return msg('error.PRINT_FAILED.noWindow')
  if (detail === 'notADevice') return msg('error.PRINT_FAILED.notADevice')
  if (detail === 'nepaliDrawing') return msg('error.PRINT_FAILED.nepaliDrawing')
  if (detail === 'timeout') return msg('error.PRINT_FAILED.timeout', { kind })
  const advice = PRINT_DETAILS[detail]
  return advice ? msg(`error.PRINT_FAILED.${advice}`, { detail }) : msg('error.PRINT_FAILED', { kind, detail })
}
