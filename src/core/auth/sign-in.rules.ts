/**
 * When a sign-in (or an approval, or a recovery) may check a password: pure, so every rule is
 * tested without a database or a clock. Times are epoch milliseconds.
 *
 * After `delayAfter` wrong passwords each attempt waits 1 s, 2 s, 4 s … (at most a minute) from the
 * last failure; at `lockAfter` the name is locked for the store's lock time, twice as long at each
 * lock since the last good password (at most a day). A time in the future (the clock was set back)
 * counts as now, so a corrected clock never locks anyone out.
 */
export const SIGN_IN_POLICY = { delayAfter: 5, lockAfter: 10, baseDelayMs: 1_000, maxDelayMs: 60_000, maxLockMs: 24 * 60 * 60_000 } as const

export interface GuardState {
  failures: number
  lastFailedAt: number | null
  lockedAt: number | null
  locks: number
}

export const FRESH_GUARD: GuardState = { failures: 0, lastFailedAt: null, lockedAt: null, locks: 0 }

export type SignInVerdict = { kind: 'check' } | { kind: 'wait'; retryAfterSeconds: number } | { kind: 'locked'; unlocksAt: number }

export function signInDelayMs(failures: number): number {
  if (failures < SIGN_IN_POLICY.delayAfter) return 0
  return Math.min(SIGN_IN_POLICY.baseDelayMs * 2 ** (failures - SIGN_IN_POLICY.delayAfter), SIGN_IN_POLICY.maxDelayMs)
}

export function lockDurationMs(locks: number, lockMinutes: number): number {
  return Math.min(lockMinutes * 60_000 * 2 ** Math.max(0, locks - 1), SIGN_IN_POLICY.maxLockMs)
}

const notAfter = (time: number | null, now: number): number | null => (time === null ? null : Math.min(time, now))

/** The guard as it stands now: a lock that ran out is gone (its count stays, so the next lasts longer). */
export function currentGuard(state: GuardState, now: number, lockMinutes: number): GuardState {
  const lockedAt = notAfter(state.lockedAt, now)
  if (lockedAt !== null && now >= lockedAt + lockDurationMs(state.locks, lockMinutes)) {
    return { failures: 0, lastFailedAt: null, lockedAt: null, locks: state.locks }
  }
  return { ...state, lockedAt, lastFailedAt: notAfter(state.lastFailedAt, now) }
}

export function signInVerdict(state: GuardState, now: number, lockMinutes: number): SignInVerdict {
  const guard = currentGuard(state, now, lockMinutes)
  if (guard.lockedAt !== null) return { kind: 'locked', unlocksAt: guard.lockedAt + lockDurationMs(guard.locks, lockMinutes) }
  if (guard.lastFailedAt === null) return { kind: 'check' }
  const waitMs = guard.lastFailedAt + signInDelayMs(guard.failures) - now
  return waitMs > 0 ? { kind: 'wait', retryAfterSeconds: Math.ceil(waitMs / 1000) } : { kind: 'check' }
}

/** The guard after a wrong password; `locked` when this one reached the threshold. */
export function afterFailure(state: GuardState, now: number, lockMinutes: number): { guard: GuardState; locked: boolean } {
  const guard = currentGuard(state, now, lockMinutes)
  const failures = guard.failures + 1
  if (failures >= SIGN_IN_POLICY.lockAfter)
    return { guard: { failures, lastFailedAt: now, lockedAt: now, locks: guard.locks + 1 }, locked: true }
  return { guard: { ...guard, failures, lastFailedAt: now }, locked: false }
}

/** Refused attempts on a locked name are written to the audit trail at most once a minute, with their count. */
export const REFUSALS_LOGGED_EVERY_MS = 60_000

export function shouldLogRefusal(refusedLoggedAt: number | null, now: number): boolean {
  return refusedLoggedAt === null || refusedLoggedAt > now || now - refusedLoggedAt >= REFUSALS_LOGGED_EVERY_MS
}
