/**
 * Tax rates through `invoke`: listing, creating, editing and switching off, the rules on names and
 * rates, what a switched-off rate still does (nothing on a sale), and every refusal changing nothing.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS } from '#shared/ipc/contract'
import type { BackendClient } from '#core/backend'
import { DEMO_VAT } from '#core/db/seed/demo-seed'
import { catalogState, makeProduct } from '#core/testing/product-factory'
import { auditOf } from '#core/testing/audit-trail'
import { expectError, ok, openTestStore, signedInClient, TOKENS, type TestStore, withRawDb } from '#core/testing/test-store'

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

/** A refusal with these params that must leave every catalog and tax row, and the audit trail, as they were. */
async function expectRefusedUnchanged(reply: Promise<unknown>, code: string, params?: unknown): Promise<void> {
  const before = catalogState(store.dbPath)
  const result = (await reply) as Awaited<ReturnType<BackendClient['invoke']>>
  expectError(result, code)
  if (params !== undefined && !result.ok) expect(result.error.params).toEqual(params)
  expect(catalogState(store.dbPath)).toEqual(before)
}

const vatId = () => withRawDb(store.dbPath, (db) => db.prepare("select id from tax_rate where name_key = 'vat'").pluck().get() as number)

describe('taxes:list', () => {
  it('gives anyone signed in every rate with how many products list it; the demo charges VAT 13% included on all of its own', async () => {
    const demoProducts = withRawDb(store.dbPath, (db) => db.prepare('select count(*) from product').pluck().get() as number)
    const items = ok(await cashier.invoke('taxes:list', {})).items
    expect(items).toEqual([{ id: vatId(), ...DEMO_VAT, active: true, productCount: demoProducts }])
    expect(demoProducts).toBeGreaterThan(50)
    expectError(await store.backend.connect().invoke('taxes:list', {}), 'NOT_AUTHENTICATED')
  })

  it('lists switched-off rates too, A to Z by name whatever the case', async () => {
    const zed = ok(await manager.invoke('taxes:create', { name: 'zz Luxury', rateBps: 1000, included: false }))
    const aa = ok(await manager.invoke('taxes:create', { name: 'AA Green levy', rateBps: 50, included: false }))
    ok(await manager.invoke('taxes:update', { id: zed.id, active: false }))
    const items = ok(await cashier.invoke('taxes:list', {})).items
    expect(items.find((item) => item.id === zed.id)).toEqual({ ...zed, active: false })
    const names = items.map((item) => item.name.toLowerCase())
    expect(names).toEqual([...names].sort())
    expect(names.indexOf(aa.name.toLowerCase())).toBeLessThan(names.indexOf('vat'))
  })
})

describe('taxes:create', () => {
  it('makes a rate, switched on, with its name trimmed, and audits it', async () => {
    const created = ok(await manager.invoke('taxes:create', { name: '  Service charge ', rateBps: 1000, included: false }))
    expect(created).toEqual({ id: created.id, name: 'Service charge', rateBps: 1000, included: false, active: true, productCount: 0 })
    expect(ok(await cashier.invoke('taxes:list', {})).items).toContainEqual(created)
    expect(
      withRawDb(store.dbPath, (db) =>
        db.prepare('select name, name_key, created_at, updated_at from tax_rate where id = ?').get(created.id),
      ),
    ).toEqual({
      name: 'Service charge',
      name_key: 'service charge',
      created_at: store.clock.now.toISOString(),
      updated_at: store.clock.now.toISOString(),
    })
    expect(auditOf(store.dbPath, 'tax.created').at(-1)).toEqual({
      subject: 'Service charge',
      actor_name: 'Maya Manager',
      details: {
        taxRateId: created.id,
        'after.name': 'Service charge',
        'after.rateBps': 1000,
        'after.included': false,
        'after.active': true,
      },
    })
    // 0% and 100% are rates too.
    ok(await manager.invoke('taxes:create', { name: 'Zero rated', rateBps: 0, included: true }))
    ok(await manager.invoke('taxes:create', { name: 'Whole price', rateBps: 10_000, included: false }))
  })

  it('refuses a name another rate has, ignoring case and spaces, naming that rate, and changes nothing', async () => {
    await expectRefusedUnchanged(manager.invoke('taxes:create', { name: ' vat ', rateBps: 500, included: false }), 'CONFLICT', {
      what: 'taxRate',
      name: 'VAT',
    })
  })

  it('refuses a name or rate out of bounds, and a cashier, changing nothing', async () => {
    for (const input of [
      { name: '', rateBps: 100, included: true },
      { name: '   ', rateBps: 100, included: true },
      { name: 'x'.repeat(41), rateBps: 100, included: true },
      { name: 'Bad\u0000name', rateBps: 100, included: true },
      { name: 'Too high', rateBps: 10_001, included: true },
      { name: 'Negative', rateBps: -1, included: true },
      { name: 'Fraction', rateBps: 12.5, included: true },
      { name: 'No kind', rateBps: 100 },
    ]) {
      await expectRefusedUnchanged(manager.invokeUnknown('taxes:create', input), 'VALIDATION_FAILED')
    }
    // 40 characters is the most a name has.
    ok(await manager.invoke('taxes:create', { name: 'y'.repeat(40), rateBps: 1, included: true }))
    await expectRefusedUnchanged(cashier.invoke('taxes:create', { name: 'Cashier tax', rateBps: 100, included: true }), 'FORBIDDEN', {
      permission: 'catalog.manage',
    })
  })
})

describe('taxes:update', () => {
  it('changes only the fields given and audits each one before and after', async () => {
    const tax = ok(await manager.invoke('taxes:create', { name: 'Edit me', rateBps: 500, included: true }))
    store.clock.now = new Date(store.clock.now.getTime() + 60_000)
    try {
      const updated = ok(await manager.invoke('taxes:update', { id: tax.id, name: 'Edited', rateBps: 750, included: true }))
      expect(updated).toEqual({ ...tax, name: 'Edited', rateBps: 750 })
      expect(withRawDb(store.dbPath, (db) => db.prepare('select name_key, updated_at from tax_rate where id = ?').get(tax.id))).toEqual({
        name_key: 'edited',
        updated_at: store.clock.now.toISOString(),
      })
      expect(auditOf(store.dbPath, 'tax.updated').at(-1)).toEqual({
        subject: 'Edited',
        actor_name: 'Maya Manager',
        details: {
          taxRateId: tax.id,
          'before.name': 'Edit me',
          'after.name': 'Edited',
          'before.rateBps': 500,
          'after.rateBps': 750,
          changed: 'name,rateBps',
        },
      })
      // Its own name in other letters is no conflict.
      expect(ok(await manager.invoke('taxes:update', { id: tax.id, name: 'EDITED' })).name).toBe('EDITED')
    } finally {
      store.clock.now = new Date(store.clock.now.getTime() - 60_000)
    }
  })

  it('writes nothing when nothing changes', async () => {
    const tax = ok(await manager.invoke('taxes:create', { name: 'Same again', rateBps: 100, included: false }))
    const before = catalogState(store.dbPath)
    expect(
      ok(await manager.invoke('taxes:update', { id: tax.id, name: ' Same again ', rateBps: 100, included: false, active: true })),
    ).toEqual(tax)
    expect(ok(await manager.invoke('taxes:update', { id: tax.id }))).toEqual(tax)
    expect(catalogState(store.dbPath)).toEqual(before)
  })

  it('refuses another rate’s name, an unknown rate, bad values and a cashier, changing nothing', async () => {
    const tax = ok(await manager.invoke('taxes:create', { name: 'Rename refused', rateBps: 100, included: false }))
    await expectRefusedUnchanged(manager.invoke('taxes:update', { id: tax.id, name: 'Vat', rateBps: 200 }), 'CONFLICT', {
      what: 'taxRate',
      name: 'VAT',
    })
    await expectRefusedUnchanged(manager.invoke('taxes:update', { id: 999_999, active: false }), 'NOT_FOUND', {
      what: 'taxRate',
      id: 999_999,
    })
    await expectRefusedUnchanged(manager.invoke('taxes:update', { id: tax.id, rateBps: 10_001 }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(manager.invoke('taxes:update', { id: tax.id, name: '' }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(manager.invokeUnknown('taxes:update', { id: tax.id, deleted: true }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(cashier.invoke('taxes:update', { id: tax.id, rateBps: 0 }), 'FORBIDDEN', { permission: 'catalog.manage' })
  })
})

describe('a rate', () => {
  it('is never deleted: no channel deletes one, and the books refuse to lose one an invoice charged', async () => {
    expect(CHANNELS.filter((channel) => channel.startsWith('taxes:'))).toEqual(['taxes:list', 'taxes:create', 'taxes:update'])
    const tax = ok(await manager.invoke('taxes:create', { name: 'Kept forever', rateBps: 200, included: false }))
    const product = await makeProduct(manager, { taxRateIds: [tax.id], openingStock: 2 })
    const cart = ok(await cashier.invoke('cart:add', { productId: product.id, quantity: 1 }))
    ok(
      await cashier.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payment: { method: 'token', token: TOKENS.rich },
      }),
    )
    withRawDb(store.dbPath, (db) => {
      expect(() => db.prepare('delete from tax_rate where id = ?').run(tax.id)).toThrow(/FOREIGN KEY/)
    })
  })

  it('switched off stays on its products but is charged on no sale, and is charged again once switched back on', async () => {
    const levy = ok(await manager.invoke('taxes:create', { name: 'Switchable levy', rateBps: 1000, included: false }))
    const product = await makeProduct(manager, { priceCents: 10_000, taxRateIds: [vatId(), levy.id], openingStock: 5 })
    const added = ok(await cashier.invoke('cart:add', { productId: product.id, quantity: 1 }))
    expect(added.taxes.map((tax) => tax.id)).toEqual([vatId(), levy.id].sort((a, b) => a - b))
    const charged = added.totalCents

    const off = ok(await manager.invoke('taxes:update', { id: levy.id, active: false }))
    expect(off).toEqual({ ...levy, active: false, productCount: 1 })
    expect(auditOf(store.dbPath, 'tax.updated').at(-1)?.details).toMatchObject({ 'before.active': true, 'after.active': false })
    expect(ok(await manager.invoke('products:get', { id: product.id })).taxRateIds).toEqual([vatId(), levy.id].sort((a, b) => a - b))
    const cart = ok(await cashier.invoke('cart:get', {}))
    expect(cart.taxes.map((tax) => tax.id)).toEqual([vatId()])
    expect(cart.totalCents).toBe(10_000)
    expect(charged).toBeGreaterThan(cart.totalCents)

    ok(await manager.invoke('taxes:update', { id: levy.id, active: true }))
    expect(ok(await cashier.invoke('cart:get', {})).totalCents).toBe(charged)
    ok(await cashier.invoke('cart:clear', {}))
  })

  it('changed after a sale leaves the sale’s invoice as it was charged', async () => {
    const tax = ok(await manager.invoke('taxes:create', { name: 'Changes later', rateBps: 1000, included: false }))
    const product = await makeProduct(manager, { priceCents: 20_000, taxRateIds: [tax.id], openingStock: 3 })
    const cart = ok(await cashier.invoke('cart:add', { productId: product.id, quantity: 1 }))
    const { invoice } = ok(
      await cashier.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payment: { method: 'token', token: TOKENS.rich },
      }),
    )
    expect(invoice.totalCents).toBe(22_000)
    ok(await manager.invoke('taxes:update', { id: tax.id, name: 'Changed', rateBps: 2500, included: true }))
    ok(await manager.invoke('taxes:update', { id: tax.id, active: false }))
    const again = ok(await cashier.invoke('invoices:get', { number: invoice.number }))
    expect(again.totalCents).toBe(22_000)
    expect(again.taxes).toEqual([
      expect.objectContaining({ id: tax.id, name: 'Changes later', rateBps: 1000, included: false, taxCents: 2_000 }),
    ])
  })
})
