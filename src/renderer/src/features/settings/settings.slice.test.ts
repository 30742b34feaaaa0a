import { describe, expect, it } from 'vitest'
import type { StoreSettingsDto } from '#shared/contract/settings'
import { storeSettings } from '#shared/testing/settings.fixture'
import { en } from '../../app/catalogs'
import { appInfo, fakeBackend, MANAGER, ok } from '../../app/fake-backend.helper'
import { createTranslator, type Message } from '../../platform/i18n/translate'
import { currencyLocked } from './settings.slice'

const { render } = createTranslator(en, 'en')
const text = (message: Message | null | undefined) => (message ? render(message) : null)

const VAT = { id: 1, name: 'VAT', rateBps: 1300, included: true, active: true, productCount: 3 }

const settings = storeSettings({ wallets: ['eSewa'] })

describe('the settings section', () => {
  it('saves only what changed, then shows what core kept and refreshes the store’s details', async () => {
    let name = 'Shop'
    const { store, inputsOf } = fakeBackend(MANAGER, {
      'app:info': () => ok(appInfo({ storeName: name })),
      'settings:get': () => ok(settings),
      'taxes:list': () => ok({ items: [VAT] }),
      'settings:update': (input) => {
        name = 'Shop & Café'
        return ok({ ...settings, ...(input as { patch: Partial<StoreSettingsDto> }).patch })
      },
    })
    await store.getState().session.appStarted()
    await store.getState().settings.settingsRequested()
    expect(store.getState().settings.settings).toEqual(settings)
    expect(store.getState().settings.taxRates).toEqual([VAT])
    await store.getState().settings.settingsSubmitted({ storeName: 'Shop & Café' })
    expect(inputsOf('settings:update')).toEqual([{ patch: { storeName: 'Shop & Café' } }])
    expect(store.getState().settings.settings?.storeName).toBe('Shop & Café')
    expect(text(store.getState().settings.saveFeedback?.message)).toBe('Settings saved.')
    expect(store.getState().session.appInfo?.storeName).toBe('Shop & Café')
  })

  it('sends nothing when nothing changed', async () => {
    const { store, inputsOf } = fakeBackend(MANAGER, { 'settings:get': () => ok(settings), 'taxes:list': () => ok({ items: [] }) })
    await store.getState().session.appStarted()
    await store.getState().settings.settingsSubmitted({})
    expect(inputsOf('settings:update')).toEqual([])
    expect(text(store.getState().settings.saveFeedback?.message)).toBe('Nothing was changed.')
  })

  it('fixes the currency once core says the store has sold, from the settings or from a refused save', async () => {
    const { store } = fakeBackend(MANAGER, {
      'settings:get': () => ok(settings),
      'taxes:list': () => ok({ items: [VAT] }),
      'settings:update': () => ({ ok: false, error: { code: 'CONFLICT', message: 'sold', params: { what: 'currencyLocked' } } }),
    })
    await store.getState().session.appStarted()
    await store.getState().settings.settingsRequested()
    expect(currencyLocked(store.getState().settings)).toBe(false)
    await store.getState().settings.settingsSubmitted({ currency: 'USD' })
    expect(currencyLocked(store.getState().settings)).toBe(true)
    expect(store.getState().settings.settings?.currency).toBe('NPR')
    expect(text(store.getState().settings.saveFeedback?.message)).toBe('The currency cannot change once the store has made a sale.')
    expect(currencyLocked({ settings: { ...settings, currencyLocked: true }, currencyLockedSeen: false })).toBe(true)
  })
})

describe('the settings section without the tax rates', () => {
  it('still loads the settings when the rates cannot be read, and offers no default taxes', async () => {
    const { store } = fakeBackend(MANAGER, {
      'settings:get': () => ok(settings),
      'taxes:list': () => ({ ok: false, error: { code: 'INTERNAL', message: 'down' } }),
    })
    await store.getState().settings.settingsRequested()
    expect(store.getState().settings.settings).toEqual(settings)
    expect(store.getState().settings.taxRates).toBeNull()
  })
})
