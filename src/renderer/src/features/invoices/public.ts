/** What the app may use of invoice lookup: its slice and the finder dialog. */
export { invoicesSlice, type InvoicesDeps, type InvoicesState } from './invoices.slice'
export { invoicesEn } from './invoices.en'
export { invoicesNe } from './invoices.ne'
export { InvoiceFinderDialog } from './invoice-finder-dialog'
