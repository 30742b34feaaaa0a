export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_CHANNEL',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'ACCOUNT_LOCKED',
  'NOT_AUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CART_EMPTY',
  'CART_CHANGED',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'INSUFFICIENT_BALANCE',
  'INSUFFICIENT_STOCK',
  'INSUFFICIENT_TENDER',
  'CONFLICT',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface IpcError {
  code: ErrorCode
  message: string
}

/** Every reply that crosses the IPC boundary has this shape; nothing else ever does. */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError }

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
