import type { RequestContext, SessionUser } from './context'
import { DomainError } from './domain-error'

/** The dispatcher has checked the channel's permission; this only narrows the type. */
export function signedIn(ctx: Pick<RequestContext, 'user'>): SessionUser {
  if (!ctx.user) throw new DomainError('NOT_AUTHENTICATED', 'Please sign in.')
  return ctx.user
}
