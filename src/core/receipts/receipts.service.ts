import { DEFAULT_RECEIPT_COLUMNS, type ReceiptColumns } from '#shared/contract/receipts'
import { returnReceipt, saleReceipt, zReportReceipt, type ReceiptDocument } from '#shared/receipts/receipt-model'
import type { DbContext, StoreSettings } from '#core/common/context'
import { getInvoice } from '#core/invoices/invoices.service'
import { getReturn } from '#core/returns/returns.service'
import { getZReport } from '#core/shifts/shifts.service'
import { receiptEscPos, type EscPosOptions } from './receipt-escpos'
import { receiptPlainText } from './receipt-layout'

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
  ctx: DbContext & { settings: StoreSettings },
  { invoiceId, returnId, zReportId, format, columns = DEFAULT_RECEIPT_COLUMNS }: RenderRequest,
): Promise<{ bytesBase64: string } | { text: string }> {
  const document =
    zReportId !== undefined
      ? zReportReceipt(await getZReport(ctx, zReportId), ctx.settings)
      : returnId !== undefined
        ? returnReceipt(await getReturn(ctx, returnId), ctx.settings)
        : saleReceipt(await getInvoice(ctx, { id: invoiceId! }), ctx.settings)
  if (format === 'text') return { text: receiptPlainText(document, { columns }) }
  return { bytesBase64: Buffer.from(receiptEscPos(document, { columns })).toString('base64') }
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
  },
): Promise<PrinterReceipt> {
  let made: { of: PrinterReceipt['of']; number: number; at: string; document: ReceiptDocument }
  if ('zReportId' in source) {
    const found = await getZReport(ctx, source.zReportId)
    made = { of: 'zReport', number: found.number, at: found.closedAt, document: zReportReceipt(found, ctx.settings) }
  } else if ('returnId' in source) {
    const found = await getReturn(ctx, source.returnId)
    made = { of: 'return', number: found.number, at: found.returnedAt, document: returnReceipt(found, ctx.settings) }
  } else {
    const found = await getInvoice(ctx, { id: source.invoiceId })
    made = { of: 'sale', number: found.number, at: found.paidAt, document: saleReceipt(found, ctx.settings) }
  }
  const { document } = made
  const { columns, codepage, code } = options
  const openDrawer = document.opensDrawer && options.opensDrawer(made)
  return {
    of: made.of,
    number: made.number,
    at: made.at,
    movedCash: document.opensDrawer,
    bytes: receiptEscPos(document, { columns, codepage, code, openDrawer }),
    text: receiptPlainText(document, { columns: options.columns }),
  }
}
