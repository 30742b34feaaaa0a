import { describe, expect, it } from 'vitest'
import { createStore } from 'zustand/vanilla'
import type { DisplayState } from '#shared/contract/display'
import type { ClientResult, PosClient } from '../../platform/api/client'
import { startCustomerDisplay } from './display-publisher'
import type { DisplaySource } from './display-state'
import type { CheckoutState } from '../checkout/public'

const INFO = {
  storeName: 'Himal Kirana',
  currency: 'NPR',
  locale: 'en-IN',
  demo: false,
  version: '2.0.0',
  tillCode: 'T1',
  setupRequired: false,
  currencyDecimals: 2,
  timeZone: 'Asia/Kathmandu',
  printAfterSale: false,
}
const EMPTY_CART = {
  lines: [],
  itemCount: 0,
  subtotalCents: 0,
  discountCents: 0,
  taxCents: 0,
  totalCents: 0,
  taxes: [],
  orderDiscount: null,
  promo: null,
}
const TEA = {
  productId: 1,
  sku: 'TEA',
  name: 'Tea',
  unitPriceCents: 25_000,
  quantity: 1,
  lineTotalCents: 25_000,
  discountCents: 0,
  taxCents: 0,
  totalCents: 25_000,
  discount: null,
  stock: 4,
  imageFile: null,
}

function tillStore() {
  return createStore<DisplaySource & { typed: string }>()(() => ({
    session: { appInfo: INFO, user: { id: 1 } },
    cart: { cart: EMPTY_CART },
    checkout: { tenders: [], outcome: null } as unknown as CheckoutState,
    shell: { dialog: null },
    typed: '',
  }))
}

/** A client that records each published state and answers as told. */
function recordingClient(answer: (state: DisplayState) => Promise<ClientResult<unknown>>) {
  const published: DisplayState[] = []
  const api: PosClient = {
    call: ((channel: string, input: { state: DisplayState }) => {
      expect(channel).toBe('display:publish')
      published.push(input.state)
      return answer(input.state)
    }) as PosClient['call'],
  }
  return { api, published }
}

describe('startCustomerDisplay', () => {
  it('publishes at start and at each change of what the display shows, never twice the same', () => {
    const store = tillStore()
    const { api, published } = recordingClient(async () => ({ ok: true, data: {} }))
    const stop = startCustomerDisplay(store, { api })
    expect(published.map((state) => state.phase)).toEqual(['idle'])
    // Typing in the scan field changes the store, not the display.
    store.setState({ typed: 'te' })
    store.setState({ typed: 'tea' })
    store.setState({ cart: { cart: { ...EMPTY_CART, lines: [TEA], itemCount: 1, totalCents: 25_000, subtotalCents: 25_000 } } })
    store.setState({ typed: '' })
    expect(published.map((state) => [state.phase, state.lines.length])).toEqual([
      ['idle', 0],
      ['sale', 1],
    ])
    stop()
    store.setState({ cart: { cart: EMPTY_CART } })
    expect(published).toHaveLength(2)
  })

  it('puts the display back to its welcome when the till signs out mid-sale, and publishes nothing before the store is known', () => {
    const store = tillStore()
    store.setState({ session: { appInfo: null, user: null } })
    const { api, published } = recordingClient(async () => ({ ok: true, data: {} }))
    startCustomerDisplay(store, { api })
    expect(published).toEqual([])
    store.setState({ session: { appInfo: INFO, user: { id: 1 } } })
    store.setState({ cart: { cart: { ...EMPTY_CART, lines: [TEA], itemCount: 1, totalCents: 25_000, subtotalCents: 25_000 } } })
    store.setState({ session: { appInfo: INFO, user: null } })
    store.setState({ session: { appInfo: INFO, user: { id: 1 } } })
    expect(published.map((state) => state.phase)).toEqual(['idle', 'sale', 'idle', 'sale'])
  })

  it('never lets a refused or lost publication reach the till: it is logged, and the next change is sent', async () => {
    const store = tillStore()
    const logged: unknown[] = []
    let failures = 0
    const settled: Promise<unknown>[] = []
    const { api, published } = recordingClient((state) => {
      const reply =
        state.phase === 'idle'
          ? Promise.resolve({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'no' } } as ClientResult<unknown>)
          : Promise.reject(new Error('bridge gone'))
      settled.push(reply.catch(() => undefined))
      failures += 1
      return reply
    })
    startCustomerDisplay(store, { api, logError: (_message, detail) => void logged.push(detail) })
    store.setState({ cart: { cart: { ...EMPTY_CART, lines: [TEA], itemCount: 1, totalCents: 25_000, subtotalCents: 25_000 } } })
    await Promise.all(settled)
    // Let the publisher's own reactions to the settled replies run.
    await Promise.resolve()
    expect(failures).toBe(2)
    expect(published.map((state) => state.phase)).toEqual(['idle', 'sale'])
    expect(logged).toEqual(['VALIDATION_FAILED', new Error('bridge gone')])
  })
})
