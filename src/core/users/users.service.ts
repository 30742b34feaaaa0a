import { mayManageRole } from '#core/api/policy'
import type { DbContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { User } from '#core/db/entities'
import { write } from '#core/db/tx'
import { clearSignInGuards, normalizeUsername, sessionUserOf } from '#core/auth/auth.service'

/**
 * Lifts a sign-in lock before it runs out and clears the failure count: a manager for cashiers and
 * managers, the owner for anyone; `actor` null is someone at the machine itself (`npm run admin`,
 * `--unlock`), who holds the data folder and so may unlock anyone.
 */
export function unlockUser(ctx: DbContext, username: string, actor: SessionUser | null, lockMinutes: number): Promise<SessionUser> {
  return write(ctx, async (tx) => {
    const user = await tx.em.findOne(User, { username: normalizeUsername(username) })
    if (!user) throw new DomainError('NOT_FOUND', `No user named '${username.trim()}'.`, { what: 'user', username: username.trim() })
    // With an approval, the approver's authority is what counts.
    const authority = ctx.approval?.approver ?? actor
    if (authority && !mayManageRole(authority.role, user.role)) {
      throw new DomainError('FORBIDDEN', 'Only the owner can do that.', { permission: 'users.manage' })
    }
    const wasLocked = await clearSignInGuards(tx.em, user.username, ctx.now().getTime(), lockMinutes)
    tx.audit({
      action: 'user.unlocked',
      actor: actor ? { id: actor.id, name: actor.displayName } : null,
      subject: user.username,
      details: actor ? { wasLocked } : { wasLocked, via: 'machine' },
    })
    return sessionUserOf(user)
  })
}
