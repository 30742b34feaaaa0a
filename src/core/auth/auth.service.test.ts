import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, type Channel } from '#shared/ipc/contract'
import { hashPassword, SCRYPT_PARAMS, verifyPassword } from './password'
import { expectError, ok, openTestStore, signedInClient, TOKENS, withRawDb, type TestStore } from '#core/testing/test-store'
import { signInDelayMs, SIGN_IN_POLICY } from './auth.service'

let store: TestStore

beforeEach(async () => {
  store = await openTestStore()
})

afterEach(async () => {
  await store.cleanup()
})

const wrong = (client: ReturnType<TestStore['backend']['connect']>) =>
  client.invoke('auth:login', { username: 'cashier', password: 'not-the-password' })

function advance(seconds: number): void {
  store.clock.now = new Date(store.clock.now.getTime() + seconds * 1000)
}

describe('passwords', () => {
  it('are hashed with scrypt at OWASP strength and verified in constant time', async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 2 ** 17, r: 8, p: 1 })
    const hash = await hashPassword('correct horse')
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/)
    expect(await verifyPassword('correct horse', hash)).toBe(true)
    expect(await verifyPassword('correct horsf', hash)).toBe(false)
    expect(await verifyPassword('correct horse', 'garbage')).toBe(false)
    expect(await hashPassword('correct horse')).not.toBe(hash)
  })

  it("are stored at that strength by a shop's till: its demo people, new staff and an owner's recovery", async () => {
    const till = await openTestStore({ productionPasswords: true })
    try {
      const storedCosts = () =>
        withRawDb(till.dbPath, (db) =>
          (db.prepare('select password_hash from user order by id').all() as { password_hash: string }[]).map((row) =>
            row.password_hash.split('$').slice(0, 4).join('$'),
          ),
        )
      expect(new Set(storedCosts())).toEqual(new Set(['scrypt$131072$8$1']))
      const manager = await signedInClient(till.backend, 'manager')
      ok(await manager.invoke('users:create', { username: 'newbie', displayName: 'New Bie', role: 'cashier', password: 'a-long-new-one' }))
      expect(new Set(storedCosts())).toEqual(new Set(['scrypt$131072$8$1']))
    } finally {
      await till.cleanup()
    }
  })
})

describe('sign-in throttling', () => {
  it('delays after 5 failures, doubling, and locks after 10', async () => {
    expect([4, 5, 6, 7, 9].map(signInDelayMs)).toEqual([0, 1_000, 2_000, 4_000, 16_000])
    const client = store.backend.connect()
    for (let i = 1; i <= 5; i += 1) expectError(await wrong(client), 'INVALID_CREDENTIALS')
    // Sixth try straight away: refused without even checking the password.
    expectError(
      await client.invoke('auth:login', { username: 'cashier', password: 'cashier' }),
      'TOO_MANY_ATTEMPTS',
      /Try again in 1 second\./,
    )
    advance(1)
    for (let failures = 6; failures < SIGN_IN_POLICY.lockAfter; failures += 1) {
      expectError(await wrong(client), 'INVALID_CREDENTIALS')
      advance(signInDelayMs(failures) / 1000)
    }
    expectError(await wrong(client), 'ACCOUNT_LOCKED', /Ask a manager to unlock it/)
    advance(14 * 60)
    expectError(await client.invoke('auth:login', { username: 'cashier', password: 'cashier' }), 'ACCOUNT_LOCKED')
  })

  it('resets the count after a successful sign-in', async () => {
    const client = store.backend.connect()
    for (let i = 0; i < 4; i += 1) expectError(await wrong(client), 'INVALID_CREDENTIALS')
    ok(await client.invoke('auth:login', { username: 'cashier', password: 'cashier' }))
    for (let i = 0; i < 5; i += 1) expectError(await wrong(client), 'INVALID_CREDENTIALS')
    expectError(await wrong(client), 'TOO_MANY_ATTEMPTS')
  })

  it('keeps a lockout across a restart until a manager clears it', async () => {
    withRawDb(store.dbPath, (db) =>
      db.prepare("insert into sign_in_guard (name, failures, last_failed_at) values ('cashier', 9, '2020-01-01T00:00:00.000Z')").run(),
    )
    expectError(await wrong(store.backend.connect()), 'ACCOUNT_LOCKED')

    const backend = await store.reopen()
    expectError(await backend.connect().invoke('auth:login', { username: 'cashier', password: 'cashier' }), 'ACCOUNT_LOCKED')

    const manager = await signedInClient(backend, 'manager')
    const asCashier = backend.connect()
    expectError(await asCashier.invoke('users:unlock', { username: 'cashier' }), 'NOT_AUTHENTICATED')
    const { user } = ok(await manager.invoke('users:unlock', { username: 'cashier' }))
    expect(user.username).toBe('cashier')
    ok(await asCashier.invoke('auth:login', { username: 'cashier', password: 'cashier' }))
    expectError(await asCashier.invoke('users:unlock', { username: 'cashier' }), 'FORBIDDEN', 'Only a manager can do that.')
    expectError(await manager.invoke('users:unlock', { username: 'nobody' }), 'NOT_FOUND')
  })
})

describe('idle sessions', () => {
  it('sign out after 15 minutes without activity; the cart is kept', async () => {
    const till = await signedInClient(store.backend)
    ok(await till.invoke('cart:add', { productId: 1, quantity: 2 }))
    advance(14 * 60)
    ok(await till.invoke('cart:get', {}))
    advance(14 * 60)
    ok(await till.invoke('cart:get', {}))
    advance(15 * 60)
    expectError(await till.invoke('cart:get', {}), 'NOT_AUTHENTICATED', /signed out after 15 minutes/)
    expect(ok(await till.invoke('auth:session', {}))).toEqual({ user: null })
    ok(await till.invoke('auth:login', { username: 'cashier', password: 'cashier' }))
    expect(ok(await till.invoke('cart:get', {})).itemCount).toBe(2)
  })
})

describe('secrets', () => {
  it('never appear in any reply or log, over every channel', async () => {
    const password = 'Pa55-phrase-only-in-this-test'
    const hash = await hashPassword(password)
    withRawDb(store.dbPath, (db) =>
      db
        .prepare(
          "insert into user (username, display_name, role, password_hash, active, created_at) values ('keeper', 'Kim Keeper', 'manager', ?, 1, '2026-01-01T00:00:00.000Z')",
        )
        .run(hash),
    )
    const logged: string[] = []
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join(' '))
      }),
    )
    try {
      const client = store.backend.connect()
      const replies: unknown[] = []
      replies.push(await client.invoke('auth:login', { username: 'keeper', password: 'wrong' }))
      replies.push(await client.invoke('auth:login', { username: 'keeper', password }))
      const inputs: Partial<Record<Channel, unknown>> = {
        'auth:login': { username: 'keeper', password },
        'catalog:search': { query: 'a' },
        'catalog:lookup': { code: 'DEMO-001' },
        'cart:add': { productId: 1, quantity: 1 },
        'cart:setQuantity': { productId: 1, quantity: 2 },
        'cart:remove': { productId: 1 },
        'checkout:pay': { idempotencyKey: randomUUID(), expectedTotalCents: 0, payment: { method: 'token', token: TOKENS.rich } },
        'invoices:get': { number: 1 },
        'users:unlock': { username: 'cashier' },
        'backup:restore': { file: 'nope.sqlite' },
      }
      for (const channel of CHANNELS.filter((name) => name !== 'auth:logout')) {
        replies.push(await client.invokeUnknown(channel, inputs[channel] ?? {}))
      }
      const text = JSON.stringify(replies) + logged.join('\n')
      expect(replies.length).toBeGreaterThan(CHANNELS.length)
      expect(text).not.toContain(password)
      expect(text).not.toContain(hash)
      expect(text).not.toMatch(/scrypt\$|password_?hash/i)
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  })
})
