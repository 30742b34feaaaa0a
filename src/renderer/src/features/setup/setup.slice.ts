import type { UserDto } from '#shared/contract/auth'
import type { ChannelInput } from '#shared/ipc/contract'
import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import type { Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'

export type CreateStoreInput = ChannelInput<'setup:createStore'>

/** The owner's recovery code, shown once after set-up until they say they wrote it down. */
export interface IssuedRecoveryCode {
  readonly code: string
  readonly username: string
  readonly storeName: string
}

export interface SetupState {
  /** The first-start screen: the two choices, or the set-up form. */
  step: 'choose' | 'form'
  /** Set-up or loading the demo is under way. */
  pending: boolean
  error: Message | null
  recoveryCode: IssuedRecoveryCode | null
  /** Where the demo store was kept when the owner left it for their own. */
  demoKeptAs: string | null
  /** "Start my own store" chosen in the demo, waiting for the confirmation. */
  ownStoreConfirming: boolean
  ownStorePending: boolean
  ownStoreError: Message | null
  setupChosen(): void
  setupBackChosen(): void
  demoChosen(): Promise<void>
  storeSubmitted(input: CreateStoreInput): Promise<void>
  /** "I have written it down", then Continue: on to the till. */
  recoveryCodeNoted(): void
  ownStoreChosen(): void
  ownStoreCancelled(): void
  ownStoreConfirmed(): Promise<void>
}

export interface SetupDeps {
  readonly api: PosClient
  /** Set-up signed this window in as the owner. */
  readonly storeCreated: (user: UserDto) => Promise<void>
  /** The database behind the till is another one now (the demo loaded, or set aside): start over. */
  readonly storeReplaced: () => Promise<void>
  /** The confirmation holds the screen (the till's keys stop). */
  readonly dialogOpened: () => void
  readonly dialogClosed: () => void
  readonly focusReturned: () => void
}

const initialOwnStore = { ownStoreConfirming: false, ownStorePending: false, ownStoreError: null } satisfies Partial<SetupState>

export const setupSlice = defineSlice('setup', ({ set, get, registerReset }, deps: SetupDeps): SetupState => {
  const { api } = deps
  // Only the confirmation belongs to a sign-in; the recovery code outlives the sign-in set-up makes.
  registerReset(() => set(initialOwnStore))

  return {
    step: 'choose',
    pending: false,
    error: null,
    recoveryCode: null,
    demoKeptAs: null,
    ...initialOwnStore,

    setupChosen: () => set({ step: 'form', error: null }),

    setupBackChosen: () => {
      if (get().pending) return
      set({ step: 'choose', error: null })
    },

    demoChosen: async () => {
      if (get().pending) return
      set({ pending: true, error: null })
      const reply = await api.call('setup:loadDemo', {})
      if (!reply.ok) {
        set({ pending: false, error: errorMessage(reply.error) })
        return
      }
      await deps.storeReplaced()
      set({ pending: false, step: 'choose', demoKeptAs: null })
    },

    storeSubmitted: async (input) => {
      if (get().pending) return
      set({ pending: true, error: null })
      const reply = await api.call('setup:createStore', input)
      if (!reply.ok) {
        set({ pending: false, error: errorMessage(reply.error) })
        return
      }
      // The code first, so the till never shows before it has been seen.
      set({
        pending: false,
        step: 'choose',
        demoKeptAs: null,
        recoveryCode: { code: reply.data.recoveryCode, username: reply.data.user.username, storeName: input.store.name },
      })
      await deps.storeCreated(reply.data.user)
    },

    recoveryCodeNoted: () => {
      set({ recoveryCode: null })
      deps.focusReturned()
    },

    ownStoreChosen: () => {
      if (get().ownStoreConfirming) return
      set({ ownStoreConfirming: true, ownStoreError: null })
      deps.dialogOpened()
    },

    ownStoreCancelled: () => {
      if (get().ownStorePending) return
      set(initialOwnStore)
      deps.dialogClosed()
      deps.focusReturned()
    },

    ownStoreConfirmed: async () => {
      if (get().ownStorePending) return
      set({ ownStorePending: true, ownStoreError: null })
      const reply = await api.call('setup:startOwnStore', { confirm: true })
      if (!reply.ok) {
        set({ ownStorePending: false, ownStoreError: errorMessage(reply.error) })
        return
      }
      // Straight to the form: they chose to set up their own store.
      set({ ...initialOwnStore, step: 'form', error: null, demoKeptAs: reply.data.keptAs })
      deps.dialogClosed()
      await deps.storeReplaced()
    },
  }
})
