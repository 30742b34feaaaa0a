import { describe, expect, it } from 'vitest'
import { appInfo, CASHIER, fakeBackend, ok } from '../../app/fake-backend.helper'
import { languageOf } from './session.slice'

describe('the language the till speaks', () => {
  it("is the store's until someone picks one on the sign-in screen, then theirs from the sign-in on", async () => {
    const { store, inputsOf } = fakeBackend(null, {
      'app:info': () => ok(appInfo({ locale: 'en-IN' })),
      'auth:login': (input) => ok({ user: { ...CASHIER, language: (input as { language?: 'ne' | null }).language ?? null } }),
    })
    await store.getState().session.appStarted()
    expect(languageOf(store.getState().session)).toBe('en')

    store.getState().session.languagePicked('ne')
    expect(languageOf(store.getState().session)).toBe('ne')
    await store.getState().session.signInSubmitted('cashier', 'cashier')
    expect(inputsOf('auth:login')).toEqual([{ username: 'cashier', password: 'cashier', language: 'ne' }])
    expect(store.getState().session.signInLanguage).toBeNull()
    expect(languageOf(store.getState().session)).toBe('ne')

    // Signed out, the sign-in screen speaks the store's language again.
    await store.getState().session.signOutChosen()
    expect(languageOf(store.getState().session)).toBe('en')
  })

  it("sends nothing when no language was picked, and null when the store's own was picked", async () => {
    const { store, inputsOf } = fakeBackend(null, {
      'app:info': () => ok(appInfo({ locale: 'ne-NP' })),
      'auth:login': () => ok({ user: CASHIER }),
    })
    await store.getState().session.appStarted()
    expect(languageOf(store.getState().session)).toBe('ne')
    await store.getState().session.signInSubmitted('cashier', 'cashier')
    await store.getState().session.signOutChosen()
    store.getState().session.languagePicked('ne')
    await store.getState().session.signInSubmitted('cashier', 'cashier')
    expect(inputsOf('auth:login')).toEqual([
      { username: 'cashier', password: 'cashier' },
      { username: 'cashier', password: 'cashier', language: null },
    ])
    // A person without a language of their own reads the store's.
    expect(languageOf(store.getState().session)).toBe('ne')
  })
})
