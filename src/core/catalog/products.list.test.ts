/**
 * `products:list`, the back office's table: paged in SQL with an exact total, every sort both ways
 * with ties broken by id, the filters, and search (the till's indexes for active products, a
 * literal "contains" for archived ones) — on a store holding only the catalog made here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProductAdminDto, ProductListInput } from '#shared/contract/catalog'
import type { BackendClient } from '#core/backend'
import { emptyCatalog, makeProduct } from '#core/testing/product-factory'
import { ok, openTestStore, signedInClient, type TestStore } from '#core/testing/test-store'

let store: TestStore
let manager: BackendClient
let all: ProductAdminDto[]
let dairy: number
let drinks: number

/** [name, sku, price, stock, category, tags, own threshold, archived] */
const CATALOG: [string, string, number, number, 'dairy' | 'drinks' | null, string[], number | null, boolean][] = [
  ['Yak Cheese', 'D-003', 500, 4, 'dairy', ['local'], null, false],
  ['Buffalo Milk 1L', 'D-001', 120, 0, 'dairy', ['local', 'fresh'], null, false],
  ['Cow Milk 1L', 'D-002', 120, 50, 'dairy', ['Fresh'], 60, false],
  ['Goat Milk 500ml', 'D-004', 120, 5, 'dairy', [], null, true],
  ['Lassi 200ml', 'D-005', 60, 9, 'dairy', ['sweet'], 10, false],
  ['Mango Juice 1L', 'B-001', 260, 9, 'drinks', ['sweet', 'imported'], null, false],
  ['Cola 1.5L', 'B-002', 170, 80, 'drinks', [], null, false],
  ['Cola Zero 1.5L', 'B-003', 170, 80, 'drinks', ['sugar-free'], null, false],
  ['Soda 100%', 'B-004', 50, 3, 'drinks', [], null, false],
  ['Tonic_Water', 'B-005', 90, 12, 'drinks', [], 2, true],
  ['Matches', 'M-001', 10, 500, null, [], null, false],
  ['Candles (pack)', 'M-002', 120, 6, null, ['home'], null, false],
]

beforeAll(async () => {
  store = await openTestStore()
  emptyCatalog(store.dbPath)
  manager = await signedInClient(store.backend, 'manager')
  dairy = ok(await manager.invoke('categories:create', { name: 'Dairy' })).id
  drinks = ok(await manager.invoke('categories:create', { name: 'Drinks' })).id
  for (const [name, sku, priceCents, stock, category, tags, lowStockAt, archived] of CATALOG) {
    const product = await makeProduct(manager, {
      name,
      sku,
      priceCents,
      openingStock: stock,
      categoryId: category === 'dairy' ? dairy : category === 'drinks' ? drinks : null,
      tags,
      lowStockAt,
    })
    if (archived) ok(await manager.invoke('products:archive', { id: product.id }))
  }
  all = ok(await manager.invoke('products:list', { status: 'all', limit: 200 })).items
  expect(all).toHaveLength(CATALOG.length)
})

afterAll(async () => {
  await store.cleanup()
})

async function list(input: ProductListInput = {}) {
  return ok(await manager.invoke('products:list', input))
}

const skus = (items: readonly ProductAdminDto[]) => items.map((item) => item.sku)

/** Every page of a listing, one `limit` at a time. */
async function everyPage(input: ProductListInput, limit: number): Promise<{ items: ProductAdminDto[]; totals: number[] }> {
  const items: ProductAdminDto[] = []
  const totals: number[] = []
  for (let offset = 0; ; offset += limit) {
    const page = await list({ ...input, limit, offset })
    totals.push(page.total)
    items.push(...page.items)
    if (page.items.length < limit) return { items, totals }
  }
}

const KEYS = { name: 'name', sku: 'sku', price: 'priceCents', stock: 'stock' } as const

/** The order the listing must have: by the column (as SQLite compares it), then by id, both one way. */
function expectedOrder(products: readonly ProductAdminDto[], sort: keyof typeof KEYS, direction: 'asc' | 'desc'): string[] {
  const key = KEYS[sort]
  const sign = direction === 'asc' ? 1 : -1
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0)
  return skus([...products].sort((a, b) => sign * (compare(a[key], b[key]) || compare(a.id, b.id))))
}

describe('products:list', () => {
  it('lists active products by name by default, with an exact total', async () => {
    const page = await list()
    const active = all.filter((item) => !item.archived)
    expect(page.total).toBe(active.length)
    expect(skus(page.items)).toEqual(expectedOrder(active, 'name', 'asc'))
    expect(page.items.every((item) => !item.archived)).toBe(true)
  })

  for (const sort of ['name', 'sku', 'price', 'stock'] as const) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`pages through every product by ${sort} ${direction}, ties by id the same way, each once`, async () => {
        const { items, totals } = await everyPage({ status: 'all', sort, direction }, 5)
        expect(totals.every((total) => total === CATALOG.length)).toBe(true)
        expect(skus(items)).toEqual(expectedOrder(all, sort, direction))
      })
    }
  }

  it('has ties to break: equal prices and equal stock keep the id order between pages', async () => {
    const byPrice = await everyPage({ sort: 'price', status: 'all' }, 2)
    const at120 = byPrice.items.filter((item) => item.priceCents === 120)
    expect(at120.length).toBeGreaterThanOrEqual(3)
    expect(at120.map((item) => item.id)).toEqual([...at120.map((item) => item.id)].sort((a, b) => a - b))
  })

  it('answers an empty page past the end, still with the total', async () => {
    expect(await list({ offset: 1_000 })).toEqual({ items: [], total: CATALOG.length - 2 })
  })

  it('filters by status', async () => {
    expect(skus((await list({ status: 'archived' })).items)).toEqual(['D-004', 'B-005'])
    expect((await list({ status: 'all' })).total).toBe(CATALOG.length)
  })

  it('filters by category, and by tag ignoring case', async () => {
    expect(skus((await list({ categoryId: dairy, sort: 'sku' })).items)).toEqual(['D-001', 'D-002', 'D-003', 'D-005'])
    expect(skus((await list({ categoryId: dairy, status: 'all', sort: 'sku' })).items)).toEqual([
      'D-001',
      'D-002',
      'D-003',
      'D-004',
      'D-005',
    ])
    expect((await list({ categoryId: 999_999 })).total).toBe(0)
    expect(skus((await list({ tag: 'FRESH', sort: 'sku' })).items)).toEqual(['D-001', 'D-002'])
    expect(skus((await list({ tag: 'sweet', categoryId: drinks })).items)).toEqual(['B-001'])
    expect((await list({ tag: 'nobody has this' })).total).toBe(0)
  })

  it('filters what is low on stock: at or below its own threshold, or the store’s default (5)', async () => {
    const low = await list({ lowStock: true, sort: 'stock' })
    // Buffalo 0 ≤ 5, Soda 3 ≤ 5, Yak 4 ≤ 5, Lassi 9 ≤ its 10, Cow 50 ≤ its 60; Candles 6 and Mango 9 are not.
    expect(skus(low.items)).toEqual(['D-001', 'B-004', 'D-003', 'D-005', 'D-002'])
    expect(low.items.every((item) => item.low)).toBe(true)
    // Archived ones only when asked for: the tonic has 12 > 2, the goat milk 5 ≤ 5.
    expect(skus((await list({ lowStock: true, status: 'archived' })).items)).toEqual(['D-004'])
    const candles = all.find((item) => item.sku === 'M-002')!
    expect(candles).toMatchObject({ low: false, lowStockAt: null })
  })

  it('searches active products as the till does: word starts, tags, text inside a word, the exact code', async () => {
    expect(skus((await list({ query: 'milk' })).items)).toEqual(['D-001', 'D-002'])
    expect(skus((await list({ query: 'mil 1' })).items)).toEqual(['D-001', 'D-002'])
    expect(skus((await list({ query: 'ilk' })).items)).toEqual(['D-001', 'D-002'])
    expect(skus((await list({ query: 'imported' })).items)).toEqual(['B-001'])
    expect(skus((await list({ query: 'd-003' })).items)).toEqual(['D-003'])
    expect(skus((await list({ query: 'cola', sort: 'sku', direction: 'desc' })).items)).toEqual(['B-003', 'B-002'])
    expect(await list({ query: 'goat' })).toEqual({ items: [], total: 0 })
  })

  it('searches archived products by text they contain, taken literally', async () => {
    expect(skus((await list({ query: 'goat', status: 'archived' })).items)).toEqual(['D-004'])
    expect(skus((await list({ query: 'c_w', status: 'archived' })).items)).toEqual(['B-005'])
    // `_` is no wildcard: `n_c` would otherwise find Tonic.
    expect(skus((await list({ query: 'n_c', status: 'archived' })).items)).toEqual([])
    expect(skus((await list({ query: 'milk', status: 'all', sort: 'sku' })).items)).toEqual(['D-001', 'D-002', 'D-004'])
  })

  it('never lets search text act as syntax', async () => {
    for (const query of ['%', '_', '"', "' or 1=1 --", 'NEAR(a b)', '*', 'a OR b', '\\']) {
      for (const status of ['active', 'archived', 'all'] as const) {
        const page = await list({ query, status })
        expect(
          page.items.every((item) => item.name.includes(query) || item.sku.includes(query)),
          `${query} ${status}`,
        ).toBe(true)
      }
    }
    expect(skus((await list({ query: '100%', status: 'all' })).items)).toEqual(['B-004'])
  })

  it('is a manager’s: a cashier is refused', async () => {
    const cashier = await signedInClient(store.backend, 'cashier')
    const reply = await cashier.invoke('products:list', {})
    expect(reply.ok ? 'ok' : reply.error.code).toBe('FORBIDDEN')
  })
})
