import type { CategoryDto, ProductAdminDto, ProductSort } from '#shared/contract/catalog'
import type { TaxRateDto } from '#shared/contract/taxes'
import type { ChannelInput } from '#shared/ipc/contract'
import type { ClientError, ClientResult, PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf } from '../../platform/i18n/translate'
import { initialPagedList, pagedList, type PagedListState } from '../../platform/store/paged-list'
import { defineSlice } from '../../platform/store/slice'
import type { Feedback } from '../../ui/feedback-line'
import { missingPages, withPage, type SparseRows, type Timers } from '../scan/public'
import type { ProductsTexts } from './products.en'

const msg = messagesOf<ProductsTexts>()

/**
 * Rows per `products:list` call. A page is about two screens of rows: the table asks only for the
 * pages its rows in view (and a few beyond) are on, so a catalog of any size costs what is seen.
 */
export const PRODUCTS_PAGE_SIZE = 30
/** The pause in typing in the search box before the table asks again. */
export const FILTER_DELAY_MS = 150
/** Pages are fetched once scrolling rests this long, so a fling past thousands of rows loads only where it stops. */
export const SCROLL_SETTLE_MS = 60

export type ProductStatus = 'active' | 'archived' | 'all'

export interface ProductFilters {
  readonly query: string
  readonly categoryId: number | null
  readonly tag: string | null
  readonly status: ProductStatus
  readonly lowStock: boolean
}

export interface ProductOrder {
  readonly by: ProductSort
  readonly direction: 'asc' | 'desc'
}

export type ProductEditor =
  | { readonly mode: 'new' }
  /** `justCreated`: the form opened on a product it has just created. */
  | { readonly mode: 'edit'; readonly product: ProductAdminDto; readonly justCreated?: boolean }

export interface TagCount {
  readonly tag: string
  readonly productCount: number
}

export type ProductCreateInput = ChannelInput<'products:create'>
export type ProductUpdateInput = ChannelInput<'products:update'>

/** The table's answer (`rows`, `total`, `answer`, `stale`, `loadError`, `selected`): a new one with new filters, order or a reload. */
export interface ProductsState extends PagedListState<ProductAdminDto> {
  filters: ProductFilters
  order: ProductOrder
  categories: readonly CategoryDto[]
  tags: readonly TagCount[]
  /** Every tax rate (the form offers the ones switched on); null until loaded. */
  taxRates: readonly TaxRateDto[] | null
  /** The store's default taxes for a new product (`settings.defaultTaxRateIds`). */
  defaultTaxRateIds: readonly number[]
  editor: ProductEditor | null
  editorPending: 'save' | 'archive' | 'images' | null
  editorFeedback: Feedback | null
  /** The section's own last result line (an export, a refusal outside the form). */
  feedback: Feedback | null
  exporting: boolean

  sectionOpened(): void
  queryTyped(query: string): void
  filtersChanged(patch: Partial<Omit<ProductFilters, 'query'>>): void
  orderChanged(order: ProductOrder): void
  /** The table shows rows from…to (exclusive): fetch the pages they are on once scrolling rests. */
  rowsShown(from: number, to: number): void
  selectionMoved(delta: number): void
  rowSelected(index: number): void
  /** Enter or a double click on a row: its form opens. */
  rowOpened(index: number): void
  newChosen(): void
  editorClosed(): void
  /** Create (no id) or update; resolves to the refusal for the form to show at its field, or null. */
  productSubmitted(input: ProductCreateInput | ProductUpdateInput): Promise<ClientError | null>
  categoryAdded(name: string): Promise<ClientResult<CategoryDto>>
  archiveToggled(): Promise<void>
  imagesAdded(): Promise<void>
  imageRemoved(imageId: number): Promise<void>
  /**
   * Saves the whole catalog as CSV where main's own dialog points; the feedback line says where, or
   * why not. A cancelled dialog says nothing.
   */
  exportRequested(): Promise<void>
  /** An import changed the catalog: everything shown is read again. */
  catalogChanged(): void
}

export interface ProductsDeps {
  readonly api: PosClient
  /** The page's own timers unless a test gives its own. */
  readonly timers?: Timers | undefined
  readonly filterDelayMs?: number
  readonly scrollSettleMs?: number
}

const initialFilters: ProductFilters = { query: '', categoryId: null, tag: null, status: 'active', lowStock: false }
const initialOrder: ProductOrder = { by: 'name', direction: 'asc' }

const initialProducts = {
  ...initialPagedList,
  filters: initialFilters,
  order: initialOrder,
  categories: [],
  tags: [],
  taxRates: null,
  defaultTaxRateIds: [],
  editor: null,
  editorPending: null,
  editorFeedback: null,
  feedback: null,
  exporting: false,
} satisfies Partial<ProductsState>

/** What `products:list` is asked for the given filters and order, one page at `offset`. */
export function listInput(filters: ProductFilters, order: ProductOrder, offset: number): ChannelInput<'products:list'> {
  const query = filters.query.trim()
  return {
    ...(query ? { query } : {}),
    ...(filters.categoryId !== null ? { categoryId: filters.categoryId } : {}),
    ...(filters.tag !== null ? { tag: filters.tag } : {}),
    status: filters.status,
    ...(filters.lowStock ? { lowStock: true } : {}),
    sort: order.by,
    direction: order.direction,
    limit: PRODUCTS_PAGE_SIZE,
    offset,
  }
}

const replaced = (rows: SparseRows<ProductAdminDto>, product: ProductAdminDto): SparseRows<ProductAdminDto> =>
  rows.some((row) => row?.id === product.id) ? rows.map((row) => (row?.id === product.id ? product : row)) : rows

export const productsSlice = defineSlice('products', ({ set, get, registerReset }, deps: ProductsDeps): ProductsState => {
  const { api } = deps
  const timers: Timers = deps.timers ?? globalThis
  const filterDelayMs = deps.filterDelayMs ?? FILTER_DELAY_MS
  const scrollSettleMs = deps.scrollSettleMs ?? SCROLL_SETTLE_MS

  let filterTimer: ReturnType<Timers['setTimeout']> | undefined

  function clearFilterTimer(): void {
    if (filterTimer !== undefined) timers.clearTimeout(filterTimer)
    filterTimer = undefined
  }

  const paging = pagedList<ProductAdminDto>(
    { get, set },
    {
      pageSize: PRODUCTS_PAGE_SIZE,
      timers,
      scrollSettleMs,
      pages: { missingPages, withPage },
      list: (offset) => {
        const { filters, order } = get()
        return api.call('products:list', listInput(filters, order, offset))
      },
      failed: (reason) => msg('products.loadFailed', { reason }),
      // The selection stays where it was, within the new answer.
      selectedOnAnswer: (selected, total) => Math.min(selected, Math.max(0, total - 1)),
    },
  )

  /** Asks for the first page of the current filters and order; its reply becomes a new answer. */
  function reload(): void {
    clearFilterTimer()
    paging.reload()
  }

  function loadChoices(): void {
    void api.call('categories:list', {}).then((reply) => {
      if (reply.ok) set({ categories: reply.data.items })
    })
    void api.call('products:tags', {}).then((reply) => {
      if (reply.ok) set({ tags: reply.data.items })
    })
    void api.call('taxes:list', {}).then((reply) => {
      if (reply.ok) set({ taxRates: reply.data.items })
    })
    void api.call('settings:get', {}).then((reply) => {
      if (reply.ok) set({ defaultTaxRateIds: reply.data.defaultTaxRateIds })
    })
  }

  /** A product changed: its row, and the open form if it shows it. */
  function productChanged(product: ProductAdminDto): void {
    const { editor, rows } = get()
    set({
      rows: replaced(rows, product),
      editor: editor?.mode === 'edit' && editor.product.id === product.id ? { mode: 'edit', product } : editor,
    })
  }

  function editedProduct(): ProductAdminDto | null {
    const editor = get().editor
    return editor?.mode === 'edit' ? editor.product : null
  }

  registerReset(() => {
    clearFilterTimer()
    paging.cancel()
    set(initialProducts)
  })

  return {
    ...initialProducts,

    sectionOpened: () => {
      // Each visit starts on the table (the navigation keeps focus until the person moves on).
      set({ editor: null, editorPending: null, editorFeedback: null, feedback: null })
      loadChoices()
      reload()
    },

    queryTyped: (query) => {
      set({ filters: { ...get().filters, query }, selected: 0 })
      if (filterTimer !== undefined) timers.clearTimeout(filterTimer)
      filterTimer = timers.setTimeout(() => {
        filterTimer = undefined
        reload()
      }, filterDelayMs)
    },

    filtersChanged: (patch) => {
      set({ filters: { ...get().filters, ...patch }, selected: 0 })
      reload()
    },

    orderChanged: (order) => {
      set({ order, selected: 0 })
      reload()
    },

    rowsShown: paging.rowsShown,
    selectionMoved: paging.selectionMoved,
    rowSelected: paging.rowSelected,

    rowOpened: (index) => {
      const product = get().rows[index]
      if (!product) return
      set({ selected: index, editor: { mode: 'edit', product }, editorFeedback: null, feedback: null })
    },

    newChosen: () => set({ editor: { mode: 'new' }, editorFeedback: null, feedback: null }),

    editorClosed: () => set({ editor: null, editorPending: null, editorFeedback: null }),

    productSubmitted: async (input) => {
      if (get().editorPending) return null
      set({ editorPending: 'save', editorFeedback: null })
      const reply = 'id' in input ? await api.call('products:update', input) : await api.call('products:create', input)
      set({ editorPending: null })
      if (!reply.ok) return reply.error
      const product = reply.data
      if ('id' in input) {
        productChanged(product)
        set({ editorFeedback: { tone: 'ok', message: msg('products.form.saved', { name: product.name }) } })
      } else {
        set({
          editor: { mode: 'edit', product, justCreated: true },
          editorFeedback: { tone: 'ok', message: msg('products.form.created', { name: product.name }) },
        })
        reload()
      }
      loadChoices()
      return null
    },

    categoryAdded: async (name) => {
      const reply = await api.call('categories:create', { name })
      if (reply.ok) set({ categories: [...get().categories, reply.data].sort((a, b) => a.name.localeCompare(b.name)) })
      return reply
    },

    archiveToggled: async () => {
      const product = editedProduct()
      if (!product || get().editorPending) return
      set({ editorPending: 'archive', editorFeedback: null })
      const reply = product.archived
        ? await api.call('products:unarchive', { id: product.id })
        : await api.call('products:archive', { id: product.id })
      set({ editorPending: null })
      if (!reply.ok) {
        set({ editorFeedback: { tone: 'error', message: errorMessage(reply.error) } })
        return
      }
      productChanged(reply.data)
      const name = reply.data.name
      set({
        editorFeedback: {
          tone: 'ok',
          message: reply.data.archived ? msg('products.form.archivedDone', { name }) : msg('products.form.unarchivedDone', { name }),
        },
      })
    },

    imagesAdded: async () => {
      const product = editedProduct()
      if (!product || get().editorPending) return
      set({ editorPending: 'images', editorFeedback: null })
      const reply = await api.call('products:addImages', { id: product.id })
      set({ editorPending: null })
      if (!reply.ok) {
        set({ editorFeedback: { tone: 'error', message: errorMessage(reply.error) } })
        return
      }
      if (reply.data.cancelled) return
      const added = reply.data.product.images.length - product.images.length
      productChanged(reply.data.product)
      set({ editorFeedback: { tone: 'ok', message: msg('products.form.imagesAdded', { count: Math.max(0, added) }) } })
    },

    imageRemoved: async (imageId) => {
      const product = editedProduct()
      if (!product || get().editorPending) return
      set({ editorPending: 'images', editorFeedback: null })
      const reply = await api.call('products:removeImage', { id: product.id, imageId })
      set({ editorPending: null })
      if (!reply.ok) {
        set({ editorFeedback: { tone: 'error', message: errorMessage(reply.error) } })
        return
      }
      productChanged(reply.data)
      set({ editorFeedback: { tone: 'ok', message: msg('products.form.imageRemoved') } })
    },

    exportRequested: async () => {
      if (get().exporting) return
      set({ exporting: true, feedback: null })
      const reply = await api.call('products:exportFile', {})
      set({ exporting: false })
      if (!reply.ok) {
        set({ feedback: { tone: 'error', message: errorMessage(reply.error) } })
        return
      }
      if (!reply.data.saved) return
      set({ feedback: { tone: 'ok', message: msg('products.exported', { count: reply.data.rows, file: reply.data.fileName }) } })
    },

    catalogChanged: () => {
      loadChoices()
      reload()
    },
  }
})
