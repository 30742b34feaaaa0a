/** What the app and other features may use of the scan field: its slice, the field, and focus. */
export { scanSlice, type ScanDeps, type ScanState } from './scan.slice'
export { scanEn } from './scan.en'
export { scanNe } from './scan.ne'
/** Paging a long list into a sparse one as it scrolls: the back office's tables page the same way. */
export { missingPages, withPage, type SparseRows } from './result-pages'
export { ScanField } from './scan-field'
export { SEARCH_DELAY_MS, type Timers } from './search-sequencer'
export { RESULTS_PAGE_SIZE } from './scan.slice'
export { useScan } from './use-scan'
