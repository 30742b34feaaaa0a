import { useEffect, type KeyboardEvent } from 'react'
import { isAltLetter } from '../../platform/lib/keys'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { KeyHint } from '../../ui/key-hint'
import type { PrintingTexts } from './printing.en'
import './printing.css'
import type { ReceiptSource } from './printing.slice'
import { usePrinting } from './use-printing'

/** The keys of a receipt on screen: Alt with letters no menu of Electron's default bar uses. */
export const PRINT_KEYS = {
  print: { letter: 'p', label: 'Alt+P' },
  savePdf: { letter: 's', label: 'Alt+S' },
} as const

/** Alt+P or Alt+S on a dialog showing a receipt: the action it asks for, or null. */
export function printKeyOf(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey'>): 'print' | 'pdf' | null {
  if (isAltLetter(event, PRINT_KEYS.print.letter)) return 'print'
  if (isAltLetter(event, PRINT_KEYS.savePdf.letter)) return 'pdf'
  return null
}

/** A dialog's key handler for its receipt's Alt+P and Alt+S: true when the key was one of them. */
export function usePrintKeys(source: ReceiptSource | null, pdfName: string | null): (event: KeyboardEvent) => boolean {
  const receiptPrintRequested = usePrinting((s) => s.receiptPrintRequested)
  const receiptPdfRequested = usePrinting((s) => s.receiptPdfRequested)
  return (event) => {
    const action = source ? printKeyOf(event) : null
    if (!action || !source) return false
    if (action === 'pdf' && pdfName === null) return false
    event.preventDefault()
    if (action === 'print') void receiptPrintRequested(source)
    else void receiptPdfRequested(pdfName!)
    return true
  }
}

/**
 * Print and Save as PDF for the receipt a dialog shows, with the outcome under them. Printing is a
 * reprint (never the drawer); the PDF holds the receipt alone, by the print styles.
 */
export function ReceiptPrintActions({ source, pdfName }: { source: ReceiptSource; pdfName?: string }) {
  const { t } = useI18n<PrintingTexts>()
  const pending = usePrinting((s) => s.pending)
  const feedback = usePrinting((s) => s.feedback)
  const receiptPrintRequested = usePrinting((s) => s.receiptPrintRequested)
  const receiptPdfRequested = usePrinting((s) => s.receiptPdfRequested)
  const receiptChanged = usePrinting((s) => s.receiptChanged)
  const key =
    'invoiceId' in source ? `invoice-${source.invoiceId}` : 'returnId' in source ? `return-${source.returnId}` : `z-${source.zReportId}`

  // An outcome belongs to the receipt it was of.
  useEffect(() => {
    receiptChanged()
    return receiptChanged
  }, [key, receiptChanged])

  return (
    <div className="receipt-print-actions">
      <button
        type="button"
        className="button"
        aria-keyshortcuts="Alt+P"
        aria-disabled={pending !== null}
        onClick={() => void receiptPrintRequested(source)}
      >
        {pending === 'print' ? t('print.printing') : t('print.print')} <KeyHint>{PRINT_KEYS.print.label}</KeyHint>
      </button>
      {pdfName !== undefined && (
        <button
          type="button"
          className="button"
          aria-keyshortcuts="Alt+S"
          aria-disabled={pending !== null}
          onClick={() => void receiptPdfRequested(pdfName)}
        >
          {pending === 'pdf' ? t('print.savingPdf') : t('print.savePdf')} <KeyHint>{PRINT_KEYS.savePdf.label}</KeyHint>
        </button>
      )}
      <FeedbackLine feedback={feedback} className="receipt-print-feedback" />
    </div>
  )
}
