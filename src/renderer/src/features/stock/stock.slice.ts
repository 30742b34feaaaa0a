import type { ProductAdminDto } from '#shared/contract/catalog'
import type { StockMovementDto } from '#shared/contract/stock'
import type { ChannelInput } from '#shared/ipc/contract'
import type { ClientError, PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { Feedback } from '../../ui/feedback-line'
import type { Timers } from '../scan/public'
import type { StockTexts } from './stock.en'

const msg = messagesOf<StockTexts>()

/** Products the finder offers at once. */
export const FINDER_LIMIT = 8
/** The newest movements shown for a product. */
export const MOVEMENTS_LIMIT = 50
/** The lowest products the low-stock list shows. */
export const LOW_LIMIT = 100
/** The pause in typing before the finder searches. */
export const FINDER_DELAY_MS = 150

export type StockAdjustInput = ChannelInput<'stock:adjust'>

export interface StockState {
  query: string
  matches: readonly ProductAdminDto[]
  /** The query the matches answer; null when none are shown. */
  matchesFor: string | null
  product: ProductAdminDto | null
  movements: readonly StockMovementDto[] | null
  movementsTotal: number
  low: readonly ProductAdminDto[] | null
  lowTotal: number
  pending: boolean
  feedback: Feedback | null
  sectionOpened(): void
  queryTyped(query: string): void
  productChosen(product: ProductAdminDto): void
  productCleared(): void
  /** Resolves to the refusal for the form to show at its field, or null once recorded. */
  adjustSubmitted(input: Omit<StockAdjustInput, 'productId'>): Promise<ClientError | null>
}

export interface StockDeps {
  readonly api: PosClient
  /** The page's own timers unless a test gives its own. */
  readonly timers?: Timers | undefined
  readonly finderDelayMs?: number
}

const initialStock = {
  query: '',
  matches: [],
  matchesFor: null,
  product: null,
  movements: null,
  movementsTotal: 0,
  low: null,
  lowTotal: 0,
  pending: false,
  feedback: null,
} satisfies Partial<StockState>

export const stockSlice = defineSlice('stock', ({ set, get, registerReset }, deps: StockDeps): StockState => {
  const { api } = deps
  const timers: Timers = deps.timers ?? globalThis
  const finderDelayMs = deps.finderDelayMs ?? FINDER_DELAY_MS
  let finderTimer: ReturnType<Timers['setTimeout']> | undefined
  let finderTicket = 0

  function search(query: string): void {
    finderTicket += 1
    const mine = finderTicket
    void api.call('products:list', { query, status: 'all', sort: 'name', limit: FINDER_LIMIT }).then((reply) => {
      if (mine !== finderTicket || get().query !== query) return
      if (!reply.ok) {
        set({ feedback: { tone: 'error', message: errorMessage(reply.error) } })
        return
      }
      set({ matches: reply.data.items, matchesFor: query })
    })
  }

  function loadMovements(productId: number): void {
    void api.call('stock:movements', { productId, limit: MOVEMENTS_LIMIT }).then((reply) => {
      if (get().product?.id !== productId) return
      if (reply.ok) set({ movements: reply.data.items, movementsTotal: reply.data.total })
      else set({ feedback: { tone: 'error', message: errorMessage(reply.error) } })
    })
  }

  function loadLow(): void {
    void api.call('stock:low', { limit: LOW_LIMIT }).then((reply) => {
      if (reply.ok) set({ low: reply.data.items, lowTotal: reply.data.total })
      else set({ feedback: { tone: 'error', message: errorMessage(reply.error) } })
    })
  }

  function clearFinder(): void {
    if (finderTimer !== undefined) timers.clearTimeout(finderTimer)
    finderTimer = undefined
    finderTicket += 1
  }

  registerReset(() => {
    clearFinder()
    set(initialStock)
  })

  return {
    ...initialStock,

    sectionOpened: () => {
      // Each visit starts from the finder (the navigation keeps focus until the person moves on).
      clearFinder()
      set({ ...initialStock, low: get().low, lowTotal: get().lowTotal })
      loadLow()
    },

    queryTyped: (query) => {
      clearFinder()
      set({ query })
      if (query.trim() === '') {
        set({ matches: [], matchesFor: null })
        return
      }
      finderTimer = timers.setTimeout(() => {
        finderTimer = undefined
        search(query)
      }, finderDelayMs)
    },

    productChosen: (product) => {
      clearFinder()
      set({ product, query: '', matches: [], matchesFor: null, movements: null, movementsTotal: 0, feedback: null })
      loadMovements(product.id)
    },

    productCleared: () => set({ product: null, movements: null, movementsTotal: 0, feedback: null }),

    adjustSubmitted: async (input) => {
      const product = get().product
      if (!product || get().pending) return null
      set({ pending: true, feedback: null })
      const reply = await api.call('stock:adjust', { ...input, productId: product.id })
      set({ pending: false })
      if (!reply.ok) return reply.error
      const updated = reply.data.product
      set({
        product: get().product?.id === updated.id ? updated : get().product,
        feedback: { tone: 'ok', message: msg('stock.recorded', { name: updated.name, stock: updated.stock }) },
      })
      loadMovements(updated.id)
      loadLow()
      return null
    },
  }
})
