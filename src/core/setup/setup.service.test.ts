import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CHANNELS, type Channel } from '#shared/ipc/contract'
import { DEMO_USERS } from '#core/db/seed/demo-seed'
import {
  expectError,
  lockName,
  ok,
  openTestStore,
  setUpStore,
  signedInClient,
  STORE_SETUP,
  withRawDb,
  type TestStore,
} from '#core/testing/test-store'

let store: TestStore

afterEach(async () => {
  await store.cleanup()
})

/** Every row a set-up could write: users, settings, the audit trail. */
const dump = (path = store.dbPath) =>
  withRawDb(path, (db) => ({
    users: db.prepare('select * from user order by id').all(),
    settings: db.prepare('select * from setting order by key').all(),
    audit: db.prepare('select action, actor_name, subject, details from audit_entry order by id').all(),
  }))

const userCount = (path = store.dbPath) => withRawDb(path, (db) => (db.prepare('select count(*) as n from user').get() as { n: number }).n)

const OPEN_BEFORE_SETUP: readonly Channel[] = ['app:info', 'auth:session', 'setup:createStore', 'setup:loadDemo']

describe('before set-up', () => {
  it('only set-up answers: every other channel says SETUP_REQUIRED and nothing is written', async () => {
    store = await openTestStore({ seed: 'none' })
    const client = store.backend.connect()
    const before = dump()
    expect(ok(await client.invoke('app:info', {}))).toMatchObject({ setupRequired: true, demo: false })
    for (const channel of CHANNELS) {
      // Loading the demo takes `{}`: it gets input it refuses, so it only passes the door.
      const reply = await client.invokeUnknown(channel, channel === 'setup:loadDemo' ? { notAField: true } : {})
      const code = reply.ok ? 'ok' : reply.error.code
      if (OPEN_BEFORE_SETUP.includes(channel)) expect(code, channel).not.toBe('SETUP_REQUIRED')
      else expect(code, channel).toBe('SETUP_REQUIRED')
    }
    expect(dump()).toEqual(before)
    expect(ok(await client.invoke('auth:session', {})).user).toBeNull()
  })
})

describe('setup:createStore', () => {
  it('writes the store and its owner, signs this window in as the owner and answers a recovery code once', async () => {
    store = await openTestStore({ seed: 'none' })
    const { client, recoveryCode } = await setUpStore(store.backend, {
      store: { ...STORE_SETUP.store, address: 'Thamel, Kathmandu', phone: '01-4000000', taxNumber: '601234567', currency: 'npr' },
      owner: { username: '  Sita ', displayName: 'Sita Sharma', password: STORE_SETUP.owner.password },
    })
    expect(recoveryCode).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/)
    const session = ok(await client.invoke('auth:session', {})).user
    expect(session).toMatchObject({ username: 'sita', displayName: 'Sita Sharma', role: 'owner' })
    expect(session?.permissions).toContain('users.manage')
    expect(ok(await client.invoke('app:info', {}))).toMatchObject({
      storeName: 'Himal Kirana',
      currency: 'NPR',
      currencyDecimals: 2,
      timeZone: 'Asia/Kathmandu',
      demo: false,
      setupRequired: false,
    })
    expect(ok(await client.invoke('settings:get', {}))).toMatchObject({
      storeName: 'Himal Kirana',
      address: 'Thamel, Kathmandu',
      phone: '01-4000000',
      taxNumber: '601234567',
      locale: 'en-IN',
    })
    const { users, audit } = dump()
    expect(users).toHaveLength(1)
    const [owner] = users as { recovery_hash: string; password_hash: string; last_sign_in_at: string }[]
    expect(owner!.recovery_hash).toMatch(/^scrypt\$/)
    expect(owner!.password_hash).toMatch(/^scrypt\$/)
    expect(JSON.stringify(users)).not.toContain(recoveryCode.replace(/-/g, ''))
    expect(owner!.last_sign_in_at).toBe(store.clock.now.toISOString())
    expect(audit).toContainEqual(expect.objectContaining({ action: 'store.created', actor_name: 'Sita Sharma', subject: 'Himal Kirana' }))
    // The owner's windows work at once: the store is set up for every channel.
    ok(await client.invoke('users:list', {}))
    ok(await client.invoke('catalog:search', { query: 'milk' }))
  })

  it('runs once: a second set-up, or loading the demo, is CONFLICT setupDone and changes nothing', async () => {
    store = await openTestStore({ seed: 'none' })
    await setUpStore(store.backend)
    const before = dump()
    const other = store.backend.connect()
    const again = await other.invoke('setup:createStore', {
      store: { ...STORE_SETUP.store, name: 'Someone Else' },
      owner: { username: 'intruder', displayName: 'Intruder', password: 'a long new password' },
    })
    expectError(again, 'CONFLICT')
    if (!again.ok) expect(again.error.params).toEqual({ what: 'setupDone' })
    const demo = await other.invoke('setup:loadDemo', {})
    expectError(demo, 'CONFLICT')
    if (!demo.ok) expect(demo.error.params).toEqual({ what: 'setupDone' })
    expect(dump()).toEqual(before)
    expect(ok(await other.invoke('auth:session', {})).user).toBeNull()
  })

  it('refuses an unknown time zone, a weak password or a username with a colon, and writes nothing', async () => {
    store = await openTestStore({ seed: 'none' })
    const client = store.backend.connect()
    const before = dump()
    for (const timeZone of ['Mars/Olympus', '+05:45', 'Asia/Kathmandu; drop table user']) {
      const reply = await client.invoke('setup:createStore', { ...STORE_SETUP, store: { ...STORE_SETUP.store, timeZone } })
      expectError(reply, 'VALIDATION_FAILED')
      if (!reply.ok) expect(reply.error.params).toEqual({ rule: 'timeZone', field: 'store.timeZone' })
    }
    for (const password of ['short', 'sita', 'aaaaaaaaaa', '12345678', 'Password', 'SITA']) {
      const reply = await client.invoke('setup:createStore', { ...STORE_SETUP, owner: { ...STORE_SETUP.owner, password } })
      expectError(reply, 'VALIDATION_FAILED')
      if (!reply.ok) expect(reply.error.params, password).toEqual({ rule: 'weakPassword', field: 'owner.password', min: 8 })
    }
    const colon = await client.invoke('setup:createStore', { ...STORE_SETUP, owner: { ...STORE_SETUP.owner, username: 'pin:sita' } })
    expectError(colon, 'VALIDATION_FAILED')
    if (!colon.ok) expect(colon.error.params).toEqual({ rule: 'schema', field: 'owner.username' })
    expect(dump()).toEqual(before)
    expect(ok(await client.invoke('app:info', {})).setupRequired).toBe(true)
  })

  it('keeps a time zone this computer knows by another spelling', async () => {
    store = await openTestStore({ seed: 'none' })
    const { client } = await setUpStore(store.backend, { ...STORE_SETUP, store: { ...STORE_SETUP.store, timeZone: 'UTC' } })
    expect(ok(await client.invoke('settings:get', {})).timeZone).toBe('UTC')
  })

  it('makes exactly one store of two racing set-ups', { timeout: 60_000 }, async () => {
    store = await openTestStore({ seed: 'none' })
    const [a, b] = [store.backend.connect(), store.backend.connect()]
    const replies = await Promise.all([
      a.invoke('setup:createStore', STORE_SETUP),
      b.invoke('setup:createStore', {
        store: { ...STORE_SETUP.store, name: 'Other Shop' },
        owner: { username: 'ram', displayName: 'Ram', password: 'other shop password' },
      }),
    ])
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1)
    const refused = replies.find((reply) => !reply.ok)
    expect(refused?.ok === false && refused.error.params).toEqual({ what: 'setupDone' })
    const winner = replies[0]!.ok ? a : b
    const loser = winner === a ? b : a
    expect(userCount()).toBe(1)
    const { storeName } = ok(await winner.invoke('settings:get', {}))
    expect(storeName).toBe(replies[0]!.ok ? 'Himal Kirana' : 'Other Shop')
    expect(ok(await loser.invoke('auth:session', {})).user).toBeNull()
    expect(dump().audit.filter((row) => (row as { action: string }).action === 'store.created')).toHaveLength(1)
  })

  it('gives a recovery code that resets the owner’s password, lifts a lock, and is then replaced', { timeout: 60_000 }, async () => {
    store = await openTestStore({ seed: 'none' })
    const { recoveryCode } = await setUpStore(store.backend)
    lockName(store.dbPath, 'sita')
    const anonymous = store.backend.connect()
    expectError(await anonymous.invoke('auth:login', { username: 'sita', password: STORE_SETUP.owner.password }), 'ACCOUNT_LOCKED')

    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ')
    const { recoveryCode: next } = ok(
      await anonymous.invoke('auth:recover', { username: 'sita', recoveryCode: typed, newPassword: 'a fresh start 2026' }),
    )
    expect(next).not.toBe(recoveryCode)
    ok(await anonymous.invoke('auth:login', { username: 'sita', password: 'a fresh start 2026' }))
    expectError(
      await store.backend.connect().invoke('auth:recover', { username: 'sita', recoveryCode, newPassword: 'yet another start' }),
      'INVALID_CREDENTIALS',
    )
  })
})

describe('setup:loadDemo', () => {
  it('fills the empty database with the demo store once', async () => {
    store = await openTestStore({ seed: 'none' })
    const client = store.backend.connect()
    ok(await client.invoke('setup:loadDemo', {}))
    expect(ok(await client.invoke('app:info', {}))).toMatchObject({ demo: true, setupRequired: false, storeName: 'Tillwise Demo Store' })
    expect(userCount()).toBe(DEMO_USERS.length)
    ok(await client.invoke('auth:login', { username: 'cashier', password: 'cashier' }))
    expect(ok(await client.invoke('catalog:search', { query: 'milk' })).items.length).toBeGreaterThan(0)
    const before = dump()
    expectError(await store.backend.connect().invoke('setup:loadDemo', {}), 'CONFLICT')
    expect(dump()).toEqual(before)
    expect(before.audit).toContainEqual(expect.objectContaining({ action: 'store.demo-loaded' }))
  })
})

describe('setup:startOwnStore', () => {
  it('keeps the demo in demo-stores/, opens an empty store that needs set-up, and signs every window out', async () => {
    store = await openTestStore()
    const manager = await signedInClient(store.backend, 'manager')
    const cashier = await signedInClient(store.backend, 'cashier')
    // A backup leaves an anchor of the demo's trail: both must go with the demo.
    const demoBackup = ok(await manager.invoke('backup:create', {}))

    const { keptAs } = ok(await manager.invoke('setup:startOwnStore', { confirm: true }))
    expect(keptAs).toBe('tillwise-demo-2026-03-15.sqlite')
    const kept = join(store.dir, 'demo-stores', keptAs)
    expect(readdirSync(join(store.dir, 'demo-stores')).sort()).toEqual([keptAs, `${keptAs}.anchors.jsonl`, `${keptAs}.backups`])
    expect(readdirSync(`${kept}.backups`)).toContain(demoBackup.file)
    expect(existsSync(join(store.dir, 'backups', demoBackup.file))).toBe(false)
    expect(userCount(kept)).toBe(DEMO_USERS.length)
    expect(dump(kept).audit).toContainEqual(expect.objectContaining({ action: 'store.demo-left', actor_name: 'Maya Manager' }))
    expect(existsSync(`${kept}-wal`)).toBe(false)

    expect(userCount()).toBe(0)
    for (const client of [manager, cashier]) {
      expect(ok(await client.invoke('auth:session', {})).user).toBeNull()
      expectError(await client.invoke('cart:get', {}), 'SETUP_REQUIRED')
    }
    expect(ok(await cashier.invoke('app:info', {}))).toMatchObject({ setupRequired: true, demo: false })
    expectError(await cashier.invoke('setup:startOwnStore', { confirm: true }), 'SETUP_REQUIRED')

    // The new store has nothing of the demo, and its audit trail checks out on its own.
    const { client: owner } = await setUpStore(store.backend)
    expect(ok(await owner.invoke('catalog:search', { query: 'milk' })).items).toEqual([])
    expect(ok(await owner.invoke('users:list', { includeInactive: true })).items.map((user) => user.username)).toEqual(['sita'])
    expect(ok(await owner.invoke('audit:verify', {}))).toMatchObject({ ok: true })
    // No demo copy is offered for restoring over the real store.
    expect(ok(await owner.invoke('backup:list', {})).items).toEqual([])
    expectError(await owner.invoke('auth:login', { username: 'manager', password: 'manager' }), 'INVALID_CREDENTIALS')
  })

  it('never reuses a kept demo’s name', async () => {
    store = await openTestStore()
    const anyone = store.backend.connect()
    expect(ok(await anyone.invoke('setup:startOwnStore', { confirm: true })).keptAs).toBe('tillwise-demo-2026-03-15.sqlite')
    ok(await anyone.invoke('setup:loadDemo', {}))
    expect(ok(await anyone.invoke('setup:startOwnStore', { confirm: true })).keptAs).toBe('tillwise-demo-2026-03-15-2.sqlite')
    expect(readdirSync(join(store.dir, 'demo-stores')).sort()).toEqual([
      'tillwise-demo-2026-03-15-2.sqlite',
      'tillwise-demo-2026-03-15.sqlite',
    ])
  })

  it('is refused outside the demo (CONFLICT notDemo) and changes nothing', async () => {
    store = await openTestStore({ seed: 'none' })
    const { client } = await setUpStore(store.backend)
    const before = dump()
    const reply = await client.invoke('setup:startOwnStore', { confirm: true })
    expectError(reply, 'CONFLICT')
    if (!reply.ok) expect(reply.error.params).toEqual({ what: 'notDemo' })
    expect(dump()).toEqual(before)
    expect(existsSync(join(store.dir, 'demo-stores'))).toBe(false)
    expect(ok(await client.invoke('auth:session', {})).user?.username).toBe('sita')
  })
})
