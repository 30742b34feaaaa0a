import { z } from 'zod'
import { channel } from '../ipc/channel'
import { id, isoDate, isoDateTime, nonNegativeCents, text } from './common'

export const paymentMethod = z.enum(['token', 'cash'])
export type PaymentMethod = z.infer<typeof paymentMethod>

export const invoiceLineDto = z.strictObject({
  productId: id,
  sku: z.string(),
  name: z.string(),
  unitPriceCents: nonNegativeCents,
  quantity: z.int().min(1),
  subAmountCents: nonNegativeCents,
})
export type InvoiceLineDto = z.infer<typeof invoiceLineDto>

export const invoiceDto = z.strictObject({
  id,
  number: id,
  cashier: z.string(),
  paymentMethod,
  tokenLast4: z.string().optional(),
  paidAt: isoDateTime,
  totalCents: nonNegativeCents,
  tenderedCents: nonNegativeCents.optional(),
  changeCents: nonNegativeCents.optional(),
  tokenBalanceAfterCents: nonNegativeCents.optional(),
  lines: z.array(invoiceLineDto),
})
export type InvoiceDto = z.infer<typeof invoiceDto>

export const invoiceSummaryDto = z.strictObject({
  id,
  number: id,
  cashier: z.string(),
  paymentMethod,
  paidAt: isoDateTime,
  totalCents: nonNegativeCents,
  itemCount: z.int().min(0),
})
export type InvoiceSummaryDto = z.infer<typeof invoiceSummaryDto>

export const invoicesContract = {
  'invoices:get': channel('signedIn', z.union([z.strictObject({ id }), z.strictObject({ number: id })]), invoiceDto),
  'invoices:list': channel(
    'signedIn',
    z.strictObject({
      from: isoDate.optional(),
      to: isoDate.optional(),
      query: text(100).optional(),
      limit: z.int().min(1).max(200).optional(),
      offset: z.int().min(0).max(10_000_000).optional(),
    }),
    z.strictObject({ items: z.array(invoiceSummaryDto), total: z.int().min(0) }),
  ),
}
