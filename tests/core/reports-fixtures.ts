/**
 * Sales and returns for the reports' tests, made through the till's own channels at chosen instants.
 * A person signs in again after the clock moves: a jump of hours would sign an idle till out.
 */
import { randomUUID } from 'node:crypto'
import type { TenderInput } from '#shared/contract/checkout'
import type { ReturnLineInput } from '#shared/contract/returns'
import type { ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { BackendClient } from '#core/backend'
import { fillCart, ok, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'

/** DEMO-001 at NPR 104.60 (its cash parts round), DEMO-002 at NPR 50.00; VAT 13% included; cash rounds to NPR 1.00 half up. */
export const PRICE_1 = 10_460
export const PRICE_2 = 5_000

export function priceDemoProducts(store: TestStore): void {
  withRawDb(store.dbPath, (db) => {
    db.prepare("update product set price_cents = ?, stock = 100000 where sku = 'DEMO-001'").run(PRICE_1)
    db.prepare("update product set price_cents = ?, stock = 100000 where sku = 'DEMO-002'").run(PRICE_2)
    db.prepare("update product set stock = 100000 where sku like 'DEMO-%'").run()
  })
}

/** Moves the store's clock and answers a client signed in as `username` then. */
export async function at(store: TestStore, instant: string | Date, username = 'cashier'): Promise<BackendClient> {
  store.clock.now = typeof instant === 'string' ? new Date(instant) : instant
  return signedInClient(store.backend, username)
}

export interface SaleOptions {
  lineDiscounts?: { sku: string; cents: number }[]
  orderDiscountCents?: number
  promo?: string
}

export async function sell(
  client: BackendClient,
  items: readonly (readonly [string, number])[],
  payments: TenderInput[] | ((totalCents: number) => TenderInput[]),
  options: SaleOptions = {},
): Promise<ChannelOutput<'checkout:pay'>['invoice']> {
  let cart = await fillCart(client, items)
  for (const { sku, cents } of options.lineDiscounts ?? []) {
    const productId = cart.lines.find((line) => line.sku === sku)!.productId
    cart = ok(await client.invoke('cart:setLineDiscount', { productId, discount: { kind: 'amount', cents }, reason: 'test' }))
  }
  if (options.orderDiscountCents) {
    cart = ok(
      await client.invoke('cart:setOrderDiscount', { discount: { kind: 'amount', cents: options.orderDiscountCents }, reason: 'test' }),
    )
  }
  if (options.promo) cart = ok(await client.invoke('cart:applyPromo', { code: options.promo }))
  const tenders = typeof payments === 'function' ? payments(cart.totalCents) : payments
  return ok(await client.invoke('checkout:pay', { idempotencyKey: randomUUID(), expectedTotalCents: cart.totalCents, payments: tenders }))
    .invoice
}

export async function returnLines(
  client: BackendClient,
  invoiceId: number,
  lines: ReturnLineInput[],
): Promise<ChannelOutput<'returns:create'>> {
  return ok(await client.invoke('returns:create', { invoiceId, lines, reason: 'changed their mind', idempotencyKey: randomUUID() }))
}

export async function voidSale(client: BackendClient, invoiceId: number): Promise<ChannelOutput<'invoices:void'>> {
  return ok(await client.invoke('invoices:void', { invoiceId, reason: 'rung up by mistake', idempotencyKey: randomUUID() }))
}

export async function report<C extends 'reports:summary' | 'reports:byTender' | 'reports:hourly' | 'reports:byCategory' | 'reports:promos'>(
  client: BackendClient,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  return ok(await client.invoke(channel, input))
}
