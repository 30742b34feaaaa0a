/**
 * A receipt document as ESC/POS bytes, through @point-of-sale/receipt-printer-encoder: the lines of
 * `layoutReceipt` (so the bytes print exactly the plain-text receipt), the document's code as a
 * CODE128 barcode or a QR code, a cut, and a pulse that opens the cash drawer after a cash sale.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder'
import { layoutReceipt, type LayoutOptions } from './receipt-layout'
import type { ReceiptDocument } from '#shared/receipts/receipt-model'

/** A code page the encoder knows, or `auto` (it picks a page per run of text). */
export type EscPosCodepage = Parameters<ReceiptPrinterEncoder['codepage']>[0]

/**
 * Code page 437 is page 0 of every ESC/POS printer, the cheap 58 mm clones included, whose other page
 * numbers differ from Epson's; `auto` switches pages in the middle of a line by Epson's numbering.
 * The printer's own setting replaces this default.
 */
export const DEFAULT_CODEPAGE: EscPosCodepage = 'cp437'

/** Pixels for one line of text the code page cannot hold, drawn by the caller (a canvas and the bundled font). */
export interface TextImage {
  readonly data: Uint8ClampedArray
  readonly width: number
  readonly height: number
}

export interface EscPosOptions extends LayoutOptions {
  readonly codepage?: EscPosCodepage
  /** The document's code as a CODE128 barcode (every ESC/POS printer has it) or a QR code. */
  readonly code?: 'code128' | 'qr'
  /** Pulse the drawer; by default when the document moved cash (a reprint says false). */
  readonly openDrawer?: boolean
  /**
   * Draws a line of text the code page has no glyphs for (Devanagari) as an image `widthDots` wide.
   * Without it such a line is sent as text and the printer shows `?` for what it lacks.
   */
  readonly textImage?: (text: string, widthDots: number, style?: { readonly bold?: boolean; readonly tall?: boolean }) => TextImage
}

/** Lines fed before the cut, so the last printed line clears the cutter that sits above the print head. */
const FEED_BEFORE_CUT = 4
const BARCODE_HEIGHT_DOTS = 60

/** Whether the code page has a glyph for every character of `text` (the encoder writes `?` for the rest). */
export function codepageHolds(text: string, codepage: EscPosCodepage): boolean {
  if (/^[\x20-\x7e]*$/.test(text)) return true
  const probe = new ReceiptPrinterEncoder({ columns: 48, newline: '\n' })
  const encoded = probe.codepage(codepage).text(text).encode('lines') as { type: string; payload?: number[] }[][]
  const sent = encoded.flat().filter((item) => item.type === 'text')
  const questionMarks = sent.reduce((count, item) => count + (item.payload ?? []).filter((byte) => byte === 0x3f).length, 0)
  return questionMarks === [...text].filter((char) => char === '?').length
}

export function receiptEscPos(document: ReceiptDocument, options: EscPosOptions): Uint8Array {
  const codepage = options.codepage ?? DEFAULT_CODEPAGE
  const encoder = new ReceiptPrinterEncoder({
    columns: options.columns,
    // LF alone: a printer set to feed on CR as well would double every line of LF CR.
    newline: '\n',
    feedBeforeCut: FEED_BEFORE_CUT,
  })
  encoder.initialize().codepage(codepage)
  // First, so the cashier counts the change while the receipt prints.
  if (options.openDrawer ?? document.opensDrawer) encoder.pulse()

  for (const line of layoutReceipt(document, options)) {
    if (line.kind === 'code') {
      encoder.align('center')
      if (options.code === 'qr') encoder.qrcode(line.value, { model: 2, size: options.columns === 32 ? 5 : 6, errorlevel: 'm' })
      // Narrow bars on 58 mm paper: a long invoice number must still fit its 384 dots.
      else encoder.barcode(line.value, 'code128', { height: BARCODE_HEIGHT_DOTS, width: options.columns === 32 ? 1 : 2, text: 'below' })
      encoder.align('left')
      continue
    }
    if (options.textImage && !codepageHolds(line.text, codepage)) {
      const image = options.textImage(line.text, encoder.printableWidth, { bold: line.bold === true, tall: line.tall === true })
      encoder.image(image, { width: image.width, height: image.height })
      continue
    }
    if (line.bold) encoder.bold(true)
    if (line.tall) encoder.height(2)
    encoder.text(line.text)
    // Styles end before the line feed, or the encoder opens the next line with them again.
    if (line.tall) encoder.height(1)
    if (line.bold) encoder.bold(false)
    encoder.newline()
  }
  return encoder.cut('partial').encode()
}
