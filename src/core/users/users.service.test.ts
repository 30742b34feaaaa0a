import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StaffDto } from '#shared/contract/users'
import type { BackendClient } from '#core/backend'
import { auditRows } from '#core/testing/audit-trail'
import { expectError, lockName, ok, openTestStore, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'

let store: TestStore
let manager: BackendClient

beforeEach(async () => {
  store = await openTestStore()
  manager = await signedInClient(store.backend, 'manager')
})

afterEach(async () => {
  await store.cleanup()
})

const userRows = () =>
  withRawDb(store.dbPath, (db) =>
    db.prepare('select id, username, display_name, role, active, password_hash, pin_hash, last_sign_in_at from user order by id').all(),
  )

/** A refusal that must leave every user and the audit trail as they were. */
async function expectRefusedUnchanged(reply: Promise<unknown>, code: string, params?: unknown) {
  const [users, audit] = [userRows(), auditRows(store.dbPath).length]
  const result = (await reply) as Awaited<ReturnType<BackendClient['invoke']>>
  expectError(result, code)
  if (params !== undefined && !result.ok) expect(result.error.params).toEqual(params)
  expect(userRows()).toEqual(users)
  expect(auditRows(store.dbPath)).toHaveLength(audit)
}

async function staff(client = manager): Promise<Record<string, StaffDto>> {
  const { items, total } = ok(await client.invoke('users:list', { includeInactive: true }))
  expect(total).toBe(items.length)
  return Object.fromEntries(items.map((item) => [item.username, item]))
}

/** A second user of `role` with the cashier's password, written at the machine (no key derivation). */
function addUser(username: string, role: 'cashier' | 'manager' | 'owner', active = true): number {
  return withRawDb(store.dbPath, (db) => {
    db.prepare(
      `insert into user (username, display_name, role, password_hash, active, created_at)
       select ?, ?, ?, password_hash, ?, created_at from user where username = 'cashier'`,
    ).run(username, username.toUpperCase(), role, active ? 1 : 0)
    return (db.prepare('select id from user where username = ?').get(username) as { id: number }).id
  })
}

const deactivateAtMachine = (username: string) =>
  withRawDb(store.dbPath, (db) => db.prepare('update user set active = 0 where username = ?').run(username))

describe('users:list', () => {
  it('shows each member’s role, whether active or locked, their last sign-in and whether they have a PIN', async () => {
    lockName(store.dbPath, 'cashier')
    addUser('gone', 'cashier', false)
    const everyone = await staff()
    expect(Object.keys(everyone)).toEqual(['cashier', 'gone', 'manager', 'owner'])
    expect(everyone['cashier']).toMatchObject({ role: 'cashier', active: true, locked: true, lastSignInAt: null, hasPin: false })
    expect(everyone['manager']).toMatchObject({ role: 'manager', locked: false, lastSignInAt: store.clock.now.toISOString() })
    expect(everyone['gone']).toMatchObject({ active: false })
    const active = ok(await manager.invoke('users:list', {}))
    expect(active.items.map((item) => item.username)).toEqual(['cashier', 'manager', 'owner'])
    expect(JSON.stringify(active)).not.toMatch(/scrypt|hash/i)
  })
})

describe('users:create', () => {
  it('adds a member who can sign in; the username is unique whatever its case', async () => {
    const created = ok(
      await manager.invoke('users:create', {
        username: ' Asha ',
        displayName: 'Asha Gurung',
        role: 'cashier',
        password: 'asha at the till',
      }),
    )
    expect(created).toMatchObject({
      username: 'asha',
      displayName: 'Asha Gurung',
      role: 'cashier',
      active: true,
      locked: false,
      hasPin: false,
    })
    expect(created.createdAt).toBe(store.clock.now.toISOString())
    expect(auditRows(store.dbPath).at(-1)).toMatchObject({ action: 'user.created', actor_name: 'Maya Manager', subject: 'asha' })
    ok(await store.backend.connect().invoke('auth:login', { username: 'ASHA', password: 'asha at the till' }))

    await expectRefusedUnchanged(
      manager.invoke('users:create', { username: 'ASHA', displayName: 'Another Asha', role: 'cashier', password: 'another long one' }),
      'CONFLICT',
      { what: 'username', username: 'asha' },
    )
  })

  it('refuses a weak password, a colon in the name, an owner made by a manager, and a cashier; nothing is written', async () => {
    const input = { username: 'bikash', displayName: 'Bikash', role: 'cashier' as const, password: 'bikash long password' }
    await expectRefusedUnchanged(manager.invoke('users:create', { ...input, password: 'bikash' }), 'VALIDATION_FAILED', {
      rule: 'weakPassword',
      field: 'password',
      min: 8,
    })
    await expectRefusedUnchanged(manager.invoke('users:create', { ...input, password: 'qwertyuiop' }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(manager.invoke('users:create', { ...input, username: 'recover:owner' }), 'VALIDATION_FAILED', {
      rule: 'schema',
      field: 'username',
    })
    await expectRefusedUnchanged(manager.invoke('users:create', { ...input, role: 'owner' }), 'FORBIDDEN', { permission: 'users.manage' })
    const cashier = await signedInClient(store.backend, 'cashier')
    await expectRefusedUnchanged(cashier.invoke('users:create', input), 'FORBIDDEN', { permission: 'users.manage' })
  })

  it('with a manager’s approval a cashier adds a cashier, but never an owner', { timeout: 60_000 }, async () => {
    const cashier = await signedInClient(store.backend, 'cashier')
    const first = ok(await cashier.invoke('auth:approve', { username: 'manager', secret: 'manager', permission: 'users.manage' }))
    const input = { username: 'newbie', displayName: 'New Bie', role: 'owner' as const, password: 'a long new password' }
    await expectRefusedUnchanged(cashier.invoke('users:create', { ...input, approvalId: first.approvalId }), 'FORBIDDEN')
    const second = ok(await cashier.invoke('auth:approve', { username: 'manager', secret: 'manager', permission: 'users.manage' }))
    ok(await cashier.invoke('users:create', { ...input, role: 'cashier', approvalId: second.approvalId }))
    expect(auditRows(store.dbPath).at(-1)).toMatchObject({ action: 'user.created', actor_name: 'Kiran Cashier', subject: 'newbie' })
    expect(JSON.parse(auditRows(store.dbPath).at(-1)!.details)).toMatchObject({ approvedBy: 'Maya Manager', role: 'cashier' })
  })
})

describe('users:update', () => {
  it(
    'renames, changes a role and deactivates; a deactivated member is signed out and cannot sign in until reactivated',
    { timeout: 60_000 },
    async () => {
      const cashierWindow = await signedInClient(store.backend, 'cashier')
      const { cashier } = await staff()
      const renamed = ok(await manager.invoke('users:update', { id: cashier!.id, displayName: 'Kiran K.', role: 'manager' }))
      expect(renamed).toMatchObject({ displayName: 'Kiran K.', role: 'manager' })
      expect(JSON.parse(auditRows(store.dbPath).at(-1)!.details)).toEqual({
        'before.displayName': 'Kiran Cashier',
        'after.displayName': 'Kiran K.',
        'before.role': 'cashier',
        'after.role': 'manager',
      })
      // The open window takes the new role on its next call.
      expect(ok(await cashierWindow.invoke('auth:session', {})).user).toMatchObject({ displayName: 'Kiran K.', role: 'manager' })
      ok(await cashierWindow.invoke('users:list', {}))

      expect(ok(await manager.invoke('users:update', { id: cashier!.id, active: false })).active).toBe(false)
      expect(auditRows(store.dbPath).at(-1)).toMatchObject({ action: 'user.updated', subject: 'cashier' })
      expectError(await cashierWindow.invoke('cart:get', {}), 'NOT_AUTHENTICATED')
      expectError(await store.backend.connect().invoke('auth:login', { username: 'cashier', password: 'cashier' }), 'INVALID_CREDENTIALS')
      expectError(
        await manager.invoke('auth:approve', { username: 'cashier', secret: 'cashier', permission: 'sale.discount' }),
        'INVALID_CREDENTIALS',
      )

      ok(await manager.invoke('users:update', { id: cashier!.id, active: true }))
      ok(await store.backend.connect().invoke('auth:login', { username: 'cashier', password: 'cashier' }))
    },
  )

  it('writes nothing when nothing changes, and NOT_FOUND for an unknown id', async () => {
    const { cashier } = await staff()
    const audit = auditRows(store.dbPath).length
    ok(await manager.invoke('users:update', { id: cashier!.id, displayName: 'Kiran Cashier', active: true }))
    expect(auditRows(store.dbPath)).toHaveLength(audit)
    await expectRefusedUnchanged(manager.invoke('users:update', { id: 999, active: false }), 'NOT_FOUND', { what: 'userId', id: 999 })
    await expectRefusedUnchanged(manager.invoke('users:setPassword', { id: 999, password: 'a long new password' }), 'NOT_FOUND', {
      what: 'userId',
      id: 999,
    })
  })

  it('lets a manager manage cashiers and managers but not the owner; only an owner makes an owner', async () => {
    const { owner: theOwner, cashier } = await staff()
    const owner = await signedInClient(store.backend, 'owner')
    await expectRefusedUnchanged(manager.invoke('users:update', { id: theOwner!.id, displayName: 'Renamed' }), 'FORBIDDEN')
    await expectRefusedUnchanged(manager.invoke('users:update', { id: cashier!.id, role: 'owner' }), 'FORBIDDEN')
    await expectRefusedUnchanged(manager.invoke('users:setPassword', { id: theOwner!.id, password: 'a long new password' }), 'FORBIDDEN')
    expect(ok(await owner.invoke('users:update', { id: cashier!.id, role: 'owner' })).role).toBe('owner')
  })

  it('never leaves the store without an active owner (CONFLICT lastOwner)', async () => {
    const { owner: theOwner } = await staff()
    const owner = await signedInClient(store.backend, 'owner')
    for (const change of [{ active: false }, { role: 'manager' as const }]) {
      await expectRefusedUnchanged(owner.invoke('users:update', { id: theOwner!.id, ...change }), 'CONFLICT', { what: 'lastOwner' })
    }
    // With a second owner, either may go, but not both, even when both are asked at once.
    const second = addUser('second', 'owner')
    const replies = await Promise.all([
      owner.invoke('users:update', { id: theOwner!.id, active: false }),
      owner.invoke('users:update', { id: second, active: false }),
    ])
    expect(replies.map((reply) => (reply.ok ? 'ok' : reply.error.params?.['what'])).sort()).toEqual(['lastOwner', 'ok'])
    expect(Object.values(await staff()).filter((user) => user.role === 'owner' && user.active)).toHaveLength(1)
  })

  it('never leaves the store without an active member who can manage staff (CONFLICT lastManager)', async () => {
    // An owner deactivated at the machine leaves the manager the only one who can manage staff.
    deactivateAtMachine('owner')
    const { manager: theManager } = await staff()
    for (const change of [{ active: false }, { role: 'cashier' as const }]) {
      await expectRefusedUnchanged(manager.invoke('users:update', { id: theManager!.id, ...change }), 'CONFLICT', { what: 'lastManager' })
    }
    const second = addUser('second', 'manager')
    const replies = await Promise.all([
      manager.invoke('users:update', { id: second, role: 'cashier' }),
      manager.invoke('users:update', { id: theManager!.id, role: 'cashier' }),
    ])
    expect(replies.map((reply) => (reply.ok ? 'ok' : reply.error.params?.['what'])).sort()).toEqual(['lastManager', 'ok'])
    expect(Object.values(await staff()).filter((user) => user.role !== 'cashier' && user.active)).toHaveLength(1)
  })
})

describe('users:setPassword', () => {
  it('sets a new password: the old one stops working and the member’s open windows sign in again', { timeout: 60_000 }, async () => {
    const cashierWindow = await signedInClient(store.backend, 'cashier')
    const { cashier } = await staff()
    await expectRefusedUnchanged(manager.invoke('users:setPassword', { id: cashier!.id, password: 'cashier' }), 'VALIDATION_FAILED', {
      rule: 'weakPassword',
      field: 'password',
      min: 8,
    })
    const done = ok(await manager.invoke('users:setPassword', { id: cashier!.id, password: 'kiran new password' }))
    expect(done.username).toBe('cashier')
    expect(auditRows(store.dbPath).at(-1)).toMatchObject({ action: 'user.password-set', actor_name: 'Maya Manager', subject: 'cashier' })
    expectError(await cashierWindow.invoke('cart:get', {}), 'NOT_AUTHENTICATED')
    expectError(await store.backend.connect().invoke('auth:login', { username: 'cashier', password: 'cashier' }), 'INVALID_CREDENTIALS')
    ok(await cashierWindow.invoke('auth:login', { username: 'cashier', password: 'kiran new password' }))
  })
})
