/** What the app may use of returns and voids: the slice, the dialog, its texts and the hook the finder opens it with. */
export { returnsSlice, leftOf, type ReturnMode, type ReturnsDeps, type ReturnsState } from './returns.slice'
export { returnsEn, type ReturnsTexts } from './returns.en'
export { returnsNe } from './returns.ne'
export { ReturnDialog } from './return-dialog'
export { useReturns } from './use-returns'
