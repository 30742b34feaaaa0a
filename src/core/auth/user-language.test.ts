import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRows } from '#core/testing/audit-trail'
import { expectError, ok, openTestStore, withRawDb, type TestStore } from '#core/testing/test-store'

let store: TestStore

beforeAll(async () => {
  store = await openTestStore()
})

afterAll(async () => {
  await store.cleanup()
})

const storedLanguage = (username: string) =>
  (withRawDb(store.dbPath, (db) => db.prepare('select language from user where username = ?').get(username)) as { language: string | null })
    .language

describe('the language a person picks at sign-in', () => {
  it("starts as the store's (null), becomes theirs when picked, and stays theirs at the next sign-in", async () => {
    const window = store.backend.connect()
    expect(storedLanguage('cashier')).toBeNull()
    expect(ok(await window.invoke('auth:login', { username: 'cashier', password: 'cashier' })).user.language).toBeNull()
    await window.invoke('auth:logout', {})

    const picked = ok(await window.invoke('auth:login', { username: 'cashier', password: 'cashier', language: 'ne' }))
    expect(picked.user.language).toBe('ne')
    expect(ok(await window.invoke('auth:session', {})).user?.language).toBe('ne')
    expect(storedLanguage('cashier')).toBe('ne')
    expect(JSON.parse(auditRows(store.dbPath).at(-1)!.details)).toMatchObject({ language: 'ne' })
    await window.invoke('auth:logout', {})

    // Another window, no pick: the person's own language comes with them.
    const other = store.backend.connect()
    expect(ok(await other.invoke('auth:login', { username: 'cashier', password: 'cashier' })).user.language).toBe('ne')
    await other.invoke('auth:logout', {})

    // Picking the store's language again clears the choice.
    expect(ok(await window.invoke('auth:login', { username: 'cashier', password: 'cashier', language: null })).user.language).toBeNull()
    expect(storedLanguage('cashier')).toBeNull()
    await window.invoke('auth:logout', {})
  })

  it('is not changed by a failed sign-in or a language the till does not speak', async () => {
    const window = store.backend.connect()
    const auditBefore = auditRows(store.dbPath).length
    expectError(
      await window.invoke('auth:login', { username: 'manager', password: 'wrong-password', language: 'ne' }),
      'INVALID_CREDENTIALS',
    )
    expectError(await window.invokeUnknown('auth:login', { username: 'manager', password: 'manager', language: 'fr' }), 'VALIDATION_FAILED')
    expect(storedLanguage('manager')).toBeNull()
    expect(ok(await window.invoke('auth:session', {})).user).toBeNull()
    expect(
      auditRows(store.dbPath)
        .slice(auditBefore)
        .map((row) => row.action),
    ).not.toContain('auth.sign-in')
  })
})
