import { z } from 'zod'
import { channel } from '../ipc/channel'
import { id } from './common'

/** Characters per line: 58 mm paper has 32, 80 mm paper 42 or 48 (by the printer's dots per line). */
export const RECEIPT_COLUMNS = [32, 42, 48] as const
export type ReceiptColumns = (typeof RECEIPT_COLUMNS)[number]

/** Without `columns`: 42, which fits every 80 mm printer (512 or 576 dots a line). */
export const DEFAULT_RECEIPT_COLUMNS: ReceiptColumns = 42

export const receiptsContract = {
  /**
   * A sale's receipt (`invoiceId`) or a return's (`returnId`: exactly one of the two), laid out for a
   * printer of `columns`: `escpos` answers the bytes to send it (base64), opening the cash drawer when
   * cash went in or out; `text` the same lines as plain text (print to file, a preview). Printing
   * itself is main's.
   */
  'receipts:render': channel(
    'signedIn',
    z
      .strictObject({
        invoiceId: id.optional(),
        returnId: id.optional(),
        /** A Z report, by its id (`shift:get` answers it). */
        zReportId: id.optional(),
        format: z.enum(['escpos', 'text']),
        columns: z.literal(RECEIPT_COLUMNS).optional(),
      })
      .refine(
        (input) => [input.invoiceId, input.returnId, input.zReportId].filter((value) => value !== undefined).length === 1,
        'give one of invoiceId, returnId or zReportId',
      ),
    z.union([z.strictObject({ bytesBase64: z.base64() }), z.strictObject({ text: z.string() })]),
  ),
}
