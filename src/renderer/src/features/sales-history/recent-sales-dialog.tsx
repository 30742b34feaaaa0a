import { useLayoutEffect, useRef } from 'react'
import { useI18n } from '../../platform/i18n/use-i18n'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import type { SalesHistoryTexts } from './sales-history.en'
import { SalesHistoryView } from './sales-history-view'
import { SALES_GRID_ID } from './sales-table'
import { useSalesHistory } from './use-sales-history'

/**
 * The till's recent sales, beside F4's finder: the history in a dialog over the register (a
 * cashier's own sales). The answer's grid has the focus at once, so Enter shows the newest sale
 * and Alt+P reprints it.
 */
export function RecentSalesDialog() {
  const { t } = useI18n<SalesHistoryTexts & UiTexts>()
  const gridRef = useRef<HTMLElement | null>(null)
  const tillClosed = useSalesHistory((s) => s.tillClosed)

  // Layout effects run before the dialog's own effect opens it and moves focus.
  useLayoutEffect(() => {
    gridRef.current = document.getElementById(SALES_GRID_ID)
  }, [])

  return (
    <ModalDialog labelledBy="recent-sales-title" className="recent-sales-dialog" onDismiss={tillClosed} initialFocus={gridRef}>
      <div className="dialog-body recent-sales-body">
        <div className="recent-sales-head">
          <h2 id="recent-sales-title" className="dialog-title">
            {t('sales.tillTitle')}
          </h2>
          <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" onClick={tillClosed}>
            {t('sales.close')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
        </div>
        <SalesHistoryView />
      </div>
    </ModalDialog>
  )
}
