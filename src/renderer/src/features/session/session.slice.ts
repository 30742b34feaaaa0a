import type { AppInfoDto } from '#shared/contract/app'
import type { UserDto } from '#shared/contract/auth'
import { languageOfLocale, type Language } from '#shared/contract/common'
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
  /** "Forgot the owner's password?": the recovery form is showing instead of the sign-in form. */
  recoveryOpen: boolean
  recoveryPending: boolean
  recoveryError: Message | null
  /** The code that replaced the one just used, shown once; and whose it is. */
  recoveredCode: { readonly code: string; readonly username: string } | null
  /** Who last recovered their password, so the sign-in form starts with their name. */
  recoveredUsername: string | null
  /** The language picked on the sign-in screen (null: none picked, the store's shows); sent with the sign-in. */
  signInLanguage: Language | null
  appStarted(): Promise<void>
  /** The store's details changed (settings saved): the header, the title and the formats follow. */
  appInfoRequested(): Promise<void>
  /** The signed-in user's name or role changed: `user` is read again. */
  userRequested(): Promise<void>
  /** The database behind the till is another one (the demo loaded, or set aside): everything starts over. */
  storeReplaced(): Promise<void>
  /** Set-up made the store and signed this window in as its owner. */
  storeCreated(user: UserDto): Promise<void>
  recoveryOpened(): void
  recoveryCancelled(): void
  recoverySubmitted(input: RecoveryInput): Promise<void>
  /** The new recovery code was written down: back to signing in, with the new password. */
  recoveredCodeNoted(): void
  /** A language picked on the sign-in screen: the screen speaks it now, and it becomes the person's at sign-in. */
  languagePicked(language: Language): void
  signInSubmitted(username: string, password: string): Promise<void>
  signOutChosen(): Promise<void>
  /** The backend no longer knows this window's session; `reason` is what to tell the person. */
  sessionEnded(reason: Message): void
}

export interface RecoveryInput {
  readonly username: string
  readonly recoveryCode: string
  readonly newPassword: string
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
/** The store's own language (its locale's first part). */
export const storeLanguageOf = (session: Pick<SessionState, 'appInfo'>): Language => languageOfLocale(localeOf(session))

/**
 * The language the till speaks now: the signed-in person's own, else the store's; before anyone
 * signs in, the one picked on the sign-in screen.
 */
export function languageOf(session: Pick<SessionState, 'appInfo' | 'user' | 'signInLanguage'>): Language {
  if (session.user) return session.user.language ?? storeLanguageOf(session)
  return session.signInLanguage ?? storeLanguageOf(session)
}

const closedRecovery = {
  recoveryOpen: false,
  recoveryPending: false,
  recoveryError: null,
  recoveredCode: null,
} satisfies Partial<SessionState>

export const sessionSlice = defineSlice(
  'session',
  ({ set, get }, { api, saleReset, cartRequested, focusReturned }: SessionDeps): SessionState => {
    async function appStarted(): Promise<void> {
      const info = await api.call('app:info', {})
      if (!info.ok) {
        set({ startError: errorMessage(info.error), booted: true })
        return
      }
      set({ appInfo: info.data })
      // Nobody can be signed in to a store that is not set up yet (core answers SETUP_REQUIRED).
      if (info.data.setupRequired) {
        set({ user: null, booted: true })
        return
      }
      const session = await api.call('auth:session', {})
      set({ user: session.ok ? session.data.user : null, booted: true })
      if (session.ok && session.data.user) {
        await cartRequested()
        focusReturned()
      }
    }

    return {
      appInfo: null,
      startError: null,
      user: null,
      booted: false,
      signInPending: false,
      signInError: null,
      signInNotice: null,
      ...closedRecovery,
      recoveredUsername: null,
      signInLanguage: null,

      appStarted,

      appInfoRequested: async () => {
        const info = await api.call('app:info', {})
        if (info.ok) set({ appInfo: info.data })
      },

      userRequested: async () => {
        const session = await api.call('auth:session', {})
        if (session.ok && session.data.user && get().user) set({ user: session.data.user })
      },

      storeReplaced: async () => {
        saleReset()
        set({ user: null, signInError: null, signInNotice: null, recoveredUsername: null, ...closedRecovery })
        await appStarted()
      },

      storeCreated: async (user) => {
        saleReset()
        set({ user, signInError: null, signInNotice: null })
        const info = await api.call('app:info', {})
        if (info.ok) set({ appInfo: info.data })
        await cartRequested()
      },

      recoveryOpened: () => set({ ...closedRecovery, recoveryOpen: true, signInError: null }),

      recoveryCancelled: () => {
        if (get().recoveryPending) return
        set(closedRecovery)
      },

      recoverySubmitted: async (input) => {
        if (get().recoveryPending) return
        set({ recoveryPending: true, recoveryError: null })
        const reply = await api.call('auth:recover', input)
        if (!reply.ok) {
          // A wrong name or code is said as such, not as a wrong password.
          const error = reply.error.code === 'INVALID_CREDENTIALS' ? msg('recover.wrongCode') : errorMessage(reply.error)
          set({ recoveryPending: false, recoveryError: error })
          return
        }
        set({ recoveryPending: false, recoveredCode: { code: reply.data.recoveryCode, username: input.username } })
      },

      recoveredCodeNoted: () => {
        const username = get().recoveredCode?.username ?? null
        set({ ...closedRecovery, recoveredUsername: username, signInNotice: msg('recover.done') })
      },

      signInSubmitted: async (username, password) => {
        if (get().signInPending) return
        if (username.trim() === '' || password === '') {
          set({ signInError: msg('signIn.missing') })
          return
        }
        set({ signInPending: true, signInError: null, signInNotice: null })
        // A pick of the store's own language means "the store's", whatever it becomes later.
        const picked = get().signInLanguage
        const language = picked === null ? {} : { language: picked === storeLanguageOf(get()) ? null : picked }
        const reply = await api.call('auth:login', { username: username.trim(), password, ...language })
        if (!reply.ok) {
          set({ signInPending: false, signInError: errorMessage(reply.error) })
          return
        }
        saleReset()
        set({ user: reply.data.user, signInPending: false, signInLanguage: null })
        await cartRequested()
        focusReturned()
      },

      languagePicked: (language) => set({ signInLanguage: language }),

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
    }
  },
)
