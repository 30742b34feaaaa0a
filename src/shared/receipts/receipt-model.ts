/**
 * One receipt model: what a receipt says, in order, built once from a sale (or a return) and the
 * store's details, then drawn on screen, as plain text and as ESC/POS bytes, so screen and paper
 * never disagree. Pure. Figures stay integer minor units (each renderer formats them with the one
 * money formatter), words are keys of the receipt dictionary, dates are set in the store's time zone.
 * A Z report becomes one more builder of the same document.
 */
import type { Language } from '../contract/common'
import type { InvoiceDto, InvoiceTenderDto } from '../contract/invoices'
import type { RefundDto, ReturnDto } from '../contract/returns'
import type { ZReportDto } from '../contract/shifts'
import { storeDate } from '../dates/store-date'
import { publishedBikramSambat, type BsYear } from '../i18n/bikram-sambat'
import { formatNepaliPercentBps, nepaliDateTimeFormatter } from '../i18n/nepali-format'
import type { MoneyFormatOptions } from '../money/money'
import type { receiptLabelsEn, ReceiptLabelKey } from './receipt-labels.en'

/** A placeholder's value: text as it is, or an amount the renderer formats. */
export type ReceiptParam = string | { readonly cents: number }

/** Words of the receipt dictionary (the same shape as the renderer's messages). */
export interface ReceiptLabel {
  readonly key: ReceiptLabelKey
  readonly params?: Readonly<Record<string, ReceiptParam>>
}

/** Text a person wrote (a product's name, the store's header), printed as it is. */
export interface ReceiptRaw {
  readonly raw: string
}

export type ReceiptText = ReceiptLabel | ReceiptRaw

export type ReceiptValue =
  | { readonly kind: 'money'; readonly cents: number; /** Shown as an amount taken off (−). */ readonly reduction?: true }
  | { readonly kind: 'text'; readonly text: ReceiptText }
  | { readonly kind: 'dateTime'; readonly iso: string; /** In the store's locale and time zone. */ readonly text: string }

export type ReceiptRowRole =
  'date' | 'cashier' | 'fact' | 'subtotal' | 'discount' | 'tax' | 'total' | 'tender' | 'tenderDetail' | 'rounding'

/** A label and its value: a fact, a figure or a tender. */
export interface ReceiptRow {
  readonly role: ReceiptRowRole
  readonly label: ReceiptText
  /** A smaller part after the label: a tax's base. */
  readonly detail?: ReceiptText
  readonly value: ReceiptValue
  /** Belongs to the row above it (a tender's balance, reference or change): drawn indented. */
  readonly indent?: true
}

export interface ReceiptItem {
  readonly name: string
  readonly quantity: number
  /** Absent on a return's line, which is refunded as a whole. */
  readonly unitPriceCents?: number
  /** Unit price × quantity as on the shelf (a sale), or what the line refunds (a return). */
  readonly amountCents: number
  /** The line's own discount and its share of the sale's (0 for none). */
  readonly discountCents: number
}

export type ReceiptKind = 'sale' | 'return' | 'void' | 'zReport'

/** A titled block of rows after the payments: a Z report's drawer and its cash moves. */
export interface ReceiptSection {
  readonly title: ReceiptLabel
  readonly rows: readonly ReceiptRow[]
}

export interface ReceiptDocument {
  readonly kind: ReceiptKind
  /** The store's currency and locale: every renderer formats amounts with them. */
  readonly money: MoneyFormatOptions
  /** The store's name, then its address, phone, tax number and receipt header, one entry a line. */
  readonly store: { readonly name: string; readonly lines: readonly ReceiptText[] }
  readonly title: ReceiptLabel
  readonly facts: readonly ReceiptRow[]
  readonly items: readonly ReceiptItem[]
  /** Subtotal, discount and each tax (a sale), or the tax in the refund (a return). */
  readonly figures: readonly ReceiptRow[]
  /** Sentences printed right under the discount (or under the figures without one): what a promo took off of it. */
  readonly notes: readonly ReceiptText[]
  readonly total: ReceiptRow
  /** Each tender (or refund) with its own details, then the cash rounding. */
  readonly payments: readonly ReceiptRow[]
  /** Blocks after the payments (a Z report's); a sale's or a return's receipt has none. */
  readonly sections?: readonly ReceiptSection[]
  readonly footer: readonly ReceiptText[]
  /** What the barcode or QR code at the foot carries (`parseReceiptCode` reads it back). */
  readonly code: string
  /** Cash went into or out of the drawer: printing it opens the drawer. */
  readonly opensDrawer: boolean
}

/** The store's details a receipt prints; core's settings and the screen's app info both have them. */
export interface ReceiptStore {
  readonly storeName: string
  readonly address: string
  readonly phone: string
  /** PAN / VAT number. */
  readonly taxNumber: string
  /** Lines printed under the store's details, and at the foot (the thanks when it is empty). */
  readonly receiptHeader: string
  readonly receiptFooter: string
  readonly currency: string
  /** The store's minor digits, which its amounts count in (the currency's own when absent). */
  readonly currencyDecimals?: number
  readonly locale: string
  /** IANA zone the receipt's date and time are given in. */
  readonly timeZone: string
  /**
   * The language the receipt speaks where it is not the locale's: Nepali writes dates and rates
   * with its own month names and Devanagari digits (no engine's `ne` data is asked).
   */
  readonly language?: Language
  /** Print the date in Bikram Sambat as well (a store setting). */
  readonly bikramSambat?: boolean
  /** The BS years the store added from its almanac (see BsYear). */
  readonly bikramSambatYears?: readonly BsYear[]
}

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never
type LabelParams<K extends ReceiptLabelKey> = [Placeholders<(typeof receiptLabelsEn)[K]>] extends [never]
  ? []
  : [params: { readonly [P in Placeholders<(typeof receiptLabelsEn)[K]>]: ReceiptParam }]

/** A label with exactly the parameters its English text names. */
export function label<K extends ReceiptLabelKey>(key: K, ...params: LabelParams<K>): ReceiptLabel {
  const [values] = params
  return values === undefined ? { key } : { key, params: values }
}

export const raw = (text: string): ReceiptRaw => ({ raw: text })

/**
 * The figures around the notes: those down to the discount, then the notes (a promo is part of the
 * discount), then the rest (the taxes). Without a discount, the notes follow every figure.
 */
export function figuresAroundNotes(document: Pick<ReceiptDocument, 'figures'>): [readonly ReceiptRow[], readonly ReceiptRow[]] {
  const discount = document.figures.findIndex((row) => row.role === 'discount')
  const split = discount === -1 ? document.figures.length : discount + 1
  return [document.figures.slice(0, split), document.figures.slice(split)]
}
const money = (cents: number, reduction = false): ReceiptValue =>
  reduction ? { kind: 'money', cents, reduction } : { kind: 'money', cents }
const textValue = (text: ReceiptText): ReceiptValue => ({ kind: 'text', text })

/** "15 Mar 2026, 10:00 am": in the store's locale and its own time zone, wherever the till's clock is set. */
export function formatReceiptDateTime(iso: string, store: Pick<ReceiptStore, 'locale' | 'timeZone' | 'language'>): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }
  if (store.language === 'ne') {
    try {
      return nepaliDateTimeFormatter(store.timeZone)(iso)
    } catch {
      return nepaliDateTimeFormatter()(iso)
    }
  }
  try {
    return new Intl.DateTimeFormat(store.locale, { ...options, timeZone: store.timeZone }).format(new Date(iso))
  } catch {
    // An unknown zone cannot be stored (settings refuse it), but a receipt must still print.
    return new Intl.DateTimeFormat(store.locale, options).format(new Date(iso))
  }
}

/** A rate in basis points as a percent: 1300 → "13%", 550 → "5.5%" (as the screens show rates). */
export function formatRateBps(bps: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000)
}

/** How the receipt's amounts are formatted: the store's currency, its digits and locale. */
function moneyOf(store: ReceiptStore): MoneyFormatOptions {
  return store.currencyDecimals === undefined
    ? { currency: store.currency, locale: store.locale }
    : { currency: store.currency, locale: store.locale, currencyDecimals: store.currencyDecimals }
}

/** The lines of a multi-line setting (header, footer, address), without blank lines at either end. */
function textLines(value: string): string[] {
  const lines = value.split('\n').map((line) => line.trimEnd())
  while (lines.length > 0 && lines[0] === '') lines.shift()
  while (lines.length > 0 && lines.at(-1) === '') lines.pop()
  return lines
}

function storeBlock(store: ReceiptStore): ReceiptDocument['store'] {
  const lines: ReceiptText[] = textLines(store.address).map(raw)
  if (store.phone.trim()) lines.push(label('receipt.phone', { phone: store.phone.trim() }))
  if (store.taxNumber.trim()) lines.push(label('receipt.taxNumber', { number: store.taxNumber.trim() }))
  lines.push(...textLines(store.receiptHeader).map(raw))
  return { name: store.storeName, lines }
}

function footer(store: ReceiptStore): ReceiptText[] {
  const lines = textLines(store.receiptFooter)
  return lines.length > 0 ? lines.map(raw) : [label('receipt.thanks')]
}

function dateRow(iso: string, store: ReceiptStore): ReceiptRow {
  return { role: 'date', label: label('receipt.date'), value: { kind: 'dateTime', iso, text: formatReceiptDateTime(iso, store) } }
}

/** The store's own calendar day of an instant (`YYYY-MM-DD`); a receipt still prints with an unknown zone. */
function storeDayOf(iso: string, timeZone: string): string {
  try {
    return storeDate(new Date(iso), timeZone)
  } catch {
    return new Date(iso).toISOString().slice(0, 10)
  }
}

/** The date, and the same day in Bikram Sambat where the store shows it (and the calendar is published). */
function dateRows(iso: string, store: ReceiptStore): ReceiptRow[] {
  const note = store.bikramSambat
    ? publishedBikramSambat(storeDayOf(iso, store.timeZone), store.language ?? 'en', store.bikramSambatYears)
    : null
  return note === null
    ? [dateRow(iso, store)]
    : [dateRow(iso, store), { role: 'fact', label: label('receipt.bsDate'), value: textValue(raw(note)) }]
}

type TenderLike = Pick<InvoiceTenderDto, 'method' | 'tokenLast4' | 'wallet'>

/** What a tender paid with, in words: a token by its last four characters only, a wallet by the store's name for it. */
export function tenderName(tender: TenderLike): ReceiptText {
  switch (tender.method) {
    case 'token':
      return tender.tokenLast4 ? label('receipt.token', { last4: tender.tokenLast4 }) : label('receipt.tokenUnknown')
    case 'cash':
      return label('receipt.cash')
    case 'card':
      return label('receipt.card')
    case 'wallet':
      return tender.wallet ? raw(tender.wallet) : label('receipt.wallet')
  }
}

/** A tender's own lines: a token's balance left, a card's or wallet's reference, cash tendered and change. */
function tenderDetails(
  tender: Pick<InvoiceTenderDto, 'method' | 'tokenBalanceAfterCents' | 'reference' | 'tenderedCents' | 'changeCents'>,
  indent: boolean,
): ReceiptRow[] {
  const rows: ReceiptRow[] = []
  const row = (labelText: ReceiptLabel, value: ReceiptValue): ReceiptRow =>
    indent ? { role: 'tenderDetail', label: labelText, value, indent } : { role: 'tenderDetail', label: labelText, value }
  if (tender.method === 'token' && tender.tokenBalanceAfterCents !== undefined)
    rows.push(row(label('receipt.balance'), money(tender.tokenBalanceAfterCents)))
  if (tender.reference !== undefined) rows.push(row(label('receipt.reference'), textValue(raw(tender.reference))))
  if (tender.method === 'cash' && tender.tenderedCents !== undefined) rows.push(row(label('receipt.tendered'), money(tender.tenderedCents)))
  if (tender.method === 'cash' && tender.changeCents !== undefined) rows.push(row(label('receipt.change'), money(tender.changeCents)))
  return rows
}

function roundingRows(roundingCents: number): ReceiptRow[] {
  return roundingCents === 0 ? [] : [{ role: 'rounding', label: label('receipt.rounding'), value: money(roundingCents) }]
}

/**
 * A sale's tenders: one tender is named after "Payment" with its details under it; several are
 * listed with what each paid, each with its own details indented.
 */
function salePayments(invoice: InvoiceDto): ReceiptRow[] {
  const [only, ...others] = invoice.tenders
  const rows: ReceiptRow[] = []
  if (only && others.length === 0) {
    rows.push({ role: 'tender', label: label('receipt.payment'), value: textValue(tenderName(only)) })
    rows.push(
      ...tenderDetails(
        {
          ...only,
          // Invoices written before tenders had their own figures carry them on the invoice.
          tokenBalanceAfterCents: only.tokenBalanceAfterCents ?? invoice.tokenBalanceAfterCents,
          changeCents: only.changeCents ?? invoice.changeCents,
        },
        false,
      ),
    )
  } else {
    for (const tender of invoice.tenders) {
      rows.push({ role: 'tender', label: tenderName(tender), value: money(tender.amountCents) })
      rows.push(...tenderDetails(tender, true))
    }
  }
  rows.push(...roundingRows(invoice.roundingCents))
  return rows
}

/** A sale's figures as the pricing engine gave them; a sale without tax or discount shows its total alone. */
function saleFigures(invoice: InvoiceDto, store: ReceiptStore): ReceiptRow[] {
  const rows: ReceiptRow[] = []
  if (invoice.taxes.length > 0 || invoice.discountCents > 0)
    rows.push({ role: 'subtotal', label: label('receipt.subtotal'), value: money(invoice.subtotalCents) })
  if (invoice.discountCents > 0)
    rows.push({ role: 'discount', label: label('receipt.discount'), value: money(invoice.discountCents, true) })
  for (const tax of invoice.taxes) {
    const rate = store.language === 'ne' ? formatNepaliPercentBps(tax.rateBps) : formatRateBps(tax.rateBps, store.locale)
    rows.push({
      role: 'tax',
      label: label(tax.included ? 'receipt.taxIncluded' : 'receipt.taxAdded', { name: tax.name, rate }),
      detail: label('receipt.taxBase', { base: { cents: tax.baseCents } }),
      value: money(tax.taxCents),
    })
  }
  return rows
}

/** The code a receipt carries for the invoice (or return) it is for: a prefix keeps it apart from product barcodes. */
const CODE_PREFIX = { invoice: 'INV-', return: 'RET-' } as const

export function receiptCode(kind: keyof typeof CODE_PREFIX, number: number): string {
  return `${CODE_PREFIX[kind]}${number}`
}

/** What a scanned receipt code names, or null when the text is not one (a product's barcode). */
export function parseReceiptCode(text: string): { kind: keyof typeof CODE_PREFIX; number: number } | null {
  const match = /^(INV|RET)-([1-9]\d{0,15})$/i.exec(text.trim())
  if (!match) return null
  const number = Number(match[2])
  if (!Number.isSafeInteger(number)) return null
  return { kind: match[1]!.toUpperCase() === 'INV' ? 'invoice' : 'return', number }
}

/** The receipt of a sale. */
export function saleReceipt(invoice: InvoiceDto, store: ReceiptStore): ReceiptDocument {
  return {
    kind: 'sale',
    money: moneyOf(store),
    store: storeBlock(store),
    title: label('receipt.invoice', { number: String(invoice.number) }),
    facts: [
      ...dateRows(invoice.paidAt, store),
      { role: 'cashier', label: label('receipt.cashier'), value: textValue(raw(invoice.cashier)) },
    ],
    items: invoice.lines.map((line) => ({
      name: line.name,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      amountCents: line.subAmountCents,
      discountCents: line.discountCents,
    })),
    figures: saleFigures(invoice, store),
    notes: invoice.promo
      ? [label('receipt.promo', { code: invoice.promo.code, name: invoice.promo.name, amount: { cents: invoice.promo.discountCents } })]
      : [],
    total: { role: 'total', label: label('receipt.total'), value: money(invoice.totalCents) },
    payments: salePayments(invoice),
    footer: footer(store),
    code: receiptCode('invoice', invoice.number),
    opensDrawer: invoice.tenders.some((tender) => tender.method === 'cash'),
  }
}

function refundRows(refunds: readonly RefundDto[]): ReceiptRow[] {
  const rows: ReceiptRow[] = []
  for (const refund of refunds) {
    rows.push({ role: 'tender', label: tenderName(refund), value: money(refund.amountCents) })
    rows.push(...tenderDetails(refund, true))
  }
  return rows
}

/**
 * The receipt of a return or a void: the lines taken back with what each refunds, and where the
 * money went (the sale's own tenders). Its code names the return; its facts name the invoice.
 */
export function returnReceipt(returned: ReturnDto, store: ReceiptStore): ReceiptDocument {
  const facts: ReceiptRow[] = [
    ...dateRows(returned.returnedAt, store),
    { role: 'cashier', label: label('receipt.cashier'), value: textValue(raw(returned.cashier)) },
  ]
  if (returned.approvedBy !== undefined)
    facts.push({ role: 'fact', label: label('receipt.approvedBy'), value: textValue(raw(returned.approvedBy)) })
  facts.push(
    { role: 'fact', label: label('receipt.originalInvoice'), value: textValue(raw(String(returned.invoiceNumber))) },
    { role: 'fact', label: label('receipt.reason'), value: textValue(raw(returned.reason)) },
  )
  return {
    kind: returned.kind,
    money: moneyOf(store),
    store: storeBlock(store),
    title: label(returned.kind === 'void' ? 'receipt.void' : 'receipt.return', { number: String(returned.number) }),
    facts,
    items: returned.lines.map((line) => ({ name: line.name, quantity: line.quantity, amountCents: line.refundCents, discountCents: 0 })),
    figures: returned.taxCents > 0 ? [{ role: 'tax', label: label('receipt.refundTax'), value: money(returned.taxCents) }] : [],
    notes: [],
    total: { role: 'total', label: label('receipt.refundTotal'), value: money(returned.goodsCents) },
    payments: [...refundRows(returned.refunds), ...roundingRows(returned.roundingCents)],
    footer: footer(store),
    code: receiptCode('return', returned.number),
    opensDrawer: returned.refunds.some((refund) => refund.method === 'cash' && refund.amountCents > 0),
  }
}

const count = (value: number): ReceiptValue => textValue(raw(String(value)))
/** An amount taken off, shown with its minus only when there is one. */
const less = (cents: number): ReceiptValue => money(cents, cents !== 0)

/**
 * A Z report on paper, from the report exactly as the close wrote it: the shift, its sales figures
 * (which reconcile as the reports' summary does), takings by tender, then the drawer with the count
 * and its variance, and the cash put in or taken out. Printing one never opens the drawer.
 */
export function zReportReceipt(report: ZReportDto, store: ReceiptStore): ReceiptDocument {
  const { shift, summary, drawer, cashMoves } = report.figures
  const fact = (text: ReceiptLabel, value: ReceiptValue): ReceiptRow => ({ role: 'fact', label: text, value })
  const dateTime = (iso: string): ReceiptValue => ({ kind: 'dateTime', iso, text: formatReceiptDateTime(iso, store) })
  const payments: ReceiptRow[] = []
  for (const tender of summary.tenders) {
    payments.push({
      role: 'tender',
      label: tenderName({ method: tender.method, ...(tender.wallet !== null ? { wallet: tender.wallet } : {}) }),
      value: money(tender.netCents),
    })
    if (tender.outCents === 0) continue
    payments.push(
      { role: 'tenderDetail', label: label('receipt.tenderIn'), value: money(tender.inCents), indent: true },
      { role: 'tenderDetail', label: label('receipt.tenderOut'), value: less(tender.outCents), indent: true },
    )
  }
  const sections: ReceiptSection[] = [
    {
      title: label('receipt.drawer'),
      rows: [
        fact(label('receipt.openingFloat'), money(drawer.openingFloatCents)),
        fact(label('receipt.cashSales'), money(drawer.cashSalesCents)),
        fact(label('receipt.cashRefunds'), less(drawer.cashRefundsCents)),
        fact(label('receipt.payIns'), money(drawer.payInsCents)),
        fact(label('receipt.payOuts'), less(drawer.payOutsCents)),
        { role: 'total', label: label('receipt.expectedCash'), value: money(report.expectedCashCents) },
        fact(label('receipt.countedCash'), money(report.countedCashCents)),
        fact(label('receipt.variance'), money(report.varianceCents)),
        fact(label('receipt.noSales'), count(drawer.noSales)),
      ],
    },
  ]
  const moves = cashMoves.filter((move) => move.kind !== 'noSale')
  if (moves.length > 0) {
    sections.push({
      title: label('receipt.cashMoves'),
      rows: moves.map((move) => ({
        role: 'fact',
        label: label(move.kind === 'payIn' ? 'receipt.payIn' : 'receipt.payOut', { reason: move.reason }),
        value: move.kind === 'payOut' ? less(move.amountCents) : money(move.amountCents),
      })),
    })
  }
  return {
    kind: 'zReport',
    money: moneyOf(store),
    store: storeBlock(store),
    title: label('receipt.zReport', { number: String(report.number) }),
    facts: [
      { role: 'date', label: label('receipt.closedAt'), value: dateTime(report.closedAt) },
      fact(label('receipt.shift'), count(shift.number)),
      fact(label('receipt.openedAt'), dateTime(shift.openedAt)),
      fact(label('receipt.openedBy'), textValue(raw(shift.openedByName))),
      fact(label('receipt.closedBy'), textValue(raw(report.closedByName))),
    ],
    items: [],
    figures: [
      fact(label('receipt.gross'), money(summary.grossCents)),
      { role: 'discount', label: label('receipt.discount'), value: less(summary.discountCents) },
      fact(label('receipt.returns'), less(summary.returnsCents)),
      fact(label('receipt.netSales'), money(summary.netCents)),
      { role: 'tax', label: label('receipt.refundTax'), value: money(summary.taxCents) },
      { role: 'rounding', label: label('receipt.rounding'), value: money(summary.roundingCents) },
      fact(label('receipt.salesCount'), count(summary.invoices)),
      fact(label('receipt.returnsCount'), count(summary.returns)),
      fact(label('receipt.averageBasket'), money(summary.averageBasketCents)),
      fact(label('receipt.unitsSold'), count(summary.unitsSold)),
      fact(label('receipt.unitsReturned'), count(summary.unitsReturned)),
    ],
    notes: [],
    total: { role: 'total', label: label('receipt.takings'), value: money(summary.takingsCents) },
    payments,
    sections,
    footer: [],
    code: `Z-${report.number}`,
    opensDrawer: false,
  }
}

/** Turns the document's words and values into text, given how labels and amounts are written. */
export interface ReceiptWriter {
  text(text: ReceiptText): string
  value(value: ReceiptValue): string
}

export function receiptWriter(words: { label: (label: ReceiptLabel) => string; money: (cents: number) => string }): ReceiptWriter {
  const text = (value: ReceiptText) => ('raw' in value ? value.raw : words.label(value))
  return {
    text,
    value(value) {
      switch (value.kind) {
        case 'money':
          return value.reduction ? `−${words.money(value.cents)}` : words.money(value.cents)
        case 'text':
          return text(value.text)
        case 'dateTime':
          return value.text
      }
    },
  }
}

const PLACEHOLDER = /\{(\w+)\}/g

/**
 * A label in a receipt dictionary, its placeholders filled: text as it is, amounts through `money`.
 * A missing parameter stays visible as `{name}`, as on the screens.
 */
export function labelText(labels: Readonly<Record<ReceiptLabelKey, string>>, money: (cents: number) => string) {
  return ({ key, params = {} }: ReceiptLabel): string =>
    labels[key].replace(PLACEHOLDER, (whole, name: string) => {
      if (!Object.hasOwn(params, name)) return whole
      const value = params[name]
      if (value === undefined) return whole
      return typeof value === 'string' ? value : money(value.cents)
    })
}
