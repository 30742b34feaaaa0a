import { describe, expect, it } from 'vitest'
import type { ErrorParams } from '#shared/ipc/errors'
import { storeSettings } from '#shared/testing/settings.fixture'
import { en } from '../../app/catalogs'
import { fakeBackend, MANAGER, ok, type Reply } from '../../app/fake-backend.helper'
import { createTranslator, type Message } from '../../platform/i18n/translate'

const { render } = createTranslator(en, 'en')
const text = (message: Message | null | undefined) => (message ? render(message) : null)

const conflict = (params: ErrorParams<'CONFLICT'>): Reply => ({ ok: false, error: { code: 'CONFLICT', message: 'refused', params } })
const AVAILABLE = { status: 'available', version: '0.2.0', releaseDate: '2026-03-14T08:00:00.000Z' } as const

describe('updates in the settings', () => {
  it('checks, asks to confirm the version found, then installs exactly that one', async () => {
    const { store, inputsOf } = fakeBackend(MANAGER, { 'updates:check': () => ok(AVAILABLE), 'updates:install': () => ok({}) })
    const updates = () => store.getState().settings
    await updates().updateCheckRequested()
    expect(updates().updateCheck).toEqual(AVAILABLE)
    // Nothing installs before the manager confirms.
    expect(inputsOf('updates:install')).toEqual([])
    updates().updateInstallAsked()
    expect(updates().updateConfirming).toBe('0.2.0')
    updates().updateInstallCancelled()
    expect(updates().updateConfirming).toBeNull()
    expect(inputsOf('updates:install')).toEqual([])
    updates().updateInstallAsked()
    await updates().updateInstallConfirmed()
    expect(inputsOf('updates:install')).toEqual([{ version: '0.2.0' }])
    expect(text(updates().updateFeedback?.message)).toBe('Version 0.2.0 is installing: the till restarts in a moment.')
  })

  it('asks nothing to confirm when the check found nothing newer', async () => {
    const { store } = fakeBackend(MANAGER, { 'updates:check': () => ok({ status: 'upToDate', version: '0.1.0' }) })
    await store.getState().settings.updateCheckRequested()
    store.getState().settings.updateInstallAsked()
    expect(store.getState().settings.updateConfirming).toBeNull()
  })

  it('says why an install was refused, and forgets a version core no longer takes', async () => {
    let refusal = conflict({ what: 'saleInProgress' })
    const { store } = fakeBackend(MANAGER, { 'updates:check': () => ok(AVAILABLE), 'updates:install': () => refusal })
    const updates = () => store.getState().settings
    await updates().updateCheckRequested()
    updates().updateInstallAsked()
    await updates().updateInstallConfirmed()
    expect(text(updates().updateFeedback?.message)).toBe(
      'A till has a sale in progress: the update waits until every till has finished or parked its sale. Try again then.',
    )
    expect(updates().updateCheck).toEqual(AVAILABLE)
    refusal = conflict({ what: 'updateNotChecked' })
    updates().updateInstallAsked()
    await updates().updateInstallConfirmed()
    expect(updates().updateCheck).toBeNull()
    expect(text(updates().updateFeedback?.message)).toBe('That is not the version the last check found. Check for updates again.')
  })

  it('says a folder that could not be read by its code', async () => {
    const { store } = fakeBackend(MANAGER, { 'updates:check': () => conflict({ what: 'updateFailed', detail: 'HTTP_ERROR_404' }) })
    await store.getState().settings.updateCheckRequested()
    expect(text(store.getState().settings.updateFeedback?.message)).toBe(
      'The update did not go through (HTTP_ERROR_404). Check the update folder and the network, then try again.',
    )
  })

  it('forgets what was found once another update folder is saved', async () => {
    const settings = storeSettings()
    const { store } = fakeBackend(MANAGER, {
      'updates:check': () => ok(AVAILABLE),
      'settings:update': () => ok({ ...settings, updatesUrl: 'https://mirror.example.com/' }),
    })
    await store.getState().settings.updateCheckRequested()
    await store.getState().settings.settingsSubmitted({ updatesUrl: 'https://mirror.example.com/' })
    expect(store.getState().settings.updateCheck).toBeNull()
  })
})
