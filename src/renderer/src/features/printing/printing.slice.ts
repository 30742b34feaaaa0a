import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { Feedback } from '../../ui/feedback-line'
import type { PrintingTexts } from './printing.en'

const msg = messagesOf<PrintingTexts>()

/** The receipt to print: a sale's, a return's or a shift's Z report. */
export type ReceiptSource = { readonly invoiceId: number } | { readonly returnId: number } | { readonly zReportId: number }

export interface PrintingState {
  /** What is on its way: the printer, or a PDF; one at a time. */
  pending: 'print' | 'pdf' | null
  /** The last print's or PDF's outcome, for the receipt on screen. */
  feedback: Feedback | null
  /** Print (Alt+P): the receipt again on the store's printer; a reprint never opens the drawer. */
  receiptPrintRequested(source: ReceiptSource): Promise<void>
  /** Save as PDF (Alt+S): the window as it shows the receipt, where main's dialog points. */
  receiptPdfRequested(suggestedName: string): Promise<void>
  /** Another receipt is on screen, or none: the last outcome was of the one before. */
  receiptChanged(): void
}

export interface PrintingDeps {
  readonly api: PosClient
}

const initialPrinting = { pending: null, feedback: null } satisfies Partial<PrintingState>

export const printingSlice = defineSlice('printing', ({ set, get, registerReset }, deps: PrintingDeps): PrintingState => {
  const { api } = deps
  registerReset(() => set(initialPrinting))
  return {
    ...initialPrinting,

    receiptPrintRequested: async (source) => {
      if (get().pending) return
      set({ pending: 'print', feedback: null })
      const reply = await api.call(
        'printing:print',
        'invoiceId' in source
          ? { invoiceId: source.invoiceId }
          : 'returnId' in source
            ? { returnId: source.returnId }
            : { zReportId: source.zReportId },
      )
      set({
        pending: null,
        feedback: reply.ok ? { tone: 'ok', message: msg('print.printed') } : { tone: 'error', message: errorMessage(reply.error) },
      })
    },

    receiptPdfRequested: async (suggestedName) => {
      if (get().pending) return
      set({ pending: 'pdf', feedback: null })
      const reply = await api.call('documents:savePdf', { suggestedName })
      if (!reply.ok) {
        set({ pending: null, feedback: { tone: 'error', message: errorMessage(reply.error) } })
        return
      }
      set({
        pending: null,
        feedback: reply.data.cancelled ? null : { tone: 'ok', message: msg('print.pdfSaved', { fileName: reply.data.fileName }) },
      })
    },

    receiptChanged: () => {
      if (!get().pending) set({ feedback: null })
    },
  }
})
