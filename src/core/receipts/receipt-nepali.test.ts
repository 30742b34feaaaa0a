import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_PRINTER } from '#shared/contract/printing'
import { formatNepaliMoney } from '#shared/i18n/nepali-format'
import type { BackendClient } from '#core/backend'
import { ok, openTestStore, productBySku, signedInClient, type TestStore } from '#core/testing/test-store'
import { devanagariLineDrawer, placementOf } from './receipt-text-image'

const ESC = 0x1b
const SHOTS = resolve(import.meta.dirname, '../../../test-results/receipts')

function indexOf(bytes: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

/** Columns of ink (any black pixel) in a drawn line, left to right. */
function inkColumns(image: { data: Uint8ClampedArray; width: number; height: number }): number[] {
  const columns: number[] = []
  for (let x = 0; x < image.width; x++) {
    for (let y = 0; y < image.height; y++) {
      if (image.data[(y * image.width + x) * 4]! < 128) {
        columns.push(x)
        break
      }
    }
  }
  return columns
}

describe('a laid-out line read back for drawing', () => {
  it('keeps a label and its value apart, an indent, and a centred line centred', () => {
    expect(placementOf('मिति              १५ मार्च २०२६', 32)).toEqual({ kind: 'split', indent: 0, left: 'मिति', right: '१५ मार्च २०२६' })
    expect(placementOf('  २ x रु. ८०.००       रु. १६०.००', 32)).toEqual({
      kind: 'split',
      indent: 2,
      left: '२ x रु. ८०.००',
      right: 'रु. १६०.००',
    })
    expect(placementOf('       बिल नं. १', 32)).toEqual({ kind: 'centre', text: 'बिल नं. १' })
    // A value on a line of its own ends at the last column.
    const value = 'रु. १२.६५'
    expect(placementOf(' '.repeat(32 - [...value].length) + value, 32)).toEqual({ kind: 'right', text: value })
    expect(placementOf('  छुट (बिलको भाग सहित)', 32)).toEqual({ kind: 'left', indent: 2, text: 'छुट (बिलको भाग सहित)' })
    expect(placementOf('दूध ५०० मि.ली.', 32)).toEqual({ kind: 'left', indent: 0, text: 'दूध ५०० मि.ली.' })
  })
})

describe('Nepali drawn in the bundled font', () => {
  const draw = devanagariLineDrawer(32)

  it('puts a label at the left edge and its amount at the right edge of the paper', () => {
    const image = draw('जम्मा                 रु. २,७८०.००', 384)
    expect(image.width).toBe(384)
    const ink = inkColumns(image)
    expect(ink.length).toBeGreaterThan(40)
    expect(ink[0]).toBeLessThan(8)
    expect(ink.at(-1)).toBeGreaterThan(384 - 8)
    // Nothing between the two runs: a gap of at least a few columns of paper.
    const gaps = ink.slice(1).map((x, i) => x - ink[i]!)
    expect(Math.max(...gaps)).toBeGreaterThan(60)
  })

  it('centres a centred line and shrinks a line too long for the paper instead of cutting it', () => {
    const centred = inkColumns(draw('            बिल नं. १', 384))
    expect(Math.abs(centred[0]! - (383 - centred.at(-1)!))).toBeLessThan(6)
    const long = inkColumns(draw('धेरै लामो सामानको नाम जुन एक पङ्क्तिमा अटाउँदैन भन्ने देखाउन', 384))
    expect(long.at(-1)).toBeLessThan(384)
    expect(long[0]).toBeLessThan(8)
  })
})

describe('a Nepali store’s receipt on paper', () => {
  let store: TestStore
  let till: BackendClient

  beforeAll(async () => {
    store = await openTestStore()
    const manager = await signedInClient(store.backend, 'manager')
    ok(await manager.invoke('settings:update', { patch: { locale: 'ne-NP' } }))
    till = await signedInClient(store.backend)
  })

  afterAll(async () => {
    await store.cleanup()
  })

  async function sell() {
    const product = await productBySku(till, 'DEMO-001')
    const cart = ok(await till.invoke('cart:add', { productId: product.id, quantity: 2 }))
    const paid = ok(
      await till.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payments: [{ method: 'cash', tenderedCents: cart.totalCents + 10_000 }],
      }),
    )
    return { product, invoice: paid.invoice }
  }

  it('is written in Nepali: its words, its date, its amounts and quantities in Devanagari digits and रु.', async () => {
    const { invoice, product } = await sell()
    const reply = ok(await till.invoke('receipts:render', { invoiceId: invoice.id, format: 'text', columns: 48 }))
    if (!('text' in reply)) throw new Error('expected text')
    const amount = formatNepaliMoney(invoice.totalCents, { currency: 'NPR', currencyDecimals: 2 }).replace(/\u00a0/g, ' ')
    expect(reply.text).toContain('बिल नं.')
    expect(reply.text).toContain(amount)
    expect(reply.text).toMatch(/१५ मार्च २०२६/)
    // The line's quantity too: "२ x रु. …", never "2 x".
    const unitPrice = formatNepaliMoney(product.priceCents, { currency: 'NPR', currencyDecimals: 2 }).replace(/\u00a0/g, ' ')
    expect(reply.text).toContain(`२ x ${unitPrice}`)
    expect(reply.text).not.toMatch(/\b2 x /)
    expect(reply.text).not.toMatch(/\b(Invoice|Total|Cash|Change)\b/)
  })

  it('prints what no code page holds as pictures the paper’s width, never as question marks', async () => {
    const { invoice } = await sell()
    for (const columns of [32, 48] as const) {
      const reply = ok(await till.invoke('receipts:render', { invoiceId: invoice.id, format: 'escpos', columns }))
      if (!('bytesBase64' in reply)) throw new Error('expected bytes')
      const bytes = Buffer.from(reply.bytesBase64, 'base64')
      const dots = columns === 32 ? 384 : 576
      // ESC * 33 with the paper's width in dots (low byte first): a 24-dot column image.
      expect(indexOf(bytes, [ESC, 0x2a, 0x21, dots & 0xff, dots >> 8]), String(columns)).toBeGreaterThan(0)
      expect(indexOf(bytes, [0x3f, 0x3f, 0x3f]), String(columns)).toBe(-1)
    }
  })

  it('draws the receipt a person can read (a picture of every drawn line, for a look)', async () => {
    const { invoice } = await sell()
    const reply = ok(await till.invoke('receipts:render', { invoiceId: invoice.id, format: 'text', columns: 32 }))
    if (!('text' in reply)) throw new Error('expected text')
    const draw = devanagariLineDrawer(32)
    const lines = reply.text.split('\n').filter((line) => /[\u0900-\u097F]/.test(line))
    expect(lines.length).toBeGreaterThan(5)
    const images = lines.map((line) => draw(line, 384))
    const sheet = createCanvas(
      384,
      images.reduce((sum, image) => sum + image.height, 0),
    )
    const context = sheet.getContext('2d')
    let y = 0
    for (const image of images) {
      const data = context.createImageData(image.width, image.height)
      data.data.set(image.data)
      context.putImageData(data, 0, y)
      y += image.height
    }
    mkdirSync(SHOTS, { recursive: true })
    writeFileSync(join(SHOTS, 'nepali-receipt-lines.png'), sheet.toBuffer('image/png'))
    for (const image of images) expect(inkColumns(image).length).toBeGreaterThan(0)
  })
})

describe('a Nepali store’s receipt on a machine where the canvas cannot load', () => {
  let store: TestStore
  let till: BackendClient
  let loads = 0

  beforeAll(async () => {
    store = await openTestStore({
      printing: {
        // As a broken install fails: the native binary is not there.
        nepaliDrawing: async () => {
          loads += 1
          throw new Error("Cannot find module '@napi-rs/canvas-linux-x64-gnu'")
        },
      },
    })
    const manager = await signedInClient(store.backend, 'manager')
    ok(await manager.invoke('settings:update', { patch: { locale: 'ne-NP', printer: { ...DEFAULT_PRINTER, kind: 'file' } } }))
    till = await signedInClient(store.backend)
  })

  afterAll(async () => {
    await store.cleanup()
  })

  it('is PRINT_FAILED naming the drawing; the sale stays, nothing is printed, and the text receipt still renders', async () => {
    const product = await productBySku(till, 'DEMO-001')
    const cart = ok(await till.invoke('cart:add', { productId: product.id, quantity: 1 }))
    const paid = ok(
      await till.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payments: [{ method: 'cash', tenderedCents: cart.totalCents }],
      }),
    )
    const printed = await till.invoke('printing:print', { invoiceId: paid.invoice.id, afterSale: true })
    expect(!printed.ok && printed.error).toMatchObject({ code: 'PRINT_FAILED', params: { kind: 'file', detail: 'nepaliDrawing' } })
    expect(loads).toBe(1)
    expect(existsSync(join(store.dir, 'printed-receipts'))).toBe(false)
    // The sale is kept, and its receipt can be shown and printed again once the install is mended.
    expect(ok(await till.invoke('invoices:get', { id: paid.invoice.id })).totalCents).toBe(cart.totalCents)
    const text = ok(await till.invoke('receipts:render', { invoiceId: paid.invoice.id, format: 'text', columns: 32 }))
    expect('text' in text && text.text).toContain('बिल नं.')
    expect(loads).toBe(1)
  })
})
