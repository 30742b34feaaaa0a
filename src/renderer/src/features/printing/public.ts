/** What the app and the receipt dialogs may use of printing: its slice, its texts and the Print / Save as PDF actions. */
export { printingSlice, type PrintingDeps, type PrintingState, type ReceiptSource } from './printing.slice'
export { printingEn } from './printing.en'
export { printingNe } from './printing.ne'
export { ReceiptPrintActions, usePrintKeys } from './receipt-print-actions'
