import type { InvoiceDto } from '../../../shared/contract'
import { msg, type Message } from '../i18n/translate'
import type { SliceCreator } from './store.types'

export interface InvoicesSlice {
  finderNumberText: string
  finderPending: boolean
  finderInvoice: InvoiceDto | null
  finderError: Message | null
  /** F4 */
  finderOpened(): void
  finderClosed(): void
  invoiceNumberTyped(text: string): void
  invoiceLookupSubmitted(): Promise<void>
}

export const initialInvoices = {
  finderNumberText: '',
  finderPending: false,
  finderInvoice: null,
  finderError: null,
} satisfies Partial<InvoicesSlice>

/** Invoice numbers as people type them: digits, perhaps with a leading '#'. */
export function parseInvoiceNumber(text: string): number | null {
  const cleaned = text.trim().replace(/^#/, '')
  if (!/^\d{1,15}$/.test(cleaned)) return null
  const value = Number(cleaned)
  return value >= 1 && Number.isSafeInteger(value) ? value : null
}

export const createInvoicesSlice: SliceCreator<InvoicesSlice> = ({ api }) => (set, get) => ({
  ...initialInvoices,

  finderOpened: () => {
    const { dialog, outcome } = get()
    if (dialog !== null || outcome !== null) return
    set({ ...initialInvoices, dialog: 'finder' })
  },

  finderClosed: () => {
    set({ ...initialInvoices, dialog: null })
    get().focusReturned()
  },

  invoiceNumberTyped: (text) => set({ finderNumberText: text, finderError: null }),

  invoiceLookupSubmitted: async () => {
    const { finderNumberText, finderPending } = get()
    if (finderPending) return
    const number = parseInvoiceNumber(finderNumberText)
    if (number === null) {
      set({ finderError: msg('finder.badNumber'), finderInvoice: null })
      return
    }
    set({ finderPending: true, finderError: null })
    const reply = await api.call('invoices:get', { number })
    if (reply.ok) {
      set({ finderPending: false, finderInvoice: reply.data })
      return
    }
    set({ finderPending: false, finderInvoice: null })
    if (reply.error.code === 'NOT_FOUND') {
      // The number as typed, not locale-grouped: people read invoice numbers digit by digit.
      set({ finderError: msg('finder.notFound', { number: String(number) }) })
      return
    }
    if (reply.error.code === 'NOT_AUTHENTICATED') {
      get().sessionEnded({ text: reply.error.message })
      return
    }
    set({ finderError: reply.error.code === 'UNREACHABLE' ? msg('app.unreachable') : { text: reply.error.message } })
  },
})
