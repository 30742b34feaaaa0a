import { z } from 'zod'
import { channel } from '../ipc/channel'
import { id, isoDateTime, nonNegativeCents, protectedInput, text } from './common'
import { tenderMethod } from './invoices'

/** One line to take back: how many of it, and whether they go back on the shelf. */
export const returnLineInput = z.strictObject({
  invoiceLineId: id,
  quantity: z.int().min(1).max(1_000_000),
  restock: z.boolean(),
})
export type ReturnLineInput = z.infer<typeof returnLineInput>

/** A line named twice would be counted twice: each line once. */
const returnLines = z
  .array(returnLineInput)
  .min(1)
  .max(500)
  .refine((lines) => new Set(lines.map((line) => line.invoiceLineId)).size === lines.length, 'name each line once')

/** Why the goods came back: shown on the return receipt and in the audit trail. */
const reason = text(200).min(1)

/** One refund: which of the sale's tenders it goes back to, and how much. */
export const refundDto = z.strictObject({
  method: tenderMethod,
  amountCents: nonNegativeCents,
  /** A token's last four characters and its balance once re-credited. */
  tokenLast4: z.string().optional(),
  tokenBalanceAfterCents: nonNegativeCents.optional(),
  /** The wallet, and the sale's card or wallet reference (the refund itself is made on that terminal or app). */
  wallet: z.string().optional(),
  reference: z.string().optional(),
})
export type RefundDto = z.infer<typeof refundDto>

export const returnLineDto = z.strictObject({
  invoiceLineId: id,
  productId: id,
  sku: z.string(),
  name: z.string(),
  quantity: z.int().min(1),
  /** What the customer paid for these units: the line's own total prorated (discounts and promo in it), tax included. */
  refundCents: nonNegativeCents,
  /** The tax inside `refundCents`. */
  taxCents: nonNegativeCents,
  restock: z.boolean(),
})
export type ReturnLineDto = z.infer<typeof returnLineDto>

/** What a return gives back, before (preview) or after it is made. */
export const returnFiguresDto = z.strictObject({
  invoiceId: id,
  invoiceNumber: id,
  lines: z.array(returnLineDto),
  /** Σ line refunds: the goods' value, before cash rounding. */
  goodsCents: nonNegativeCents,
  taxCents: nonNegativeCents,
  /** The cash part's rounding (cash paid out − its exact share): refunds sum to goods + rounding. */
  roundingCents: z.int(),
  /** Σ refunds: what the customer gets back. */
  refundCents: nonNegativeCents,
  /** Token first, then card and wallet, then cash: never more to a tender than it paid less earlier refunds. */
  refunds: z.array(refundDto),
})
export type ReturnFiguresDto = z.infer<typeof returnFiguresDto>

export const returnDto = returnFiguresDto.extend({
  id,
  /** Numbered per till, apart from invoices. */
  number: id,
  kind: z.enum(['return', 'void']),
  returnedAt: isoDateTime,
  cashier: z.string(),
  /** The manager whose approval allowed it, when the cashier could not by themselves. */
  approvedBy: z.string().optional(),
  reason: z.string(),
})
export type ReturnDto = z.infer<typeof returnDto>

export const returnsContract = {
  /**
   * What a return of these lines would give back, changing nothing. Any signed-in user may ask (a
   * cashier shows the customer before fetching a manager, whose approval is single-use).
   */
  'returns:preview': channel('signedIn', z.strictObject({ invoiceId: id, lines: returnLines }), returnFiguresDto),
  /** Takes the lines back: refunds to the sale's own tenders, restocks, numbers the return; one transaction. */
  'returns:create': channel(
    'sale.return',
    protectedInput({ invoiceId: id, lines: returnLines, reason, idempotencyKey: z.uuid() }),
    returnDto,
  ),
  /** A return, for its receipt (a reprint). */
  'returns:get': channel('signedIn', z.strictObject({ id }), returnDto),
  /** A full return of whatever is left of a sale from the current business day, everything restocked. */
  'invoices:void': channel('sale.void', protectedInput({ invoiceId: id, reason, idempotencyKey: z.uuid() }), returnDto),
}
