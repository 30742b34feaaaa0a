/** What the app may use of the invoice history: the back office's Sales section, the till's recent sales, the slice and texts. */
export { RecentSalesDialog } from './recent-sales-dialog'
export { SaleReturns } from './sale-detail'
export { salesHistoryEn, type SalesHistoryTexts } from './sales-history.en'
export { salesHistoryNe } from './sales-history.ne'
export { SalesHistorySection } from './sales-history-section'
/** The history's grid, for a screen that opens the history to give it the keyboard. */
export { SALES_GRID_ID } from './sales-table'
export { salesHistorySlice, type SalesHistoryDeps, type SalesHistoryRequest, type SalesHistoryState } from './sales-history.slice'
