import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatMoney } from '#shared/money/money'
import type { BackendClient } from '#core/backend'
import { expectError, ok, openTestStore, productBySku, readState, signedInClient, TOKENS, type TestStore } from '#core/testing/test-store'

/** An amount as the receipt prints it (the demo store's NPR, en-IN), as a pattern. */
const money = (cents: number) =>
  formatMoney(cents, { currency: 'NPR', locale: 'en-IN' })
    .replace(/\u00a0/g, ' ')
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The receipt of a real sale on the demo store, rendered through the channel as a till would ask for it. */
let store: TestStore
let till: BackendClient

beforeEach(async () => {
  store = await openTestStore()
  till = await signedInClient(store.backend)
})

afterEach(async () => {
  await store.cleanup()
})

/** Two of the demo's first product, NPR 5.00 from a token and the rest in cash, with change. */
async function sellSplit() {
  const product = await productBySku(till, 'DEMO-001')
  const cart = ok(await till.invoke('cart:add', { productId: product.id, quantity: 2 }))
  const paid = ok(
    await till.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payments: [
        { method: 'token', token: TOKENS.rich, amountCents: 500 },
        { method: 'cash', tenderedCents: cart.totalCents + 10_000 },
      ],
    }),
  )
  return { product, invoice: paid.invoice }
}

async function renderText(invoiceId: number, columns?: 32 | 42 | 48): Promise<string> {
  const reply = ok(await till.invoke('receipts:render', { invoiceId, format: 'text', ...(columns ? { columns } : {}) }))
  if (!('text' in reply)) throw new Error('expected text')
  return reply.text
}

async function renderBytes(invoiceId: number, columns: 32 | 42 | 48): Promise<Buffer> {
  const reply = ok(await till.invoke('receipts:render', { invoiceId, format: 'escpos', columns }))
  if (!('bytesBase64' in reply)) throw new Error('expected bytes')
  return Buffer.from(reply.bytesBase64, 'base64')
}

describe('receipts:render', () => {
  it('answers a return’s receipt: the lines taken back, the original invoice, and the refund to the sale’s own tenders', async () => {
    const { product, invoice } = await sellSplit()
    const manager = await signedInClient(store.backend, 'manager')
    const made = ok(
      await manager.invoke('returns:create', {
        invoiceId: invoice.id,
        lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 2, restock: true }],
        reason: 'Wrong size',
        idempotencyKey: randomUUID(),
      }),
    )
    const reply = ok(await till.invoke('receipts:render', { returnId: made.id, format: 'text', columns: 32 }))
    if (!('text' in reply)) throw new Error('expected text')
    const lines = reply.text.split('\n')
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(32)
    expect(reply.text).toContain(`Return ${made.number}`)
    expect(reply.text).toMatch(new RegExp(`Original invoice +${invoice.number}`))
    expect(reply.text).toContain('Wrong size')
    expect(reply.text).toContain(product.name.slice(0, 10))
    // Token first (what it paid), then cash: each line names its tender and the amount.
    expect(made.refunds.map((refund) => refund.method)).toEqual(['token', 'cash'])
    for (const refund of made.refunds) expect(reply.text).toMatch(new RegExp(money(refund.amountCents)))
    // Cash went out: the bytes open the drawer (ESC p).
    const bytes = ok(await till.invoke('receipts:render', { returnId: made.id, format: 'escpos', columns: 48 }))
    if (!('bytesBase64' in bytes)) throw new Error('expected bytes')
    expect(Buffer.from(bytes.bytesBase64, 'base64').includes(Buffer.from([0x1b, 0x70]))).toBe(true)
  })

  it('answers a sale’s receipt as text in the printer’s columns, with the store’s details and the figures of the invoice', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    ok(
      await manager.invoke('settings:update', {
        patch: { address: 'Durbar Marg, Kathmandu', receiptHeader: 'Open every day', receiptFooter: 'Come again!' },
      }),
    )
    const { product, invoice } = await sellSplit()

    const text = await renderText(invoice.id, 32)
    const lines = text.split('\n')
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(32)
    expect(lines[0]!.trim()).toBe('Tillwise Demo Store')
    expect(lines.map((line) => line.trim())).toEqual(
      expect.arrayContaining([
        'Durbar Marg, Kathmandu',
        'Open every day',
        `Invoice ${invoice.number}`,
        product.name,
        'Come again!',
        `INV-${invoice.number}`,
      ]),
    )
    expect(text).toMatch(/Token ending 1111 +NPR 5\.00/)
    expect(text).toMatch(new RegExp(`Total +${money(invoice.totalCents)}`))
    expect(text).toMatch(new RegExp(`Change +${money(invoice.changeCents!)}`))
    expect(text).toMatch(new RegExp(`VAT 13% included on ${money(invoice.taxes[0]!.baseCents)}\\s+${money(invoice.taxCents)}`))
    // 10:00 UTC is 15:45 in Kathmandu, the store's zone.
    expect(text).toMatch(/Date +15 Mar 2026, 3:45 pm/)
    expect(text).not.toContain(TOKENS.rich)

    // Without columns: 42, the width every 80 mm printer takes.
    const wide = await renderText(invoice.id)
    expect(Math.max(...wide.split('\n').map((line) => [...line].length))).toBe(42)
  })

  it('answers the same receipt as ESC/POS bytes: reset, drawer for the cash, code page, the text, the barcode, the cut', async () => {
    const { invoice } = await sellSplit()
    const bytes = await renderBytes(invoice.id, 48)
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40])
    expect(bytes.indexOf(Buffer.from([0x1b, 0x70, 0x00]))).toBeGreaterThan(0)
    expect(bytes.indexOf(Buffer.from([0x1b, 0x74, 0x00]))).toBeGreaterThan(0)
    expect(bytes.indexOf(Buffer.from('Tillwise Demo Store'))).toBeGreaterThan(0)
    expect(bytes.indexOf(Buffer.from(`{BINV-${invoice.number}`))).toBeGreaterThan(0)
    expect(bytes.indexOf(Buffer.from([0x1d, 0x56, 0x01]))).toBeGreaterThan(bytes.length - 5)
    // The text the printer prints is the text format's, line for line.
    const text = await renderText(invoice.id, 48)
    for (const line of text.split('\n').filter((value) => value.trim() !== '' && value.trim() !== `INV-${invoice.number}`))
      expect(bytes.indexOf(Buffer.from(line, 'latin1')), line).toBeGreaterThan(0)
  })

  it('opens no drawer for a sale paid without cash', async () => {
    const product = await productBySku(till, 'DEMO-001')
    const cart = ok(await till.invoke('cart:add', { productId: product.id, quantity: 1 }))
    const { invoice } = ok(
      await till.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payment: { method: 'token', token: TOKENS.rich },
      }),
    )
    expect((await renderBytes(invoice.id, 32)).indexOf(Buffer.from([0x1b, 0x70]))).toBe(-1)
  })

  it('refuses an unknown invoice, a width no printer has and a missing format, changing nothing', async () => {
    const { invoice } = await sellSplit()
    const before = readState(store.dbPath)

    const unknown = await till.invoke('receipts:render', { invoiceId: invoice.id + 1000, format: 'text' })
    expectError(unknown, 'NOT_FOUND')
    if (!unknown.ok) expect(unknown.error.params).toEqual({ what: 'invoice', id: invoice.id + 1000 })
    expectError(await till.invokeUnknown('receipts:render', { invoiceId: invoice.id, format: 'text', columns: 40 }), 'VALIDATION_FAILED')
    expectError(await till.invokeUnknown('receipts:render', { invoiceId: invoice.id, format: 'pdf' }), 'VALIDATION_FAILED')
    expectError(await till.invokeUnknown('receipts:render', { invoiceId: invoice.id }), 'VALIDATION_FAILED')
    expectError(await till.invokeUnknown('receipts:render', { format: 'text' }), 'VALIDATION_FAILED')
    expectError(await till.invoke('receipts:render', { returnId: 99, format: 'text' }), 'NOT_FOUND')
    expectError(await till.invokeUnknown('receipts:render', { invoiceId: invoice.id, format: 'text', returnId: 1 }), 'VALIDATION_FAILED')
    expectError(await store.backend.connect().invoke('receipts:render', { invoiceId: invoice.id, format: 'text' }), 'NOT_AUTHENTICATED')

    expect(readState(store.dbPath)).toEqual(before)
  })
})
