import type { ProductDto } from '../../../shared/contract'
import { createSearchSequencer } from '../lib/search-sequencer'
import { decideAfterMiss, decideEnter, moveHighlight, type ScanFieldState } from '../lib/scan-decision'
import type { SliceCreator } from './store.types'

/** How many matches the register lists under the scan field. */
export const SEARCH_LIMIT = 8

export interface CatalogSlice {
  scanText: string
  results: readonly ProductDto[]
  resultsTotal: number
  /** The query the shown results answer; null when none are shown. */
  resultsFor: string | null
  highlighted: number
  highlightChosen: boolean
  scanTextChanged(text: string): void
  highlightMoved(delta: number): void
  /** Enter in the scan field. */
  scanSubmitted(): Promise<void>
  /** A result clicked or tapped. */
  resultChosen(index: number): Promise<void>
  /** Esc in the scan field. */
  scanCleared(): void
}

export const initialCatalog = {
  scanText: '',
  results: [],
  resultsTotal: 0,
  resultsFor: null,
  highlighted: 0,
  highlightChosen: false,
} satisfies Partial<CatalogSlice>

export const createCatalogSlice: SliceCreator<CatalogSlice> = ({ api, searchDelayMs, timers }) => (set, get) => {
  const search = createSearchSequencer({
    delayMs: searchDelayMs,
    timers,
    search: (query: string) => api.call('catalog:search', { query, limit: SEARCH_LIMIT }),
    onResult: (query, reply) => {
      // The field may have been cleared by Enter while this reply was in flight.
      if (get().scanText !== query) return
      if (!reply.ok) {
        get().requestFailed(reply.error)
        return
      }
      set({ results: reply.data.items, resultsTotal: reply.data.total, resultsFor: query, highlighted: 0, highlightChosen: false })
    },
  })

  function fieldCleared(): void {
    search.cancel()
    set(initialCatalog)
  }

  return {
    ...initialCatalog,

    scanTextChanged: (text) => {
      set({ scanText: text, highlightChosen: false, highlighted: 0 })
      if (text.trim() === '') set(initialCatalog)
      search.typed(text)
    },

    highlightMoved: (delta) => {
      const { results, resultsFor, scanText, highlighted } = get()
      if (resultsFor !== scanText || results.length === 0) return
      set({ highlighted: moveHighlight(highlighted, delta, results.length), highlightChosen: true })
    },

    scanSubmitted: async () => {
      const state = get()
      const snapshot: ScanFieldState<ProductDto> = {
        text: state.scanText,
        results: state.results,
        resultsFor: state.resultsFor,
        highlighted: state.highlighted,
        highlightChosen: state.highlightChosen,
      }
      const decision = decideEnter(snapshot)
      if (decision.kind === 'ignore') return
      // Clear at once, before any reply: the scanner may already be typing the next code.
      fieldCleared()
      if (decision.kind === 'pick') {
        await get().productPicked(decision.product)
        return
      }
      await get().itemScanned(decision.code, () => {
        const fallback = decideAfterMiss(snapshot)
        return fallback.kind === 'pick' ? fallback.product : null
      })
    },

    resultChosen: async (index) => {
      const product = get().results[index]
      if (!product) return
      fieldCleared()
      await get().productPicked(product)
    },

    scanCleared: () => {
      fieldCleared()
      get().noticeDismissed()
    },
  }
}
