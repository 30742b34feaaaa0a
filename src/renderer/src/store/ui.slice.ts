import type { ClientError } from '../api/client'
import { msg, type Message } from '../i18n/translate'
import type { SliceCreator } from './store.types'

export type Dialog = 'pay' | 'finder' | 'manager'
export type NoticeTone = 'info' | 'warning' | 'error'

export interface Notice {
  readonly tone: NoticeTone
  readonly message: Message
  /** Changes on every notice so the same text shown twice is announced twice. */
  readonly id: number
}

export interface UiSlice {
  dialog: Dialog | null
  notice: Notice | null
  /** Bumped whenever focus should go back to the scan field. */
  focusTicket: number
  focusReturned(): void
  noticeShown(tone: NoticeTone, message: Message): void
  noticeDismissed(): void
  /** A call failed in a way the current screen has no special handling for. */
  requestFailed(error: ClientError): void
}

export const initialUi = { dialog: null, notice: null } satisfies Partial<UiSlice>

export const createUiSlice: SliceCreator<UiSlice> = () => (set, get) => ({
  ...initialUi,
  focusTicket: 0,
  focusReturned: () => set((s) => ({ focusTicket: s.focusTicket + 1 })),
  noticeShown: (tone, message) => set((s) => ({ notice: { tone, message, id: (s.notice?.id ?? 0) + 1 } })),
  noticeDismissed: () => set({ notice: null }),
  requestFailed: (error) => {
    if (error.code === 'NOT_AUTHENTICATED') {
      get().sessionEnded({ text: error.message })
      return
    }
    const message = error.code === 'UNREACHABLE' ? msg('app.unreachable') : msg('error.generic', { message: error.message })
    get().noticeShown('error', message)
  },
})
