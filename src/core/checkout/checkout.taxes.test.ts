import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { fillCart, ok, openTestStore, signedInClient, TOKENS, type TestStore, withRawDb } from '#core/testing/test-store'

let store: TestStore
let till: BackendClient

beforeEach(async () => {
  store = await openTestStore()
  till = await signedInClient(store.backend)
})

afterEach(async () => {
  await store.cleanup()
})

/** Gives the products exactly these taxes (written straight to the file: the rates' own channels are tested on their own). */
function sellWith(skus: Record<string, { name: string; rateBps: number; included: boolean }[]>): Map<string, number> {
  return withRawDb(store.dbPath, (db) => {
    const ids = new Map<string, number>()
    db.prepare('delete from product_tax').run()
    for (const [sku, taxes] of Object.entries(skus)) {
      const productId = (db.prepare('select id from product where sku = ?').get(sku) as { id: number }).id
      for (const tax of taxes) {
        let id = ids.get(tax.name)
        if (id === undefined) {
          const existing = db.prepare('select id from tax_rate where name_key = ?').get(tax.name.toLowerCase()) as
            { id: number } | undefined
          id =
            existing?.id ??
            Number(
              db
                .prepare(
                  "insert into tax_rate (name, name_key, rate_bps, included, active, created_at, updated_at) values (?, ?, ?, ?, 1, 'x', 'x')",
                )
                .run(tax.name, tax.name.toLowerCase(), tax.rateBps, tax.included ? 1 : 0).lastInsertRowid,
            )
          ids.set(tax.name, id)
        }
        db.prepare('insert into product_tax (product_id, tax_rate_id) values (?, ?)').run(productId, id)
      }
    }
    return ids
  })
}

describe('a sale with taxes', () => {
  it('shows VAT included in the cart, charges the same at checkout and keeps it on the invoice', async () => {
    const ids = sellWith({ 'DEMO-001': [{ name: 'VAT', rateBps: 1300, included: true }], 'DEMO-005': [] })
    const cart = await fillCart(till, [
      ['DEMO-001', 2],
      ['DEMO-005', 3],
    ])
    // DEMO-001 sells at 55.00 incl. VAT: 110.00 = 97.35 net + 12.65 VAT; DEMO-005 carries no tax.
    expect(cart.lines.map((l) => [l.lineTotalCents, l.taxCents, l.totalCents])).toEqual([
      [11_000, 1_265, 11_000],
      [7_500, 0, 7_500],
    ])
    expect(cart).toMatchObject({ subtotalCents: 17_235, taxCents: 1_265, totalCents: 18_500, discountCents: 0 })
    expect(cart.taxes).toEqual([{ id: ids.get('VAT'), name: 'VAT', rateBps: 1300, included: true, baseCents: 9_735, taxCents: 1_265 }])

    const { invoice } = ok(
      await till.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payment: { method: 'token', token: TOKENS.rich },
      }),
    )
    expect(invoice).toMatchObject({ subtotalCents: 17_235, taxCents: 1_265, totalCents: 18_500, taxes: cart.taxes })
    expect(invoice.lines.map((l) => [l.subAmountCents, l.netCents, l.taxCents, l.totalCents])).toEqual([
      [11_000, 9_735, 1_265, 11_000],
      [7_500, 7_500, 0, 7_500],
    ])

    // The rate changes and is renamed later: the invoice keeps what it charged.
    withRawDb(store.dbPath, (db) => db.prepare("update tax_rate set rate_bps = 500, name = 'GST', name_key = 'gst'").run())
    const again = ok(await till.invoke('invoices:get', { id: invoice.id }))
    expect(again.taxes).toEqual(invoice.taxes)
    expect(again.lines).toEqual(invoice.lines)
    const rows = withRawDb(store.dbPath, (db) => db.prepare('select name, rate_bps, base_cents, tax_cents from invoice_tax').all())
    expect(rows).toEqual([{ name: 'VAT', rate_bps: 1300, base_cents: 9_735, tax_cents: 1_265 }])
  })

  it('adds an excluded tax on top, so the total to pay grows', async () => {
    sellWith({ 'DEMO-005': [{ name: 'Service', rateBps: 1000, included: false }] })
    const cart = await fillCart(till, [['DEMO-005', 3]])
    expect(cart).toMatchObject({ subtotalCents: 7_500, taxCents: 750, totalCents: 8_250 })
    const { invoice, changeCents } = ok(
      await till.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: 8_250,
        payment: { method: 'cash', tenderedCents: 10_000 },
      }),
    )
    expect(invoice.totalCents).toBe(8_250)
    // The demo store rounds cash to NPR 1.00 half-up: 82.50 is paid as 83.00.
    expect(invoice.roundingCents).toBe(50)
    expect(changeCents).toBe(1_700)
  })

  it('refuses a payment priced before a tax changed, and writes nothing', async () => {
    sellWith({ 'DEMO-005': [] })
    const cart = await fillCart(till, [['DEMO-005', 1]])
    sellWith({ 'DEMO-005': [{ name: 'Service', rateBps: 1000, included: false }] })
    const before = withRawDb(store.dbPath, (db) => db.prepare('select count(*) as n from invoice').get())
    const reply = await till.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payment: { method: 'cash', tenderedCents: 10_000 },
    })
    expect(reply.ok).toBe(false)
    if (!reply.ok) expect(reply.error).toMatchObject({ code: 'CART_CHANGED', params: { totalCents: 2_750 } })
    expect(withRawDb(store.dbPath, (db) => db.prepare('select count(*) as n from invoice').get())).toEqual(before)
  })

  it('no longer charges a rate that was switched off', async () => {
    sellWith({ 'DEMO-005': [{ name: 'Service', rateBps: 1000, included: false }] })
    withRawDb(store.dbPath, (db) => db.prepare('update tax_rate set active = 0').run())
    const cart = await fillCart(till, [['DEMO-005', 1]])
    expect(cart).toMatchObject({ taxCents: 0, totalCents: 2_500, taxes: [] })
  })
})
