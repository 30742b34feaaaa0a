/**
 * ESC/POS bytes of the sample sale, against golden files in ./fixtures (hex, 32 bytes a line).
 *
 * The golden files change only on purpose: when the layout, the labels or the encoder's output is
 * meant to change, look at the new plain text first (receipt-layout.test.ts), then write the files
 * again with
 *
 *     RECEIPT_GOLDEN=write npx vitest run src/core/receipts/receipt-escpos.test.ts
 *
 * and read the diff of the .hex files before committing them. Dates and amounts come from Intl, so
 * a Node or Electron update with new ICU data can move them too; the plain-text test says where.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { InvoiceDto } from '#shared/contract/invoices'
import type { ReceiptColumns } from '#shared/contract/receipts'
import { saleReceipt } from '#shared/receipts/receipt-model'
import { SAMPLE_INVOICE, SAMPLE_STORE } from '#shared/receipts/receipt-sample.fixture'
import { codepageHolds, receiptEscPos } from './receipt-escpos'
import { layoutReceipt } from './receipt-layout'

const sample = saleReceipt(SAMPLE_INVOICE, SAMPLE_STORE)
const FIXTURES = join(import.meta.dirname, 'fixtures')

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')
/** 32 bytes a line, so a change shows in a diff where it is. */
const hexLines = (bytes: Uint8Array): string => `${(hex(bytes).match(/.{1,64}/g) ?? []).join('\n')}\n`
const readGolden = (file: string): string => readFileSync(join(FIXTURES, file), 'utf8').replace(/\s+/g, '')

/** Where `needle` occurs in `bytes`, or -1. */
function indexOf(bytes: Uint8Array, needle: readonly number[]): number {
  return Buffer.from(bytes).indexOf(Buffer.from(needle))
}
const count = (bytes: Uint8Array, needle: readonly number[]): number => {
  let found = 0
  for (let at = indexOf(bytes, needle); at !== -1; at = Buffer.from(bytes).indexOf(Buffer.from(needle), at + 1)) found += 1
  return found
}

const ESC = 0x1b
const GS = 0x1d
const INIT = [ESC, 0x40]
const PULSE = [ESC, 0x70, 0x00]
/** ESC/POS text bytes never contain ESC or GS, so the text is what lies between commands. */
const ascii = (text: string) => [...Buffer.from(text, 'latin1')]

describe('the sample receipt as ESC/POS bytes', () => {
  for (const columns of [32, 48] as const satisfies readonly ReceiptColumns[]) {
    it(`is the golden file at ${columns} columns`, () => {
      const bytes = receiptEscPos(sample, { columns })
      const file = `sample-receipt-${columns}.hex`
      if (process.env['RECEIPT_GOLDEN'] === 'write') writeFileSync(join(FIXTURES, file), hexLines(bytes))
      expect(hex(bytes)).toBe(readGolden(file))
    })
  }

  it('starts with the printer’s reset, opens the drawer for the cash, and selects the code page before any text', () => {
    const bytes = receiptEscPos(sample, { columns: 32 })
    expect([...bytes.slice(0, 2)]).toEqual(INIT)
    // ESC p 0 t1 t2: pin 2, 100 ms on (50 × 2 ms), 500 ms off.
    expect(indexOf(bytes, [...PULSE, 0x32, 0xfa])).toBeGreaterThan(0)
    // ESC t 0 is page 0, code page 437; it comes once, before the first character of text.
    const codepage = indexOf(bytes, [ESC, 0x74, 0x00])
    expect(codepage).toBeGreaterThan(0)
    expect(codepage).toBeLessThan(indexOf(bytes, ascii('Himal Kirana')))
    expect(count(bytes, [ESC, 0x74])).toBe(1)
  })

  it('selects the page it is given by the printer’s numbering', () => {
    // Code page 858 (850 with the euro sign) is page 19 on Epson's list.
    const bytes = receiptEscPos(sample, { columns: 32, codepage: 'cp858' })
    expect(indexOf(bytes, [ESC, 0x74, 19])).toBeGreaterThan(0)
    expect(indexOf(bytes, [ESC, 0x74, 0x00])).toBe(-1)
  })

  it('prints the invoice number as a CODE128 barcode with its text below, or as a QR code', () => {
    const bytes = receiptEscPos(sample, { columns: 48 })
    // GS H 2 (text below), then GS k 73 n {B INV-1207: CODE128, code set B.
    expect(indexOf(bytes, [GS, 0x48, 0x02, GS, 0x6b, 0x49, 10, ...ascii('{BINV-1207')])).toBeGreaterThan(0)
    // 58 mm paper gets the narrow bars (GS w 2), 80 mm the wider ones (GS w 3).
    expect(indexOf(bytes, [GS, 0x77, 0x03])).toBeGreaterThan(0)
    expect(indexOf(receiptEscPos(sample, { columns: 32 }), [GS, 0x77, 0x02])).toBeGreaterThan(0)
    const qr = receiptEscPos(sample, { columns: 48, code: 'qr' })
    // GS ( k: store the data (fn 80), then print it (fn 81).
    expect(indexOf(qr, [GS, 0x28, 0x6b, 11, 0x00, 0x31, 0x50, 0x30, ...ascii('INV-1207')])).toBeGreaterThan(0)
    expect(indexOf(qr, [GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30])).toBeGreaterThan(0)
    expect(indexOf(qr, [GS, 0x6b])).toBe(-1)
  })

  it('feeds the last line past the cutter and cuts at the end', () => {
    const bytes = receiptEscPos(sample, { columns: 32 })
    // GS V 1: a partial cut (the receipt hangs on a tab), after four line feeds.
    const cut = indexOf(bytes, [0x0a, 0x0a, 0x0a, 0x0a, GS, 0x56, 0x01])
    expect(cut).toBeGreaterThan(0)
    expect(cut + 7).toBeGreaterThanOrEqual(bytes.length - 1)
  })

  it('opens no drawer for a sale without cash, nor for a reprint', () => {
    const byToken: InvoiceDto = {
      ...SAMPLE_INVOICE,
      roundingCents: 0,
      tenders: [{ method: 'token', amountCents: SAMPLE_INVOICE.totalCents, tokenLast4: '1111', tokenBalanceAfterCents: 0 }],
    }
    expect(indexOf(receiptEscPos(saleReceipt(byToken, SAMPLE_STORE), { columns: 32 }), PULSE)).toBe(-1)
    expect(indexOf(receiptEscPos(sample, { columns: 32, openDrawer: false }), PULSE)).toBe(-1)
  })

  it('sends every line of the plain-text receipt, in order, bold and double height where the layout says', () => {
    const bytes = receiptEscPos(sample, { columns: 42 })
    let from = 0
    for (const line of layoutReceipt(sample, { columns: 42 })) {
      if (line.kind !== 'text' || line.text === '') continue
      // Page 437 has the middle dot at 0xFA; everything else on this receipt is ASCII.
      const sent = Buffer.from(line.text.replaceAll('·', '\u00fa'), 'latin1')
      const at = Buffer.from(bytes).indexOf(sent, from)
      expect(at, line.text).toBeGreaterThanOrEqual(from)
      from = at + sent.length
    }
    // ESC E 1, GS ! 1 (double height) before the total; both off before its line feed.
    expect(indexOf(bytes, [ESC, 0x45, 0x01, GS, 0x21, 0x01, ...ascii('Total')])).toBeGreaterThan(0)
    expect(indexOf(bytes, [...ascii('NPR 325.89'), GS, 0x21, 0x00, ESC, 0x45, 0x00, 0x0a])).toBeGreaterThan(0)
  })
})

describe('text the code page cannot hold', () => {
  const nepali = saleReceipt({ ...SAMPLE_INVOICE, lines: [{ ...SAMPLE_INVOICE.lines[0]!, name: 'दूध ५०० मि.ली.' }] }, SAMPLE_STORE)

  it('is known before it is sent: page 437 has é and ·, not Devanagari', () => {
    expect(codepageHolds('Café · ½', 'cp437')).toBe(true)
    expect(codepageHolds('What? Yes?', 'cp437')).toBe(true)
    expect(codepageHolds('दूध', 'cp437')).toBe(false)
  })

  it('prints as `?` without a way to draw it', () => {
    const bytes = receiptEscPos(nepali, { columns: 32 })
    expect(indexOf(bytes, [0x3f, 0x3f, 0x3f, 0x20, 0x3f, 0x3f, 0x3f])).toBeGreaterThan(0)
  })

  it('goes to the image drawer when one is given, printed as an image the paper’s width', () => {
    const drawn: [string, number][] = []
    const bytes = receiptEscPos(nepali, {
      columns: 32,
      textImage: (text, widthDots) => {
        drawn.push([text, widthDots])
        return { data: new Uint8ClampedArray(widthDots * 24 * 4), width: widthDots, height: 24 }
      },
    })
    expect(drawn).toEqual([['दूध ५०० मि.ली.', 384]])
    expect(indexOf(bytes, [0x3f, 0x3f, 0x3f])).toBe(-1)
    // ESC * 33: a 24-dot column image, 384 dots wide (0x0180, low byte first).
    expect(indexOf(bytes, [ESC, 0x2a, 0x21, 0x80, 0x01])).toBeGreaterThan(0)
  })
})
