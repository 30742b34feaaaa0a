import type { AppInfoDto } from '#shared/contract/app'
import type { UserDto } from '#shared/contract/auth'
import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { sessionEn } from './session.en'

const msg = messagesOf<typeof sessionEn>()

export interface SessionState {
  appInfo: AppInfoDto | null
  /** Set when the till could not load its settings; the app shows it instead of any screen. */
  startError: Message | null
  user: UserDto | null
  /** False until the first `auth:session` reply tells us whether someone is signed in. */
  booted: boolean
  signInPending: boolean
  signInError: Message | null
  /** Why the sign-in screen is showing (signed out after a restore, idle, …); cleared on the next try. */
  signInNotice: Message | null
  appStarted(): Promise<void>
  signInSubmitted(username: string, password: string): Promise<void>
  signOutChosen(): Promise<void>
  /** The backend no longer knows this window's session; `reason` is what to tell the person. */
  sessionEnded(reason: Message): void
}

export interface SessionDeps {
  readonly api: PosClient
  /** Puts everything that belongs to one cashier's sale back to its start (the reset registry). */
  readonly saleReset: () => void
  readonly cartRequested: () => Promise<void>
  readonly focusReturned: () => void
}

/** The store's currency, until `app:info` has said. */
const DEFAULT_CURRENCY = 'NPR'
/** The store's locale, until `app:info` has said. */
const DEFAULT_LOCALE = 'en-NP'

export const currencyOf = (session: Pick<SessionState, 'appInfo'>): string => session.appInfo?.currency ?? DEFAULT_CURRENCY
export const localeOf = (session: Pick<SessionState, 'appInfo'>): string => session.appInfo?.locale ?? DEFAULT_LOCALE

export const sessionSlice = defineSlice(
  'session',
  ({ set, get }, { api, saleReset, cartRequested, focusReturned }: SessionDeps): SessionState => ({
    appInfo: null,
    startError: null,
    user: null,
    booted: false,
    signInPending: false,
    signInError: null,
    signInNotice: null,

    appStarted: async () => {
      const info = await api.call('app:info', {})
      if (!info.ok) {
        set({ startError: errorMessage(info.error), booted: true })
        return
      }
      set({ appInfo: info.data })
      const session = await api.call('auth:session', {})
      set({ user: session.ok ? session.data.user : null, booted: true })
      if (session.ok && session.data.user) {
        await cartRequested()
        focusReturned()
      }
    },

    signInSubmitted: async (username, password) => {
      if (get().signInPending) return
      if (username.trim() === '' || password === '') {
        set({ signInError: msg('signIn.missing') })
        return
      }
      set({ signInPending: true, signInError: null, signInNotice: null })
      const reply = await api.call('auth:login', { username: username.trim(), password })
      if (!reply.ok) {
        set({ signInPending: false, signInError: errorMessage(reply.error) })
        return
      }
      saleReset()
      set({ user: reply.data.user, signInPending: false })
      await cartRequested()
      focusReturned()
    },

    signOutChosen: async () => {
      await api.call('auth:logout', {})
      // Signed out locally whatever the reply: the next call would be refused anyway.
      saleReset()
      set({ user: null, signInError: null, signInNotice: null })
    },

    sessionEnded: (reason) => {
      // Calls already in flight are refused as well; the first refusal's reason stays on screen
      // rather than being replaced by each later one.
      if (get().user === null) return
      saleReset()
      set({ user: null, signInError: null, signInNotice: reason })
    },
  }),
)
