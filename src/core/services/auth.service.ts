import type { EntityManager } from '@mikro-orm/sqlite'
import type { UserDto } from '../../shared/contract'
import type { RequestContext, SessionUser } from '../context'
import { User } from '../db/entities'
import { DomainError } from '../domain-error'
import { DUMMY_HASH, verifyPassword } from '../security/password'
import { appendAudit } from './audit.service'

const INVALID = 'Wrong username or password.'
const LOCKED = 'This account is locked after too many failed sign-ins. Ask a manager to unlock it.'

/** After 5 failures each attempt waits 1 s, 2 s, 4 s … (at most a minute); after 10 the account locks. */
export const SIGN_IN_POLICY = { delayAfter: 5, lockAfter: 10, baseDelayMs: 1_000, maxDelayMs: 60_000 } as const

export function signInDelayMs(failures: number): number {
  if (failures < SIGN_IN_POLICY.delayAfter) return 0
  return Math.min(SIGN_IN_POLICY.baseDelayMs * 2 ** (failures - SIGN_IN_POLICY.delayAfter), SIGN_IN_POLICY.maxDelayMs)
}

function sessionUserOf(user: User): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role }
}

/**
 * Checks a sign-in. The key derivation runs outside the database queue so a sign-in never holds up
 * another till; throttling is checked first so a guessing loop costs little.
 */
export async function authenticate(ctx: RequestContext, username: string, password: string): Promise<SessionUser> {
  const name = username.trim().toLowerCase()
  const now = ctx.now()
  const user = await ctx.db((em) => em.findOne(User, { username: name, active: true }, { populate: ['passwordHash'] }))

  if (user?.lockedAt) {
    await ctx.db((em) => appendAudit(em, { action: 'auth.sign-in-failed', actor: null, subject: name, details: { reason: 'locked' } }, now))
    throw new DomainError('ACCOUNT_LOCKED', LOCKED)
  }
  if (user?.lastFailedSignInAt) {
    const waitMs = Date.parse(user.lastFailedSignInAt) + signInDelayMs(user.failedSignIns) - now.getTime()
    if (waitMs > 0) {
      throw new DomainError(
        'TOO_MANY_ATTEMPTS',
        `Too many failed sign-ins. Try again in ${Math.ceil(waitMs / 1000)} second${Math.ceil(waitMs / 1000) === 1 ? '' : 's'}.`,
      )
    }
  }

  // Verify even for an unknown user so the reply takes the same time either way.
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
  if (!user || !passwordOk) {
    const locked = await ctx.db((em) => recordFailure(em, name, user?.id ?? null, now))
    throw locked ? new DomainError('ACCOUNT_LOCKED', LOCKED) : new DomainError('INVALID_CREDENTIALS', INVALID)
  }

  const signedIn = sessionUserOf(user)
  await ctx.db(async (em) =>
    em.transactional(async (tx) => {
      await tx.nativeUpdate(User, { id: user.id }, { failedSignIns: 0, lastFailedSignInAt: null })
      await appendAudit(tx, { action: 'auth.sign-in', actor: { id: user.id, name: user.displayName }, subject: name }, now)
    }),
  )
  return signedIn
}

/** Counts the failure (persisted, so a restart does not reset it) and locks at the limit. */
async function recordFailure(em: EntityManager, name: string, userId: number | null, now: Date): Promise<boolean> {
  return em.transactional(async (tx) => {
    let locked = false
    if (userId !== null) {
      const user = await tx.findOneOrFail(User, { id: userId })
      user.failedSignIns += 1
      user.lastFailedSignInAt = now.toISOString()
      if (user.failedSignIns >= SIGN_IN_POLICY.lockAfter) {
        user.lockedAt = now.toISOString()
        locked = true
      }
      await tx.flush()
      await appendAudit(tx, { action: 'auth.sign-in-failed', actor: null, subject: name, details: { failures: user.failedSignIns } }, now)
      if (locked) await appendAudit(tx, { action: 'auth.locked', actor: null, subject: name, details: { failures: user.failedSignIns } }, now)
    } else {
      await appendAudit(tx, { action: 'auth.sign-in-failed', actor: null, subject: name.slice(0, 64), details: { reason: 'unknown user' } }, now)
    }
    return locked
  })
}

/** A manager clears a lockout and the failure count. */
export async function unlockUser(em: EntityManager, username: string, manager: SessionUser, now: Date): Promise<SessionUser> {
  return em.transactional(async (tx) => {
    const user = await tx.findOne(User, { username: username.trim().toLowerCase() })
    if (!user) throw new DomainError('NOT_FOUND', `No user named '${username.trim()}'.`)
    const wasLocked = user.lockedAt != null
    user.lockedAt = null
    user.failedSignIns = 0
    user.lastFailedSignInAt = null
    await tx.flush()
    await appendAudit(
      tx,
      { action: 'user.unlocked', actor: { id: manager.id, name: manager.displayName }, subject: user.username, details: { wasLocked } },
      now,
    )
    return sessionUserOf(user)
  })
}

export function toUserDto(user: SessionUser): UserDto {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role }
}
