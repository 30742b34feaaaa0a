import { DEFAULT_RECEIPT_COLUMNS, type ReceiptColumns } from '#shared/contract/receipts'
import { returnReceipt, saleReceipt } from '#shared/receipts/receipt-model'
import type { DbContext, StoreSettings } from '#core/common/context'
import { getInvoice } from '#core/invoices/invoices.service'
import { getReturn } from '#core/returns/returns.service'
import { receiptEscPos } from './receipt-escpos'
import { receiptPlainText } from './receipt-layout'

export interface RenderRequest {
  invoiceId?: number | undefined
  returnId?: number | undefined
  format: 'escpos' | 'text'
  columns?: ReceiptColumns | undefined
}

/**
 * A sale's receipt as ESC/POS bytes or plain text, from the invoice as stored and the store's
 * current details. Reads only: printing is main's, outside any transaction.
 */
export async function renderReceipt(
  ctx: DbContext & { settings: StoreSettings },
  { invoiceId, returnId, format, columns = DEFAULT_RECEIPT_COLUMNS }: RenderRequest,
): Promise<{ bytesBase64: string } | { text: string }> {
  const document =
    returnId !== undefined
      ? returnReceipt(await getReturn(ctx, returnId), ctx.settings)
      : saleReceipt(await getInvoice(ctx, { id: invoiceId! }), ctx.settings)
  if (format === 'text') return { text: receiptPlainText(document, { columns }) }
  return { bytesBase64: Buffer.from(receiptEscPos(document, { columns })).toString('base64') }
}
