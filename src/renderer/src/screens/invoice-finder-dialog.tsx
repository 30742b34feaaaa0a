import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { KeyHint } from '../components/key-hint'
import { ModalDialog } from '../components/modal-dialog'
import { Receipt } from '../components/receipt'
import { useI18n } from '../i18n/use-i18n'
import { usePos } from '../store/pos-store'

export function InvoiceFinderDialog() {
  const { t, render } = useI18n()
  const fieldRef = useRef<HTMLInputElement>(null)
  const { numberText, pending, invoice, error, storeName } = usePos(
    useShallow((s) => ({
      numberText: s.finderNumberText,
      pending: s.finderPending,
      invoice: s.finderInvoice,
      error: s.finderError,
      storeName: s.appInfo?.storeName ?? '',
    })),
  )
  const finderClosed = usePos((s) => s.finderClosed)
  const invoiceNumberTyped = usePos((s) => s.invoiceNumberTyped)
  const invoiceLookupSubmitted = usePos((s) => s.invoiceLookupSubmitted)

  return (
    <ModalDialog labelledBy="finder-title" className="finder-dialog" onDismiss={finderClosed} initialFocus={fieldRef}>
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
                onChange={(event) => invoiceNumberTyped(event.target.value)}
              />
              <button type="submit" className="button button-primary" disabled={pending}>
                {pending ? t('finder.searching') : t('finder.submit')}
              </button>
            </div>
          </div>
        </form>
        <div className="form-error-area">
          {error && (
            <p className="form-error" role="alert">
              {render(error)}
            </p>
          )}
        </div>
        {invoice && (
          <div className="finder-receipt">
            <Receipt invoice={invoice} storeName={storeName} />
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" onClick={finderClosed}>
            {t('finder.close')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
