import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { expectError, fillCart, ok, openTestStore, readState, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'

let store: TestStore
let till: BackendClient
let manager: BackendClient

beforeEach(async () => {
  store = await openTestStore({ now: new Date('2026-03-01T18:14:59.000Z') })
  till = await signedInClient(store.backend)
  manager = await signedInClient(store.backend, 'manager')
})

afterEach(async () => {
  await store.cleanup()
})

async function payCash(client: BackendClient, idempotencyKey = randomUUID()) {
  const cart = await fillCart(client, [['DEMO-001', 1]])
  return client.invoke('checkout:pay', {
    idempotencyKey,
    expectedTotalCents: cart.totalCents,
    payment: { method: 'cash', tenderedCents: cart.totalCents + 10_000 },
  })
}

const booked = (table: 'invoice' | 'sale_return') =>
  withRawDb(store.dbPath, (db) => db.prepare(`select number, business_day, shift_id from ${table} order by id`).all())

const shiftsOn = async () => ok(await manager.invoke('settings:update', { patch: { shiftsEnabled: true } }))

describe('the books of every sale and return', () => {
  it('book a sale on the store’s own day (Kathmandu +05:45) and a refund on the day it is made', async () => {
    const first = ok(await payCash(till))
    store.clock.now = new Date('2026-03-01T18:15:00.000Z')
    ok(await payCash(till))
    expect(booked('invoice')).toEqual([
      { number: 1, business_day: '2026-03-01', shift_id: null },
      { number: 2, business_day: '2026-03-02', shift_id: null },
    ])
    store.clock.now = new Date('2026-03-03T05:00:00.000Z')
    // Two days on, the manager signs in again (the till signed itself out).
    manager = await signedInClient(store.backend, 'manager')
    ok(
      await manager.invoke('returns:create', {
        invoiceId: first.invoice.id,
        lines: [{ invoiceLineId: first.invoice.lines[0]!.id, quantity: 1, restock: true }],
        reason: 'faulty',
        idempotencyKey: randomUUID(),
      }),
    )
    expect(booked('sale_return')).toEqual([{ number: 1, business_day: '2026-03-03', shift_id: null }])
  })

  it('with shifts on and none open, take no payment and make no refund, and change nothing', async () => {
    const key = randomUUID()
    const sale = ok(await payCash(till, key))
    await shiftsOn()
    const cart = await fillCart(till, [['DEMO-001', 2]])
    const before = readState(store.dbPath)
    expectError(
      await till.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payment: { method: 'cash', tenderedCents: cart.totalCents },
      }),
      'SHIFT_CLOSED',
    )
    expectError(
      await manager.invoke('returns:create', {
        invoiceId: sale.invoice.id,
        lines: [{ invoiceLineId: sale.invoice.lines[0]!.id, quantity: 1, restock: true }],
        reason: 'faulty',
        idempotencyKey: randomUUID(),
      }),
      'SHIFT_CLOSED',
    )
    expectError(
      await manager.invoke('invoices:void', { invoiceId: sale.invoice.id, reason: 'wrong', idempotencyKey: randomUUID() }),
      'SHIFT_CLOSED',
    )
    expect(readState(store.dbPath)).toEqual(before)
    // A payment made before still answers its retry: the sale is not made again, nor refused.
    const retried = ok(
      await till.invoke('checkout:pay', {
        idempotencyKey: key,
        expectedTotalCents: sale.invoice.totalCents,
        payment: { method: 'cash', tenderedCents: sale.invoice.totalCents + 10_000 },
      }),
    )
    expect(retried.invoice.number).toBe(sale.invoice.number)
  })

  it('book a sale and a return in the till’s open shift', async () => {
    await shiftsOn()
    const shift = ok(await till.invoke('shift:open', { openingFloatCents: 50_000 }))
    const sale = ok(await payCash(till))
    ok(await manager.invoke('invoices:void', { invoiceId: sale.invoice.id, reason: 'wrong item', idempotencyKey: randomUUID() }))
    expect(booked('invoice')).toEqual([{ number: 1, business_day: '2026-03-01', shift_id: shift.id }])
    expect(booked('sale_return')).toEqual([{ number: 1, business_day: '2026-03-01', shift_id: shift.id }])
  })
})
