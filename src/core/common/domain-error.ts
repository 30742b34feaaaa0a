import type { ErrorCode, ErrorParams } from '#shared/ipc/errors'

/** Codes whose params have a required field must be given them. */
type ParamsArg<C extends ErrorCode> = Record<never, never> extends ErrorParams<C> ? [params?: ErrorParams<C>] : [params: ErrorParams<C>]

/**
 * A rule said no. Thrown inside services, turned into an `{ ok: false }` envelope at the boundary.
 * `message` is plain English for logs and tests; the screen words the refusal from code and params.
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly params: ErrorParams<C> | undefined

  constructor(
    readonly code: C,
    message: string,
    ...[params]: ParamsArg<C>
  ) {
    super(message)
    this.name = 'DomainError'
    this.params = params
  }
}
