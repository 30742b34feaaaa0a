/** What the app may use of the invoice history: the back office's Sales section, the till's recent sales, the slice and texts. */
export { RecentSalesDialog } from './recent-sales-dialog'
export { salesHistoryEn, type SalesHistoryTexts } from './sales-history.en'
export { SalesHistorySection } from './sales-history-section'
export { salesHistorySlice, type SalesHistoryDeps, type SalesHistoryState } from './sales-history.slice'
