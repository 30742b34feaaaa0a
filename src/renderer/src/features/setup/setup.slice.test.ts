import { describe, expect, it } from 'vitest'
import { en } from '../../app/catalogs'
import { appInfo, fakeBackend, ok, OWNER, type Reply } from '../../app/fake-backend.helper'
import { createTranslator, type Message } from '../../platform/i18n/translate'

const { render } = createTranslator(en, 'en')
const text = (message: Message | null | undefined) => (message ? render(message) : null)

const input = {
  store: { name: 'Sita Store', currency: 'NPR', currencyDecimals: 2 as const, locale: 'en-IN' as const, timeZone: 'Asia/Kathmandu' },
  owner: { username: 'sita', displayName: 'Sita Sharma', password: 'pokhara-lakeside' },
}

/** A backend whose store is set up once `setup:createStore` (or the demo) has run. */
function firstStart(extra: Partial<Record<string, (input: unknown) => Reply>> = {}) {
  let setUp = false
  let signedIn = false
  const backend = fakeBackend(null, {
    'app:info': () => ok(appInfo({ setupRequired: !setUp, storeName: setUp ? 'Sita Store' : '' })),
    'auth:session': () => ok({ user: signedIn ? OWNER : null }),
    'setup:createStore': () => {
      setUp = true
      signedIn = true
      return ok({ user: OWNER, recoveryCode: 'ABCD-EFGH-JKLM-NPQR' })
    },
    ...extra,
  })
  return backend
}

describe('first start', () => {
  it('does not ask who is signed in while the store is not set up', async () => {
    const { store, calls } = firstStart()
    await store.getState().session.appStarted()
    expect(store.getState().session.appInfo?.setupRequired).toBe(true)
    expect(store.getState().session.booted).toBe(true)
    expect(calls.map((call) => call.channel)).toEqual(['app:info'])
  })

  it('shows the recovery code before the till, then the till as the owner', async () => {
    const { store, inputsOf } = firstStart()
    await store.getState().session.appStarted()
    store.getState().setup.setupChosen()
    await store.getState().setup.storeSubmitted(input)
    expect(inputsOf('setup:createStore')).toEqual([input])
    const state = store.getState()
    expect(state.setup.recoveryCode).toEqual({ code: 'ABCD-EFGH-JKLM-NPQR', username: 'sita', storeName: 'Sita Store' })
    expect(state.session.user).toEqual(OWNER)
    expect(state.session.appInfo?.setupRequired).toBe(false)
    const ticket = state.scan.focusTicket
    store.getState().setup.recoveryCodeNoted()
    expect(store.getState().setup.recoveryCode).toBeNull()
    expect(store.getState().scan.focusTicket).toBe(ticket + 1)
  })

  it('keeps the form and says core’s refusal', async () => {
    const { store } = firstStart({
      'setup:createStore': () => ({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: 'weak', params: { rule: 'weakPassword', field: 'password', min: 8 } },
      }),
    })
    await store.getState().session.appStarted()
    store.getState().setup.setupChosen()
    await store.getState().setup.storeSubmitted(input)
    const state = store.getState()
    expect(state.setup).toMatchObject({ step: 'form', pending: false, recoveryCode: null })
    expect(text(state.setup.error)).toBe(
      'A password needs at least 8 characters, must not be the username and must not be easy to guess (like 12345678 or password).',
    )
    expect(state.session.user).toBeNull()
  })

  it('loads the demo and goes to its sign-in', async () => {
    let demo = false
    const { store } = fakeBackend(null, {
      'app:info': () => ok(appInfo({ setupRequired: !demo, demo })),
      'setup:loadDemo': () => {
        demo = true
        return ok({})
      },
    })
    await store.getState().session.appStarted()
    await store.getState().setup.demoChosen()
    expect(store.getState().session.appInfo).toMatchObject({ setupRequired: false, demo: true })
    expect(store.getState().session.user).toBeNull()
    expect(store.getState().setup.pending).toBe(false)
  })

  it('leaves the demo only once confirmed, for the set-up form, signed out', async () => {
    let demo = true
    const { store, calls } = fakeBackend(OWNER, {
      'app:info': () => ok(appInfo({ setupRequired: !demo, demo })),
      'setup:startOwnStore': () => {
        demo = false
        return ok({ keptAs: 'tillwise-demo-2026-03-15.sqlite' })
      },
    })
    await store.getState().session.appStarted()
    store.getState().setup.ownStoreChosen()
    expect(store.getState().shell.dialog).toBe('ownStore')
    store.getState().setup.ownStoreCancelled()
    expect(store.getState().shell.dialog).toBeNull()
    expect(calls.some((call) => call.channel === 'setup:startOwnStore')).toBe(false)

    store.getState().setup.ownStoreChosen()
    await store.getState().setup.ownStoreConfirmed()
    const state = store.getState()
    expect(state.session.user).toBeNull()
    expect(state.session.appInfo?.setupRequired).toBe(true)
    expect(state.shell.dialog).toBeNull()
    expect(state.setup).toMatchObject({ step: 'form', demoKeptAs: 'tillwise-demo-2026-03-15.sqlite', ownStoreConfirming: false })
  })

  it('keeps the question open with the reason when leaving the demo is refused', async () => {
    const { store } = fakeBackend(OWNER, {
      'app:info': () => ok(appInfo({ demo: true })),
      'setup:startOwnStore': () => ({ ok: false, error: { code: 'CONFLICT', message: 'not demo', params: { what: 'notDemo' } } }),
    })
    await store.getState().session.appStarted()
    store.getState().setup.ownStoreChosen()
    await store.getState().setup.ownStoreConfirmed()
    expect(store.getState().session.user).toEqual(OWNER)
    expect(store.getState().setup.ownStoreConfirming).toBe(true)
    expect(text(store.getState().setup.ownStoreError)).toBe('Only the demo store can be replaced this way.')
  })
})
