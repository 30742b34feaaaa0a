import type { AppInfoDto, UserDto } from '../../../shared/contract'
import { msg, type Message } from '../i18n/translate'
import { emptyCart } from './cart.slice'
import { initialCatalog } from './catalog.slice'
import { initialCheckout } from './checkout.slice'
import { initialInvoices } from './invoices.slice'
import { initialManager } from './manager.slice'
import type { PosState, SliceCreator } from './store.types'
import { initialUi } from './ui.slice'

export interface SessionSlice {
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
  /**
   * The backend no longer knows this window's session. `reason` is what to tell the person: the
   * backend's own message (it says why, e.g. the idle limit) or the screen's.
   */
  sessionEnded(reason?: Message): void
}

/** Everything that belongs to one cashier's sale, reset on sign-in and sign-out. */
function saleReset(): Partial<PosState> {
  return { ...initialCatalog, cart: emptyCart, ...initialCheckout, ...initialInvoices, ...initialManager, ...initialUi }
}

export const createSessionSlice: SliceCreator<SessionSlice> = ({ api }) => (set, get) => ({
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
      const reason = info.error.code === 'UNREACHABLE' ? msg('app.unreachable') : { text: info.error.message }
      set({ startError: reason, booted: true })
      return
    }
    set({ appInfo: info.data })
    const session = await api.call('auth:session', {})
    set({ user: session.ok ? session.data.user : null, booted: true })
    if (session.ok && session.data.user) {
      await get().cartRequested()
      get().focusReturned()
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
      const error = reply.error.code === 'UNREACHABLE' ? msg('app.unreachable') : { text: reply.error.message }
      set({ signInPending: false, signInError: error })
      return
    }
    set({ ...saleReset(), user: reply.data.user, signInPending: false })
    await get().cartRequested()
    get().focusReturned()
  },

  signOutChosen: async () => {
    await api.call('auth:logout', {})
    // Signed out locally whatever the reply: the next call would be refused anyway.
    set({ ...saleReset(), user: null, signInError: null, signInNotice: null })
  },

  sessionEnded: (reason) => {
    // Calls already in flight are refused as well; the first refusal's reason stays on screen
    // rather than being replaced by each later one.
    if (get().user === null) return
    set({
      ...saleReset(),
      user: null,
      signInError: null,
      signInNotice: reason && !('text' in reason && reason.text.trim() === '') ? reason : msg('signIn.sessionEnded'),
    })
  },
})
