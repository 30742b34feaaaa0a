import { languageOfLocale } from '#shared/contract/common'
import { DEFAULT_RECEIPT_COLUMNS, type ReceiptColumns } from '#shared/contract/receipts'
import { receiptLabelsNe } from '#shared/receipts/receipt-labels.ne'
import { returnReceipt, saleReceipt, zReportReceipt, type ReceiptDocument, type ReceiptStore } from '#shared/receipts/receipt-model'
import type { DbContext, NepaliDrawingLoader, StoreSettings } from '#core/common/context'
import { getInvoice } from '#core/invoices/invoices.service'
import { getReturn } from '#core/returns/returns.service'
import { getZReport } from '#core/shifts/shifts.service'
import { receiptEscPos, type EscPosOptions } from './receipt-escpos'
import { receiptPlainText, type LayoutOptions } from './receipt-layout'

/** The canvas could not load on this machine (its native binary missing or broken): Nepali cannot go on paper. */
export class NepaliDrawingUnavailable extends Error {
  constructor(cause: unknown) {
    super('The canvas that draws Nepali receipt lines could not load', { cause })
    this.name = 'NepaliDrawingUnavailable'
  }
}

/**
 * The store's language on paper: Nepali words, dates and amounts for a Nepali store, with the
 * lines no code page holds drawn in the bundled font (`drawing`: null for plain text, which needs
 * no pictures); English otherwise.
 */
async function paperLanguage(settings: StoreSettings, columns: ReceiptColumns, drawing: NepaliDrawingLoader | null) {
  const language = languageOfLocale(settings.locale)
  const store: ReceiptStore = { ...settings, language }
  if (language !== 'ne') return { store, layout: {} satisfies Partial<LayoutOptions>, textImage: undefined }
  let textImage: EscPosOptions['textImage']
  if (drawing) {
    try {
      textImage = (await drawing()).devanagariLineDrawer(columns)
    } catch (error) {
      throw new NepaliDrawingUnavailable(error)
    }
  }
  return { store, layout: { labels: receiptLabelsNe, language } satisfies Partial<LayoutOptions>, textImage }
}

export interface RenderRequest {
  invoiceId?: number | undefined
  returnId?: number | undefined
  zReportId?: number | undefined
  format: 'escpos' | 'text'
  columns?: ReceiptColumns | undefined
}

/**
 * A sale's, a return's or a Z report's receipt as ESC/POS bytes or plain text, from the record as
 * stored and the store's current details. Reads only: printing is main's, outside any transaction.
 */
export async function renderReceipt(
  ctx: DbContext & { settings: StoreSettings; printing: { nepaliDrawing: NepaliDrawingLoader } },
  { invoiceId, returnId, zReportId, format, columns = DEFAULT_RECEIPT_COLUMNS }: RenderRequest,
): Promise<{ bytesBase64: string } | { text: string }> {
  const paper = await paperLanguage(ctx.settings, columns, format === 'escpos' ? ctx.printing.nepaliDrawing : null)
  const document =
    zReportId !== undefined
      ? zReportReceipt(await getZReport(ctx, zReportId), paper.store)
      : returnId !== undefined
        ? returnReceipt(await getReturn(ctx, returnId), paper.store)
        : saleReceipt(await getInvoice(ctx, { id: invoiceId! }), paper.store)
  if (format === 'text') return { text: receiptPlainText(document, { columns, ...paper.layout }) }
  const textImage = paper.textImage ? { textImage: paper.textImage } : {}
  return { bytesBase64: Buffer.from(receiptEscPos(document, { columns, ...paper.layout, ...textImage })).toString('base64') }
}

/** A receipt as a printer gets it: the bytes, the same lines as text, and what it is of. */
export interface PrinterReceipt {
  readonly of: 'sale' | 'return' | 'zReport'
  readonly number: number
  /** When the sale was paid, the return made or the shift closed (ISO). */
  readonly at: string
  /** Cash went in or out with it. */
  readonly movedCash: boolean
  readonly bytes: Uint8Array
  readonly text: string
}

/**
 * A sale's, a return's or a Z report's receipt for the store's printer, in its columns, code page and code. The
 * drawer pulses only for a receipt that moved cash and that `opensDrawer` allows (a reprint never).
 * Reads only.
 */
export async function receiptForPrinter(
  ctx: DbContext & { settings: StoreSettings },
  source: { invoiceId: number } | { returnId: number } | { zReportId: number },
  options: Required<Pick<EscPosOptions, 'columns' | 'codepage' | 'code'>> & {
    opensDrawer: (receipt: Pick<PrinterReceipt, 'of' | 'number' | 'at'>) => boolean
    /** Loads the canvas for a Nepali store; its failure is NepaliDrawingUnavailable, before anything is read. */
    nepaliDrawing: NepaliDrawingLoader
  },
): Promise<PrinterReceipt> {
  const paper = await paperLanguage(ctx.settings, options.columns, options.nepaliDrawing)
  let made: { of: PrinterReceipt['of']; number: number; at: string; document: ReceiptDocument }
  if ('zReportId' in source) {
    const found = await getZReport(ctx, source.zReportId)
    made = { of: 'zReport', number: found.number, at: found.closedAt, document: zReportReceipt(found, paper.store) }
  } else if ('returnId' in source) {
    const found = await getReturn(ctx, source.returnId)
    made = { of: 'return', number: found.number, at: found.returnedAt, document: returnReceipt(found, paper.store) }
  } else {
    const found = await getInvoice(ctx, { id: source.invoiceId })
    made = { of: 'sale', number: found.number, at: found.paidAt, document: saleReceipt(found, paper.store) }
  }
  const { document } = made
  const { columns, codepage, code } = options
  const openDrawer = document.opensDrawer && options.opensDrawer(made)
  return {
    of: made.of,
    number: made.number,
    at: made.at,
    movedCash: document.opensDrawer,
    bytes: receiptEscPos(document, {
      columns,
      codepage,
      code,
      openDrawer,
      ...paper.layout,
      ...(paper.textImage ? { textImage: paper.textImage } : {}),
    }),
    text: receiptPlainText(document, { columns: options.columns, ...paper.layout }),
  }
}
