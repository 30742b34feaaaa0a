import type { DisplayScreen } from '#shared/contract/display'
import type { StoreSettingsDto } from '#shared/contract/settings'
import type { TaxRateDto } from '#shared/contract/taxes'
import type { UpdateCheckDto } from '#shared/contract/updates'
import type { ChannelInput } from '#shared/ipc/contract'
import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { Feedback } from '../../ui/feedback-line'
import type { SettingsTexts } from './settings.en'

const msg = messagesOf<SettingsTexts>()

export type SettingsPatch = ChannelInput<'settings:update'>['patch']

export interface SettingsState {
  /** Null until loaded. */
  settings: StoreSettingsDto | null
  /** The store's tax rates, for the default taxes of new products; null until loaded. */
  taxRates: readonly TaxRateDto[] | null
  loadError: Message | null
  savePending: boolean
  /** The last save's outcome: saved, nothing to save, or core's refusal. */
  saveFeedback: Feedback | null
  /** Core refused a currency change because the store has sold (the DTO may say so before any try). */
  currencyLockedSeen: boolean
  settingsRequested(): Promise<void>
  /** Only the fields the manager changed. */
  settingsSubmitted(patch: SettingsPatch): Promise<void>
  testPrintPending: boolean
  /** The last test print's outcome: printed, or the printer's refusal. */
  testPrintFeedback: Feedback | null
  /** The printer's Test print: on the printer as saved. */
  testPrintRequested(): Promise<void>
  /** The screens the computer has, for the customer display's picker; null until loaded (empty when it cannot say). */
  screens: readonly DisplayScreen[] | null
  screensRequested(): Promise<void>
  updateCheckPending: boolean
  /** What the last Check found; null before one (and once the update folder changed). */
  updateCheck: UpdateCheckDto | null
  /** The version the manager is asked to confirm installing; null when not asking. */
  updateConfirming: string | null
  updateInstallPending: boolean
  /** The last check's or install's refusal, or that the till is restarting. */
  updateFeedback: Feedback | null
  /** Check for updates: asks the update folder as saved. */
  updateCheckRequested(): Promise<void>
  /** Install and restart: asks the manager to confirm the version found first. */
  updateInstallAsked(): void
  updateInstallCancelled(): void
  updateInstallConfirmed(): Promise<void>
}

export interface SettingsDeps {
  readonly api: PosClient
  /** The store's name, currency or language may have changed: the till's header and formats follow. */
  readonly storeInfoChanged: () => Promise<void>
}

const initialSettings = {
  settings: null,
  taxRates: null,
  loadError: null,
  savePending: false,
  saveFeedback: null,
  currencyLockedSeen: false,
  testPrintPending: false,
  testPrintFeedback: null,
  screens: null,
  updateCheckPending: false,
  updateCheck: null,
  updateConfirming: null,
  updateInstallPending: false,
  updateFeedback: null,
} satisfies Partial<SettingsState>

export function currencyLocked(state: Pick<SettingsState, 'settings' | 'currencyLockedSeen'>): boolean {
  return state.currencyLockedSeen || state.settings?.currencyLocked === true
}

export const settingsSlice = defineSlice('settings', ({ set, get, registerReset }, deps: SettingsDeps): SettingsState => {
  const { api } = deps
  registerReset(() => set(initialSettings))
  return {
    ...initialSettings,

    settingsRequested: async () => {
      const [reply, taxes] = await Promise.all([api.call('settings:get', {}), api.call('taxes:list', {})])
      // Without the rates the form still works; it only offers no default taxes.
      if (taxes.ok) set({ taxRates: taxes.data.items })
      if (reply.ok) set({ settings: reply.data, loadError: null })
      else set({ loadError: errorMessage(reply.error) })
    },

    settingsSubmitted: async (patch) => {
      if (get().savePending) return
      if (Object.keys(patch).length === 0) {
        set({ saveFeedback: { tone: 'ok', message: msg('settings.nothingChanged') } })
        return
      }
      set({ savePending: true, saveFeedback: null })
      const reply = await api.call('settings:update', { patch })
      if (!reply.ok) {
        const { error } = reply
        set({
          savePending: false,
          saveFeedback: { tone: 'error', message: errorMessage(error) },
          ...(error.code === 'CONFLICT' && error.params?.what === 'currencyLocked' ? { currencyLockedSeen: true } : {}),
        })
        return
      }
      set({
        savePending: false,
        settings: reply.data,
        saveFeedback: { tone: 'ok', message: msg('settings.saved') },
        // Another update folder: what the last check found there is not what it offers.
        ...(patch.updatesUrl !== undefined ? { updateCheck: null, updateConfirming: null, updateFeedback: null } : {}),
      })
      await deps.storeInfoChanged()
    },

    updateCheckRequested: async () => {
      if (get().updateCheckPending || get().updateInstallPending) return
      set({ updateCheckPending: true, updateFeedback: null, updateConfirming: null })
      const reply = await api.call('updates:check', {})
      set(
        reply.ok
          ? { updateCheckPending: false, updateCheck: reply.data }
          : { updateCheckPending: false, updateCheck: null, updateFeedback: { tone: 'error', message: errorMessage(reply.error) } },
      )
    },

    updateInstallAsked: () => {
      const found = get().updateCheck
      if (found?.status === 'available') set({ updateConfirming: found.version, updateFeedback: null })
    },

    updateInstallCancelled: () => {
      if (!get().updateInstallPending) set({ updateConfirming: null })
    },

    updateInstallConfirmed: async () => {
      const version = get().updateConfirming
      if (version === null || get().updateInstallPending) return
      set({ updateInstallPending: true, updateFeedback: null })
      const reply = await api.call('updates:install', { version })
      if (reply.ok) {
        // The till quits and installs: the page goes with it.
        set({
          updateInstallPending: false,
          updateConfirming: null,
          updateFeedback: { tone: 'ok', message: msg('settings.updateRestarting', { version }) },
        })
        return
      }
      const stale = reply.error.code === 'CONFLICT' && reply.error.params?.what === 'updateNotChecked'
      set({
        updateInstallPending: false,
        updateConfirming: null,
        updateFeedback: { tone: 'error', message: errorMessage(reply.error) },
        // What was found is no longer what core would install: Check again.
        ...(stale ? { updateCheck: null } : {}),
      })
    },

    screensRequested: async () => {
      const reply = await api.call('display:screens', {})
      // Without the list the picker still offers the automatic choice and the screen saved.
      set({ screens: reply.ok ? reply.data.screens : [] })
    },

    testPrintRequested: async () => {
      if (get().testPrintPending) return
      set({ testPrintPending: true, testPrintFeedback: null })
      const reply = await api.call('printing:test', {})
      set({
        testPrintPending: false,
        testPrintFeedback: reply.ok
          ? { tone: 'ok', message: msg('settings.testPrinted') }
          : { tone: 'error', message: errorMessage(reply.error) },
      })
    },
  }
})
