import type { UserDto } from '#shared/contract/auth'
import type { Permission } from '#shared/ipc/permissions'
import { ROLE_PERMISSIONS, roleHas } from '#core/api/policy'
import type { RequestContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { AuditEvent } from '#core/db/audit-chain'
import { User } from '#core/db/entities'
import { read, write } from '#core/db/tx'
import { DUMMY_HASH, verifyPassword } from './password'

const INVALID = 'Wrong username or password.'
const LOCKED = 'This account is locked after too many failed sign-ins. Ask a manager to unlock it.'

/** After 5 failures each attempt waits 1 s, 2 s, 4 s … (at most a minute); after 10 the account locks. */
export const SIGN_IN_POLICY = { delayAfter: 5, lockAfter: 10, baseDelayMs: 1_000, maxDelayMs: 60_000 } as const

export function signInDelayMs(failures: number): number {
  if (failures < SIGN_IN_POLICY.delayAfter) return 0
  return Math.min(SIGN_IN_POLICY.baseDelayMs * 2 ** (failures - SIGN_IN_POLICY.delayAfter), SIGN_IN_POLICY.maxDelayMs)
}

export function sessionUserOf(user: Pick<User, 'id' | 'username' | 'displayName' | 'role'>): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role }
}

function lockedError(): DomainError {
  return new DomainError('ACCOUNT_LOCKED', LOCKED)
}

/**
 * Checks a username and password the way sign-in does, for a sign-in or an approval: throttled
 * first so a guessing loop costs little, every failure counted on the account (persisted, so a
 * restart does not reset it) and the account locked at the limit. The key derivation runs outside
 * the database queue so it never holds up another till.
 */
async function checkCredentials(ctx: RequestContext, username: string, password: string): Promise<SessionUser> {
  const name = username.trim().toLowerCase()
  const now = ctx.now()
  const user = await read(ctx, ({ em }) => em.findOne(User, { username: name, active: true }, { populate: ['passwordHash'] }))

  if (user?.lockedAt) {
    await write(ctx, (tx) => tx.audit({ action: 'auth.sign-in-failed', actor: null, subject: name, details: { reason: 'locked' } }))
    throw lockedError()
  }
  if (user?.lastFailedSignInAt) {
    const waitMs = Date.parse(user.lastFailedSignInAt) + signInDelayMs(user.failedSignIns) - now.getTime()
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000)
      throw new DomainError('TOO_MANY_ATTEMPTS', `Too many failed sign-ins. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, {
        retryAfterSeconds: seconds,
      })
    }
  }

  // Verify even for an unknown user so the reply takes the same time either way.
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
  if (!user || !passwordOk) {
    const locked = await recordFailure(ctx, name, user?.id ?? null)
    throw locked ? lockedError() : new DomainError('INVALID_CREDENTIALS', INVALID)
  }
  return sessionUserOf(user)
}

/** Counts a failure and locks at the limit; returns whether the account is now locked. */
function recordFailure(ctx: RequestContext, name: string, userId: number | null): Promise<boolean> {
  const now = ctx.now().toISOString()
  return write(ctx, async (tx) => {
    if (userId === null) {
      tx.audit({ action: 'auth.sign-in-failed', actor: null, subject: name.slice(0, 64), details: { reason: 'unknown user' } })
      return false
    }
    const user = await tx.em.findOneOrFail(User, { id: userId })
    user.failedSignIns += 1
    user.lastFailedSignInAt = now
    const locked = user.failedSignIns >= SIGN_IN_POLICY.lockAfter
    if (locked) user.lockedAt = now
    await tx.em.flush()
    tx.audit({ action: 'auth.sign-in-failed', actor: null, subject: name, details: { failures: user.failedSignIns } })
    if (locked) tx.audit({ action: 'auth.locked', actor: null, subject: name, details: { failures: user.failedSignIns } })
    return locked
  })
}

/** A good password ends the run of failures; `event` says what it was for. */
function clearFailures(ctx: RequestContext, user: SessionUser, event: AuditEvent): Promise<void> {
  return write(ctx, async (tx) => {
    await tx.em.nativeUpdate(User, { id: user.id }, { failedSignIns: 0, lastFailedSignInAt: null })
    tx.audit(event)
  })
}

export async function authenticate(ctx: RequestContext, username: string, password: string): Promise<SessionUser> {
  const user = await checkCredentials(ctx, username, password)
  await clearFailures(ctx, user, { action: 'auth.sign-in', actor: { id: user.id, name: user.displayName }, subject: user.username })
  return user
}

/**
 * A user who holds `permission` approves one call of it by the signed-in user. The approver's
 * password is checked and throttled exactly like a sign-in; a user without the permission cannot
 * approve it, whatever their password.
 */
export async function approve(ctx: RequestContext, requester: SessionUser, username: string, secret: string, permission: Permission) {
  const approver = await checkCredentials(ctx, username, secret)
  if (!roleHas(approver.role, permission)) {
    await clearFailures(ctx, approver, {
      action: 'auth.approval-refused',
      actor: { id: approver.id, name: approver.displayName },
      subject: requester.username,
      details: { permission },
    })
    throw new DomainError('FORBIDDEN', `${approver.username} may not approve '${permission}'.`, { permission })
  }
  const granted = ctx.grantApproval(permission, approver)
  await clearFailures(ctx, approver, {
    action: 'auth.approved',
    actor: { id: approver.id, name: approver.displayName },
    subject: requester.username,
    details: { permission, requesterId: requester.id },
  })
  return { ...granted, approvedBy: { id: approver.id, username: approver.username, displayName: approver.displayName } }
}

export function toUserDto(user: SessionUser): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    permissions: [...ROLE_PERMISSIONS[user.role]],
  }
}
