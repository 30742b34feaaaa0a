import { describe, expect, it, vi } from 'vitest'
import { drainTasks } from '../platform/lib/drain-tasks'
import type { CartDto } from '#shared/contract/cart'
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { ProductDto } from '#shared/contract/catalog'
import type { ClientResult, PosClient } from '../platform/api/client'
import { createTranslator } from '../platform/i18n/translate'
import { RESULTS_PAGE_SIZE } from '../features/scan/public'
import { en } from './catalogs'
import { createPosStore } from './store'
import { typedUnderNepali } from '#shared/testing/nepali-keyboard.fixture'

const milk: ProductDto = {
  id: 1,
  sku: 'MILK-1L',
  barcode: '8901234567890',
  name: 'Milk 1 L',
  priceCents: 9_000,
  stock: 10,
  imageFile: null,
}
const bread: ProductDto = { id: 2, sku: 'BREAD', barcode: '8901234567891', name: 'Bread', priceCents: 6_500, stock: 10, imageFile: null }
const milkPowder: ProductDto = { id: 3, sku: 'MILK-PWD', barcode: null, name: 'Milk powder', priceCents: 45_000, stock: 1, imageFile: null }
const catalog = [milk, bread, milkPowder]

type Handler = (input: unknown) => Promise<ClientResult<unknown>> | ClientResult<unknown>

/** One page of matches, as catalog:search answers it. */
function searchAnswer(matches: readonly ProductDto[], input: unknown) {
  const { limit = 50, offset = 0 } = input as { limit?: number; offset?: number }
  return { items: matches.slice(offset, offset + limit), total: matches.length, totalIsCapped: false }
}

/** An in-memory backend good enough for the store: a catalog, one cart, and overridable channels. */
function fakeBackend(moreProducts: readonly ProductDto[] = []) {
  const products = [...catalog, ...moreProducts]
  const cart = new Map<number, number>()
  const calls: { channel: Channel; input: unknown }[] = []
  const overrides = new Map<Channel, Handler>()

  const cartDto = (): CartDto => {
    const lines = [...cart].map(([productId, quantity]) => {
      const p = products.find((c) => c.id === productId)!
      return {
        productId,
        sku: p.sku,
        name: p.name,
        unitPriceCents: p.priceCents,
        quantity,
        lineTotalCents: p.priceCents * quantity,
        discountCents: 0,
        taxCents: 0,
        totalCents: p.priceCents * quantity,
        discount: null,
        stock: p.stock,
        imageFile: p.imageFile,
      }
    })
    const totalCents = lines.reduce((n, l) => n + l.lineTotalCents, 0)
    return {
      lines,
      itemCount: lines.reduce((n, l) => n + l.quantity, 0),
      subtotalCents: totalCents,
      discountCents: 0,
      taxCents: 0,
      totalCents,
      taxes: [],
      orderDiscount: null,
      promo: null,
    }
  }
  const ok = (data: unknown): ClientResult<unknown> => ({ ok: true, data })

  const defaults: Partial<Record<Channel, Handler>> = {
    'app:info': () => ok({ storeName: 'Test store', currency: 'NPR', locale: 'en-IN', demo: true, version: '0' }),
    'auth:session': () =>
      ok({
        user: {
          id: 1,
          username: 'cashier',
          displayName: 'Asha',
          role: 'cashier',
          permissions: ['sale.discount', 'shift.close'],
          language: null,
        },
      }),
    'catalog:search': (input) => {
      const query = (input as { query: string }).query.toLowerCase()
      return ok(
        searchAnswer(
          catalog.filter((p) => p.name.toLowerCase().includes(query)),
          input,
        ),
      )
    },
    'catalog:lookup': (input) => {
      const { code, keys } = input as { code: string; keys?: string }
      const find = (c: string | undefined) => catalog.find((p) => p.barcode === c || p.sku === c)
      const found = find(code) ?? find(keys)
      return found ? ok(found) : { ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } }
    },
    'auth:logout': () => ok({}),
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
  await store.getState().session.appStarted()
  return { store, backend }
}

const { render } = createTranslator(en, 'en')
/** Lets every already-settled promise run its callbacks. */

describe('scanning', () => {
  it('keeps two scanner bursts apart and adds them in scan order', async () => {
    const { store } = await signedInStore()
    const s = store.getState()
    s.scan.scanTextChanged(milk.barcode!)
    const first = s.scan.scanSubmitted()
    // The field is empty again before the first lookup has answered.
    expect(store.getState().scan.scanText).toBe('')
    s.scan.scanTextChanged(bread.barcode!)
    const second = s.scan.scanSubmitted()
    await Promise.all([first, second])
    expect(store.getState().cart.cart.lines.map((l) => [l.name, l.quantity])).toEqual([
      ['Milk 1 L', 1],
      ['Bread', 1],
    ])
  })

  it('adds the exact code match even when search results are highlighted', async () => {
    const { store, backend } = await signedInStore()
    store.setState((s) => ({
      scan: { ...s.scan, scanText: 'MILK-PWD', results: [milk, milkPowder], resultsTotal: 2, resultsFor: 'MILK-PWD', highlighted: 0 },
    }))
    await store.getState().scan.scanSubmitted()
    expect(store.getState().cart.cart.lines.map((l) => l.productId)).toEqual([milkPowder.id])
    expect(backend.calls.some((c) => c.channel === 'catalog:lookup')).toBe(true)
  })

  it('adds the highlighted match for a typed name, after the exact lookup misses', async () => {
    const { store } = await signedInStore()
    store.setState((s) => ({
      scan: { ...s.scan, scanText: 'milk', results: [milk, milkPowder], resultsTotal: 2, resultsFor: 'milk', highlighted: 0 },
    }))
    store.getState().scan.highlightMoved(1)
    await store.getState().scan.scanSubmitted()
    expect(store.getState().cart.cart.lines.map((l) => l.productId)).toEqual([milkPowder.id])
  })

  it('adds the product whose SKU the keys spell when a scanner typed it under a Nepali layout', async () => {
    const { store, backend } = await signedInStore()
    const typed = typedUnderNepali(milkPowder.sku)
    store.getState().scan.scanTextChanged(typed)
    await store.getState().scan.scanSubmitted(milkPowder.sku)
    expect(store.getState().cart.cart.lines.map((l) => l.productId)).toEqual([milkPowder.id])
    expect(backend.calls.filter((c) => c.channel === 'catalog:lookup').map((c) => c.input)).toEqual([{ code: typed, keys: milkPowder.sku }])
  })

  it('opens the sale of a receipt scanned under a Nepali layout', async () => {
    const { store, backend } = await signedInStore()
    backend.overrides.set('invoices:get', () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } }))
    store.getState().scan.scanTextChanged(typedUnderNepali('INV-1042'))
    await store.getState().scan.scanSubmitted('INV-1042')
    expect(backend.calls.filter((c) => c.channel === 'invoices:get').map((c) => c.input)).toEqual([{ number: 1042 }])
    expect(backend.calls.some((c) => c.channel === 'catalog:lookup')).toBe(false)
    expect(store.getState().invoices.finderNumberText).toBe('1042')
  })

  it('says so for an unknown code and leaves the cart alone', async () => {
    const { store, backend } = await signedInStore()
    store.getState().scan.scanTextChanged('0000000000000')
    await store.getState().scan.scanSubmitted()
    const { notice } = store.getState().shell
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
    await store.getState().session.appStarted()
    const release: (() => void)[] = []
    backend.overrides.set('catalog:search', async (input) => {
      await new Promise<void>((resolve) => release.push(resolve))
      const query = (input as { query: string }).query
      return backend.ok(
        searchAnswer(
          catalog.filter((p) => p.name.toLowerCase().includes(query)),
          input,
        ),
      )
    })

    store.getState().scan.scanTextChanged('mil')
    fire()
    await vi.waitFor(() => expect(release).toHaveLength(1))
    store.getState().scan.scanTextChanged('milk p')
    fire()
    await vi.waitFor(() => expect(release).toHaveLength(2))
    release[1]!()
    await vi.waitFor(() => expect(store.getState().scan.resultsFor).toBe('milk p'))
    release[0]!()
    await drainTasks()
    expect(store.getState().scan.resultsFor).toBe('milk p')
    expect(store.getState().scan.results.map((p) => p?.id)).toEqual([milkPowder.id])
  })
})

describe('the result list', () => {
  /** 60 teas and 40 coffees: more matches than one page. */
  const teas = Array.from({ length: 60 }, (_, index) => product(100 + index, `Tea ${String(index + 1).padStart(2, '0')}`))
  const coffees = Array.from({ length: 40 }, (_, index) => product(200 + index, `Coffee ${String(index + 1).padStart(2, '0')}`))
  function product(id: number, name: string): ProductDto {
    return { id, sku: `SKU-${id}`, barcode: null, name, priceCents: 1_000 + id, stock: 5, imageFile: null }
  }

  /** A store whose searches answer only when the test releases them, in any order. */
  async function heldSearches() {
    const backend = fakeBackend([...teas, ...coffees])
    const held: { input: { query: string; limit: number; offset: number }; release: () => void; lose: () => void }[] = []
    backend.overrides.set('catalog:search', async (input) => {
      const lost = await new Promise<boolean>((resolve) =>
        held.push({ input: input as (typeof held)[number]['input'], release: () => resolve(false), lose: () => resolve(true) }),
      )
      if (lost) return { ok: false, error: { code: 'UNREACHABLE', message: 'the reply was lost' } }
      const query = (input as { query: string }).query.toLowerCase()
      return backend.ok(
        searchAnswer(
          [...teas, ...coffees].filter((p) => p.name.toLowerCase().startsWith(query)),
          input,
        ),
      )
    })
    const store = createPosStore({ api: backend.client, newKey: () => 'k', searchDelayMs: 0 })
    await store.getState().session.appStarted()
    /** Types `query` and lets its first page through. */
    async function answered(query: string) {
      store.getState().scan.scanTextChanged(query)
      await vi.waitFor(() => expect(held.at(-1)?.input.query).toBe(query))
      held.at(-1)!.release()
      await vi.waitFor(() => expect(store.getState().scan.resultsFor).toBe(query))
    }
    return { store, backend, held, answered }
  }

  it('asks for the first page only, and for a later page once its rows are shown', async () => {
    const { store, held, answered } = await heldSearches()
    await answered('tea')
    expect(held.map((h) => h.input)).toEqual([{ query: 'tea', limit: RESULTS_PAGE_SIZE, offset: 0 }])
    expect(store.getState().scan.resultsTotal).toBe(60)
    expect(store.getState().scan.results).toHaveLength(RESULTS_PAGE_SIZE)

    // Rows 40–50 come into view: their page (the second) is fetched, once, however often asked.
    store.getState().scan.resultRowsShown(40, 50)
    store.getState().scan.resultRowsShown(41, 50)
    await vi.waitFor(() => expect(held).toHaveLength(2))
    expect(held[1]!.input).toEqual({ query: 'tea', limit: RESULTS_PAGE_SIZE, offset: RESULTS_PAGE_SIZE })
    held[1]!.release()
    await vi.waitFor(() => expect(store.getState().scan.results[45]?.name).toBe('Tea 46'))
    expect(
      store
        .getState()
        .scan.results.slice(0, 50)
        .map((p) => p?.name),
    ).toEqual(teas.slice(0, 50).map((p) => p.name))
    await drainTasks()
    expect(held).toHaveLength(2)
  })

  it('never lets a page of an older query into a newer query’s list', async () => {
    const { store, held, answered } = await heldSearches()
    await answered('t')
    store.getState().scan.resultRowsShown(30, 40)
    await vi.waitFor(() => expect(held).toHaveLength(2))

    // The cashier types on before that page arrives; the newer answer comes first.
    await answered('te')
    held[1]!.release()
    await drainTasks()
    const { results, resultsFor, resultsTotal } = store.getState().scan
    expect(resultsFor).toBe('te')
    expect(resultsTotal).toBe(60)
    expect(results).toHaveLength(RESULTS_PAGE_SIZE)
    expect(results.every((p) => p?.name.startsWith('Tea'))).toBe(true)

    // Rows 30–40 of the new answer are fetched for it, not taken from the old page.
    store.getState().scan.resultRowsShown(30, 40)
    await vi.waitFor(() => expect(held).toHaveLength(4))
    expect(held[3]!.input).toEqual({ query: 'te', limit: RESULTS_PAGE_SIZE, offset: RESULTS_PAGE_SIZE })
  })

  it('drops a page that arrives after the field was cleared, and fetches no page while a newer query is pending', async () => {
    const { store, held, answered } = await heldSearches()
    await answered('coffee')
    store.getState().scan.resultRowsShown(25, 35)
    await vi.waitFor(() => expect(held).toHaveLength(2))
    store.getState().scan.scanCleared()
    held[1]!.release()
    await drainTasks()
    expect(store.getState().scan).toMatchObject({ scanText: '', results: [], resultsFor: null, resultsTotal: 0 })

    await answered('tea')
    store.getState().scan.scanTextChanged('tea 5')
    store.getState().scan.resultRowsShown(30, 40)
    await vi.waitFor(() => expect(held).toHaveLength(4))
    await drainTasks()
    expect(held.map((h) => h.input.query)).toEqual(['coffee', 'coffee', 'tea', 'tea 5'])
  })

  it('says so when a page fails, keeps the rows it had, and asks for the page again when its rows are shown again', async () => {
    const { store, held, answered } = await heldSearches()
    await answered('tea')
    store.getState().scan.resultRowsShown(30, 40)
    await vi.waitFor(() => expect(held).toHaveLength(2))
    held[1]!.lose()
    await vi.waitFor(() => expect(store.getState().shell.notice?.tone).toBe('error'))
    const { notice } = store.getState().shell
    const { results, resultsFor, resultsTotal } = store.getState().scan
    expect(notice && render(notice.message)).toBe(en['error.UNREACHABLE'])
    expect(resultsFor).toBe('tea')
    expect(resultsTotal).toBe(60)
    expect(results.map((p) => p?.name)).toEqual(teas.slice(0, RESULTS_PAGE_SIZE).map((p) => p.name))

    store.getState().scan.resultRowsShown(30, 40)
    await vi.waitFor(() => expect(held).toHaveLength(3))
    expect(held[2]!.input).toEqual({ query: 'tea', limit: RESULTS_PAGE_SIZE, offset: RESULTS_PAGE_SIZE })
    held[2]!.release()
    await vi.waitFor(() => expect(store.getState().scan.results[30]?.name).toBe('Tea 31'))
  })

  it('arrows past the loaded rows, fetching their page, and Enter adds the highlighted match', async () => {
    const { store, held, backend, answered } = await heldSearches()
    await answered('tea')
    // Up from the first match wraps to the last of all 60, on a page not loaded yet.
    store.getState().scan.highlightMoved(-1)
    expect(store.getState().scan.highlighted).toBe(59)
    await vi.waitFor(() => expect(held).toHaveLength(2))
    expect(held[1]!.input.offset).toBe(50)
    held[1]!.release()
    await vi.waitFor(() => expect(store.getState().scan.results[59]?.name).toBe('Tea 60'))
    await store.getState().scan.scanSubmitted()
    expect([...backend.cart]).toEqual([[teas[59]!.id, 1]])
    expect(store.getState().scan.scanText).toBe('')
  })
})

describe('paying', () => {
  async function storeWithCart() {
    const ctx = await signedInStore()
    ctx.backend.cart.set(milk.id, 2)
    await ctx.store.getState().cart.cartRequested()
    return ctx
  }

  it('sends the total on screen with a fresh key, once, however often Enter is pressed', async () => {
    const { store, backend } = await storeWithCart()
    backend.overrides.set('checkout:pay', () => ({
      ok: false,
      error: { code: 'INVALID_TOKEN', message: "Invalid token 'x'", params: { token: 'x' } },
    }))
    store.getState().checkout.payOpened()
    store.getState().checkout.tokenTyped('  x ')
    await Promise.all([store.getState().checkout.paymentSubmitted(), store.getState().checkout.paymentSubmitted()])
    const pays = backend.calls.filter((c) => c.channel === 'checkout:pay')
    expect(pays).toEqual([
      {
        channel: 'checkout:pay',
        input: { idempotencyKey: 'key-1', expectedTotalCents: 18_000, payment: { method: 'token', token: 'x' } },
      },
    ])
    const { outcome } = store.getState().checkout
    expect(outcome?.kind === 'failed' && render(outcome.message)).toBe("Invalid token 'x'")

    await store.getState().checkout.backToCartChosen()
    expect(store.getState().cart.cart.totalCents).toBe(18_000)
    store.getState().checkout.payOpened()
    store.getState().checkout.tokenTyped('y')
    await store.getState().checkout.paymentSubmitted()
    const keys = backend.calls
      .filter((c) => c.channel === 'checkout:pay')
      .map((c) => (c.input as { idempotencyKey: string }).idempotencyKey)
    expect(keys).toEqual(['key-1', 'key-2'])
  })

  it('retries a payment the transport lost with the very same key and input', async () => {
    const { store, backend } = await storeWithCart()
    backend.overrides.set('checkout:pay', () => ({ ok: false, error: { code: 'UNREACHABLE', message: 'gone' } }))
    store.getState().checkout.payOpened()
    store.getState().checkout.payMethodChosen('cash')
    store.getState().checkout.tenderedTyped('200')
    await store.getState().checkout.paymentSubmitted()
    expect(store.getState().checkout.outcome).toMatchObject({ kind: 'failed', retryable: true })

    backend.overrides.delete('checkout:pay')
    const paid = { invoice: { id: 1 }, message: 'ok' }
    backend.overrides.set('checkout:pay', () => backend.ok(paid))
    await store.getState().checkout.paymentRetried()
    const pays = backend.calls.filter((c) => c.channel === 'checkout:pay').map((c) => c.input)
    expect(pays).toHaveLength(2)
    expect(pays[1]).toEqual(pays[0])
    expect(pays[0]).toEqual({
      idempotencyKey: 'key-1',
      expectedTotalCents: 18_000,
      payment: { method: 'cash', tenderedCents: 20_000 },
    })
    expect(store.getState().checkout.outcome).toEqual({ kind: 'paid', result: paid })
    expect(store.getState().cart.cart.lines).toEqual([])
  })

  it('refuses short cash without calling the backend', async () => {
    const { store, backend } = await storeWithCart()
    store.getState().checkout.payOpened()
    store.getState().checkout.payMethodChosen('cash')
    store.getState().checkout.tenderedTyped('179.99')
    await store.getState().checkout.paymentSubmitted()
    expect(backend.calls.some((c) => c.channel === 'checkout:pay')).toBe(false)
    expect(store.getState().checkout.payFormError).toEqual({ key: 'pay.notEnough' })
    expect(store.getState().shell.dialog).toBe('pay')
  })

  it('refreshes the cart when the server says it changed', async () => {
    const { store, backend } = await storeWithCart()
    backend.overrides.set('checkout:pay', () => {
      backend.cart.set(bread.id, 1)
      return { ok: false, error: { code: 'CART_CHANGED', message: 'changed', params: { totalCents: 24_500 } } }
    })
    store.getState().checkout.payOpened()
    store.getState().checkout.tokenTyped('t')
    await store.getState().checkout.paymentSubmitted()
    expect(store.getState().checkout.outcome).toMatchObject({ kind: 'failed', code: 'CART_CHANGED' })
    expect(store.getState().cart.cart.totalCents).toBe(18_000 + 6_500)
  })

  it('does not open payment for an empty cart', async () => {
    const { store } = await signedInStore()
    store.getState().checkout.payOpened()
    expect(store.getState().shell.dialog).toBeNull()
    expect(store.getState().shell.notice?.tone).toBe('warning')
  })
})

describe('signing out and in', () => {
  /** A slice's data, its actions left out; the focus counter only ever counts up. */
  function dataOf(slice: object): Record<string, unknown> {
    return Object.fromEntries(Object.entries(slice).filter(([key, value]) => typeof value !== 'function' && key !== 'focusTicket'))
  }

  /** A store with something in every slice: cart lines, scan text, an open payment, typed fields, a notice. */
  async function busyStore() {
    const ctx = await signedInStore()
    ctx.backend.cart.set(milk.id, 2)
    const { getState } = ctx.store
    await getState().cart.cartRequested()
    getState().scan.scanTextChanged('mil')
    getState().invoices.invoiceNumberTyped('1024')
    getState().manager.unlockUsernameTyped('nobody')
    getState().checkout.payOpened()
    getState().checkout.tokenTyped('x')
    getState().shell.noticeShown('info', { key: 'cart.cleared' })
    getState().backOffice.sectionChosen('staff')
    return ctx
  }

  /** The slices busyStore fills in. */
  const BUSY = ['backOffice', 'cart', 'checkout', 'invoices', 'manager', 'scan', 'shell']

  const fresh = () => createPosStore({ api: fakeBackend().client, newKey: () => 'k' }).getState()
  /** Every slice but the session, and set-up's, which keeps the owner's recovery code across the sign-in set-up makes. */
  const saleSlices = (state: object) => Object.entries(state).filter(([key]) => key !== 'session' && key !== 'setup')

  it('puts every slice but the session back to its start on sign-out', async () => {
    const { store } = await busyStore()
    const start = fresh()
    const before = saleSlices(store.getState()).filter(([key]) => BUSY.includes(key))
    expect(before.map(([key]) => key).sort()).toEqual(BUSY)
    for (const [key, slice] of before) expect(dataOf(slice), key).not.toEqual(dataOf(start[key as keyof typeof start]))

    await store.getState().session.signOutChosen()
    expect(store.getState().session.user).toBeNull()
    for (const [key, slice] of saleSlices(store.getState())) {
      expect(dataOf(slice), key).toEqual(dataOf(start[key as keyof typeof start]))
    }
  })

  it('ends the session on the first refusal for it, keeps that reason, and starts the next sign-in clean', async () => {
    const { store, backend } = await busyStore()
    store.getState().checkout.payCancelled()
    const refusals = [
      { code: 'NOT_AUTHENTICATED', message: 'idle', params: { reason: 'idle', idleMinutes: 15 } },
      { code: 'NOT_AUTHENTICATED', message: 'restored', params: { reason: 'restored' } },
    ] as const
    backend.overrides.set('cart:add', () => ({ ok: false, error: refusals[0] }))
    backend.overrides.set('invoices:get', () => ({ ok: false, error: refusals[1] }))
    await store.getState().cart.quantityStepped(milk.id, 1)
    await store.getState().invoices.invoiceLookupSubmitted()
    const { session, cart } = store.getState()
    expect(session.user).toBeNull()
    expect(cart.cart.lines).toEqual([])
    expect(session.signInNotice && render(session.signInNotice)).toBe(
      'You were signed out after 15 minutes without activity. Please sign in again.',
    )

    backend.overrides.set('auth:login', () =>
      backend.ok({ user: { id: 1, username: 'cashier', displayName: 'Asha', role: 'cashier', permissions: [], language: null } }),
    )
    await store.getState().session.signInSubmitted('cashier', 'cashier')
    const start = fresh()
    for (const [key, slice] of saleSlices(store.getState())) {
      if (key === 'cart') continue
      expect(dataOf(slice), key).toEqual(dataOf(start[key as keyof typeof start]))
    }
    expect(store.getState().cart.cart.lines.map((l) => [l.productId, l.quantity])).toEqual([[milk.id, 2]])
    expect(store.getState().session.signInNotice).toBeNull()
  })
})
