import type { ProductDto } from '#shared/contract/catalog'
import type { ClientError, PosClient } from '../../platform/api/client'
import { defineSlice } from '../../platform/store/slice'
import { missingPages, withPage, type SparseRows } from './result-pages'
import { decideAfterMiss, decideEnter, moveHighlight, type ScanFieldState } from './scan-decision'
import { createSearchSequencer, type Timers } from './search-sequencer'

/**
 * Matches fetched per call. The first page fills the result list's viewport and its overscan;
 * further pages are fetched as the cashier scrolls or arrows down (the backend pages through at
 * most its cap of matches).
 */
export const RESULTS_PAGE_SIZE = 25

export interface ScanState {
  scanText: string
  /** The matches loaded so far, by position in the answer; a hole is a row whose page is on its way. */
  results: SparseRows<ProductDto>
  /** Matches in the whole answer (the list's length): exact, or "at least" when resultsCapped. */
  resultsTotal: number
  /** The backend stopped counting at its cap: there are resultsTotal matches or more. */
  resultsCapped: boolean
  /** The query the shown results answer; null when none are shown. */
  resultsFor: string | null
  highlighted: number
  highlightChosen: boolean
  scanTextChanged(text: string): void
  highlightMoved(delta: number): void
  /** The result list shows rows from…to (exclusive): fetch the pages they are on. */
  resultRowsShown(from: number, to: number): void
  /** Enter in the scan field; `keys`: what its keys spell on a US layout, when that differs. */
  scanSubmitted(keys?: string): Promise<void>
  /** A result clicked or tapped. */
  resultChosen(index: number): Promise<void>
  /** Esc in the scan field. */
  scanCleared(): void
  /** Bumped whenever focus should go back to the scan field. */
  focusTicket: number
  /** After every till action: the scan field takes focus again (unless a dialog holds it). */
  focusReturned(): void
}

export interface ScanDeps {
  readonly api: PosClient
  /** Pause in typing before a search is sent. */
  readonly searchDelayMs: number
  readonly timers?: Timers | undefined
  /** A call failed in a way the register has no special handling for. */
  readonly requestFailed: (error: ClientError) => void
  readonly noticeDismissed: () => void
  /** Adds the product to the cart. */
  readonly productPicked: (product: ProductDto) => Promise<void>
  /**
   * Adds the product with this exact code, or failing that with `keys` (the same keys read on a US
   * layout); `fallback` may offer another when there is none.
   */
  readonly itemScanned: (code: string, fallback: () => ProductDto | null, keys?: string) => Promise<void>
  /** A modal dialog has focus: the scan field must not take it. */
  readonly dialogOpen: () => boolean
  /** A token card was scanned (or its code typed) into the field. */
  readonly tokenScanned: (code: string) => void
}

const initialScan = {
  scanText: '',
  results: [],
  resultsTotal: 0,
  resultsCapped: false,
  resultsFor: null,
  highlighted: 0,
  highlightChosen: false,
} satisfies Partial<ScanState>

export const scanSlice = defineSlice('scan', ({ set, get, registerReset }, deps: ScanDeps): ScanState => {
  const { api, searchDelayMs, timers } = deps
  /** Pages of the shown answer already asked for; a new answer starts a new set. */
  let requested = new Set<number>()

  const search = createSearchSequencer({
    delayMs: searchDelayMs,
    timers,
    search: (query: string) => api.call('catalog:search', { query, limit: RESULTS_PAGE_SIZE, offset: 0 }),
    onResult: (query, reply) => {
      // The field may have been cleared by Enter while this reply was in flight.
      if (get().scanText !== query) return
      if (!reply.ok) {
        deps.requestFailed(reply.error)
        return
      }
      requested = new Set([0])
      set({
        results: reply.data.items,
        resultsTotal: reply.data.total,
        resultsCapped: reply.data.totalIsCapped,
        resultsFor: query,
        highlighted: 0,
        highlightChosen: false,
      })
    },
  })

  function fetchPage(query: string, page: number): void {
    const pages = requested
    pages.add(page)
    const offset = page * RESULTS_PAGE_SIZE
    void search
      .more(() => api.call('catalog:search', { query, limit: RESULTS_PAGE_SIZE, offset }))
      .then((reply) => {
        // Overtaken by a newer query (the sequencer dropped it), or the answer was replaced since.
        if (reply === undefined || pages !== requested || get().resultsFor !== query) {
          pages.delete(page)
          return
        }
        if (!reply.ok) {
          pages.delete(page)
          deps.requestFailed(reply.error)
          return
        }
        set({ results: withPage(get().results, offset, reply.data.items) })
      })
  }

  function fieldCleared(): void {
    search.cancel()
    requested = new Set()
    set(initialScan)
  }

  registerReset(fieldCleared)

  return {
    ...initialScan,
    focusTicket: 0,

    scanTextChanged: (text) => {
      set({ scanText: text, highlightChosen: false, highlighted: 0 })
      if (text.trim() === '') {
        requested = new Set()
        set(initialScan)
      }
      search.typed(text)
    },

    highlightMoved: (delta) => {
      const { resultsTotal, resultsFor, scanText, highlighted } = get()
      if (resultsFor !== scanText || resultsTotal === 0) return
      const next = moveHighlight(highlighted, delta, resultsTotal)
      set({ highlighted: next, highlightChosen: true })
      get().resultRowsShown(next, next + 1)
    },

    resultRowsShown: (from, to) => {
      const { resultsFor, scanText, results, resultsTotal } = get()
      if (resultsFor === null || resultsFor !== scanText) return
      for (const page of missingPages({ from, to, pageSize: RESULTS_PAGE_SIZE, total: resultsTotal, rows: results, requested })) {
        fetchPage(resultsFor, page)
      }
    },

    scanSubmitted: async (keys) => {
      const state = get()
      const snapshot: ScanFieldState<ProductDto> = {
        text: state.scanText,
        results: state.results,
        resultsFor: state.resultsFor,
        highlighted: state.highlighted,
        highlightChosen: state.highlightChosen,
      }
      const decision = decideEnter(snapshot, keys)
      if (decision.kind === 'ignore') return
      // Clear at once, before any reply: the scanner may already be typing the next code.
      fieldCleared()
      if (decision.kind === 'pick') {
        await deps.productPicked(decision.product)
        return
      }
      if (decision.kind === 'token') {
        deps.tokenScanned(decision.code)
        return
      }
      await deps.itemScanned(
        decision.code,
        () => {
          const fallback = decideAfterMiss(snapshot)
          return fallback.kind === 'pick' ? fallback.product : null
        },
        decision.keys,
      )
    },

    resultChosen: async (index) => {
      const product = get().results[index]
      if (!product) return
      fieldCleared()
      await deps.productPicked(product)
    },

    scanCleared: () => {
      fieldCleared()
      deps.noticeDismissed()
    },

    focusReturned: () => {
      if (deps.dialogOpen()) return
      set((s) => ({ focusTicket: s.focusTicket + 1 }))
    },
  }
})
