import { z } from 'zod'
import { channel } from '../ipc/channel'
import { cents, id, isoDate, isoDateTime, nonNegativeCents, saleTaxDto, text } from './common'

export const TENDER_METHODS = ['token', 'cash', 'card', 'wallet'] as const
export const tenderMethod = z.enum(TENDER_METHODS)
export type TenderMethod = z.infer<typeof tenderMethod>

/** How an invoice was paid: its one tender's method, or `split` when it had several. */
export const paymentMethod = z.enum([...TENDER_METHODS, 'split'])
export type PaymentMethod = z.infer<typeof paymentMethod>

/** One tender of a sale, as stored with the invoice (in the order the cashier gave them). */
export const invoiceTenderDto = z.strictObject({
  method: tenderMethod,
  /** What it paid of the sale: for cash, what stayed in the drawer (tendered − change, the rounding included). */
  amountCents: nonNegativeCents,
  /** A token's last four characters (never its whole code) and its balance after the sale. */
  tokenLast4: z.string().optional(),
  tokenBalanceAfterCents: nonNegativeCents.optional(),
  /** The wallet's name, as the store's settings spell it. */
  wallet: z.string().optional(),
  /** A card's or wallet's reference from its own terminal or app. */
  reference: z.string().optional(),
  /** Cash: what the customer handed over, and what went back. */
  tenderedCents: nonNegativeCents.optional(),
  changeCents: nonNegativeCents.optional(),
})
export type InvoiceTenderDto = z.infer<typeof invoiceTenderDto>

export const invoiceLineDto = z.strictObject({
  /** The line's own id: a return names the lines it takes back by it. */
  id,
  productId: id,
  sku: z.string(),
  name: z.string(),
  unitPriceCents: nonNegativeCents,
  quantity: z.int().min(1),
  /** Unit price × quantity, as on the shelf. */
  subAmountCents: nonNegativeCents,
  discountCents: nonNegativeCents,
  /** Excluding tax. */
  netCents: nonNegativeCents,
  taxCents: nonNegativeCents,
  /** What the customer paid for the line. */
  totalCents: nonNegativeCents,
  /** How many of `quantity` have been taken back by returns (and voids) so far. */
  returnedQuantity: z.int().min(0),
})
export type InvoiceLineDto = z.infer<typeof invoiceLineDto>

/** A return (or void) of the sale, as the invoice lists it; the return itself is `returns:get`. */
export const invoiceReturnDto = z.strictObject({
  id,
  /** Returns are numbered per till, apart from invoices. */
  number: id,
  kind: z.enum(['return', 'void']),
  returnedAt: isoDateTime,
  cashier: z.string(),
  reason: z.string(),
  /** What went back to the customer, every tender together (cash as paid out, rounded). */
  refundCents: nonNegativeCents,
})
export type InvoiceReturnDto = z.infer<typeof invoiceReturnDto>

export const invoiceDto = z.strictObject({
  id,
  number: id,
  cashier: z.string(),
  paymentMethod,
  tokenLast4: z.string().optional(),
  paidAt: isoDateTime,
  /** Σ line net (excluding tax), Σ discounts, Σ taxes: total = subtotal + tax. */
  subtotalCents: nonNegativeCents,
  discountCents: nonNegativeCents,
  taxCents: nonNegativeCents,
  totalCents: nonNegativeCents,
  /** Each tax charged, as it was at the sale. */
  taxes: z.array(saleTaxDto),
  tenderedCents: nonNegativeCents.optional(),
  changeCents: nonNegativeCents.optional(),
  tokenBalanceAfterCents: nonNegativeCents.optional(),
  /** The cash part's rounding (rounded cash due − exact cash part): the tenders paid total + rounding. */
  roundingCents: cents,
  tenders: z.array(invoiceTenderDto),
  /** The promo code the sale used, as it was named then, and what it took off (part of `discountCents`). */
  promo: z.strictObject({ code: z.string(), name: z.string(), discountCents: nonNegativeCents }).optional(),
  lines: z.array(invoiceLineDto),
  /** Every return and void of this sale, oldest first (none at the sale itself). */
  returns: z.array(invoiceReturnDto),
})
export type InvoiceDto = z.infer<typeof invoiceDto>

export const invoiceSummaryDto = z.strictObject({
  id,
  number: id,
  cashier: z.string(),
  /** The user who sold it (the history's cashier filter names them by it). */
  cashierId: id,
  paymentMethod,
  /** Each tender's method once, in the order they were given (several for a split sale). */
  tenderMethods: z.array(tenderMethod),
  paidAt: isoDateTime,
  /** Every discount of the sale together (lines, the sale's own, the promo). */
  discountCents: nonNegativeCents,
  totalCents: nonNegativeCents,
  itemCount: z.int().min(0),
})
export type InvoiceSummaryDto = z.infer<typeof invoiceSummaryDto>

export const invoicesContract = {
  'invoices:get': channel('signedIn', z.union([z.strictObject({ id }), z.strictObject({ number: id })]), invoiceDto),
  /**
   * Newest first, paged. `from`/`to` are store-local days, both whole; `query` is an invoice number
   * (or part of a cashier's name); `method` matches every sale with a tender of that method (`split`:
   * sales of several tenders); `productId` every sale with a line of it. A user without `reports.view`
   * sees only their own sales: naming another cashier is FORBIDDEN.
   */
  'invoices:list': channel(
    'signedIn',
    z.strictObject({
      from: isoDate.optional(),
      to: isoDate.optional(),
      query: text(100).optional(),
      cashierId: id.optional(),
      method: paymentMethod.optional(),
      productId: id.optional(),
      limit: z.int().min(1).max(200).optional(),
      offset: z.int().min(0).max(10_000_000).optional(),
    }),
    z.strictObject({ items: z.array(invoiceSummaryDto), total: z.int().min(0) }),
  ),
}
