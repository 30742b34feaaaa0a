import { latinDigits } from '#shared/i18n/digits'
import type { InvoiceDto } from '#shared/contract/invoices'
import { parseReceiptCode } from '#shared/receipts/receipt-model'
import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { invoicesEn } from './invoices.en'

const msg = messagesOf<typeof invoicesEn>()

export interface InvoicesState {
  finderNumberText: string
  finderPending: boolean
  finderInvoice: InvoiceDto | null
  finderError: Message | null
  /** F4 */
  finderOpened(): void
  finderClosed(): void
  invoiceNumberTyped(text: string): void
  invoiceLookupSubmitted(): Promise<void>
  /** A receipt's code scanned at the till: the finder opens on its invoice (to reprint it, or take items back). */
  receiptScanned(number: number): Promise<void>
}

export interface InvoicesDeps {
  readonly api: PosClient
  /** A dialog or a payment result holds the screen. */
  readonly tillBusy: () => boolean
  readonly dialogOpened: () => void
  readonly dialogClosed: () => void
  readonly focusReturned: () => void
}

const initialInvoices = {
  finderNumberText: '',
  finderPending: false,
  finderInvoice: null,
  finderError: null,
} satisfies Partial<InvoicesState>

/** Invoice numbers as people type them (digits, perhaps with a leading '#') or as a receipt's code scans (`INV-1024`). */
export function parseInvoiceNumber(text: string): number | null {
  const code = parseReceiptCode(text)
  if (code?.kind === 'invoice') return code.number
  const cleaned = latinDigits(text).trim().replace(/^#/, '')
  if (!/^\d{1,15}$/.test(cleaned)) return null
  const value = Number(cleaned)
  return value >= 1 && Number.isSafeInteger(value) ? value : null
}

export const invoicesSlice = defineSlice('invoices', ({ set, get, registerReset }, deps: InvoicesDeps): InvoicesState => {
  registerReset(() => set(initialInvoices))
  return {
    ...initialInvoices,

    finderOpened: () => {
      if (deps.tillBusy()) return
      set(initialInvoices)
      deps.dialogOpened()
    },

    finderClosed: () => {
      set(initialInvoices)
      deps.dialogClosed()
      deps.focusReturned()
    },

    receiptScanned: async (number) => {
      if (deps.tillBusy()) return
      set({ ...initialInvoices, finderNumberText: String(number) })
      deps.dialogOpened()
      await get().invoiceLookupSubmitted()
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
      const reply = await deps.api.call('invoices:get', { number })
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
      set({ finderError: errorMessage(reply.error) })
    },
  }
})
