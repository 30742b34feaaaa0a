/**
 * A receipt document laid out in the printer's columns: the lines a 58 mm (32 columns) or 80 mm (42
 * or 48 columns) printer prints, each already padded, wrapped and aligned. The plain-text receipt is
 * these lines as they are; the ESC/POS one sends the same lines with their styles, so the two never
 * differ by a character. Pure.
 */
import type { ReceiptColumns } from '#shared/contract/receipts'
import type { Language } from '#shared/contract/common'
import { formatNepaliMoney, formatNepaliNumber } from '#shared/i18n/nepali-format'
import { formatMoney } from '#shared/money/money'
import { receiptLabelsEn, type ReceiptLabels } from '#shared/receipts/receipt-labels.en'
import {
  figuresAroundNotes,
  label,
  labelText,
  receiptWriter,
  type ReceiptDocument,
  type ReceiptItem,
  type ReceiptRow,
  type ReceiptWriter,
} from '#shared/receipts/receipt-model'

export type PrintLine =
  | { readonly kind: 'text'; readonly text: string; readonly bold?: true; readonly tall?: true }
  /** The document's code, as a barcode or QR code (its value as text in the plain format). */
  | { readonly kind: 'code'; readonly value: string }

export interface LayoutOptions {
  readonly columns: ReceiptColumns
  /** The receipt's words (English unless the store's language has its own). */
  readonly labels?: ReceiptLabels
  /** How amounts are written: Nepali with Devanagari digits and रु.; otherwise the document's locale. */
  readonly language?: Language
}

/**
 * Typography the printer's code page has no glyph for, written the way a till roll does. Spaces that
 * must not break (between a currency and its amount) stay non-breaking while lines are wrapped and
 * are printed as plain spaces. Characters outside the Basic Multilingual Plane (emoji) are in no
 * code page: they print as `?`, one column each.
 */
const NO_BREAK = '\u00a0'
const PLAIN: Readonly<Record<string, string>> = {
  '\u2007': NO_BREAK,
  '\u202f': NO_BREAK,
  '\u2009': ' ',
  '\t': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2026': '...',
  '\u00d7': 'x',
}

/** Text as the printer gets it: composed (NFC), typography made plain, no control or invisible characters. */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2007\u2009\u202f\t\u2010\u2011\u2013\u2014\u2212\u2018\u2019\u201c\u201d\u2026\u00d7]/g, (char) => PLAIN[char] ?? char)
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    .replace(/[\u{10000}-\u{10ffff}]/gu, '?')
}

/** Columns a string takes: one per character (code point). */
const width = (text: string): number => [...text].length

/** Words to lines of at most `columns`; a word longer than a line is cut. Never an empty list. */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ').filter((part) => part !== '')) {
    let rest = [...word]
    if (line !== '' && width(line) + 1 + rest.length <= columns) {
      line = `${line} ${word}`
      continue
    }
    if (line !== '') lines.push(line)
    while (rest.length > columns) {
      lines.push(rest.slice(0, columns).join(''))
      rest = rest.slice(columns)
    }
    line = rest.join('')
  }
  lines.push(line)
  return lines
}

/**
 * A label on the left and its value on the right, in `columns`: the label wraps; the value sits on
 * its last line, right-aligned, or on a line of its own when it does not fit there.
 */
export function labelled(left: string, right: string, columns: number, indent = 0): string[] {
  const room = columns - indent
  const lines = wrap(left, room)
  const valueWidth = width(right)
  if (valueWidth > 0) {
    const last = lines.at(-1) ?? ''
    if (last === '' || width(last) + 1 + valueWidth <= room)
      lines[lines.length - 1] = last + ' '.repeat(Math.max(room - width(last) - valueWidth, 0)) + right
    else if (valueWidth <= room) lines.push(' '.repeat(room - valueWidth) + right)
    else lines.push(...wrap(right, room))
  }
  const pad = ' '.repeat(indent)
  return lines.map((line) => (line === '' ? line : pad + line))
}

export function centred(text: string, columns: number): string[] {
  return wrap(text, columns).map((line) => (line === '' ? line : ' '.repeat(Math.floor((columns - width(line)) / 2)) + line))
}

/** How a document's words and amounts are written on paper: the receipt dictionary, the shared money formatter, plain typography. */
export function paperWriter(document: ReceiptDocument, labels: ReceiptLabels = receiptLabelsEn, language?: Language): ReceiptWriter {
  const money = (cents: number) => (language === 'ne' ? formatNepaliMoney(cents, document.money) : formatMoney(cents, document.money))
  const writer = receiptWriter({ label: labelText(labels, money), money })
  return { text: (text) => printable(writer.text(text)), value: (value) => printable(writer.value(value)) }
}

const DETAIL_INDENT = 2

export function layoutReceipt(document: ReceiptDocument, { columns, labels = receiptLabelsEn, language }: LayoutOptions): PrintLine[] {
  const write = paperWriter(document, labels, language)
  const lines: PrintLine[] = []
  const text = (values: readonly string[], style: { bold?: true; tall?: true } = {}) => {
    for (const value of values) lines.push({ kind: 'text', text: value.replaceAll(NO_BREAK, ' '), ...style })
  }
  const rule = (char: '-' | '=') => text([char.repeat(columns)])
  const rows = (values: readonly ReceiptRow[]) => {
    for (const row of values) {
      const left = row.detail ? `${write.text(row.label)} ${write.text(row.detail)}` : write.text(row.label)
      text(labelled(left, write.value(row.value), columns, row.indent ? DETAIL_INDENT : 0))
    }
  }
  // A figure in the receipt's language: Devanagari digits on a Nepali one, as its amounts.
  const figure = (value: number) => (language === 'ne' ? formatNepaliNumber(value) : String(value))
  const item = (value: ReceiptItem) => {
    text(wrap(printable(value.name), columns))
    const quantity =
      value.unitPriceCents === undefined
        ? label('receipt.quantity', { quantity: figure(value.quantity) })
        : label('receipt.quantityAt', { quantity: figure(value.quantity), price: { cents: value.unitPriceCents } })
    text(labelled(write.text(quantity), write.value({ kind: 'money', cents: value.amountCents }), columns, DETAIL_INDENT))
    if (value.discountCents > 0)
      text(
        labelled(
          write.text(label('receipt.lineDiscount')),
          write.value({ kind: 'money', cents: value.discountCents, reduction: true }),
          columns,
          DETAIL_INDENT,
        ),
      )
  }

  text(centred(printable(document.store.name), columns), { bold: true, tall: true })
  for (const line of document.store.lines) text(centred(write.text(line), columns))
  text([''])
  text(centred(write.text(document.title), columns), { bold: true })
  rows(document.facts)
  if (document.items.length > 0) {
    rule('-')
    for (const value of document.items) item(value)
  }
  rule('-')
  const [upToDiscount, afterDiscount] = figuresAroundNotes(document)
  rows(upToDiscount)
  for (const note of document.notes) text(wrap(write.text(note), columns - DETAIL_INDENT).map((line) => ' '.repeat(DETAIL_INDENT) + line))
  rows(afterDiscount)
  rule('=')
  text(labelled(write.text(document.total.label), write.value(document.total.value), columns), { bold: true, tall: true })
  rule('=')
  rows(document.payments)
  for (const section of document.sections ?? []) {
    rule('-')
    text(centred(write.text(section.title), columns), { bold: true })
    rows(section.rows)
  }
  text([''])
  if (document.footer.length > 0) {
    for (const line of document.footer) text(centred(write.text(line), columns))
    text([''])
  }
  lines.push({ kind: 'code', value: document.code })
  return lines
}

/** The receipt as plain text: the lines the printer prints, the code as its value, centred. */
export function receiptPlainText(document: ReceiptDocument, options: LayoutOptions): string {
  const out = layoutReceipt(document, options).flatMap((line) =>
    line.kind === 'text' ? [line.text] : centred(line.value, options.columns),
  )
  return `${out.join('\n')}\n`
}
