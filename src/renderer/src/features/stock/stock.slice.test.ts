import { describe, expect, it, vi } from 'vitest'
import { createStore } from 'zustand/vanilla'
import type { ProductAdminDto } from '#shared/contract/catalog'
import type { StockMovementDto } from '#shared/contract/stock'
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { ClientResult, PosClient } from '../../platform/api/client'
import { drainTasks } from '../../platform/lib/drain-tasks'
import { createResetRegistry, sliceApi } from '../../platform/store/slice'
import { stockSlice, type StockState } from './stock.slice'

const soap: ProductAdminDto = {
  id: 4,
  sku: 'SOAP',
  barcode: null,
  name: 'Soap',
  priceCents: 5_000,
  stock: 2,
  imageFile: null,
  category: null,
  tags: [],
  taxRateIds: [],
  images: [],
  lowStockAt: 3,
  low: true,
  archived: false,
  createdAt: '2026-03-15T04:15:00.000Z',
  updatedAt: '2026-03-15T04:15:00.000Z',
}

/** A shelf of one product answering like core: movements newest first, low while at or below 3. */
function fakeShelf() {
  let product = soap
  const movements: StockMovementDto[] = []
  const calls: Channel[] = []
  const ok = (data: unknown): ClientResult<unknown> => ({ ok: true, data })
  const handlers: Partial<Record<Channel, (input: never) => ClientResult<unknown>>> = {
    'products:list': (input: ChannelInput<'products:list'>) => ok({ items: input.query === 'so' ? [product] : [], total: 1 }),
    'stock:movements': () => ok({ items: movements, total: movements.length }),
    'stock:low': () => ok({ items: product.stock <= 3 ? [product] : [], total: product.stock <= 3 ? 1 : 0 }),
    'stock:adjust': (input: ChannelInput<'stock:adjust'>) => {
      const delta = input.delta ?? (input.counted ?? 0) - product.stock
      if (product.stock + delta < 0) {
        return {
          ok: false,
          error: { code: 'INSUFFICIENT_STOCK', message: 'short', params: { productId: 4, name: 'Soap', quantity: -delta } },
        }
      }
      product = { ...product, stock: product.stock + delta, low: product.stock + delta <= 3 }
      const movement: StockMovementDto = {
        id: movements.length + 1,
        productId: 4,
        sku: 'SOAP',
        productName: 'Soap',
        deltaQty: delta,
        stockAfter: product.stock,
        reason: input.reason,
        note: input.note ?? null,
        by: 'Manoj',
        invoiceNumber: null,
        at: '2026-03-15T04:20:00.000Z',
      }
      movements.unshift(movement)
      return ok({ movement, product })
    },
  }
  const api: PosClient = {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>) {
      calls.push(channel)
      const handler = handlers[channel]
      if (!handler) throw new Error(`no reply set for ${channel}`)
      return handler(input as never) as ClientResult<ChannelOutput<C>>
    },
  }
  return { api, calls }
}

function stockStore(api: PosClient) {
  const resets = createResetRegistry()
  const store = createStore<{ stock: StockState }>()((set, get) => ({
    stock: stockSlice.create(sliceApi({ getState: get, setState: set }, 'stock', resets), { api, finderDelayMs: 0 }),
  }))
  return () => store.getState().stock
}

describe('stock', () => {
  it('finds a product, records a movement and shows it in the history and the low list', async () => {
    const shelf = fakeShelf()
    const stock = stockStore(shelf.api)
    stock().sectionOpened()
    await drainTasks()
    expect(stock().low?.map((p) => p.sku)).toEqual(['SOAP'])
    stock().queryTyped('so')
    // The finder searches once typing pauses: wait for its answer, not for time.
    await vi.waitFor(() => expect(stock().matches.map((p) => p.sku)).toEqual(['SOAP']))
    stock().productChosen(stock().matches[0]!)
    await drainTasks()
    expect(stock().movements).toEqual([])
    expect(await stock().adjustSubmitted({ reason: 'received', delta: 10, note: 'supplier' })).toBeNull()
    await drainTasks()
    expect(stock().product?.stock).toBe(12)
    expect(stock().movements?.map((m) => [m.reason, m.deltaQty, m.stockAfter, m.note])).toEqual([['received', 10, 12, 'supplier']])
    expect(stock().low).toEqual([])
    expect(stock().feedback?.message).toEqual({ key: 'stock.recorded', params: { name: 'Soap', stock: 12 } })
  })

  it('hands a refusal back to the form and changes nothing shown', async () => {
    const shelf = fakeShelf()
    const stock = stockStore(shelf.api)
    stock().productChosen(soap)
    await drainTasks()
    const refusal = await stock().adjustSubmitted({ reason: 'damaged', delta: -5 })
    expect(refusal?.code).toBe('INSUFFICIENT_STOCK')
    expect(stock().product?.stock).toBe(2)
    expect(stock().movements).toEqual([])
    expect(stock().feedback).toBeNull()
  })
})
