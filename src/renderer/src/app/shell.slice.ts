import { replyLost, type ClientError } from '../platform/api/client'
import { errorMessage } from '../platform/errors'
import { messagesOf, type Message } from '../platform/i18n/translate'
import { defineSlice } from '../platform/store/slice'
import type { Notice, NoticeTone } from '../ui/notice-bar'
import type { appEn } from './app.en'

const msg = messagesOf<typeof appEn>()

/** The till's modal dialogs; only one is open at a time. */
export type Dialog =
  | 'pay'
  | 'finder'
  | 'manager'
  | 'account'
  | 'ownStore'
  | 'balance'
  | 'park'
  | 'parked'
  | 'discount'
  | 'promo'
  | 'return'
  | 'sales'
  /** One of the shift's own (open, pay in/out, no sale, close, X report): the shifts slice says which. */
  | 'shift'

/** What the till screen shows around the features: the open dialog and the notice line. */
export interface ShellState {
  dialog: Dialog | null
  notice: Notice | null
  dialogOpened(dialog: Dialog): void
  dialogClosed(): void
  noticeShown(tone: NoticeTone, message: Message): void
  noticeDismissed(): void
  /** A call failed in a way the current screen has no special handling for. */
  requestFailed(error: ClientError): void
}

const initialShell = { dialog: null, notice: null } satisfies Partial<ShellState>

export const shellSlice = defineSlice('shell', ({ set, registerReset }, _deps: Record<never, never>): ShellState => {
  const noticeShown = (tone: NoticeTone, message: Message) => set((s) => ({ notice: { tone, message, id: (s.notice?.id ?? 0) + 1 } }))
  registerReset(() => set(initialShell))
  return {
    ...initialShell,
    dialogOpened: (dialog) => set({ dialog }),
    dialogClosed: () => set({ dialog: null }),
    noticeShown,
    noticeDismissed: () => set({ notice: null }),
    requestFailed: (error) => {
      // A lost reply is said as it is; anything else is unexpected on the register, and says so.
      noticeShown('error', replyLost(error) ? errorMessage(error) : msg('app.requestFailed', { message: errorMessage(error) }))
    },
  }
})
