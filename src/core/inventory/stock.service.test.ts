/**
 * Stock through `invoke`: adjustments by difference or count with a reason and a note, never below
 * zero, each a movement and an audit row; the history per product and by store-local day; the
 * low-stock list; and an item counted back up from nothing sells again.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { catalogState, emptyCatalog, makeProduct, sell } from '#core/testing/product-factory'
import { expectError, ok, openTestStore, readState, signedInClient, type TestStore, withRawDb } from '#core/testing/test-store'

let store: TestStore
let manager: BackendClient
let cashier: BackendClient

beforeAll(async () => {
  store = await openTestStore()
  ;[manager, cashier] = await Promise.all([signedInClient(store.backend, 'manager'), signedInClient(store.backend, 'cashier')])
})

afterAll(async () => {
  await store.cleanup()
})

function movementRows(productId: number) {
  return withRawDb(store.dbPath, (db) =>
    db
      .prepare(
        'select delta_qty, reason, stock_after, note, user_id, invoice_id is not null as sale from stock_movement where product_id = ? order by id',
      )
      .all(productId),
  )
}

describe('stock:adjust', () => {
  it('adds received stock by a difference, with the note, who and the stock after, and audits it', async () => {
    const product = await makeProduct(manager, { openingStock: 10 })
    const { movement, product: after } = ok(
      await manager.invoke('stock:adjust', { productId: product.id, delta: 24, reason: 'received', note: '  Delivery note 4411 ' }),
    )
    expect(movement).toEqual({
      id: expect.any(Number),
      productId: product.id,
      sku: product.sku,
      productName: product.name,
      deltaQty: 24,
      stockAfter: 34,
      reason: 'received',
      note: 'Delivery note 4411',
      by: 'Maya Manager',
      invoiceNumber: null,
      at: store.clock.now.toISOString(),
    })
    expect(after).toMatchObject({ id: product.id, stock: 34 })
    withRawDb(store.dbPath, (db) => {
      const row = db.prepare('select uid, till_id from stock_movement where id = ?').get(movement.id) as { uid: string; till_id: string }
      expect(row.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/)
      expect(row.till_id).toBe(db.prepare("select value from setting where key = 'tillId'").pluck().get())
      const audit = db
        .prepare("select actor_name, details from audit_entry where action = 'stock.adjusted' and subject = ?")
        .get(product.sku) as {
        actor_name: string
        details: string
      }
      expect(audit.actor_name).toBe('Maya Manager')
      expect(JSON.parse(audit.details)).toMatchObject({ reason: 'received', deltaQty: 24, stockBefore: 10, stockAfter: 34 })
    })
  })

  it('sets the counted number: the movement is the difference, a count equal to the record confirms it', async () => {
    const product = await makeProduct(manager, { openingStock: 10 })
    expect(ok(await manager.invoke('stock:adjust', { productId: product.id, counted: 7, reason: 'count' })).movement).toMatchObject({
      deltaQty: -3,
      stockAfter: 7,
      note: null,
    })
    expect(ok(await manager.invoke('stock:adjust', { productId: product.id, counted: 7, reason: 'count' })).movement).toMatchObject({
      deltaQty: 0,
      stockAfter: 7,
    })
    ok(await manager.invoke('stock:adjust', { productId: product.id, counted: 4, reason: 'damaged', note: 'Rats' }))
    ok(await manager.invoke('stock:adjust', { productId: product.id, delta: -1, reason: 'damaged' }))
    ok(await manager.invoke('stock:adjust', { productId: product.id, delta: 2, reason: 'returned' }))
    ok(await manager.invoke('stock:adjust', { productId: product.id, delta: -2, reason: 'correction' }))
    ok(await manager.invoke('stock:adjust', { productId: product.id, counted: 9, reason: 'correction' }))
    expect(movementRows(product.id)).toEqual([
      { delta_qty: 10, reason: 'initial', stock_after: 10, note: null, user_id: 2, sale: 0 },
      { delta_qty: -3, reason: 'count', stock_after: 7, note: null, user_id: 2, sale: 0 },
      { delta_qty: 0, reason: 'count', stock_after: 7, note: null, user_id: 2, sale: 0 },
      { delta_qty: -3, reason: 'damaged', stock_after: 4, note: 'Rats', user_id: 2, sale: 0 },
      { delta_qty: -1, reason: 'damaged', stock_after: 3, note: null, user_id: 2, sale: 0 },
      { delta_qty: 2, reason: 'returned', stock_after: 5, note: null, user_id: 2, sale: 0 },
      { delta_qty: -2, reason: 'correction', stock_after: 3, note: null, user_id: 2, sale: 0 },
      { delta_qty: 6, reason: 'correction', stock_after: 9, note: null, user_id: 2, sale: 0 },
    ])
    expect(ok(await manager.invoke('products:get', { id: product.id })).stock).toBe(9)
  })

  it.each([
    [
      'both a difference and a count',
      { delta: 1, counted: 3, reason: 'correction' },
      'VALIDATION_FAILED',
      { rule: 'deltaOrCounted', field: 'counted' },
    ],
    ['neither', { reason: 'correction' }, 'VALIDATION_FAILED', { rule: 'deltaOrCounted', field: 'delta' }],
    ['received stock going out', { delta: -1, reason: 'received' }, 'VALIDATION_FAILED', { rule: 'stockReason', field: 'delta' }],
    ['received stock as a count', { counted: 9, reason: 'received' }, 'VALIDATION_FAILED', { rule: 'stockReason', field: 'counted' }],
    ['returned stock going out', { delta: -1, reason: 'returned' }, 'VALIDATION_FAILED', { rule: 'stockReason', field: 'delta' }],
    ['damaged stock coming in', { delta: 1, reason: 'damaged' }, 'VALIDATION_FAILED', { rule: 'stockReason', field: 'delta' }],
    ['a damaged count above the record', { counted: 6, reason: 'damaged' }, 'VALIDATION_FAILED', { rule: 'stockReason', field: 'counted' }],
    ['a count given as a difference', { delta: 1, reason: 'count' }, 'VALIDATION_FAILED', { rule: 'stockReason', field: 'delta' }],
    ['taking more than there is', { delta: -6, reason: 'damaged' }, 'INSUFFICIENT_STOCK', { quantity: 6 }],
    ['a correction below zero', { delta: -6, reason: 'correction' }, 'INSUFFICIENT_STOCK', { quantity: 6 }],
  ] as const)('refuses %s, changing nothing', async (_label, change, code, params) => {
    const product = await makeProduct(manager, { openingStock: 5 })
    const before = catalogState(store.dbPath)
    const reply = await manager.invoke('stock:adjust', { productId: product.id, ...change })
    expectError(reply, code)
    if (!reply.ok) {
      expect(reply.error.params).toEqual(code === 'INSUFFICIENT_STOCK' ? { productId: product.id, name: product.name, ...params } : params)
    }
    expect(catalogState(store.dbPath)).toEqual(before)
  })

  it('refuses a product that is not there, and a cashier', async () => {
    const before = catalogState(store.dbPath)
    expectError(await manager.invoke('stock:adjust', { productId: 999_999, delta: 1, reason: 'received' }), 'NOT_FOUND')
    const product = await makeProduct(manager)
    const state = catalogState(store.dbPath)
    expectError(await cashier.invoke('stock:adjust', { productId: product.id, delta: 1, reason: 'received' }), 'FORBIDDEN')
    expect(catalogState(store.dbPath)).toEqual(state)
    expect(before).not.toEqual(state)
  })
})

describe('an item counted back up from nothing', () => {
  it('is refused at checkout while the record says 0, and sells again once counted', async () => {
    const product = await makeProduct(manager, { openingStock: 1 })
    await sell(cashier, product.id, 1)
    expect(ok(await manager.invoke('products:get', { id: product.id })).stock).toBe(0)

    const cart = ok(await cashier.invoke('cart:add', { productId: product.id, quantity: 1 }))
    const before = readState(store.dbPath)
    const pay = () =>
      cashier.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payment: { method: 'cash', tenderedCents: cart.totalCents },
      })
    expectError(await pay(), 'INSUFFICIENT_STOCK')
    expect(readState(store.dbPath)).toEqual(before)

    ok(await manager.invoke('stock:adjust', { productId: product.id, counted: 3, reason: 'count', note: 'Found a box' }))
    const sale = ok(await pay())
    expect(sale.invoice.lines).toEqual([expect.objectContaining({ productId: product.id, quantity: 1 })])
    expect(ok(await manager.invoke('products:get', { id: product.id })).stock).toBe(2)
    expect(
      movementRows(product.id).map((row) => [(row as { reason: string }).reason, (row as { stock_after: number }).stock_after]),
    ).toEqual([
      ['initial', 1],
      ['sale', 0],
      ['count', 3],
      ['sale', 2],
    ])
  })
})

describe('stock:movements', () => {
  it('lists one product’s history newest first, sales with their invoice, paged with a total', async () => {
    const product = await makeProduct(manager, { openingStock: 8 })
    const sale = await sell(cashier, product.id, 3)
    ok(await manager.invoke('stock:adjust', { productId: product.id, delta: 4, reason: 'received' }))
    const history = ok(await manager.invoke('stock:movements', { productId: product.id }))
    expect(history.total).toBe(3)
    expect(history.items.map((item) => [item.reason, item.deltaQty, item.stockAfter, item.by, item.invoiceNumber])).toEqual([
      ['received', 4, 9, 'Maya Manager', null],
      ['sale', -3, 5, null, sale.invoice.number],
      ['initial', 8, 8, 'Maya Manager', null],
    ])
    const second = ok(await manager.invoke('stock:movements', { productId: product.id, limit: 1, offset: 1 }))
    expect(second).toEqual({ items: [history.items[1]], total: 3 })
    expect(ok(await manager.invoke('stock:movements', { productId: product.id, offset: 3 }))).toEqual({ items: [], total: 3 })
  })

  it('refuses an unknown product, days in the wrong order, and a cashier', async () => {
    const missing = await manager.invoke('stock:movements', { productId: 999_999 })
    expectError(missing, 'NOT_FOUND')
    if (!missing.ok) expect(missing.error.params).toEqual({ what: 'product', productId: 999_999 })
    const order = await manager.invoke('stock:movements', { from: '2026-03-16', to: '2026-03-15' })
    expectError(order, 'VALIDATION_FAILED')
    if (!order.ok) expect(order.error.params).toEqual({ rule: 'dateOrder', field: 'from' })
    expectError(await cashier.invoke('stock:movements', {}), 'FORBIDDEN')
  })
})

describe('stock:movements between store-local days', () => {
  let day: TestStore

  beforeAll(async () => {
    // The clock starts before the first instant and moves forward; each jump signs the till out
    // (idle), so the manager signs in again.
    day = await openTestStore({ now: new Date('2026-03-14T18:14:59.000Z') })
    emptyCatalog(day.dbPath)
    const instants = ['2026-03-14T18:14:59.000Z', '2026-03-14T18:15:00.000Z', '2026-03-15T18:14:59.999Z', '2026-03-15T18:15:00.000Z']
    for (const [index, instant] of instants.entries()) {
      day.clock.now = new Date(instant)
      const client = await signedInClient(day.backend, 'manager')
      await makeProduct(client, { sku: `DAY-${index}`, openingStock: index + 1 })
    }
  })

  afterAll(async () => {
    await day.cleanup()
  })

  let reader: { backend: unknown; client: BackendClient } | null = null

  async function between(from: string | undefined, to: string | undefined) {
    if (reader?.backend !== day.backend) reader = { backend: day.backend, client: await signedInClient(day.backend, 'manager') }
    const { client } = reader
    const reply = ok(await client.invoke('stock:movements', { ...(from ? { from } : {}), ...(to ? { to } : {}) }))
    return { skus: reply.items.map((item) => item.sku), total: reply.total }
  }

  it('counts days in the store’s time zone (Kathmandu, +05:45, unless set otherwise), both ends whole, newest first', async () => {
    expect(await between('2026-03-15', '2026-03-15')).toEqual({ skus: ['DAY-2', 'DAY-1'], total: 2 })
    expect(await between('2026-03-14', '2026-03-14')).toEqual({ skus: ['DAY-0'], total: 1 })
    expect(await between('2026-03-16', undefined)).toEqual({ skus: ['DAY-3'], total: 1 })
    expect(await between(undefined, '2026-03-15')).toEqual({ skus: ['DAY-2', 'DAY-1', 'DAY-0'], total: 3 })
    expect(await between('2026-03-14', '2026-03-16')).toEqual({ skus: ['DAY-3', 'DAY-2', 'DAY-1', 'DAY-0'], total: 4 })
  })

  it('follows the store’s time zone setting', async () => {
    withRawDb(day.dbPath, (db) =>
      db
        .prepare("insert into setting (key, value) values ('timeZone', 'UTC') on conflict (key) do update set value = excluded.value")
        .run(),
    )
    await day.reopen()
    try {
      expect(await between('2026-03-14', '2026-03-14')).toEqual({ skus: ['DAY-1', 'DAY-0'], total: 2 })
      expect(await between('2026-03-15', '2026-03-15')).toEqual({ skus: ['DAY-3', 'DAY-2'], total: 2 })
    } finally {
      withRawDb(day.dbPath, (db) => db.prepare("delete from setting where key = 'timeZone'").run())
      await day.reopen()
    }
  })
})

describe('stock:low', () => {
  it('lists active products at or below their threshold or the store’s default, lowest first', async () => {
    const low = await openTestStore()
    try {
      emptyCatalog(low.dbPath)
      const client = await signedInClient(low.backend, 'manager')
      await makeProduct(client, { sku: 'L-EMPTY', openingStock: 0 })
      await makeProduct(client, { sku: 'L-AT-DEFAULT', openingStock: 5 })
      await makeProduct(client, { sku: 'L-ABOVE-DEFAULT', openingStock: 6 })
      await makeProduct(client, { sku: 'L-OWN', openingStock: 20, lowStockAt: 25 })
      await makeProduct(client, { sku: 'L-OWN-ZERO', openingStock: 1, lowStockAt: 0 })
      const archived = await makeProduct(client, { sku: 'L-ARCHIVED', openingStock: 0 })
      ok(await client.invoke('products:archive', { id: archived.id }))
      const tie = await makeProduct(client, { sku: 'L-ALSO-EMPTY', name: 'A product', openingStock: 0 })

      const reply = ok(await client.invoke('stock:low', {}))
      expect(reply.items.map((item) => item.sku)).toEqual(['L-ALSO-EMPTY', 'L-EMPTY', 'L-AT-DEFAULT', 'L-OWN'])
      expect(reply.total).toBe(4)
      expect(reply.items.every((item) => item.low && !item.archived)).toBe(true)
      expect(ok(await client.invoke('stock:low', { limit: 2, offset: 2 }))).toEqual({ items: reply.items.slice(2), total: 4 })

      // Counted up past its threshold, it leaves the list.
      ok(await client.invoke('stock:adjust', { productId: tie.id, counted: 6, reason: 'count' }))
      expect(ok(await client.invoke('stock:low', {})).items.map((item) => item.sku)).toEqual(['L-EMPTY', 'L-AT-DEFAULT', 'L-OWN'])
    } finally {
      await low.cleanup()
    }
  })
})
