import { describe, expect, it } from 'vitest'
import { createStore } from 'zustand/vanilla'
import type { ImportResultDto, ProductAdminDto } from '#shared/contract/catalog'
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { ClientResult, PosClient } from '../../platform/api/client'
import { drainTasks } from '../../platform/lib/drain-tasks'
import { createResetRegistry, sliceApi } from '../../platform/store/slice'
import type { Timers } from '../scan/public'
import { productImportSlice, type ProductImportState } from './product-import.slice'
import { PRODUCTS_PAGE_SIZE, productsSlice, type ProductsState } from './products.slice'

function productNumber(n: number): ProductAdminDto {
  return {
    id: n,
    sku: `SKU-${String(n).padStart(6, '0')}`,
    barcode: null,
    name: `Product ${String(n).padStart(6, '0')}`,
    priceCents: n * 100,
    stock: n % 7,
    imageFile: null,
    category: null,
    tags: n % 2 === 0 ? ['even'] : [],
    taxRateIds: [],
    images: [],
    lowStockAt: null,
    low: n % 7 === 0,
    archived: false,
    createdAt: '2026-03-15T04:15:00.000Z',
    updatedAt: '2026-03-15T04:15:00.000Z',
  }
}

/** Timers the test runs by hand: nothing fires until it says so. */
function manualTimers() {
  const pending = new Map<number, () => void>()
  let next = 1
  const timers: Timers = {
    setTimeout: (callback) => {
      const handle = next++
      pending.set(handle, callback)
      return handle as unknown as ReturnType<Timers['setTimeout']>
    },
    clearTimeout: (handle) => {
      pending.delete(handle as unknown as number)
    },
  }
  return {
    timers,
    /** Fires every timer set so far (and not cleared). */
    fireAll() {
      const due = [...pending.values()]
      pending.clear()
      for (const callback of due) callback()
    },
    get count() {
      return pending.size
    },
  }
}

type Handler = (input: never) => ClientResult<unknown> | Promise<ClientResult<unknown>>
const ok = (data: unknown): ClientResult<unknown> => ({ ok: true, data })

/** A catalog of `size` products answering products:list like core: filtered by text, sorted, one page. */
function fakeCatalog(size: number, overrides: Partial<Record<Channel, Handler>> = {}) {
  const products = Array.from({ length: size }, (_, index) => productNumber(index + 1))
  const calls: { channel: Channel; input: unknown }[] = []
  const handlers: Partial<Record<Channel, Handler>> = {
    'products:list': (input: ChannelInput<'products:list'>) => {
      const query = input.query?.toLowerCase()
      const matching = products.filter((p) => !query || p.name.toLowerCase().includes(query) || p.sku.toLowerCase().includes(query))
      const sorted = [...matching].sort((a, b) => (input.sort === 'price' ? a.priceCents - b.priceCents : a.name.localeCompare(b.name)))
      if (input.direction === 'desc') sorted.reverse()
      const offset = input.offset ?? 0
      return ok({ items: sorted.slice(offset, offset + (input.limit ?? 50)), total: sorted.length })
    },
    'categories:list': () => ok({ items: [{ id: 1, name: 'Soap', productCount: 0 }] }),
    'products:tags': () => ok({ items: [{ tag: 'even', productCount: Math.floor(size / 2) }] }),
    'taxes:list': () => ok({ items: [{ id: 1, name: 'VAT', rateBps: 1300, included: true, active: true, productCount: 0 }] }),
    'settings:get': () => ok({ defaultTaxRateIds: [1] }),
    ...overrides,
  }
  const api: PosClient = {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>) {
      calls.push({ channel, input })
      const handler = handlers[channel]
      if (!handler) throw new Error(`no reply set for ${channel}`)
      return (await handler(input as never)) as ClientResult<ChannelOutput<C>>
    },
  }
  const listCalls = () =>
    calls.filter((call) => call.channel === 'products:list').map((call) => call.input as ChannelInput<'products:list'>)
  return { api, calls, listCalls, products }
}

function storeWith(api: PosClient, timers: Timers) {
  const resets = createResetRegistry()
  const store = createStore<{ products: ProductsState; productImport: ProductImportState }>()((set, get) => ({
    products: productsSlice.create(sliceApi({ getState: get, setState: set }, 'products', resets), { api, timers }),
    productImport: productImportSlice.create(sliceApi({ getState: get, setState: set }, 'productImport', resets), {
      api,
      timers,
      newJobId: () => '0195f2c8-0000-7000-8000-000000000001',
      catalogChanged: () => get().products.catalogChanged(),
    }),
  }))
  return { products: () => store.getState().products, imports: () => store.getState().productImport, resets }
}

describe('the products table', () => {
  it('asks for one page to start, with the filters and the order, and its choices', async () => {
    const catalog = fakeCatalog(100_000)
    const clock = manualTimers()
    const { products } = storeWith(catalog.api, clock.timers)
    products().sectionOpened()
    await drainTasks()
    expect(catalog.listCalls()).toEqual([{ status: 'active', sort: 'name', direction: 'asc', limit: PRODUCTS_PAGE_SIZE, offset: 0 }])
    expect(products().total).toBe(100_000)
    expect(products().rows.filter(Boolean)).toHaveLength(PRODUCTS_PAGE_SIZE)
    expect(products().categories.map((c) => c.name)).toEqual(['Soap'])
    expect(products().tags.map((t) => t.tag)).toEqual(['even'])
    expect(products().taxRates?.map((tax) => tax.name)).toEqual(['VAT'])
    expect(products().defaultTaxRateIds).toEqual([1])
  })

  it('loads only the pages of the rows in view, once scrolling rests', async () => {
    const catalog = fakeCatalog(100_000)
    const clock = manualTimers()
    const { products } = storeWith(catalog.api, clock.timers)
    products().sectionOpened()
    await drainTasks()
    // A fling: the window passes through many places before it stops at rows 50_010…50_030.
    for (let from = 0; from < 50_000; from += 5_000) products().rowsShown(from, from + 20)
    products().rowsShown(50_010, 50_030)
    expect(catalog.listCalls()).toHaveLength(1)
    expect(clock.count).toBe(1)
    clock.fireAll()
    await drainTasks()
    const offsets = catalog.listCalls().map((input) => input.offset)
    // Rows 50_010 to 50_029 are all on one page.
    expect(offsets).toEqual([0, Math.floor(50_010 / PRODUCTS_PAGE_SIZE) * PRODUCTS_PAGE_SIZE])
    expect(products().rows[50_010]?.name).toBe('Product 050011')
    // The same rows again ask for nothing more.
    products().rowsShown(50_010, 50_030)
    clock.fireAll()
    await drainTasks()
    expect(catalog.listCalls()).toHaveLength(2)
    const loaded = products().rows.filter(Boolean).length
    expect(loaded).toBe(2 * PRODUCTS_PAGE_SIZE)
  })

  it('shows the answer to the newest search, whatever order the replies come back in', async () => {
    const held: { query: string | undefined; release: () => void }[] = []
    const base = fakeCatalog(500)
    const catalog = fakeCatalog(500, {
      'products:list': (input: ChannelInput<'products:list'>) =>
        new Promise((resolve) => held.push({ query: input.query, release: () => resolve(base.api.call('products:list', input)) })),
    })
    const clock = manualTimers()
    const { products } = storeWith(catalog.api, clock.timers)
    products().sectionOpened()
    products().queryTyped('Product 00001')
    clock.fireAll()
    products().queryTyped('Product 000012')
    clock.fireAll()
    expect(held.map((h) => h.query)).toEqual([undefined, 'Product 00001', 'Product 000012'])
    expect(products().stale).toBe(true)
    held[2]!.release()
    await drainTasks()
    held[1]!.release()
    held[0]!.release()
    await drainTasks()
    expect(products().total).toBe(1)
    expect(products().rows.map((p) => p?.name)).toEqual(['Product 000012'])
    expect(products().stale).toBe(false)
  })

  it('waits for a pause in typing before it asks again', async () => {
    const catalog = fakeCatalog(50)
    const clock = manualTimers()
    const { products } = storeWith(catalog.api, clock.timers)
    products().sectionOpened()
    await drainTasks()
    for (const text of ['P', 'Pr', 'Pro']) products().queryTyped(text)
    expect(catalog.listCalls()).toHaveLength(1)
    clock.fireAll()
    await drainTasks()
    expect(catalog.listCalls().map((input) => input.query)).toEqual([undefined, 'Pro'])
  })

  it('sorts in SQL: a new order asks again from the top, and the selection starts over', async () => {
    const catalog = fakeCatalog(100)
    const clock = manualTimers()
    const { products } = storeWith(catalog.api, clock.timers)
    products().sectionOpened()
    await drainTasks()
    products().selectionMoved(5)
    expect(products().selected).toBe(5)
    products().orderChanged({ by: 'price', direction: 'desc' })
    await drainTasks()
    expect(catalog.listCalls().at(-1)).toMatchObject({ sort: 'price', direction: 'desc', offset: 0 })
    expect(products().rows[0]?.priceCents).toBe(10_000)
    expect(products().selected).toBe(0)
    expect(products().answer).toBeGreaterThan(1)
  })

  it('moves the selection within the rows and opens only a loaded one', async () => {
    const catalog = fakeCatalog(40)
    const clock = manualTimers()
    const { products } = storeWith(catalog.api, clock.timers)
    products().sectionOpened()
    await drainTasks()
    products().selectionMoved(-3)
    expect(products().selected).toBe(0)
    products().selectionMoved(1_000)
    expect(products().selected).toBe(39)
    products().rowOpened(39)
    expect(products().editor).toBeNull()
    products().rowOpened(2)
    expect(products().editor).toEqual({ mode: 'edit', product: catalog.products[2] })
  })

  it('opens a created product for its images and reads the table again; a refusal goes back to the form', async () => {
    const catalog = fakeCatalog(3, {
      'products:create': (input: ChannelInput<'products:create'>) =>
        input.sku === 'TAKEN'
          ? {
              ok: false,
              error: {
                code: 'CONFLICT',
                message: 'taken',
                params: { what: 'sku', value: 'TAKEN', productId: 1, productSku: 'TAKEN', productName: 'Other' },
              },
            }
          : ok({ ...productNumber(99), sku: input.sku, name: input.name }),
    })
    const clock = manualTimers()
    const { products } = storeWith(catalog.api, clock.timers)
    products().sectionOpened()
    await drainTasks()
    products().newChosen()
    const refusal = await products().productSubmitted({ sku: 'TAKEN', name: 'Soap', priceCents: 100 })
    expect(refusal?.code).toBe('CONFLICT')
    expect(products().editor).toEqual({ mode: 'new' })
    const before = catalog.listCalls().length
    expect(await products().productSubmitted({ sku: 'NEW-1', name: 'Soap', priceCents: 100 })).toBeNull()
    expect(products().editor).toMatchObject({ mode: 'edit', justCreated: true, product: { sku: 'NEW-1' } })
    await drainTasks()
    expect(catalog.listCalls()).toHaveLength(before + 1)
  })

  it('puts an edited product back in its row', async () => {
    const catalog = fakeCatalog(5, {
      'products:update': (input: ChannelInput<'products:update'>) => ok({ ...productNumber(input.id), name: input.name ?? '' }),
    })
    const clock = manualTimers()
    const { products } = storeWith(catalog.api, clock.timers)
    products().sectionOpened()
    await drainTasks()
    products().rowOpened(1)
    expect(await products().productSubmitted({ id: 2, name: 'Renamed' })).toBeNull()
    expect(products().rows[1]?.name).toBe('Renamed')
    expect(products().editor).toMatchObject({ mode: 'edit', product: { id: 2, name: 'Renamed' } })
    expect(products().rows).toHaveLength(5)
  })

  it('starts over on the next sign-in', async () => {
    const catalog = fakeCatalog(5)
    const clock = manualTimers()
    const { products, resets } = storeWith(catalog.api, clock.timers)
    products().sectionOpened()
    await drainTasks()
    products().queryTyped('x')
    products().newChosen()
    resets.resetAll()
    expect(products()).toMatchObject({ rows: [], total: null, editor: null, filters: { query: '' } })
    expect(clock.count).toBe(0)
  })
})

describe('a CSV import', () => {
  const clean: ImportResultDto = {
    rows: 2,
    creates: 1,
    updates: 1,
    unchanged: 0,
    errors: [],
    errorCount: 0,
    newCategories: 0,
    applied: false,
  }

  it('follows its progress while core works, and stops when the answer is in', async () => {
    let finish: (value: ClientResult<unknown>) => void = () => undefined
    let progress = 0
    const catalog = fakeCatalog(2, {
      'products:import': () => new Promise((resolve) => (finish = resolve)),
      'products:importProgress': () => ok({ phase: 'checking', done: ++progress, total: 2 }),
    })
    const clock = manualTimers()
    const { imports } = storeWith(catalog.api, clock.timers)
    imports().importOpened()
    imports().textPasted('sku,name,price\nA,Apple,10\nB,Banana,5')
    const preview = imports().previewRequested()
    expect(imports().running).toBe('preview')
    clock.fireAll()
    await drainTasks()
    expect(imports().progress).toEqual({ phase: 'checking', done: 1, total: 2 })
    clock.fireAll()
    await drainTasks()
    expect(imports().progress?.done).toBe(2)
    finish(ok(clean))
    await preview
    expect(imports()).toMatchObject({ running: null, result: clean, progress: null })
    expect(clock.count).toBe(0)
    const polls = catalog.calls.filter((call) => call.channel === 'products:importProgress').length
    clock.fireAll()
    await drainTasks()
    expect(catalog.calls.filter((call) => call.channel === 'products:importProgress')).toHaveLength(polls)
    expect(catalog.calls.find((call) => call.channel === 'products:import')?.input).toMatchObject({ apply: false })
  })

  it('applies only a clean preview of exactly the text on screen, then reads the table again', async () => {
    const applied: unknown[] = []
    let answer = clean
    const catalog = fakeCatalog(2, {
      'products:import': (input: ChannelInput<'products:import'>) => {
        if (input.apply) applied.push(input.csv)
        return ok({ ...answer, applied: input.apply })
      },
      'products:importProgress': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'no job', params: { what: 'importJob' } } }),
    })
    const clock = manualTimers()
    const { imports, products } = storeWith(catalog.api, clock.timers)
    imports().importOpened()
    await imports().previewRequested()
    expect(imports().error?.key).toBe('import.empty')
    expect(catalog.calls.some((call) => call.channel === 'products:import')).toBe(false)

    answer = { ...clean, errorCount: 1, errors: [{ line: 3, column: 'price', problem: 'badPrice', value: 'ten' }] }
    imports().textPasted('sku,name,price\nA,Apple,10\nB,Banana,ten')
    await imports().previewRequested()
    await imports().applyRequested()
    expect(applied).toEqual([])

    answer = clean
    imports().textPasted('sku,name,price\nA,Apple,10\nB,Banana,5')
    await imports().previewRequested()
    imports().textPasted('sku,name,price\nA,Apple,10\nB,Banana,6')
    await imports().applyRequested()
    expect(applied).toEqual([])

    imports().textPasted('sku,name,price\nA,Apple,10\nB,Banana,5')
    await imports().previewRequested()
    const listed = catalog.listCalls().length
    await imports().applyRequested()
    expect(applied).toEqual(['sku,name,price\nA,Apple,10\nB,Banana,5'])
    expect(imports().result?.applied).toBe(true)
    await drainTasks()
    expect(catalog.listCalls().length).toBe(listed + 1)
    expect(products().total).toBe(2)
  })
})
