import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APPROVAL_TTL_MS } from '#core/api/session'
import { auditRows } from '#core/testing/audit-trail'
import { expectError, lockName, ok, openTestStore, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'

let store: TestStore

beforeEach(async () => {
  store = await openTestStore()
  // A second cashier whose account the first one may need unlocked.
  withRawDb(store.dbPath, (db) =>
    db
      .prepare(
        "insert into user (username, display_name, role, password_hash, created_at) select 'cashier2', 'Sita Cashier', 'cashier', password_hash, created_at from user where username = 'cashier'",
      )
      .run(),
  )
})

afterEach(async () => {
  await store.cleanup()
})

const lockCount = () =>
  withRawDb(store.dbPath, (db) => db.prepare('select count(*) from sign_in_guard where locked_at is not null').pluck().get())

/** Locks an account directly, so an unlock has something to do. */
const lockUser = (username: string) => lockName(store.dbPath, username)

async function approval(
  client: Awaited<ReturnType<typeof signedInClient>>,
  permission: 'users.manage' | 'backup.manage',
  username = 'manager',
) {
  return client.invoke('auth:approve', { username, secret: username, permission })
}

describe('a manager approval', () => {
  it('lets a cashier do one protected action, and the audit row names both people', async () => {
    lockUser('cashier2')
    const cashier = await signedInClient(store.backend)
    const before = auditRows(store.dbPath).length

    expectError(await cashier.invoke('users:unlock', { username: 'cashier2' }), 'FORBIDDEN', 'Only a manager can do that.')
    expect(lockCount()).toBe(1)
    expect(auditRows(store.dbPath)).toHaveLength(before)

    const granted = ok(await approval(cashier, 'users.manage'))
    expect(granted.approvedBy).toMatchObject({ username: 'manager', displayName: 'Maya Manager' })
    expect(Date.parse(granted.expiresAt) - store.clock.now.getTime()).toBe(APPROVAL_TTL_MS)
    const unlocked = ok(await cashier.invoke('users:unlock', { username: 'cashier2', approvalId: granted.approvalId }))
    expect(unlocked.user.username).toBe('cashier2')
    expect(lockCount()).toBe(0)

    const [approved, done] = auditRows(store.dbPath).slice(before)
    expect(approved).toMatchObject({ action: 'auth.approved', actor_name: 'Maya Manager', subject: 'cashier' })
    expect(JSON.parse(approved!.details)).toMatchObject({ permission: 'users.manage' })
    expect(done).toMatchObject({ action: 'user.unlocked', actor_name: 'Kiran Cashier', subject: 'cashier2' })
    expect(JSON.parse(done!.details)).toMatchObject({ approvedBy: 'Maya Manager', approvedFor: 'users.manage', wasLocked: true })
  })

  it('is single use: a second call with it is refused and changes nothing', async () => {
    lockUser('cashier2')
    const cashier = await signedInClient(store.backend)
    const { approvalId } = ok(await approval(cashier, 'users.manage'))
    ok(await cashier.invoke('users:unlock', { username: 'cashier2', approvalId }))
    lockUser('cashier2')
    const before = auditRows(store.dbPath).length
    const reply = await cashier.invoke('users:unlock', { username: 'cashier2', approvalId })
    expectError(reply, 'APPROVAL_REQUIRED')
    expect(!reply.ok && reply.error.params).toEqual({ permission: 'users.manage', problem: 'used' })
    expect(lockCount()).toBe(1)
    expect(auditRows(store.dbPath)).toHaveLength(before)
  })

  it('expires after two minutes', async () => {
    lockUser('cashier2')
    const cashier = await signedInClient(store.backend)
    const { approvalId } = ok(await approval(cashier, 'users.manage'))
    store.clock.now = new Date(store.clock.now.getTime() + APPROVAL_TTL_MS)
    const reply = await cashier.invoke('users:unlock', { username: 'cashier2', approvalId })
    expect(!reply.ok && reply.error).toMatchObject({ code: 'APPROVAL_REQUIRED', params: { problem: 'expired' } })
    expect(lockCount()).toBe(1)
  })

  it('is bound to its permission: refused for another one, still good for its own', async () => {
    lockUser('cashier2')
    const cashier = await signedInClient(store.backend)
    const { approvalId } = ok(await approval(cashier, 'backup.manage'))
    const reply = await cashier.invoke('users:unlock', { username: 'cashier2', approvalId })
    expect(!reply.ok && reply.error).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      params: { permission: 'users.manage', problem: 'otherPermission' },
    })
    expect(lockCount()).toBe(1)
    expect(ok(await cashier.invoke('backup:list', { approvalId })).items).toEqual([])
  })

  it('is bound to the window that asked, and ends with its sign-in', async () => {
    lockUser('cashier2')
    const cashier = await signedInClient(store.backend)
    const other = await signedInClient(store.backend)
    const { approvalId } = ok(await approval(cashier, 'users.manage'))
    const elsewhere = await other.invoke('users:unlock', { username: 'cashier2', approvalId })
    expect(!elsewhere.ok && elsewhere.error).toMatchObject({ code: 'APPROVAL_REQUIRED', params: { problem: 'unknown' } })
    ok(await cashier.invoke('auth:logout', {}))
    ok(await cashier.invoke('auth:login', { username: 'cashier', password: 'cashier' }))
    const afterSignIn = await cashier.invoke('users:unlock', { username: 'cashier2', approvalId })
    expect(!afterSignIn.ok && afterSignIn.error).toMatchObject({ code: 'APPROVAL_REQUIRED', params: { problem: 'unknown' } })
    expect(lockCount()).toBe(1)
  })

  it('cannot come from a cashier, whatever their password', async () => {
    const cashier = await signedInClient(store.backend)
    const before = auditRows(store.dbPath).length
    const reply = await approval(cashier, 'users.manage', 'cashier')
    expect(!reply.ok && reply.error).toMatchObject({ code: 'FORBIDDEN', params: { permission: 'users.manage' } })
    const rows = auditRows(store.dbPath).slice(before)
    expect(rows.map((row) => row.action)).toEqual(['auth.approval-refused'])
    lockUser('cashier2')
    expectError(await cashier.invoke('users:unlock', { username: 'cashier2' }), 'FORBIDDEN')
    expect(lockCount()).toBe(1)
  })

  it('checks the approver password like a sign-in: a wrong one is refused and counted', async () => {
    const cashier = await signedInClient(store.backend)
    const reply = await cashier.invoke('auth:approve', { username: 'manager', secret: 'guess', permission: 'users.manage' })
    expectError(reply, 'INVALID_CREDENTIALS', 'Wrong username or password.')
    expect(withRawDb(store.dbPath, (db) => db.prepare("select failures from sign_in_guard where name = 'manager'").pluck().get())).toBe(1)
    expect(auditRows(store.dbPath).at(-1)).toMatchObject({ action: 'auth.sign-in-failed', subject: 'manager' })
  })

  it('is not needed by a manager, who holds the permission', async () => {
    lockUser('cashier2')
    const manager = await signedInClient(store.backend, 'manager')
    ok(await manager.invoke('users:unlock', { username: 'cashier2' }))
    expect(lockCount()).toBe(0)
  })
})
