import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStore } from 'zustand/vanilla'
import type { InvoiceDto, InvoiceSummaryDto } from '#shared/contract/invoices'
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { ClientResult, PosClient } from '../../platform/api/client'
import { drainTasks } from '../../platform/lib/drain-tasks'
import { createResetRegistry, sliceApi } from '../../platform/store/slice'
import { SALES_PAGE_SIZE, salesHistorySlice, type SalesHistoryDeps, type SalesHistoryState } from './sales-history.slice'

const TODAY = '2026-03-15'

function sale(number: number): InvoiceSummaryDto {
  return {
    id: number + 1000,
    number,
    cashier: number % 2 ? 'Kiran Cashier' : 'Maya Manager',
    cashierId: number % 2 ? 3 : 2,
    paymentMethod: 'cash',
    tenderMethods: ['cash'],
    paidAt: '2026-03-15T04:15:00.000Z',
    discountCents: 0,
    totalCents: number * 100,
    itemCount: 1,
  }
}

const invoice = (id: number) => ({ id, number: id - 1000, lines: [], tenders: [], returns: [] }) as unknown as InvoiceDto

type Handler = (input: never) => ClientResult<unknown> | Promise<ClientResult<unknown>>
const ok = (data: unknown): ClientResult<unknown> => ({ ok: true, data })

/** A history of `size` sales, newest first, answered a page at a time; every call recorded. */
function fakeHistory(size: number, overrides: Partial<Record<Channel, Handler>> = {}) {
  const sales = Array.from({ length: size }, (_, index) => sale(size - index))
  const calls: { channel: Channel; input: unknown }[] = []
  const handlers: Partial<Record<Channel, Handler>> = {
    'invoices:list': (input: ChannelInput<'invoices:list'>) => {
      const offset = input.offset ?? 0
      return ok({ items: sales.slice(offset, offset + (input.limit ?? 50)), total: sales.length })
    },
    'invoices:get': (input: { id: number }) => ok(invoice(input.id)),
    'users:list': () =>
      ok({
        items: [
          { id: 9, displayName: 'Bina Left', active: false },
          { id: 3, displayName: 'Kiran Cashier', active: true },
          { id: 2, displayName: 'Maya Manager', active: true },
        ],
        total: 3,
      }),
    'catalog:search': (input: { query: string }) =>
      ok({ items: [{ id: 7, sku: 'MILK', name: `Milk for ${input.query}` }], total: 1, totalIsCapped: false }),
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
  const inputsOf = <C extends Channel>(channel: C) =>
    calls.filter((call) => call.channel === channel).map((call) => call.input as ChannelInput<C>)
  return { api, calls, inputsOf }
}

function storeWith(api: PosClient, overrides: Partial<SalesHistoryDeps> = {}) {
  const resets = createResetRegistry()
  const events: string[] = []
  const deps: SalesHistoryDeps = {
    api,
    today: () => TODAY,
    mayListCashiers: () => true,
    tillBusy: () => false,
    dialogOpened: () => events.push('dialogOpened'),
    dialogClosed: () => events.push('dialogClosed'),
    focusReturned: () => events.push('focusReturned'),
    ...overrides,
  }
  const store = createStore<{ salesHistory: SalesHistoryState }>()((set, get) => ({
    salesHistory: salesHistorySlice.create(sliceApi({ getState: get, setState: set }, 'salesHistory', resets), deps),
  }))
  return { history: () => store.getState().salesHistory, events, resets }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the sales history', () => {
  it('starts on the last seven days, one page, and offers everyone who ever sold as a cashier', async () => {
    const backend = fakeHistory(500)
    const { history } = storeWith(backend.api)
    history().sectionOpened()
    await drainTasks()
    expect(backend.inputsOf('invoices:list')).toEqual([{ from: '2026-03-09', to: TODAY, limit: SALES_PAGE_SIZE, offset: 0 }])
    expect(backend.inputsOf('users:list')).toEqual([{ includeInactive: true }])
    expect(history()).toMatchObject({ host: 'backOffice', today: TODAY, total: 500, stale: false, selected: 0 })
    expect(history().rows.filter(Boolean)).toHaveLength(SALES_PAGE_SIZE)
    // Those who still work here first, then leavers.
    expect(history().cashiers.map((cashier) => cashier.displayName)).toEqual(['Kiran Cashier', 'Maya Manager', 'Bina Left'])
  })

  it('asks a user who may not list staff nothing about them: core keeps them to their own sales', async () => {
    const backend = fakeHistory(3)
    const { history } = storeWith(backend.api, { mayListCashiers: () => false })
    history().sectionOpened()
    await drainTasks()
    expect(backend.inputsOf('users:list')).toEqual([])
    expect(history().cashiers).toEqual([])
    expect(backend.inputsOf('invoices:list')[0]).not.toHaveProperty('cashierId')
  })

  it('sends each filter as the channel takes it, and each change asks again from the top', async () => {
    const backend = fakeHistory(100)
    const { history } = storeWith(backend.api)
    history().sectionOpened()
    await drainTasks()
    history().presetChosen('yesterday')
    history().cashierChosen(3)
    history().methodChosen('card')
    history().productChosen({ id: 7, name: 'Milk', sku: 'MILK' })
    history().presetChosen('all')
    history().methodChosen(null)
    history().productCleared()
    history().cashierChosen(null)
    await drainTasks()
    const page = { limit: SALES_PAGE_SIZE, offset: 0 }
    expect(backend.inputsOf('invoices:list').slice(1)).toEqual([
      { from: '2026-03-14', to: '2026-03-14', ...page },
      { from: '2026-03-14', to: '2026-03-14', cashierId: 3, ...page },
      { from: '2026-03-14', to: '2026-03-14', cashierId: 3, method: 'card', ...page },
      { from: '2026-03-14', to: '2026-03-14', cashierId: 3, method: 'card', productId: 7, ...page },
      { cashierId: 3, method: 'card', productId: 7, ...page },
      { cashierId: 3, productId: 7, ...page },
      { cashierId: 3, ...page },
      page,
    ])
  })

  it('keeps days in order: a day typed past the other end moves it along', async () => {
    const backend = fakeHistory(10)
    const { history } = storeWith(backend.api)
    history().sectionOpened()
    history().dayChanged('from', '2026-03-20')
    expect(history().filters.days).toEqual({ from: '2026-03-20', to: '2026-03-20' })
    history().dayChanged('to', '2026-03-01')
    expect(history().filters.days).toEqual({ from: '2026-03-01', to: '2026-03-01' })
    history().dayChanged('from', '')
    expect(history().filters.days).toEqual({ from: '', to: '2026-03-01' })
    await drainTasks()
    expect(backend.inputsOf('invoices:list').at(-1)).toEqual({ to: '2026-03-01', limit: SALES_PAGE_SIZE, offset: 0 })
  })

  it('asks for a typed invoice number once the typing pauses', async () => {
    const backend = fakeHistory(10)
    const { history } = storeWith(backend.api)
    history().sectionOpened()
    await drainTasks()
    for (const text of ['1', '10', '102', ' 1024 ']) history().numberTyped(text)
    await drainTasks()
    expect(backend.inputsOf('invoices:list')).toHaveLength(1)
    vi.runOnlyPendingTimers()
    await drainTasks()
    expect(backend.inputsOf('invoices:list').slice(1)).toEqual([
      { from: '2026-03-09', to: TODAY, query: '1024', limit: SALES_PAGE_SIZE, offset: 0 },
    ])
  })

  it('finds products as the name is typed, and drops an answer to words no longer in the field', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const backend = fakeHistory(10, {
      'catalog:search': async (input: { query: string }) => {
        if (input.query === 'mi') await held
        return ok({ items: [{ id: 7, sku: 'MILK', name: `Milk for ${input.query}` }], total: 1, totalIsCapped: false })
      },
    })
    const { history } = storeWith(backend.api)
    history().sectionOpened()
    history().productQueryTyped('mi')
    vi.runOnlyPendingTimers()
    history().productQueryTyped('milk')
    vi.runOnlyPendingTimers()
    await drainTasks()
    release()
    await drainTasks()
    expect(backend.inputsOf('catalog:search')).toEqual([
      { query: 'mi', limit: 8 },
      { query: 'milk', limit: 8 },
    ])
    expect(history().productMatchesFor).toBe('milk')
    expect(history().productMatches.map((product) => product.name)).toEqual(['Milk for milk'])
    history().productQueryTyped('')
    expect(history()).toMatchObject({ productMatches: [], productMatchesFor: null })
  })

  it('loads the pages that scroll into view once scrolling rests, each page once', async () => {
    const backend = fakeHistory(500)
    const { history } = storeWith(backend.api)
    history().sectionOpened()
    await drainTasks()
    history().rowsShown(200, 215)
    history().rowsShown(230, 245)
    vi.runOnlyPendingTimers()
    await drainTasks()
    history().rowsShown(230, 245)
    vi.runOnlyPendingTimers()
    await drainTasks()
    // Rows 230–244 are on pages 5 and 6 (40 a page); the rows that scrolled past were never asked for.
    expect(backend.inputsOf('invoices:list').map((input) => input.offset)).toEqual([0, 200, 240])
    expect(history().rows[230]?.number).toBe(500 - 230)
    expect(history().rows[244]?.number).toBe(500 - 244)
    expect(history().rows[100]).toBeUndefined()
  })

  it('drops an answer to filters that have changed since', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const backend = fakeHistory(30, {
      'invoices:list': async (input: ChannelInput<'invoices:list'>) => {
        if (input.method === 'token') await held
        return ok({ items: [sale(input.method === 'token' ? 1 : 2)], total: 1 })
      },
    })
    const { history } = storeWith(backend.api)
    history().sectionOpened()
    history().methodChosen('token')
    history().methodChosen('cash')
    await drainTasks()
    release()
    await drainTasks()
    expect(history().rows.map((row) => row?.number)).toEqual([2])
    expect(history().filters.method).toBe('cash')
  })

  it('shows the sale chosen with Enter or a click, reprints only a sale shown, and says why one could not be read', async () => {
    const backend = fakeHistory(50, {
      'invoices:get': (input: { id: number }) =>
        input.id === 1048 ? { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } } : ok(invoice(input.id)),
    })
    const { history } = storeWith(backend.api)
    history().sectionOpened()
    await drainTasks()
    history().reprintOpened()
    expect(history().reprintOpen).toBe(false)
    history().selectionMoved(3)
    history().rowOpened(history().selected)
    expect(history().detail).toEqual({ status: 'loading', id: 1047 })
    await drainTasks()
    expect(history().detail).toMatchObject({ status: 'shown', id: 1047, invoice: { number: 47 } })
    history().reprintOpened()
    expect(history().reprintOpen).toBe(true)
    history().reprintClosed()
    history().rowOpened(2)
    await drainTasks()
    expect(history().detail).toMatchObject({ status: 'failed', id: 1048 })
    history().reprintOpened()
    expect(history().reprintOpen).toBe(false)
    expect(backend.inputsOf('invoices:get')).toEqual([{ id: 1047 }, { id: 1048 }])
    // A new answer starts without a sale shown.
    history().methodChosen('cash')
    expect(history().detail).toBeNull()
  })

  it('moves the selection within the answer', async () => {
    const { history } = storeWith(fakeHistory(12).api)
    history().sectionOpened()
    await drainTasks()
    history().selectionMoved(-1)
    expect(history().selected).toBe(0)
    history().selectionMoved(100)
    expect(history().selected).toBe(11)
    history().rowSelected(12)
    expect(history().selected).toBe(11)
    history().rowSelected(4)
    expect(history().selected).toBe(4)
  })

  it('opens on the till as a dialog unless the till is busy, and gives the scan field its focus back', async () => {
    let busy = true
    const backend = fakeHistory(5)
    const { history, events } = storeWith(backend.api, { tillBusy: () => busy })
    history().tillOpened()
    expect(history().host).toBeNull()
    expect(backend.calls).toEqual([])
    busy = false
    history().tillOpened()
    await drainTasks()
    expect(history()).toMatchObject({ host: 'till', total: 5 })
    history().tillClosed()
    expect(history().host).toBeNull()
    expect(events).toEqual(['dialogOpened', 'dialogClosed', 'focusReturned'])
    // Closing what is not open does nothing.
    history().tillClosed()
    expect(events).toHaveLength(3)
  })

  it('forgets everything at sign-out, and an answer still on its way is dropped', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const backend = fakeHistory(5, {
      'invoices:list': async () => {
        await held
        return ok({ items: [sale(1)], total: 1 })
      },
    })
    const { history, resets } = storeWith(backend.api)
    history().sectionOpened()
    resets.resetAll()
    release()
    await drainTasks()
    expect(history()).toMatchObject({ host: null, rows: [], total: null, cashiers: [], detail: null })
  })

  it('opens once on the days and product another screen asked for; the till’s dialog and the next visit start afresh', async () => {
    const backend = fakeHistory(5)
    const { history } = storeWith(backend.api)
    const request = { days: { from: '2026-03-02', to: TODAY }, product: { id: 7, name: 'Milk', sku: 'MILK' } }
    history().filtersRequested(request)
    history().sectionOpened()
    await drainTasks()
    expect(history().filters).toMatchObject(request)
    expect(backend.inputsOf('invoices:list').at(-1)).toMatchObject({ from: '2026-03-02', to: TODAY, productId: 7 })
    history().sectionOpened()
    expect(history().filters).toMatchObject({ days: { from: '2026-03-09', to: TODAY }, product: null })

    history().filtersRequested(request)
    history().tillOpened()
    expect(history().filters.product).toBeNull()
    history().tillClosed()
    history().sectionOpened()
    expect(history().filters.product).toBeNull()
  })

  it('says why the sales could not be loaded', async () => {
    const backend = fakeHistory(5, {
      'invoices:list': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'no', params: { permission: 'reports.view' } } }),
    })
    const { history } = storeWith(backend.api)
    history().sectionOpened()
    await drainTasks()
    expect(history().loadError).toMatchObject({ key: 'sales.loadFailed' })
    expect(history().stale).toBe(false)
  })
})
