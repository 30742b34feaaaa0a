import type { UserDto } from '#shared/contract/auth'
import type { Language } from '#shared/contract/common'
import { PERMISSIONS, type Permission } from '#shared/ipc/permissions'
import { allows, roleHas, type StoreGrants } from '#core/api/policy'
import type { PasswordHasher, RequestContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { EntityManager } from '@mikro-orm/sqlite'
import type { AuditDetails, AuditEvent } from '#core/db/audit-chain'
import { SignInGuard, User } from '#core/db/entities'
import { read, write } from '#core/db/tx'
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code'
import { afterFailure, FRESH_GUARD, lockDurationMs, shouldLogRefusal, signInVerdict, type GuardState } from './sign-in.rules'

/** The shortest password a user may set. */
export const MIN_PASSWORD_LENGTH = 8

const INVALID = 'Wrong username or password.'
const LOCKED = 'This account is locked after too many failed sign-ins. Ask a manager to unlock it.'

export { SIGN_IN_POLICY, signInDelayMs } from './sign-in.rules'

export function sessionUserOf(user: Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'language'>): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, language: user.language ?? null }
}

/** A name as typed at the sign-in screen, the way users are stored. */
export function normalizeUsername(typed: string): string {
  return typed.trim().toLowerCase()
}

type SecretKind = 'password' | 'recoveryCode' | 'pin'

/**
 * The guard a check of `kind` on `name` counts against. Recovery codes and PINs are throttled apart
 * from passwords, so guessing one cannot lock the other. A username never holds ':', so a name typed
 * with one gets its password guard under `password:` and can never stand for another name's code or PIN.
 */
function guardNameOf(kind: SecretKind, name: string): string {
  if (kind === 'recoveryCode') return `recover:${name}`
  if (kind === 'pin') return `pin:${name}`
  return name.includes(':') ? `password:${name}` : name
}

/** Every guard of a user's name: a lock on any of them is lifted by users:unlock and recovery. */
const guardNamesOf = (name: string) => (['password', 'recoveryCode', 'pin'] as const).map((kind) => guardNameOf(kind, name))

/** A PIN is 4 to 6 digits; a password is at least MIN_PASSWORD_LENGTH characters, so the two never look alike. */
const PIN_PATTERN = /^[0-9]{4,6}$/

const time = (iso: string | null | undefined): number | null => (iso == null ? null : Date.parse(iso))
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

function guardStateOf(row: SignInGuard | null): GuardState {
  if (!row) return FRESH_GUARD
  return { failures: row.failures, lastFailedAt: time(row.lastFailedAt), lockedAt: time(row.lockedAt), locks: row.locks }
}

function lockedError(unlocksAt?: number): DomainError {
  return new DomainError('ACCOUNT_LOCKED', LOCKED, unlocksAt === undefined ? {} : { unlocksAt: new Date(unlocksAt).toISOString() })
}

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
  /**
   * Runs once the secret is right, outside the database queue (it may derive a key), and answers
   * what to write in the success's own transaction (a new password, a PIN, the sign-in time).
   */
  andThen?: (user: SessionUser) => Promise<(em: EntityManager) => Promise<unknown>>,
): Promise<SessionUser> {
  const name = normalizeUsername(typedName)
  const guardName = guardNameOf(kind, name)
  return ctx.oneAccountAtATime(guardName, async () => {
    const lockMinutes = ctx.settings.signInLockMinutes
    const hash = kind === 'password' ? 'passwordHash' : kind === 'pin' ? 'pinHash' : 'recoveryHash'
    const [user, guardRow] = await read(ctx, async ({ em }) => [
      await em.findOne(User, { username: name, active: true }, { populate: [hash] }),
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

    const stored = user?.[hash]
    const typed = kind === 'recoveryCode' ? normalizeRecoveryCode(secret) : secret
    // Verify even for an unknown name so the reply takes the same time either way.
    const secretOk = await ctx.passwords.verify(typed, stored ?? ctx.passwords.dummy)
    if (!user || !stored || !secretOk) {
      const locked = await recordFailure(ctx, kind, name, user !== null)
      throw locked ? lockedError(ctx.now().getTime() + lockDurationMs(guardStateOf(guardRow).locks + 1, lockMinutes)) : invalid()
    }

    const signedIn = sessionUserOf(user)
    const alsoWrite = await andThen?.(signedIn)
    await write(ctx, async (tx) => {
      const guard = await tx.em.findOne(SignInGuard, { name: guardName })
      const now = ctx.now().getTime()
      if (signInVerdict(guardStateOf(guard), now, lockMinutes).kind === 'locked') throw lockedError()
      if (guard) tx.em.remove(guard)
      await tx.em.flush()
      await alsoWrite?.(tx.em)
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
function recordFailure(ctx: RequestContext, kind: SecretKind, name: string, known: boolean): Promise<boolean> {
  const guardName = guardNameOf(kind, name)
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
    if (kind !== 'password') details['secret'] = kind === 'pin' ? 'PIN' : 'recovery code'
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

/**
 * Signs a person in; `language` (picked on the sign-in screen) becomes theirs in the same
 * transaction, and the session carries it.
 */
export async function authenticate(
  ctx: RequestContext,
  username: string,
  password: string,
  language?: Language | null,
): Promise<SessionUser> {
  const user = await checkSecret(
    ctx,
    username,
    password,
    'password',
    (signedIn) => ({
      action: 'auth.sign-in',
      actor: { id: signedIn.id, name: signedIn.displayName },
      subject: signedIn.username,
      ...(language !== undefined && language !== signedIn.language ? { details: { language } } : {}),
    }),
    async (signedIn) => (em) =>
      em.nativeUpdate(
        User,
        { id: signedIn.id },
        { lastSignInAt: ctx.now().toISOString(), ...(language === undefined ? {} : { language }) },
      ),
  )
  return language === undefined ? user : { ...user, language }
}

/**
 * A user who holds `permission` approves one call of it by the signed-in user. The approver's
 * password, or their PIN (4–6 digits), is checked and throttled exactly like a sign-in, a PIN on a
 * guard of its own; a user without the permission cannot approve it, whatever their secret.
 */
export async function approve(ctx: RequestContext, requester: SessionUser, username: string, secret: string, permission: Permission) {
  const kind = PIN_PATTERN.test(secret) ? 'pin' : 'password'
  const approver = await checkSecret(ctx, username, secret, kind, (user) => ({
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

/** The passwords tried first by anyone guessing (lower case), refused as new passwords. */
const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'qwertyui',
  'qwertyuiop',
  'qwerty123',
  'asdfghjk',
  'zxcvbnm1',
  '1q2w3e4r',
  '1qaz2wsx',
  'abc12345',
  'admin123',
  'iloveyou',
  'letmein1',
  'welcome1',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'trustno1',
  'tillwise',
])

/** One character repeated, or a straight run up or down (`12345678`, `abcdefgh`, `87654321`). */
function isTrivial(password: string): boolean {
  const codes = [...password.toLowerCase()].map((character) => character.codePointAt(0) ?? 0)
  const steps = new Set(codes.slice(1).map((code, index) => code - codes[index]!))
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]!)
}

/** The username with a few characters around it (`manager1`, `sita2026`) is as good as the username. */
function isUsernameAndLittleElse(folded: string, username: string): boolean {
  const name = normalizeUsername(username)
  return name.length > 0 && folded.split(name).join('').length <= MIN_PASSWORD_LENGTH / 2
}

/**
 * A new password: at least MIN_PASSWORD_LENGTH characters, not (nearly) the username, not one
 * character repeated or a straight run, and not one of the passwords guessed first. `field` names
 * the input it came in (VALIDATION_FAILED weakPassword).
 */
export function checkNewPassword(username: string, password: string, field = 'newPassword'): void {
  const folded = normalizeUsername(password)
  if (
    password.length < MIN_PASSWORD_LENGTH ||
    isUsernameAndLittleElse(folded, username) ||
    isTrivial(password) ||
    COMMON_PASSWORDS.has(folded)
  ) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `A password needs at least ${MIN_PASSWORD_LENGTH} characters, must not be the username and must not be easy to guess.`,
      { rule: 'weakPassword', field, min: MIN_PASSWORD_LENGTH },
    )
  }
}

/** A username as stored: trimmed, lower case, and without ':' (which the sign-in guards use). */
export function checkUsername(typed: string, field: string): string {
  const name = normalizeUsername(typed)
  if (name === '' || name.includes(':')) {
    throw new DomainError('VALIDATION_FAILED', "A username must not be empty or hold ':'.", { rule: 'schema', field })
  }
  return name
}

/**
 * The signed-in user changes their own password: the current one is checked through the sign-in's
 * throttle (so this cannot be used to guess it), the new one must pass checkNewPassword.
 */
export async function changePassword(ctx: RequestContext, user: SessionUser, currentPassword: string, newPassword: string): Promise<void> {
  checkNewPassword(user.username, newPassword)
  await checkSecret(
    ctx,
    user.username,
    currentPassword,
    'password',
    (checked) => ({ action: 'auth.password-changed', actor: { id: checked.id, name: checked.displayName }, subject: checked.username }),
    async (checked) => {
      const passwordHash = await ctx.passwords.hash(newPassword)
      return (em) => em.nativeUpdate(User, { id: checked.id }, { passwordHash })
    },
  )
}

/** The PINs people choose most (by far the most guessed first), beyond one digit repeated and straight runs. */
const COMMON_PINS = new Set(['1004', '2000', '6969', '1122', '1313', '2001', '2580', '0852', '1998', '1999', '696969', '112233', '159753'])

/**
 * A new approval PIN: not one digit repeated (0000), not a straight run (1234, 654321), not a pair
 * repeated (1212, 121212), not one of the PINs guessed first (VALIDATION_FAILED weakPin). Its
 * throttle makes guessing slow; this keeps the first guesses from being the right ones.
 */
export function checkNewPin(pin: string): void {
  if (isTrivial(pin) || /^(\d\d)\1+$/.test(pin) || COMMON_PINS.has(pin)) {
    throw new DomainError('VALIDATION_FAILED', 'That PIN is too easy to guess.', { rule: 'weakPin', field: 'pin' })
  }
}

/**
 * The signed-in user sets (or, with null, removes) their approval PIN after their current password
 * is checked like a sign-in. A new PIN starts with a clean guard.
 */
export async function setPin(ctx: RequestContext, user: SessionUser, currentPassword: string, pin: string | null): Promise<void> {
  if (pin !== null) checkNewPin(pin)
  await checkSecret(
    ctx,
    user.username,
    currentPassword,
    'password',
    (checked) => ({
      action: 'auth.pin-set',
      actor: { id: checked.id, name: checked.displayName },
      subject: checked.username,
      details: { removed: pin === null },
    }),
    async (checked) => {
      const pinHash = pin === null ? null : await ctx.passwords.hash(pin)
      return async (em) => {
        await em.nativeUpdate(User, { id: checked.id }, { pinHash })
        await em.nativeDelete(SignInGuard, { name: guardNameOf('pin', checked.username) })
      }
    },
  )
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
  const [passwordHash, recoveryHash] = [await ctx.passwords.hash(newPassword), await ctx.passwords.hash(normalizeRecoveryCode(nextCode))]
  await write(ctx, async (tx) => {
    await tx.em.nativeUpdate(User, { id: owner.id }, { passwordHash, recoveryHash })
    await tx.em.nativeDelete(SignInGuard, { name: { $in: guardNamesOf(name) } })
  })
  return { recoveryCode: nextCode }
}

/** A new owner's password hash and a fresh recovery code (answered once) with its hash. */
export async function ownerSecrets(
  passwords: PasswordHasher,
  password: string,
): Promise<{ passwordHash: string; recoveryHash: string; recoveryCode: string }> {
  const recoveryCode = newRecoveryCode()
  const [passwordHash, recoveryHash] = await Promise.all([passwords.hash(password), passwords.hash(normalizeRecoveryCode(recoveryCode))])
  return { passwordHash, recoveryHash, recoveryCode }
}

/** The demo's recovery code is stored the way every recovery code is. */
export { normalizeRecoveryCode }

/** A password hashed for storing (a new member of staff, a reset). */
export const hashNewPassword = (passwords: PasswordHasher, password: string): Promise<string> => passwords.hash(password)

/** Clears every lock on a name; whether there was one. Used by users:unlock and the machine's own command. */
export async function clearSignInGuards(em: EntityManager, username: string, now: number, lockMinutes: number): Promise<boolean> {
  const name = normalizeUsername(username)
  const guards = await em.find(SignInGuard, { name: { $in: guardNamesOf(name) } })
  const wasLocked = guards.some((guard) => signInVerdict(guardStateOf(guard), now, lockMinutes).kind === 'locked')
  for (const guard of guards) em.remove(guard)
  await em.flush()
  return wasLocked
}

/** The names among `usernames` locked right now by wrong passwords or PINs (the staff list shows them). */
export async function lockedUsernames(em: EntityManager, usernames: string[], now: number, lockMinutes: number): Promise<Set<string>> {
  const owners = new Map(
    usernames.flatMap((username) => (['password', 'pin'] as const).map((kind) => [guardNameOf(kind, username), username])),
  )
  const guards = await em.find(SignInGuard, { name: { $in: [...owners.keys()] } })
  return new Set(
    guards
      .filter((guard) => signInVerdict(guardStateOf(guard), now, lockMinutes).kind === 'locked')
      .map((guard) => owners.get(guard.name)!),
  )
}

/**
 * The user as the screen sees them, with what they may do by themselves: their role's permissions
 * and what the store grants on top (a cashier taking returns), so the screen offers exactly that.
 */
export function toUserDto(user: SessionUser, grants?: StoreGrants): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    permissions: PERMISSIONS.filter((permission) => allows(user.role, permission, grants)),
    language: user.language,
  }
}
