import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { typeCodeKey } from '../../platform/lib/code-keys'
import { FINDER_KEYS, isAltLetter } from '../../platform/lib/keys'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import { ReceiptPrintActions, usePrintKeys } from '../printing/public'
import { Receipt } from '../receipts/public'
import { useReturns, type ReturnMode } from '../returns/public'
import { SaleReturns } from '../sales-history/public'
import { useSession } from '../session/public'
import type { invoicesEn } from './invoices.en'
import { useInvoices } from './use-invoices'

export function InvoiceFinderDialog() {
  const { t } = useI18n<typeof invoicesEn & UiTexts>()
  const fieldRef = useRef<HTMLInputElement>(null)
  const { numberText, pending, invoice, error } = useInvoices(
    useShallow((s) => ({
      numberText: s.finderNumberText,
      pending: s.finderPending,
      invoice: s.finderInvoice,
      error: s.finderError,
    })),
  )
  const storeName = useSession((s) => s.appInfo?.storeName ?? '')
  const finderClosed = useInvoices((s) => s.finderClosed)
  const invoiceNumberTyped = useInvoices((s) => s.invoiceNumberTyped)
  const invoiceLookupSubmitted = useInvoices((s) => s.invoiceLookupSubmitted)
  const returnOpened = useReturns((s) => s.returnOpened)
  const returnable = invoice?.lines.some((line) => line.returnedQuantity < line.quantity) ?? false
  const pdfName = invoice ? `invoice-${invoice.number}` : null
  const printKey = usePrintKeys(invoice ? { invoiceId: invoice.id } : null, pdfName)
  const openReturn = (mode: ReturnMode) => {
    if (invoice && returnable) void returnOpened(invoice, mode)
  }

  return (
    <ModalDialog
      labelledBy="finder-title"
      className="finder-dialog"
      onDismiss={finderClosed}
      initialFocus={fieldRef}
      onKeyDown={(event) => {
        if (printKey(event)) return
        const mode = isAltLetter(event, FINDER_KEYS.returnItems.letter)
          ? 'return'
          : isAltLetter(event, FINDER_KEYS.voidSale.letter)
            ? 'void'
            : null
        if (!mode) return
        event.preventDefault()
        openReturn(mode)
      }}
    >
      <div className="dialog-body">
        <h2 id="finder-title" className="dialog-title">
          {t('finder.title')}
        </h2>
        <form
          className="finder-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void invoiceLookupSubmitted()
          }}
        >
          <div className="field">
            <label htmlFor="finder-number">{t('finder.number')}</label>
            <div className="field-row">
              <input
                ref={fieldRef}
                id="finder-number"
                className="input input-large"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={numberText}
                onKeyDown={typeCodeKey}
                onChange={(event) => invoiceNumberTyped(event.target.value)}
              />
              <button type="submit" className="button button-primary" disabled={pending}>
                {pending ? t('finder.searching') : t('finder.submit')}
              </button>
            </div>
          </div>
        </form>
        <FormError message={error} />
        {invoice && (
          <div className="finder-receipt">
            <Receipt invoice={invoice} storeName={storeName} />
          </div>
        )}
        {invoice && <SaleReturns invoice={invoice} />}
        {invoice && pdfName && <ReceiptPrintActions source={{ invoiceId: invoice.id }} pdfName={pdfName} />}
        <div className="dialog-actions">
          {invoice && returnable && (
            <>
              <button type="button" className="button" aria-keyshortcuts="Alt+V" onClick={() => openReturn('void')}>
                {t('finder.void')} <KeyHint>{FINDER_KEYS.voidSale.label}</KeyHint>
              </button>
              <button type="button" className="button" aria-keyshortcuts="Alt+R" onClick={() => openReturn('return')}>
                {t('finder.return')} <KeyHint>{FINDER_KEYS.returnItems.label}</KeyHint>
              </button>
            </>
          )}
          <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" onClick={finderClosed}>
            {t('finder.close')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
