import type { CategoryDto } from '#shared/contract/catalog'
import type { PromoDto } from '#shared/contract/promos'
import type { ClientError, PosClient } from '../../platform/api/client'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { listed, rowActing } from '../../platform/store/list-editing'
import { defineSlice } from '../../platform/store/slice'
import type { Feedback } from '../../ui/feedback-line'
import { promoChanges, type PromoFields } from './promo-form.schema'
import type { PromosTexts } from './promos.en'

const msg = messagesOf<PromosTexts>()

/** The list's filter, as `promos:list` takes it. */
export const PROMO_STATUSES = ['all', 'active', 'inactive'] as const
export type PromoStatus = (typeof PROMO_STATUSES)[number]

/** The promo form open over the list: a new code, or one to edit. */
export type PromoEditor = { readonly kind: 'create' } | { readonly kind: 'edit'; readonly promo: PromoDto }

/** A product as the form's product picker shows it. */
export interface PickedProduct {
  readonly id: number
  readonly name: string
  readonly sku: string
}

/** How many products the picker shows for what was typed. */
export const PRODUCT_MATCHES = 8

export interface PromosState {
  /** The codes the filters show; null until loaded. */
  promos: readonly PromoDto[] | null
  status: PromoStatus
  query: string
  listError: Message | null
  editor: PromoEditor | null
  editorPending: boolean
  /** The last change made from the list, or its refusal. */
  feedback: Feedback | null
  /** The row whose switch is under way. */
  rowPending: number | null
  /** The store's categories, for the form's picker (loaded when a form opens). */
  categories: readonly CategoryDto[]
  /** Products the form has named (the promo's own and every match shown), by id, so chosen ones show by name. */
  knownProducts: Readonly<Record<number, PickedProduct>>
  /** What the product search found for the text typed last. */
  productMatches: readonly PickedProduct[] | null
  promosRequested(): Promise<void>
  queryTyped(query: string): Promise<void>
  statusChosen(status: PromoStatus): Promise<void>
  createChosen(): Promise<void>
  editChosen(id: number): Promise<void>
  editorCancelled(): void
  /** Creates, or saves only what changed; answers core's refusal (the form puts it at its field) or null. */
  promoSubmitted(fields: PromoFields): Promise<ClientError | null>
  activeToggled(id: number): Promise<void>
  productsSearched(query: string): Promise<void>
}

export interface PromosDeps {
  readonly api: PosClient
}

const initialPromos = {
  promos: null,
  status: 'all',
  query: '',
  listError: null,
  editor: null,
  editorPending: false,
  feedback: null,
  rowPending: null,
  categories: [],
  knownProducts: {},
  productMatches: null,
} satisfies Partial<PromosState>

export const promosSlice = defineSlice('promos', ({ set, get, registerReset }, deps: PromosDeps): PromosState => {
  const { api } = deps
  // Only the newest list and product search may land: typing fast sends several.
  let listSeq = 0
  let searchSeq = 0

  async function load(): Promise<void> {
    const seq = ++listSeq
    const { status, query } = get()
    const typed = query.trim()
    const reply = await api.call('promos:list', { status, ...(typed ? { query: typed } : {}) })
    if (seq !== listSeq) return
    const { items, listError } = listed(reply, get().promos)
    set({ promos: items, listError })
  }

  const find = (id: number) => get().promos?.find((promo) => promo.id === id)
  const rowAction = rowActing({ get, set }, load)

  function known(products: readonly PickedProduct[]): void {
    set((s) => ({ knownProducts: { ...s.knownProducts, ...Object.fromEntries(products.map((p) => [p.id, p])) } }))
  }

  /** The pickers' data: the categories, and the names of the products a promo already names. */
  async function loadPickers(productIds: readonly number[]): Promise<void> {
    const missing = productIds.filter((id) => !get().knownProducts[id])
    const [categories, ...products] = await Promise.all([
      api.call('categories:list', {}),
      ...missing.map((id) => api.call('products:get', { id })),
    ])
    if (categories?.ok) set({ categories: categories.data.items })
    known(products.flatMap((reply) => (reply.ok ? [{ id: reply.data.id, name: reply.data.name, sku: reply.data.sku }] : [])))
  }

  registerReset(() => {
    listSeq += 1
    searchSeq += 1
    set(initialPromos)
  })

  return {
    ...initialPromos,

    promosRequested: load,

    queryTyped: async (query) => {
      set({ query })
      await load()
    },

    statusChosen: async (status) => {
      set({ status })
      await load()
    },

    createChosen: async () => {
      set({ editor: { kind: 'create' }, feedback: null, productMatches: null })
      await loadPickers([])
    },

    editChosen: async (id) => {
      const promo = find(id)
      if (!promo) return
      set({ editor: { kind: 'edit', promo }, feedback: null, productMatches: null })
      await loadPickers(promo.productIds)
    },

    editorCancelled: () => {
      if (get().editorPending) return
      searchSeq += 1
      set({ editor: null, productMatches: null })
    },

    promoSubmitted: async (fields) => {
      const editor = get().editor
      if (!editor || get().editorPending) return null
      let reply
      if (editor.kind === 'create') {
        set({ editorPending: true })
        reply = await api.call('promos:create', fields)
      } else {
        const change = promoChanges(editor.promo, fields)
        if (Object.keys(change).length === 0) {
          set({ editor: null, productMatches: null })
          return null
        }
        set({ editorPending: true })
        reply = await api.call('promos:update', { id: editor.promo.id, ...change })
      }
      if (!reply.ok) {
        set({ editorPending: false })
        return reply.error
      }
      const { code } = reply.data
      set({
        editorPending: false,
        editor: null,
        productMatches: null,
        feedback: { tone: 'ok', message: editor.kind === 'create' ? msg('promos.created', { code }) : msg('promos.updated', { code }) },
      })
      await load()
      return null
    },

    activeToggled: async (id) => {
      const promo = find(id)
      if (!promo) return
      await rowAction(
        id,
        () => api.call('promos:update', { id, active: !promo.active }),
        ({ code, active }) => (active ? msg('promos.switchedOn', { code }) : msg('promos.switchedOff', { code })),
      )
    },

    productsSearched: async (query) => {
      const seq = ++searchSeq
      const typed = query.trim()
      if (typed === '') {
        set({ productMatches: null })
        return
      }
      const reply = await api.call('products:list', { query: typed, status: 'active', limit: PRODUCT_MATCHES })
      if (seq !== searchSeq) return
      const matches = reply.ok ? reply.data.items.map((p) => ({ id: p.id, name: p.name, sku: p.sku })) : []
      known(matches)
      set({ productMatches: matches })
    },
  }
})
