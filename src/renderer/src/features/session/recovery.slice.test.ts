import { describe, expect, it } from 'vitest'
import { en } from '../../app/catalogs'
import { fakeBackend, ok } from '../../app/fake-backend.helper'
import { createTranslator, type Message } from '../../platform/i18n/translate'

const { render } = createTranslator(en, 'en')
const text = (message: Message | null | undefined) => (message ? render(message) : null)

const input = { username: 'sita', recoveryCode: 'ABCD-EFGH', newPassword: 'a-new-password' }

describe('the owner’s recovery', () => {
  it('shows the code that replaces the one used, then signing in with the name filled in', async () => {
    const { store, inputsOf } = fakeBackend(null, { 'auth:recover': () => ok({ recoveryCode: 'NEW0-CODE' }) })
    await store.getState().session.appStarted()
    store.getState().session.recoveryOpened()
    expect(store.getState().session.recoveryOpen).toBe(true)
    await store.getState().session.recoverySubmitted(input)
    expect(inputsOf('auth:recover')).toEqual([input])
    expect(store.getState().session.recoveredCode).toEqual({ code: 'NEW0-CODE', username: 'sita' })
    store.getState().session.recoveredCodeNoted()
    const session = store.getState().session
    expect(session).toMatchObject({ recoveryOpen: false, recoveredCode: null, recoveredUsername: 'sita', user: null })
    expect(text(session.signInNotice)).toBe('The owner’s password was changed. Sign in with the new one.')
  })

  it('says a wrong code as such and keeps the form', async () => {
    const { store } = fakeBackend(null, {
      'auth:recover': () => ({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'no' } }),
    })
    await store.getState().session.appStarted()
    store.getState().session.recoveryOpened()
    await store.getState().session.recoverySubmitted(input)
    const session = store.getState().session
    expect(session).toMatchObject({ recoveryOpen: true, recoveryPending: false, recoveredCode: null })
    expect(text(session.recoveryError)).toBe('That username and recovery code do not go together. Check both and try again.')
  })
})
