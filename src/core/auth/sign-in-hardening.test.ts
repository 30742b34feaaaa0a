import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IpcResult } from '#shared/ipc/errors'
import { DEMO_RECOVERY_CODE } from '#core/db/seed/demo-seed'
import { auditRows } from '#core/testing/audit-trail'
import { expectError, lockName, ok, openTestStore, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'
import { SIGN_IN_POLICY } from './sign-in.rules'

let store: TestStore

beforeEach(async () => {
  store = await openTestStore()
})

afterEach(async () => {
  await store.cleanup()
})

function advance(seconds: number): void {
  store.clock.now = new Date(store.clock.now.getTime() + seconds * 1000)
}

const login = (username: string, password: string, client = store.backend.connect()) => client.invoke('auth:login', { username, password })

/** Passwords verified and found wrong: each leaves one `auth.sign-in-failed` row with its count. */
const verifiedWrong = (name: string) =>
  auditRows(store.dbPath).filter(
    (row) => row.action === 'auth.sign-in-failed' && row.subject === name && 'failures' in JSON.parse(row.details),
  ).length

const codes = (replies: IpcResult<unknown>[]) => replies.map((reply) => (reply.ok ? 'ok' : reply.error.code))

describe('parallel sign-ins', () => {
  it('meet the delay: 23 wrong passwords and then the right one, all at once, sign nobody in', async () => {
    const clients = Array.from({ length: 24 }, () => store.backend.connect())
    const replies = await Promise.all(clients.map((client, i) => login('cashier', i < 23 ? 'wrong' : 'cashier', client)))
    expect(codes(replies)).not.toContain('ok')
    expect(ok(await clients[23]!.invoke('auth:session', {})).user).toBeNull()
    expect(verifiedWrong('cashier')).toBe(SIGN_IN_POLICY.delayAfter)
    expect(codes(replies).filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(24 - SIGN_IN_POLICY.delayAfter)
  })

  it('meet the lock: 100 at once on an account one wrong password from its lock verify one password, and none signs in', async () => {
    withRawDb(store.dbPath, (db) =>
      db.prepare("insert into sign_in_guard (name, failures, last_failed_at) values ('cashier', 9, '2026-03-15T09:00:00.000Z')").run(),
    )
    const clients = Array.from({ length: 100 }, () => store.backend.connect())
    const replies = await Promise.all(clients.map((client, i) => login('cashier', i < 99 ? 'wrong' : 'cashier', client)))
    expect(codes(replies)).not.toContain('ok')
    expect(verifiedWrong('cashier')).toBe(1)
    expect(new Set(codes(replies))).toEqual(new Set(['ACCOUNT_LOCKED']))
    for (const client of clients) expect(ok(await client.invoke('auth:session', {})).user).toBeNull()
  })
})

describe('locks', () => {
  it('run out after 15 minutes, and the next lasts twice as long', async () => {
    lockName(store.dbPath, 'cashier', store.clock.now.toISOString())
    const locked = await login('cashier', 'cashier')
    expectError(locked, 'ACCOUNT_LOCKED')
    expect(!locked.ok && locked.error.params).toEqual({ unlocksAt: new Date(store.clock.now.getTime() + 15 * 60_000).toISOString() })
    advance(15 * 60 - 1)
    expectError(await login('cashier', 'cashier'), 'ACCOUNT_LOCKED')
    advance(1)
    // The lock ran out: ten more wrong passwords (with their delays) lock it again, for 30 minutes.
    for (let failures = 0; failures < SIGN_IN_POLICY.lockAfter - 1; failures += 1) {
      expectError(await login('cashier', 'wrong'), 'INVALID_CREDENTIALS')
      advance(60)
    }
    expectError(await login('cashier', 'wrong'), 'ACCOUNT_LOCKED')
    advance(29 * 60)
    expectError(await login('cashier', 'cashier'), 'ACCOUNT_LOCKED')
    advance(60)
    ok(await login('cashier', 'cashier'))
  })

  it('use the store setting for their length', async () => {
    withRawDb(store.dbPath, (db) => db.prepare("insert into setting (key, value) values ('signInLockMinutes', '5')").run())
    await store.reopen()
    lockName(store.dbPath, 'cashier', store.clock.now.toISOString())
    advance(5 * 60)
    ok(await login('cashier', 'cashier'))
  })
})

describe('a clock set back', () => {
  it('does not lock anyone out: a failure "in the future" counts as now, and below the threshold nobody waits', async () => {
    expectError(await login('cashier', 'wrong'), 'INVALID_CREDENTIALS')
    advance(-2 * 60 * 60)
    ok(await login('cashier', 'cashier'))
  })
})

describe('names nobody has', () => {
  it('are slowed down and locked exactly like real ones, so the replies tell a stranger nothing', async () => {
    const tryAll = async (name: string) => {
      const replies: unknown[] = []
      for (let i = 0; i < SIGN_IN_POLICY.lockAfter + 2; i += 1) {
        const reply = await login(name, 'wrong')
        replies.push(reply.ok ? 'ok' : { code: reply.error.code, params: reply.error.params ?? null })
        advance(61)
      }
      return replies
    }
    const start = store.clock.now
    const real = await tryAll('cashier')
    store.clock.now = start
    const made_up = await tryAll('nobody-here')
    expect(made_up).toEqual(real)
    expect(real).toContainEqual(expect.objectContaining({ code: 'ACCOUNT_LOCKED' }))
  })
})

describe('attempts on a locked account', () => {
  it('are folded in the audit trail: one row a minute, with the count', async () => {
    lockName(store.dbPath, 'cashier', store.clock.now.toISOString())
    const before = auditRows(store.dbPath).length
    for (let i = 0; i < 300; i += 1) expectError(await login('cashier', 'cashier'), 'ACCOUNT_LOCKED')
    const rows = auditRows(store.dbPath).slice(before)
    expect(rows).toHaveLength(1)
    expect(JSON.parse(rows[0]!.details)).toEqual({ reason: 'locked', attempts: 1 })
    advance(60)
    expectError(await login('cashier', 'cashier'), 'ACCOUNT_LOCKED')
    const next = auditRows(store.dbPath).slice(before + 1)
    expect(next.map((row) => JSON.parse(row.details))).toEqual([{ reason: 'locked', attempts: 300 }])
  })
})

describe('activity', () => {
  it('is only what needs a signed-in user: polling app:info and auth:session keeps nobody signed in', async () => {
    const till = await signedInClient(store.backend)
    for (let i = 0; i < 3; i += 1) {
      advance(10 * 60)
      ok(await till.invoke('app:info', {}))
      ok(await till.invoke('auth:session', {}))
    }
    expectError(await till.invoke('cart:get', {}), 'NOT_AUTHENTICATED', /signed out after 15 minutes/)
  })
})

describe("the owner's recovery code", () => {
  it('sets a new password, lifts the lock and is replaced by a new code', async () => {
    lockName(store.dbPath, 'owner', store.clock.now.toISOString())
    const anonymous = store.backend.connect()
    const { recoveryCode } = ok(
      await anonymous.invoke('auth:recover', {
        username: 'Owner',
        recoveryCode: DEMO_RECOVERY_CODE.toLowerCase(),
        newPassword: 'a new long one',
      }),
    )
    expect(recoveryCode).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/)
    expectError(await login('owner', 'owner'), 'INVALID_CREDENTIALS')
    ok(await login('owner', 'a new long one'))
    // The old code is spent; the new one works.
    expectError(
      await anonymous.invoke('auth:recover', { username: 'owner', recoveryCode: DEMO_RECOVERY_CODE, newPassword: 'another long one' }),
      'INVALID_CREDENTIALS',
    )
    ok(await anonymous.invoke('auth:recover', { username: 'owner', recoveryCode, newPassword: 'another long one' }))
    expect(auditRows(store.dbPath).filter((row) => row.action === 'auth.recovered')).toHaveLength(2)
  })

  it('is refused for a wrong code, a user without one and a weak password, and changes nothing', async () => {
    const anonymous = store.backend.connect()
    const hashes = () =>
      withRawDb(store.dbPath, (db) => db.prepare('select username, password_hash, recovery_hash from user order by id').all())
    const before = hashes()
    expectError(
      await anonymous.invoke('auth:recover', { username: 'owner', recoveryCode: 'AAAA-BBBB-CCCC-DDDD', newPassword: 'long enough!' }),
      'INVALID_CREDENTIALS',
    )
    expectError(
      await anonymous.invoke('auth:recover', { username: 'manager', recoveryCode: DEMO_RECOVERY_CODE, newPassword: 'long enough!' }),
      'INVALID_CREDENTIALS',
    )
    const weak = await anonymous.invoke('auth:recover', { username: 'owner', recoveryCode: DEMO_RECOVERY_CODE, newPassword: 'short' })
    expectError(weak, 'VALIDATION_FAILED')
    expect(!weak.ok && weak.error.params).toMatchObject({ rule: 'weakPassword', min: 8 })
    expect(hashes()).toEqual(before)
    ok(await login('owner', 'owner'))
  })

  it('is throttled apart from the password, so guessing codes cannot lock the owner out of signing in', async () => {
    const anonymous = store.backend.connect()
    for (let i = 0; i < SIGN_IN_POLICY.delayAfter; i += 1) {
      expectError(
        await anonymous.invoke('auth:recover', { username: 'owner', recoveryCode: `WRONG-${i}`, newPassword: 'long enough!' }),
        'INVALID_CREDENTIALS',
      )
    }
    expectError(
      await anonymous.invoke('auth:recover', { username: 'owner', recoveryCode: DEMO_RECOVERY_CODE, newPassword: 'long enough!' }),
      'TOO_MANY_ATTEMPTS',
    )
    ok(await login('owner', 'owner'))
  })
})

describe('unlocking from the machine', () => {
  it('lifts a lock through the backend, audited as done at the machine', async () => {
    lockName(store.dbPath, 'cashier', store.clock.now.toISOString())
    expect(await store.backend.unlockUser('Cashier')).toEqual({ username: 'cashier', displayName: 'Kiran Cashier' })
    ok(await login('cashier', 'cashier'))
    const row = auditRows(store.dbPath).find((entry) => entry.action === 'user.unlocked')
    expect(row && JSON.parse(row.details)).toEqual({ wasLocked: true, via: 'machine' })
    await expect(store.backend.unlockUser('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
