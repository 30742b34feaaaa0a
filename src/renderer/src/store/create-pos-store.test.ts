import { describe, expect, it, vi } from 'vitest'
import { drainTasks } from '../lib/drain-tasks'
import type { CartDto, Channel, ChannelInput, ChannelOutput, ProductDto } from '../../../shared/contract'
import type { ClientResult, PosClient } from '../api/client'
import { createTranslator } from '../i18n/translate'
import { en } from '../i18n/en'
import { createPosStore } from './create-pos-store'

const milk: ProductDto = { id: 1, sku: 'MILK-1L', barcode: '8901234567890', name: 'Milk 1 L', priceCents: 9_000, stock: 10 }
const bread: ProductDto = { id: 2, sku: 'BREAD', barcode: '8901234567891', name: 'Bread', priceCents: 6_500, stock: 10 }
const milkPowder: ProductDto = { id: 3, sku: 'MILK-PWD', barcode: null, name: 'Milk powder', priceCents: 45_000, stock: 1 }
const catalog = [milk, bread, milkPowder]

type Handler = (input: unknown) => Promise<ClientResult<unknown>> | ClientResult<unknown>

/** An in-memory backend good enough for the store: a catalog, one cart, and overridable channels. */
function fakeBackend() {
  const cart = new Map<number, number>()
  const calls: { channel: Channel; input: unknown }[] = []
  const overrides = new Map<Channel, Handler>()

  const cartDto = (): CartDto => {
    const lines = [...cart].map(([productId, quantity]) => {
      const p = catalog.find((c) => c.id === productId)!
      return {
        productId,
        sku: p.sku,
        name: p.name,
        unitPriceCents: p.priceCents,
        quantity,
        lineTotalCents: p.priceCents * quantity,
        stock: p.stock,
      }
    })
    return {
      lines,
      itemCount: lines.reduce((n, l) => n + l.quantity, 0),
      totalCents: lines.reduce((n, l) => n + l.lineTotalCents, 0),
    }
  }
  const ok = (data: unknown): ClientResult<unknown> => ({ ok: true, data })

  const defaults: Partial<Record<Channel, Handler>> = {
    'app:info': () => ok({ storeName: 'Test store', currency: 'NPR', locale: 'en-IN', demo: true, version: '0' }),
    'auth:session': () => ok({ user: { id: 1, username: 'cashier', displayName: 'Asha', role: 'cashier' } }),
    'catalog:search': (input) => {
      const query = (input as { query: string }).query.toLowerCase()
      const items = catalog.filter((p) => p.name.toLowerCase().includes(query))
      return ok({ items, total: items.length })
    },
    'catalog:lookup': (input) => {
      const code = (input as { code: string }).code
      const found = catalog.find((p) => p.barcode === code || p.sku === code)
      return found ? ok(found) : { ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } }
    },
    'cart:get': () => ok(cartDto()),
    'cart:add': (input) => {
      const { productId, quantity } = input as { productId: number; quantity: number }
      cart.set(productId, (cart.get(productId) ?? 0) + quantity)
      return ok(cartDto())
    },
    'cart:setQuantity': (input) => {
      const { productId, quantity } = input as { productId: number; quantity: number }
      if (quantity === 0) cart.delete(productId)
      else cart.set(productId, quantity)
      return ok(cartDto())
    },
  }

  const client: PosClient = {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>) {
      calls.push({ channel, input })
      // Let other calls interleave, as real IPC would.
      await Promise.resolve()
      const handler = overrides.get(channel) ?? defaults[channel]
      if (!handler) throw new Error(`fake backend has no ${channel}`)
      return (await handler(input)) as ClientResult<ChannelOutput<C>>
    },
  }
  return { client, calls, cart, overrides, cartDto, ok }
}

async function signedInStore(searchDelayMs = 0) {
  const backend = fakeBackend()
  let keys = 0
  const store = createPosStore({ api: backend.client, newKey: () => `key-${++keys}`, searchDelayMs })
  await store.getState().appStarted()
  return { store, backend }
}

const { render } = createTranslator(en, 'en')
/** Lets every already-settled promise run its callbacks. */

describe('scanning', () => {
  it('keeps two scanner bursts apart and adds them in scan order', async () => {
    const { store } = await signedInStore()
    const s = store.getState()
    s.scanTextChanged(milk.barcode!)
    const first = s.scanSubmitted()
    // The field is empty again before the first lookup has answered.
    expect(store.getState().scanText).toBe('')
    s.scanTextChanged(bread.barcode!)
    const second = s.scanSubmitted()
    await Promise.all([first, second])
    expect(store.getState().cart.lines.map((l) => [l.name, l.quantity])).toEqual([
      ['Milk 1 L', 1],
      ['Bread', 1],
    ])
  })

  it('adds the exact code match even when search results are highlighted', async () => {
    const { store, backend } = await signedInStore()
    store.setState({ scanText: 'MILK-PWD', results: [milk, milkPowder], resultsFor: 'MILK-PWD', highlighted: 0 })
    await store.getState().scanSubmitted()
    expect(store.getState().cart.lines.map((l) => l.productId)).toEqual([milkPowder.id])
    expect(backend.calls.some((c) => c.channel === 'catalog:lookup')).toBe(true)
  })

  it('adds the highlighted match for a typed name, after the exact lookup misses', async () => {
    const { store } = await signedInStore()
    store.setState({ scanText: 'milk', results: [milk, milkPowder], resultsFor: 'milk', highlighted: 0 })
    store.getState().highlightMoved(1)
    await store.getState().scanSubmitted()
    expect(store.getState().cart.lines.map((l) => l.productId)).toEqual([milkPowder.id])
  })

  it('says so for an unknown code and leaves the cart alone', async () => {
    const { store, backend } = await signedInStore()
    store.getState().scanTextChanged('0000000000000')
    await store.getState().scanSubmitted()
    const { notice } = store.getState()
    expect(notice?.tone).toBe('error')
    expect(notice && render(notice.message)).toBe('No product has the barcode or SKU “0000000000000”.')
    expect(backend.cart.size).toBe(0)
  })

  it('shows the newest search even when an older reply arrives last', async () => {
    const backend = fakeBackend()
    let fire = () => {}
    const timers = {
      setTimeout: (callback: () => void) => {
        fire = callback
        return 1
      },
      clearTimeout: () => {},
    }
    const store = createPosStore({ api: backend.client, newKey: () => 'k', searchDelayMs: 60, timers })
    await store.getState().appStarted()
    const release: (() => void)[] = []
    backend.overrides.set('catalog:search', async (input) => {
      await new Promise<void>((resolve) => release.push(resolve))
      const query = (input as { query: string }).query
      const items = catalog.filter((p) => p.name.toLowerCase().includes(query))
      return backend.ok({ items, total: items.length })
    })

    store.getState().scanTextChanged('mil')
    fire()
    await vi.waitFor(() => expect(release).toHaveLength(1))
    store.getState().scanTextChanged('milk p')
    fire()
    await vi.waitFor(() => expect(release).toHaveLength(2))
    release[1]!()
    await vi.waitFor(() => expect(store.getState().resultsFor).toBe('milk p'))
    release[0]!()
    await drainTasks()
    expect(store.getState().resultsFor).toBe('milk p')
    expect(store.getState().results.map((p) => p.id)).toEqual([milkPowder.id])
  })
})

describe('paying', () => {
  async function storeWithCart() {
    const ctx = await signedInStore()
    ctx.backend.cart.set(milk.id, 2)
    await ctx.store.getState().cartRequested()
    return ctx
  }

  it('sends the total on screen with a fresh key, once, however often Enter is pressed', async () => {
    const { store, backend } = await storeWithCart()
    backend.overrides.set('checkout:pay', () => ({ ok: false, error: { code: 'INVALID_TOKEN', message: "Invalid token 'x'" } }))
    store.getState().payOpened()
    store.getState().tokenTyped('  x ')
    await Promise.all([store.getState().paymentSubmitted(), store.getState().paymentSubmitted()])
    const pays = backend.calls.filter((c) => c.channel === 'checkout:pay')
    expect(pays).toEqual([
      {
        channel: 'checkout:pay',
        input: { idempotencyKey: 'key-1', expectedTotalCents: 18_000, payment: { method: 'token', token: 'x' } },
      },
    ])
    const { outcome } = store.getState()
    expect(outcome?.kind === 'failed' && render(outcome.message)).toBe("Invalid token 'x'")

    await store.getState().backToCartChosen()
    expect(store.getState().cart.totalCents).toBe(18_000)
    store.getState().payOpened()
    store.getState().tokenTyped('y')
    await store.getState().paymentSubmitted()
    const keys = backend.calls
      .filter((c) => c.channel === 'checkout:pay')
      .map((c) => (c.input as { idempotencyKey: string }).idempotencyKey)
    expect(keys).toEqual(['key-1', 'key-2'])
  })

  it('retries a payment the transport lost with the very same key and input', async () => {
    const { store, backend } = await storeWithCart()
    backend.overrides.set('checkout:pay', () => ({ ok: false, error: { code: 'UNREACHABLE', message: 'gone' } }))
    store.getState().payOpened()
    store.getState().payMethodChosen('cash')
    store.getState().tenderedTyped('200')
    await store.getState().paymentSubmitted()
    expect(store.getState().outcome).toMatchObject({ kind: 'failed', retryable: true })

    backend.overrides.delete('checkout:pay')
    const paid = { invoice: { id: 1 }, message: 'ok' }
    backend.overrides.set('checkout:pay', () => backend.ok(paid))
    await store.getState().paymentRetried()
    const pays = backend.calls.filter((c) => c.channel === 'checkout:pay').map((c) => c.input)
    expect(pays).toHaveLength(2)
    expect(pays[1]).toEqual(pays[0])
    expect(pays[0]).toEqual({
      idempotencyKey: 'key-1',
      expectedTotalCents: 18_000,
      payment: { method: 'cash', tenderedCents: 20_000 },
    })
    expect(store.getState().outcome).toEqual({ kind: 'paid', result: paid })
    expect(store.getState().cart.lines).toEqual([])
  })

  it('refuses short cash without calling the backend', async () => {
    const { store, backend } = await storeWithCart()
    store.getState().payOpened()
    store.getState().payMethodChosen('cash')
    store.getState().tenderedTyped('179.99')
    await store.getState().paymentSubmitted()
    expect(backend.calls.some((c) => c.channel === 'checkout:pay')).toBe(false)
    expect(store.getState().payFormError).toEqual({ key: 'pay.notEnough' })
    expect(store.getState().dialog).toBe('pay')
  })

  it('refreshes the cart when the server says it changed', async () => {
    const { store, backend } = await storeWithCart()
    backend.overrides.set('checkout:pay', () => {
      backend.cart.set(bread.id, 1)
      return { ok: false, error: { code: 'CART_CHANGED', message: 'changed' } }
    })
    store.getState().payOpened()
    store.getState().tokenTyped('t')
    await store.getState().paymentSubmitted()
    expect(store.getState().outcome).toMatchObject({ kind: 'failed', code: 'CART_CHANGED' })
    expect(store.getState().cart.totalCents).toBe(18_000 + 6_500)
  })

  it('does not open payment for an empty cart', async () => {
    const { store } = await signedInStore()
    store.getState().payOpened()
    expect(store.getState().dialog).toBeNull()
    expect(store.getState().notice?.tone).toBe('warning')
  })
})
