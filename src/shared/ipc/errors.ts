import type { PrinterKind } from '../contract/printing'
import type { Permission } from './permissions'

export const ERROR_CODES = [
  'SETUP_REQUIRED',
  'VALIDATION_FAILED',
  'UNKNOWN_CHANNEL',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'ACCOUNT_LOCKED',
  'NOT_AUTHENTICATED',
  'FORBIDDEN',
  'APPROVAL_REQUIRED',
  'NOT_FOUND',
  'CART_EMPTY',
  'CART_CHANGED',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'INSUFFICIENT_BALANCE',
  'INSUFFICIENT_STOCK',
  'INSUFFICIENT_TENDER',
  'PROMO_INVALID',
  'RETURN_EXCEEDS_SALE',
  'SHIFT_CLOSED',
  'PRINT_FAILED',
  'CONFLICT',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

type None = Record<never, never>

/**
 * What each refusal carries so the screen can say it in the user's language. Core never writes
 * the sentence for the screen: `message` is plain English for logs and tests.
 */
export interface ErrorParamsByCode {
  /** The store is not set up yet: only set-up (or loading the demo) is possible. */
  SETUP_REQUIRED: None
  VALIDATION_FAILED: {
    rule:
      | 'schema'
      | 'maxQuantity'
      | 'dateOrder'
      | 'backupName'
      | 'weakPassword'
      /** A PIN that is one digit repeated, a straight run, a pair repeated or one of the most common. */
      | 'weakPin'
      | 'tooLarge'
      | 'timeZone'
      | 'imageType'
      | 'pastDate'
      | 'deltaOrCounted'
      /** The reason does not fit the change (received stock comes in, damaged stock goes out…). */
      | 'stockReason'
      | 'maxBalance'
      /** Discounts that together need more than a line, or the lines they apply to, have left. */
      | 'discountTooLarge'
      /** A tax rate named (for a product, or as a store default) that the store does not have. */
      | 'unknownTaxRate'
      /** A switched-off tax rate named for a product or as a store default: it is charged on nothing until switched on. */
      | 'inactiveTaxRate'
      /** A wallet the store does not take (settings `wallets`). */
      | 'unknownWallet'
      /** A token, card or wallet tender over what is still due when it applies (`max`: that amount). */
      | 'tenderOverDue'
      /** A tender after the ones before it already paid the whole sale. */
      | 'tenderNotNeeded'
    field?: string
    max?: number
    min?: number
  }
  UNKNOWN_CHANNEL: None
  INVALID_CREDENTIALS: None
  TOO_MANY_ATTEMPTS: { retryAfterSeconds: number }
  /** `unlocksAt`: when the lock runs out by itself (a manager or the owner's recovery code can lift it sooner). */
  ACCOUNT_LOCKED: { unlocksAt?: string }
  /** `reason` says why a till was signed out without asking; absent when it never signed in. */
  NOT_AUTHENTICATED: { reason?: 'idle' | 'restored'; idleMinutes?: number }
  FORBIDDEN: { permission?: Permission }
  /** An `approvalId` came with the call but cannot be used for it. */
  APPROVAL_REQUIRED: { permission: Permission; problem: 'unknown' | 'expired' | 'used' | 'otherPermission' }
  NOT_FOUND:
    | { what: 'productCode'; code: string }
    | { what: 'product'; productId: number }
    | { what: 'cartLine'; productId: number }
    | { what: 'invoice'; number: number }
    | { what: 'invoice'; id: number }
    | { what: 'user'; username: string }
    | { what: 'backup'; file: string }
    | { what: 'userId'; id: number }
    | { what: 'category'; id: number }
    | { what: 'image'; id: number }
    | { what: 'token'; code: string }
    | { what: 'importJob' }
    /** A parked basket that is no longer parked (recalled or discarded, perhaps at another window). */
    | { what: 'parkedCart'; id: number }
    | { what: 'taxRate'; id: number }
    | { what: 'promo'; id: number }
    /** A line a return names that is not a line of that invoice. */
    | { what: 'invoiceLine'; id: number }
    | { what: 'return'; id: number }
    /** A shift with no Z report: unknown, or still open. */
    | { what: 'zReport'; id: number }
  CART_EMPTY: None
  CART_CHANGED: { totalCents: number }
  INVALID_TOKEN: { token: string }
  TOKEN_EXPIRED: None
  INSUFFICIENT_BALANCE: None
  INSUFFICIENT_STOCK: { productId: number; name: string; quantity: number }
  /** `tenderedCents`: every tender summed (cash as handed over); `dueCents`: what is still to pay, cash-rounded when cash is among them. */
  INSUFFICIENT_TENDER: { tenderedCents: number; totalCents: number; dueCents?: number }
  /**
   * A promo code that cannot be used now: `minSpendCents` and `qualifyingCents` with minSpend,
   * `startsOn` with notYetValid, `endsOn` with expired (store-local days).
   */
  PROMO_INVALID: {
    reason: 'unknown' | 'inactive' | 'notYetValid' | 'expired' | 'usedUp' | 'minSpend' | 'nothingQualifies'
    code: string
    minSpendCents?: number
    qualifyingCents?: number
    startsOn?: string
    endsOn?: string
  }
  /**
   * A return would take back more of a line than is left of it: `soldQuantity` sold, `returnedQuantity`
   * already taken back by earlier returns, `requestedQuantity` asked for now.
   */
  RETURN_EXCEEDS_SALE: { invoiceLineId: number; name: string; soldQuantity: number; returnedQuantity: number; requestedQuantity: number }
  /**
   * The receipt printer did not take the receipt (nothing else changed; it can be printed again).
   * `detail`: the system's code (ECONNREFUSED, EHOSTUNREACH, ENOENT, EACCES…), `timeout` (no
   * connection, or the printer did not take the bytes, in time), `notConfigured` (kind none),
   * `noWindow` (a system printer, but the caller has no window to print), `notADevice` (a serial
   * setting that names an ordinary file or folder), `nepaliDrawing` (a Nepali store's receipt, and
   * the canvas that draws its lines cannot load on this machine), or the system printer's own reason.
   */
  PRINT_FAILED: { kind: PrinterKind; detail: string }
  /** Shifts are on and the till has no open shift: a sale, a return or a cash move waits for one to be opened. */
  SHIFT_CLOSED: None
  CONFLICT:
    | { what: 'idempotencyKey' }
    /** Only a sale from the current business day can be voided (`paidOn`: its store-local day); an older one is returned. */
    | { what: 'voidNotToday'; paidOn: string }
    /** Everything the sale sold has been taken back already. */
    | { what: 'nothingToReturn' }
    | { what: 'backup'; problem: 'unreadable' | 'damaged' | 'notTillwise' | 'newer' | 'schema'; detail: string }
    /** The folder chosen for an export could not be written (full, read-only, removed); `detail` is the system's code. */
    | { what: 'exportFolder'; detail: string }
    /** SKU or barcode already belongs to another product, named so the screen can say which. */
    | { what: 'sku' | 'barcode'; value: string; productId: number; productSku: string; productName: string }
    | { what: 'username'; username: string }
    | { what: 'category'; name: string }
    /** Another tax rate has that name (ignoring case): named as it is written. */
    | { what: 'taxRate'; name: string }
    /** Another promo has that code (ignoring case). */
    | { what: 'promoCode'; code: string }
    /** Set-up runs once; the demo can be left only from the demo. */
    | { what: 'setupDone' }
    | { what: 'notDemo' }
    /** Would leave the store with no active owner, or nobody active who can manage users. */
    | { what: 'lastOwner' }
    | { what: 'lastManager' }
    /** The currency cannot change once the store has sold (every amount is in its minor units). */
    | { what: 'currencyLocked' }
    | { what: 'importErrors'; errorCount: number }
    /** Another import is running. */
    | { what: 'importRunning' }
    /** A PDF could not be written where main's dialog pointed. */
    | { what: 'pdfFile'; detail: string }
    /** The products' CSV could not be written where main's dialog pointed. */
    | { what: 'csvFile'; detail: string }
    /** A parked basket is recalled only into an empty cart. */
    | { what: 'cartNotEmpty' }
    /** The till already has an open shift (`number`): it is closed before another opens. */
    | { what: 'shiftOpen'; number: number }
    /** Shifts are off in this store's settings. */
    | { what: 'shiftsOff' }
    /** A report's CSV could not be written where main's dialog pointed. */
    | { what: 'reportFile'; detail: string }
    /** A till has a sale in its cart or a payment under way: an update waits until every till is idle. */
    | { what: 'saleInProgress' }
    /** The version asked is not the one the last check found: check again. */
    | { what: 'updateNotChecked' }
    /** No update address is set, or this till cannot install updates (a development run, the test harness). */
    | { what: 'updatesOff' }
    /** An update is downloading or installing already. */
    | { what: 'updateInstalling' }
    /** The update folder could not be read, or the download failed or did not match its checksum; `detail` says how. */
    | { what: 'updateFailed'; detail: string }
  INTERNAL: { reason?: 'shuttingDown' }
}

export type ErrorParams<C extends ErrorCode = ErrorCode> = ErrorParamsByCode[C]

/** The values params may hold: they cross IPC as they are and fill a catalog's placeholders. */
export type ErrorParamValue = string | number | boolean

export interface IpcError {
  code: ErrorCode
  /** Plain English for logs and tests; screens translate `code` and `params` instead. */
  message: string
  params?: Readonly<Record<string, ErrorParamValue>>
}

/** Every reply that crosses the IPC boundary has this shape; nothing else ever does. */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError }

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

/** Builds a refusal envelope; params are left out when there are none. */
export function failure<C extends ErrorCode>(code: C, message: string, params?: ErrorParams<C>): { ok: false; error: IpcError } {
  const error: IpcError = { code, message }
  if (params && Object.keys(params).length > 0) error.params = params as Readonly<Record<string, ErrorParamValue>>
  return { ok: false, error }
}
