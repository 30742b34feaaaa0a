import type { ErrorCode } from '../shared/errors'

/** A rule said no. Thrown inside services, turned into an `{ ok: false }` envelope at the boundary. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
