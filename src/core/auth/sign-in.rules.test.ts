import { describe, expect, it } from 'vitest'
import {
  afterFailure,
  FRESH_GUARD,
  lockDurationMs,
  shouldLogRefusal,
  signInVerdict,
  SIGN_IN_POLICY,
  type GuardState,
} from './sign-in.rules'

const NOW = Date.parse('2026-03-15T10:00:00.000Z')
const MINUTE = 60_000
const LOCK_MINUTES = 15

function failTimes(count: number, state: GuardState = FRESH_GUARD, at = NOW): GuardState {
  let guard = state
  for (let i = 0; i < count; i += 1) guard = afterFailure(guard, at, LOCK_MINUTES).guard
  return guard
}

describe('signInVerdict', () => {
  it('lets a fresh name check its password, and waits only from the threshold on', () => {
    expect(signInVerdict(FRESH_GUARD, NOW, LOCK_MINUTES)).toEqual({ kind: 'check' })
    expect(signInVerdict(failTimes(4), NOW, LOCK_MINUTES)).toEqual({ kind: 'check' })
    expect(signInVerdict(failTimes(5), NOW, LOCK_MINUTES)).toEqual({ kind: 'wait', retryAfterSeconds: 1 })
    expect(signInVerdict(failTimes(5), NOW + 1_000, LOCK_MINUTES)).toEqual({ kind: 'check' })
  })

  it('counts a last failure in the future (the clock was set back) as now, with no wait below the threshold', () => {
    const muchLater = afterFailure(FRESH_GUARD, NOW + 2 * 60 * MINUTE, LOCK_MINUTES).guard
    expect(signInVerdict(muchLater, NOW, LOCK_MINUTES)).toEqual({ kind: 'check' })
    const fiveLater = failTimes(5, FRESH_GUARD, NOW + 2 * 60 * MINUTE)
    expect(signInVerdict(fiveLater, NOW, LOCK_MINUTES)).toEqual({ kind: 'wait', retryAfterSeconds: 1 })
  })

  it('locks at the threshold for the store’s lock time, twice as long on each repeat', () => {
    const locked = failTimes(SIGN_IN_POLICY.lockAfter)
    expect(signInVerdict(locked, NOW, LOCK_MINUTES)).toEqual({ kind: 'locked', unlocksAt: NOW + 15 * MINUTE })
    expect(signInVerdict(locked, NOW + 15 * MINUTE - 1, LOCK_MINUTES).kind).toBe('locked')
    expect(signInVerdict(locked, NOW + 15 * MINUTE, LOCK_MINUTES)).toEqual({ kind: 'check' })
    const again = failTimes(SIGN_IN_POLICY.lockAfter, locked, NOW + 15 * MINUTE)
    expect(again.locks).toBe(2)
    expect(signInVerdict(again, NOW + 15 * MINUTE, LOCK_MINUTES)).toEqual({ kind: 'locked', unlocksAt: NOW + 45 * MINUTE })
    expect([1, 2, 3, 20].map((locks) => lockDurationMs(locks, LOCK_MINUTES) / MINUTE)).toEqual([15, 30, 60, 24 * 60])
  })

  it('never locks for ever when the clock set the lock in the future', () => {
    const lockedLater = failTimes(SIGN_IN_POLICY.lockAfter, FRESH_GUARD, NOW + 24 * 60 * MINUTE)
    expect(signInVerdict(lockedLater, NOW, LOCK_MINUTES)).toEqual({ kind: 'locked', unlocksAt: NOW + 15 * MINUTE })
  })
})

describe('shouldLogRefusal', () => {
  it('writes a refusal on a locked name at most once a minute', () => {
    expect(shouldLogRefusal(null, NOW)).toBe(true)
    expect(shouldLogRefusal(NOW - 59_999, NOW)).toBe(false)
    expect(shouldLogRefusal(NOW - 60_000, NOW)).toBe(true)
    expect(shouldLogRefusal(NOW + 3_600_000, NOW)).toBe(true)
  })
})
