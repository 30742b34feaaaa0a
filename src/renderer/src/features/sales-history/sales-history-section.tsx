import { useEffect } from 'react'
import { SalesHistoryView } from './sales-history-view'
import { useSalesHistory } from './use-sales-history'

/** The back office's Sales: every sale the user may see, by day, cashier, tender, number and product. */
export function SalesHistorySection() {
  const sectionOpened = useSalesHistory((s) => s.sectionOpened)

  useEffect(() => {
    sectionOpened()
  }, [sectionOpened])

  return <SalesHistoryView />
}
