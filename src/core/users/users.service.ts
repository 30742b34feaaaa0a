import { mayManageRole } from '#core/api/policy'
import type { DbContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { User } from '#core/db/entities'
import { write } from '#core/db/tx'
import { sessionUserOf } from '#core/auth/auth.service'

/** Clears a lockout and the failure count: a manager for cashiers and managers, the owner for anyone. */
export function unlockUser(ctx: DbContext, username: string, actor: SessionUser): Promise<SessionUser> {
  return write(ctx, async (tx) => {
    const name = username.trim().toLowerCase()
    const user = await tx.em.findOne(User, { username: name })
    if (!user) throw new DomainError('NOT_FOUND', `No user named '${username.trim()}'.`, { what: 'user', username: username.trim() })
    // With an approval, the approver's authority is what counts.
    const authority = ctx.approval?.approver ?? actor
    if (!mayManageRole(authority.role, user.role)) {
      throw new DomainError('FORBIDDEN', 'Only the owner can do that.', { permission: 'users.manage' })
    }
    const wasLocked = user.lockedAt != null
    user.lockedAt = null
    user.failedSignIns = 0
    user.lastFailedSignInAt = null
    await tx.em.flush()
    tx.audit({ action: 'user.unlocked', actor: { id: actor.id, name: actor.displayName }, subject: user.username, details: { wasLocked } })
    return sessionUserOf(user)
  })
}
