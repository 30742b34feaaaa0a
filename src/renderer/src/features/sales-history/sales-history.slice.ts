import type { ProductDto } from '#shared/contract/catalog'
import type { InvoiceDto, InvoiceSummaryDto, PaymentMethod } from '#shared/contract/invoices'
import type { ChannelInput } from '#shared/ipc/contract'
import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { initialPagedList, pagedList, type PagedListState } from '../../platform/store/paged-list'
import { defineSlice } from '../../platform/store/slice'
import { missingPages, withPage, type Timers } from '../scan/public'
import { presetRange, type DayPreset, type DayRange } from './sales-days'
import type { SalesHistoryTexts } from './sales-history.en'

const msg = messagesOf<SalesHistoryTexts>()

/** Rows per `invoices:list` call: about two screens; the table asks only for the pages in view. */
export const SALES_PAGE_SIZE = 40
/** The pause in typing (an invoice number, a product) before the history asks again. */
export const FILTER_DELAY_MS = 200
/** Pages are fetched once scrolling rests this long, so a fling loads only where it stops. */
export const SCROLL_SETTLE_MS = 60
/** Products the product filter offers at once. */
export const PRODUCT_MATCHES = 8
/** Where a visit starts: the last week, which holds "the sale from the other day". */
export const FIRST_PRESET: DayPreset = 'week'

/** Where the history is shown: the back office's Sales section, or the till's recent sales. */
export type SalesHost = 'backOffice' | 'till'

export interface ProductChoice {
  readonly id: number
  readonly name: string
  readonly sku: string
}

export interface SalesFilters {
  readonly days: DayRange
  readonly cashierId: number | null
  readonly method: PaymentMethod | null
  /** An invoice number as typed. */
  readonly number: string
  readonly product: ProductChoice | null
}

export interface CashierChoice {
  readonly id: number
  readonly displayName: string
  readonly active: boolean
}

/** What another screen may set when it opens the history. */
export interface SalesHistoryRequest {
  readonly days: DayRange
  readonly product: ProductChoice | null
}

/** The sale the detail pane shows. */
export type SaleDetail =
  | { readonly status: 'loading'; readonly id: number }
  | { readonly status: 'shown'; readonly id: number; readonly invoice: InvoiceDto }
  | { readonly status: 'failed'; readonly id: number; readonly message: Message }

/** The table's answer (`rows`, `total`, `answer`, `stale`, `loadError`, `selected`): a new one with new filters; Enter shows the selected sale. */
export interface SalesHistoryState extends PagedListState<InvoiceSummaryDto> {
  host: SalesHost | null
  /** The store's day when the filters were last set, for the presets to say which one is chosen. */
  today: string
  filters: SalesFilters
  /** Who may be chosen in the cashier filter (everyone who ever sold); empty when the user may not list staff. */
  cashiers: readonly CashierChoice[]
  productQuery: string
  productMatches: readonly ProductDto[]
  /** The query the matches answer; null while none is shown. */
  productMatchesFor: string | null
  detail: SaleDetail | null
  reprintOpen: boolean

  /** The back office's Sales section is shown: with the filters another screen asked for, if it did. */
  sectionOpened(): void
  /** Another screen (a report) opens the history on these days and this product; the section takes them when it opens. */
  filtersRequested(request: SalesHistoryRequest): void
  /** The till's key: the user's recent sales (everyone's for a manager) in a dialog. */
  tillOpened(): void
  tillClosed(): void
  presetChosen(preset: DayPreset): void
  /** A day typed or picked; the other end follows when they would cross. */
  dayChanged(end: 'from' | 'to', day: string): void
  cashierChosen(cashierId: number | null): void
  methodChosen(method: PaymentMethod | null): void
  numberTyped(text: string): void
  productQueryTyped(query: string): void
  productChosen(product: ProductChoice): void
  productCleared(): void
  /** The table shows rows from…to (exclusive): fetch the pages they are on once scrolling rests. */
  rowsShown(from: number, to: number): void
  selectionMoved(delta: number): void
  rowSelected(index: number): void
  /** Enter or a click on a row: the detail pane shows that sale. */
  rowOpened(index: number): void
  reprintOpened(): void
  reprintClosed(): void
}

export interface SalesHistoryDeps {
  readonly api: PosClient
  readonly timers?: Timers | undefined
  /** Today in the store's time zone (`YYYY-MM-DD`). */
  readonly today: () => string
  /** Whether the user may list staff, and so choose a cashier to filter by. */
  readonly mayListCashiers: () => boolean
  /** A dialog or a payment result holds the till. */
  readonly tillBusy: () => boolean
  readonly dialogOpened: () => void
  readonly dialogClosed: () => void
  readonly focusReturned: () => void
  readonly filterDelayMs?: number
  readonly scrollSettleMs?: number
}

const noFilters = (today: string): SalesFilters => ({
  days: presetRange(FIRST_PRESET, today),
  cashierId: null,
  method: null,
  number: '',
  product: null,
})

const initialSales = {
  ...initialPagedList,
  host: null,
  today: '',
  filters: noFilters(''),
  cashiers: [],
  productQuery: '',
  productMatches: [],
  productMatchesFor: null,
  detail: null,
  reprintOpen: false,
} satisfies Partial<SalesHistoryState>

/** What `invoices:list` is asked for these filters, one page at `offset`. */
export function listInput(filters: SalesFilters, offset: number): ChannelInput<'invoices:list'> {
  const number = filters.number.trim()
  return {
    ...(filters.days.from ? { from: filters.days.from } : {}),
    ...(filters.days.to ? { to: filters.days.to } : {}),
    ...(filters.cashierId !== null ? { cashierId: filters.cashierId } : {}),
    ...(filters.method !== null ? { method: filters.method } : {}),
    ...(number ? { query: number } : {}),
    ...(filters.product !== null ? { productId: filters.product.id } : {}),
    limit: SALES_PAGE_SIZE,
    offset,
  }
}

export const salesHistorySlice = defineSlice('salesHistory', ({ set, get, registerReset }, deps: SalesHistoryDeps): SalesHistoryState => {
  const { api } = deps
  const timers: Timers = deps.timers ?? globalThis
  const filterDelayMs = deps.filterDelayMs ?? FILTER_DELAY_MS
  const scrollSettleMs = deps.scrollSettleMs ?? SCROLL_SETTLE_MS

  let detailTicket = 0
  let productTicket = 0
  /** Each opening of the history; the staff list of an earlier one is dropped. */
  let visit = 0
  let filterTimer: ReturnType<Timers['setTimeout']> | undefined
  /** Filters asked for by another screen, taken by the next opening of the section. */
  let requested: SalesHistoryRequest | null = null
  let productTimer: ReturnType<Timers['setTimeout']> | undefined

  // A new answer starts at the newest sale.
  const paging = pagedList<InvoiceSummaryDto>(
    { get, set },
    {
      pageSize: SALES_PAGE_SIZE,
      timers,
      scrollSettleMs,
      pages: { missingPages, withPage },
      list: (offset) => api.call('invoices:list', listInput(get().filters, offset)),
      failed: (reason) => msg('sales.loadFailed', { reason }),
    },
  )

  /** Stops the typing pauses and the paging: nothing asked for so far lands any more. */
  function clearTimers(): void {
    for (const timer of [filterTimer, productTimer]) if (timer !== undefined) timers.clearTimeout(timer)
    filterTimer = undefined
    productTimer = undefined
    paging.cancel()
  }

  /** Asks for the first page of the current filters; its reply becomes a new answer. */
  function reload(): void {
    if (filterTimer !== undefined) timers.clearTimeout(filterTimer)
    filterTimer = undefined
    set({ detail: null, reprintOpen: false })
    paging.reload()
  }

  function filtersChanged(patch: Partial<SalesFilters>): void {
    set({ filters: { ...get().filters, ...patch } })
    reload()
  }

  /** Everyone who ever sold, active or not (a leaver's sales stay theirs), when the user may list staff. */
  function loadCashiers(): void {
    if (!deps.mayListCashiers()) {
      set({ cashiers: [] })
      return
    }
    const mine = visit
    void api.call('users:list', { includeInactive: true }).then((reply) => {
      if (!reply.ok || mine !== visit) return
      const cashiers = reply.data.items.map((user) => ({ id: user.id, displayName: user.displayName, active: user.active }))
      set({ cashiers: cashiers.sort((a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName)) })
    })
  }

  function opened(host: SalesHost): void {
    clearTimers()
    visit += 1
    const today = deps.today()
    const asked = host === 'backOffice' ? requested : null
    requested = null
    const filters = asked ? { ...noFilters(today), days: asked.days, product: asked.product } : noFilters(today)
    set({ ...initialSales, host, today, filters })
    loadCashiers()
    reload()
  }

  function searchProducts(query: string): void {
    productTicket += 1
    const mine = productTicket
    void api.call('catalog:search', { query, limit: PRODUCT_MATCHES }).then((reply) => {
      if (mine !== productTicket || get().productQuery.trim() !== query) return
      set({ productMatches: reply.ok ? reply.data.items : [], productMatchesFor: query })
    })
  }

  registerReset(() => {
    requested = null
    clearTimers()
    visit += 1
    detailTicket += 1
    productTicket += 1
    set(initialSales)
  })

  return {
    ...initialSales,

    sectionOpened: () => opened('backOffice'),

    filtersRequested: (request) => {
      requested = request
    },

    tillOpened: () => {
      if (deps.tillBusy()) return
      opened('till')
      deps.dialogOpened()
    },

    tillClosed: () => {
      if (get().host !== 'till') return
      clearTimers()
      detailTicket += 1
      set({ host: null, detail: null, reprintOpen: false })
      deps.dialogClosed()
      deps.focusReturned()
    },

    presetChosen: (preset) => {
      const today = deps.today()
      set({ today })
      filtersChanged({ days: presetRange(preset, today) })
    },

    dayChanged: (end, day) => {
      const { days } = get().filters
      const next = { ...days, [end]: day }
      // Days that would cross move together: the other end follows the one just changed.
      if (next.from && next.to && next.from > next.to) {
        if (end === 'from') next.to = next.from
        else next.from = next.to
      }
      filtersChanged({ days: next })
    },

    cashierChosen: (cashierId) => filtersChanged({ cashierId }),

    methodChosen: (method) => filtersChanged({ method }),

    numberTyped: (text) => {
      set({ filters: { ...get().filters, number: text } })
      if (filterTimer !== undefined) timers.clearTimeout(filterTimer)
      filterTimer = timers.setTimeout(() => {
        filterTimer = undefined
        reload()
      }, filterDelayMs)
    },

    productQueryTyped: (query) => {
      set({ productQuery: query })
      if (productTimer !== undefined) timers.clearTimeout(productTimer)
      productTimer = undefined
      const trimmed = query.trim()
      if (!trimmed) {
        productTicket += 1
        set({ productMatches: [], productMatchesFor: null })
        return
      }
      productTimer = timers.setTimeout(() => {
        productTimer = undefined
        searchProducts(trimmed)
      }, filterDelayMs)
    },

    productChosen: (product) => {
      productTicket += 1
      set({ productQuery: '', productMatches: [], productMatchesFor: null })
      filtersChanged({ product: { id: product.id, name: product.name, sku: product.sku } })
    },

    productCleared: () => filtersChanged({ product: null }),

    rowsShown: paging.rowsShown,
    selectionMoved: paging.selectionMoved,
    rowSelected: paging.rowSelected,

    rowOpened: (index) => {
      const sale = get().rows[index]
      if (!sale) return
      detailTicket += 1
      const mine = detailTicket
      set({ selected: index, detail: { status: 'loading', id: sale.id }, reprintOpen: false })
      void api.call('invoices:get', { id: sale.id }).then((reply) => {
        if (mine !== detailTicket) return
        set({
          detail: reply.ok
            ? { status: 'shown', id: sale.id, invoice: reply.data }
            : { status: 'failed', id: sale.id, message: msg('sales.detailFailed', { reason: errorMessage(reply.error) }) },
        })
      })
    },

    reprintOpened: () => {
      if (get().detail?.status === 'shown') set({ reprintOpen: true })
    },

    reprintClosed: () => set({ reprintOpen: false }),
  }
})
