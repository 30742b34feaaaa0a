import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IpcResult } from '#shared/ipc/errors'
import { auditRows } from '#core/testing/audit-trail'
import { expectError, lockName, ok, openTestStore, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'
import { checkNewPassword } from './auth.service'
import { hashPassword } from './password'
import { SIGN_IN_POLICY } from './sign-in.rules'

let store: TestStore

beforeEach(async () => {
  store = await openTestStore()
})

afterEach(async () => {
  await store.cleanup()
})

const hashes = () =>
  withRawDb(
    store.dbPath,
    (db) =>
      db.prepare("select password_hash, pin_hash from user where username = 'manager'").get() as {
        password_hash: string
        pin_hash: string | null
      },
  )
const guard = (name: string) =>
  withRawDb(store.dbPath, (db) => db.prepare('select failures, locked_at from sign_in_guard where name = ?').get(name)) as
    { failures: number; locked_at: string | null } | undefined
const auditActions = () => auditRows(store.dbPath).map((row) => row.action)
const codes = (replies: IpcResult<unknown>[]) => replies.map((reply) => (reply.ok ? 'ok' : reply.error.code))

describe('a new password', () => {
  it('needs 8 characters, not the username, not one character or a straight run, not a password guessed first', () => {
    for (const weak of [
      'short',
      'manager',
      'MANAGER',
      'zzzzzzzz',
      '12345678',
      'abcdefgh',
      '98765432',
      'Password1',
      'qwertyuiop',
      'manager1',
      'Manager2026',
      'managermanager',
    ]) {
      expect(() => checkNewPassword('manager', weak), weak).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED', params: { rule: 'weakPassword', field: 'newPassword', min: 8 } }),
      )
    }
    for (const fine of ['correct horse', '24681357', 'manager of the shop', 'नमस्ते दुनिया'])
      expect(() => checkNewPassword('manager', fine), fine).not.toThrow()
  })
})

describe('auth:changePassword', () => {
  it('needs the current password and a strong new one; the old one then stops working', { timeout: 60_000 }, async () => {
    const manager = await signedInClient(store.backend, 'manager')
    const before = hashes()
    const weak = await manager.invoke('auth:changePassword', { currentPassword: 'manager', newPassword: 'manager1' })
    expectError(weak, 'VALIDATION_FAILED')
    expectError(
      await manager.invoke('auth:changePassword', { currentPassword: 'wrong', newPassword: 'maya has a new one' }),
      'INVALID_CREDENTIALS',
    )
    expect(hashes()).toEqual(before)
    // A wrong current password counts like a wrong sign-in.
    expect(guard('manager')?.failures).toBe(1)

    ok(await manager.invoke('auth:changePassword', { currentPassword: 'manager', newPassword: 'maya has a new one' }))
    expect(hashes().password_hash).not.toBe(before.password_hash)
    expect(guard('manager')).toBeUndefined()
    expect(auditActions().at(-1)).toBe('auth.password-changed')
    // This window stays signed in; the old password no longer signs in.
    ok(await manager.invoke('users:list', {}))
    expectError(await store.backend.connect().invoke('auth:login', { username: 'manager', password: 'manager' }), 'INVALID_CREDENTIALS')
    ok(await store.backend.connect().invoke('auth:login', { username: 'manager', password: 'maya has a new one' }))
  })

  it('cannot be used to guess: it meets the sign-in’s delay and lock', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    withRawDb(store.dbPath, (db) =>
      db.prepare("insert into sign_in_guard (name, failures, last_failed_at) values ('manager', 5, ?)").run(store.clock.now.toISOString()),
    )
    const change = () => manager.invoke('auth:changePassword', { currentPassword: 'manager', newPassword: 'maya has a new one' })
    expectError(await change(), 'TOO_MANY_ATTEMPTS')
    lockName(store.dbPath, 'manager')
    expectError(await change(), 'ACCOUNT_LOCKED')
    expect(hashes().password_hash).toMatch(/^scrypt\$/)
    expectError(
      await store.backend.connect().invoke('auth:login', { username: 'manager', password: 'maya has a new one' }),
      'ACCOUNT_LOCKED',
    )
  })
})

describe('auth:setPin and approvals with a PIN', () => {
  /** The manager's PIN 4821, hashed once for the file and written at the machine (setting one is tested above). */
  let pinHash: Promise<string> | undefined
  async function giveManagerPin(): Promise<void> {
    const hash = await (pinHash ??= hashPassword('4821'))
    withRawDb(store.dbPath, (db) => db.prepare("update user set pin_hash = ? where username = 'manager'").run(hash))
  }

  it(
    'sets a PIN after the current password, which then approves in place of the password, and removes it again',
    { timeout: 60_000 },
    async () => {
      const manager = await signedInClient(store.backend, 'manager')
      expectError(await manager.invoke('auth:setPin', { currentPassword: 'wrong', pin: '4821' }), 'INVALID_CREDENTIALS')
      expect(hashes().pin_hash).toBeNull()
      expectError(await manager.invoke('auth:setPin', { currentPassword: 'manager', pin: '12' }), 'VALIDATION_FAILED')
      // The PINs guessed first are refused before the password is even checked.
      for (const pin of ['1234', '0000', '987654', '1212', '121212', '2580']) {
        const weak = await manager.invoke('auth:setPin', { currentPassword: 'manager', pin })
        expectError(weak, 'VALIDATION_FAILED')
        expect(!weak.ok && weak.error.params).toEqual({ rule: 'weakPin', field: 'pin' })
      }
      expect(hashes().pin_hash).toBeNull()
      ok(await manager.invoke('auth:setPin', { currentPassword: 'manager', pin: '4821' }))
      // Hashed as the store hashes its passwords (scrypt, its cost), never kept as typed.
      expect(hashes().pin_hash).toMatch(/^scrypt\$\d+\$8\$1\$/)
      expect(hashes().pin_hash!.split('$').slice(0, 4)).toEqual(hashes().password_hash.split('$').slice(0, 4))
      expect(hashes().pin_hash).not.toContain('4821')
      expect(auditActions().at(-1)).toBe('auth.pin-set')
      const listed = ok(await manager.invoke('users:list', {})).items.find((user) => user.username === 'manager')
      expect(listed?.hasPin).toBe(true)

      const cashier = await signedInClient(store.backend, 'cashier')
      const granted = ok(await cashier.invoke('auth:approve', { username: 'manager', secret: '4821', permission: 'users.manage' }))
      expect(granted.approvedBy.username).toBe('manager')
      ok(await cashier.invoke('users:list', { approvalId: granted.approvalId }))

      ok(await manager.invoke('auth:setPin', { currentPassword: 'manager', pin: null }))
      expect(hashes().pin_hash).toBeNull()
      expectError(
        await cashier.invoke('auth:approve', { username: 'manager', secret: '4821', permission: 'users.manage' }),
        'INVALID_CREDENTIALS',
      )
    },
  )

  it(
    'throttles PIN guesses on their own guard: the lock comes after ten, and the password still approves',
    { timeout: 60_000 },
    async () => {
      await giveManagerPin()
      const [manager, cashier] = await Promise.all([signedInClient(store.backend, 'manager'), signedInClient(store.backend, 'cashier')])
      const approve = (secret: string) => cashier.invoke('auth:approve', { username: 'manager', secret, permission: 'users.manage' })
      // Twenty guesses at once, two short of the delay, meet it like parallel sign-ins: only two are even checked.
      const earlier = SIGN_IN_POLICY.delayAfter - 2
      withRawDb(store.dbPath, (db) =>
        db
          .prepare("insert into sign_in_guard (name, failures, last_failed_at) values ('pin:manager', ?, '2026-03-15T00:00:00.000Z')")
          .run(earlier),
      )
      const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => approve(String(1000 + i))))
      expect(codes(replies)).not.toContain('ok')
      expect(guard('pin:manager')?.failures).toBe(SIGN_IN_POLICY.delayAfter)
      expect(codes(replies).filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(18)
      expect(guard('manager')).toBeUndefined()

      // One short of the lock, the next wrong PIN locks it; the right PIN is then refused too.
      withRawDb(store.dbPath, (db) =>
        db.prepare("update sign_in_guard set failures = 9, last_failed_at = '2026-03-15T00:00:00.000Z' where name = 'pin:manager'").run(),
      )
      expectError(await approve('9999'), 'ACCOUNT_LOCKED')
      expectError(await approve('4821'), 'ACCOUNT_LOCKED')
      expect(guard('pin:manager')?.locked_at).not.toBeNull()
      // The password (and so the sign-in) is another guard.
      expect(
        ok(await cashier.invoke('users:list', { approvalId: ok(await approve('manager')).approvalId })).items.find(
          (u) => u.username === 'manager',
        )?.locked,
      ).toBe(true)

      // An unlock lifts the PIN's lock too.
      ok(await manager.invoke('users:unlock', { username: 'manager' }))
      expect(guard('pin:manager')).toBeUndefined()
      ok(await approve('4821'))
    },
  )

  it('a name typed with a colon cannot lock another name’s PIN or recovery code', async () => {
    await giveManagerPin()
    withRawDb(store.dbPath, (db) =>
      db
        .prepare(
          "insert into sign_in_guard (name, failures, last_failed_at) values ('password:pin:manager', 9, '2026-03-15T00:00:00.000Z')",
        )
        .run(),
    )
    expectError(await store.backend.connect().invoke('auth:login', { username: 'PIN:Manager', password: 'guess' }), 'ACCOUNT_LOCKED')
    expect(guard('pin:manager')).toBeUndefined()
    expect(guard('password:pin:manager')?.locked_at).not.toBeNull()
    const cashier = await signedInClient(store.backend, 'cashier')
    ok(await cashier.invoke('auth:approve', { username: 'manager', secret: '4821', permission: 'users.manage' }))
  })
})
