import type { UserDto } from '#shared/contract/auth'
import type { Permission } from '#shared/ipc/permissions'
import { ROLE_PERMISSIONS, roleHas } from '#core/api/policy'
import type { RequestContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { EntityManager } from '@mikro-orm/sqlite'
import type { AuditDetails, AuditEvent } from '#core/db/audit-chain'
import { SignInGuard, User } from '#core/db/entities'
import { read, write } from '#core/db/tx'
import { DUMMY_HASH, hashPassword, verifyPassword } from './password'
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code'
import { afterFailure, FRESH_GUARD, lockDurationMs, shouldLogRefusal, signInVerdict, type GuardState } from './sign-in.rules'

/** The shortest password a user may set. */
export const MIN_PASSWORD_LENGTH = 8

const INVALID = 'Wrong username or password.'
const LOCKED = 'This account is locked after too many failed sign-ins. Ask a manager to unlock it.'

export { SIGN_IN_POLICY, signInDelayMs } from './sign-in.rules'

export function sessionUserOf(user: Pick<User, 'id' | 'username' | 'displayName' | 'role'>): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role }
}

/** A name as typed at the sign-in screen, the way users are stored. */
export function normalizeUsername(typed: string): string {
  return typed.trim().toLowerCase()
}

/** Recovery-code guesses are throttled apart from passwords, so they cannot lock the owner's sign-in. */
const recoveryGuard = (name: string) => `recover:${name}`

const time = (iso: string | null | undefined): number | null => (iso == null ? null : Date.parse(iso))
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

function guardStateOf(row: SignInGuard | null): GuardState {
  if (!row) return FRESH_GUARD
  return { failures: row.failures, lastFailedAt: time(row.lastFailedAt), lockedAt: time(row.lockedAt), locks: row.locks }
}

function lockedError(unlocksAt?: number): DomainError {
  return new DomainError('ACCOUNT_LOCKED', LOCKED, unlocksAt === undefined ? {} : { unlocksAt: new Date(unlocksAt).toISOString() })
}

type SecretKind = 'password' | 'recoveryCode'

/**
 * Checks a username and a secret the way sign-in does, for a sign-in, an approval or a recovery:
 * one check at a time per name (parallel guesses meet the delay and the lock like sequential ones),
 * throttled before the key derivation so a guessing loop costs little, every failure counted on the
 * name whether or not a user has it, and the name locked at the limit. On success the guard is
 * cleared and `success` written to the audit trail in the same transaction, which refuses if the
 * name was locked meanwhile. The key derivation runs outside the database queue.
 */
function checkSecret(
  ctx: RequestContext,
  typedName: string,
  secret: string,
  kind: SecretKind,
  success: (user: SessionUser) => AuditEvent,
): Promise<SessionUser> {
  const name = normalizeUsername(typedName)
  const guardName = kind === 'password' ? name : recoveryGuard(name)
  return ctx.oneAccountAtATime(guardName, async () => {
    const lockMinutes = ctx.settings.signInLockMinutes
    const [user, guardRow] = await read(ctx, async ({ em }) => [
      await em.findOne(User, { username: name, active: true }, { populate: ['passwordHash', 'recoveryHash'] }),
      await em.findOne(SignInGuard, { name: guardName }),
    ])
    const verdict = signInVerdict(guardStateOf(guardRow), ctx.now().getTime(), lockMinutes)
    if (verdict.kind === 'locked') {
      await recordRefusal(ctx, guardName)
      throw lockedError(verdict.unlocksAt)
    }
    if (verdict.kind === 'wait') {
      const seconds = verdict.retryAfterSeconds
      throw new DomainError('TOO_MANY_ATTEMPTS', `Too many failed sign-ins. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, {
        retryAfterSeconds: seconds,
      })
    }

    const stored = kind === 'password' ? user?.passwordHash : user?.recoveryHash
    const typed = kind === 'password' ? secret : normalizeRecoveryCode(secret)
    // Verify even for an unknown name so the reply takes the same time either way.
    const secretOk = await verifyPassword(typed, stored ?? DUMMY_HASH)
    if (!user || !stored || !secretOk) {
      const locked = await recordFailure(ctx, guardName, name, user !== null)
      throw locked ? lockedError(ctx.now().getTime() + lockDurationMs(guardStateOf(guardRow).locks + 1, lockMinutes)) : invalid()
    }

    const signedIn = sessionUserOf(user)
    await write(ctx, async (tx) => {
      const guard = await tx.em.findOne(SignInGuard, { name: guardName })
      const now = ctx.now().getTime()
      if (signInVerdict(guardStateOf(guard), now, lockMinutes).kind === 'locked') throw lockedError()
      if (guard) tx.em.remove(guard)
      await tx.em.flush()
      tx.audit(success(signedIn))
    })
    return signedIn
  })
}

function invalid(): DomainError {
  return new DomainError('INVALID_CREDENTIALS', INVALID)
}

/** Guards of names with no lock and no failure for this long are forgotten (a stranger's guesses add rows). */
const FORGET_GUARDS_AFTER_MS = 24 * 60 * 60_000

/** Counts a wrong secret and locks at the limit; returns whether the name is now locked. */
function recordFailure(ctx: RequestContext, guardName: string, name: string, known: boolean): Promise<boolean> {
  const now = ctx.now().getTime()
  return write(ctx, async (tx) => {
    const row = (await tx.em.findOne(SignInGuard, { name: guardName })) ?? tx.em.create(SignInGuard, { name: guardName })
    const { guard, locked } = afterFailure(guardStateOf(row), now, ctx.settings.signInLockMinutes)
    row.failures = guard.failures
    row.lastFailedAt = iso(guard.lastFailedAt)
    row.lockedAt = iso(guard.lockedAt)
    row.locks = guard.locks
    await tx.em.flush()
    await tx.em.nativeDelete(SignInGuard, { lockedAt: null, lastFailedAt: { $lt: new Date(now - FORGET_GUARDS_AFTER_MS).toISOString() } })
    const subject = name.slice(0, 64)
    const details: AuditDetails = { failures: guard.failures }
    if (!known) details['reason'] = 'unknown user'
    if (guardName !== name) details['secret'] = 'recovery code'
    tx.audit({ action: 'auth.sign-in-failed', actor: null, subject, details })
    if (locked) tx.audit({ action: 'auth.locked', actor: null, subject, details: { failures: guard.failures, locks: guard.locks } })
    return locked
  })
}

/**
 * An attempt on a locked name: counted, and written to the audit trail at most once a minute with
 * the attempts since the last row, so a guessing loop cannot grow the trail without bound.
 */
function recordRefusal(ctx: RequestContext, guardName: string): Promise<void> {
  const now = ctx.now().getTime()
  return write(ctx, async (tx) => {
    const row = await tx.em.findOne(SignInGuard, { name: guardName })
    if (!row) return
    row.refused += 1
    if (shouldLogRefusal(time(row.refusedLoggedAt), now)) {
      tx.audit({
        action: 'auth.sign-in-failed',
        actor: null,
        subject: guardName.slice(0, 72),
        details: { reason: 'locked', attempts: row.refused },
      })
      row.refused = 0
      row.refusedLoggedAt = new Date(now).toISOString()
    }
    await tx.em.flush()
  })
}

export function authenticate(ctx: RequestContext, username: string, password: string): Promise<SessionUser> {
  return checkSecret(ctx, username, password, 'password', (user) => ({
    action: 'auth.sign-in',
    actor: { id: user.id, name: user.displayName },
    subject: user.username,
  }))
}

/**
 * A user who holds `permission` approves one call of it by the signed-in user. The approver's
 * password is checked and throttled exactly like a sign-in; a user without the permission cannot
 * approve it, whatever their password.
 */
export async function approve(ctx: RequestContext, requester: SessionUser, username: string, secret: string, permission: Permission) {
  const approver = await checkSecret(ctx, username, secret, 'password', (user) => ({
    action: roleHas(user.role, permission) ? 'auth.approved' : 'auth.approval-refused',
    actor: { id: user.id, name: user.displayName },
    subject: requester.username,
    details: roleHas(user.role, permission) ? { permission, requesterId: requester.id } : { permission, requesterId: null },
  }))
  if (!roleHas(approver.role, permission)) {
    throw new DomainError('FORBIDDEN', `${approver.username} may not approve '${permission}'.`, { permission })
  }
  const granted = ctx.grantApproval(permission, approver)
  return { ...granted, approvedBy: { id: approver.id, username: approver.username, displayName: approver.displayName } }
}

/** A new password: long enough, and not the username. */
export function checkNewPassword(username: string, password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || normalizeUsername(password) === normalizeUsername(username)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `A password needs at least ${MIN_PASSWORD_LENGTH} characters and must not be the username.`,
      {
        rule: 'weakPassword',
        field: 'newPassword',
        min: MIN_PASSWORD_LENGTH,
      },
    )
  }
}

/**
 * The owner's way back in without a manager: the recovery code sets a new password, clears every
 * lock on the name and is replaced by a new code, shown once.
 */
export async function recoverOwner(
  ctx: RequestContext,
  username: string,
  recoveryCode: string,
  newPassword: string,
): Promise<{ recoveryCode: string }> {
  checkNewPassword(username, newPassword)
  const name = normalizeUsername(username)
  const owner = await checkSecret(ctx, name, recoveryCode, 'recoveryCode', (user) => ({
    action: 'auth.recovered',
    actor: { id: user.id, name: user.displayName },
    subject: user.username,
  }))
  const nextCode = newRecoveryCode()
  const [passwordHash, recoveryHash] = [await hashPassword(newPassword), await hashPassword(normalizeRecoveryCode(nextCode))]
  await write(ctx, async (tx) => {
    await tx.em.nativeUpdate(User, { id: owner.id }, { passwordHash, recoveryHash })
    await tx.em.nativeDelete(SignInGuard, { name: { $in: [name, recoveryGuard(name)] } })
  })
  return { recoveryCode: nextCode }
}

/** Clears every lock on a name; whether there was one. Used by users:unlock and the machine's own command. */
export async function clearSignInGuards(em: EntityManager, username: string, now: number, lockMinutes: number): Promise<boolean> {
  const name = normalizeUsername(username)
  const guards = await em.find(SignInGuard, { name: { $in: [name, recoveryGuard(name)] } })
  const wasLocked = guards.some((guard) => signInVerdict(guardStateOf(guard), now, lockMinutes).kind === 'locked')
  for (const guard of guards) em.remove(guard)
  await em.flush()
  return wasLocked
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
