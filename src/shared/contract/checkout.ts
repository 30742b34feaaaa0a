import { z } from 'zod'
import { channel } from '../ipc/channel'
import { cents, nonNegativeCents, text } from './common'
import { invoiceDto, invoiceTenderDto, paymentMethod } from './invoices'

/** A token as typed or scanned: case-insensitive, spaces around it ignored. */
const tokenText = text(64).min(1)
const positiveCents = z.int().min(1).max(Number.MAX_SAFE_INTEGER)
/** A card terminal's or a wallet app's reference for the payment, as the cashier copies it. */
const reference = text(40).min(1)

/** The one tender of a sale, as every till sent it before split tenders: a token pays the whole sale. */
export const paymentInput = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('token'), token: tokenText }),
  z.strictObject({ method: z.literal('cash'), tenderedCents: nonNegativeCents }),
])
export type PaymentInput = z.infer<typeof paymentInput>

/**
 * One tender of a split payment (DESIGN §3.3). A token without `amountCents` pays as much of what is
 * left as its balance allows; a card or a wallet pays exactly its amount; cash is what the customer
 * handed over. The wallet must be one the store takes (settings `wallets`).
 */
export const tenderInput = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('token'), token: tokenText, amountCents: positiveCents.optional() }),
  z.strictObject({ method: z.literal('cash'), tenderedCents: nonNegativeCents }),
  z.strictObject({ method: z.literal('card'), amountCents: positiveCents, reference }),
  z.strictObject({ method: z.literal('wallet'), wallet: text(30).min(1), amountCents: positiveCents, reference }),
])
export type TenderInput = z.infer<typeof tenderInput>

export const MAX_TENDERS = 5

const tokenKey = (token: string) => token.trim().toLowerCase()

/** 1–5 tenders; cash at most once (it is all the customer hands over), each token at most once. */
export const tendersInput = z
  .array(tenderInput)
  .min(1)
  .max(MAX_TENDERS)
  .superRefine((tenders, ctx) => {
    const cashAt = tenders.flatMap((tender, index) => (tender.method === 'cash' ? [index] : []))
    if (cashAt.length > 1) ctx.addIssue({ code: 'custom', path: [cashAt[1]!], message: 'cash is one tender' })
    const seen = new Set<string>()
    tenders.forEach((tender, index) => {
      if (tender.method !== 'token') return
      const key = tokenKey(tender.token)
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'token'], message: 'the same token twice' })
      seen.add(key)
    })
  })

/** The input of `checkout:pay`: exactly one of `payment` (one tender) and `payments` (split). */
export const checkoutInput = z
  .strictObject({
    idempotencyKey: z.uuid(),
    /** The total the screen showed: the pricing total, before any cash rounding. */
    expectedTotalCents: nonNegativeCents,
    payment: paymentInput.optional(),
    payments: tendersInput.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.payment === undefined && input.payments === undefined) {
      ctx.addIssue({ code: 'custom', path: ['payments'], message: 'give payment or payments' })
    } else if (input.payment !== undefined && input.payments !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['payments'], message: 'give payment or payments, not both' })
    }
  })
export type CheckoutInput = z.infer<typeof checkoutInput>

/**
 * What a sale took: the figures only; the screen says it in words. `method`, `amountCents`,
 * `changeCents` and `tokenBalanceCents` describe a one-tender sale as before (`method` is `split`
 * for several; `amountCents` is then what all of them paid, `tokenBalanceCents` the balance of a
 * sale's only token); `tenders` lists each tender, `roundingCents` the cash part's rounding.
 */
export const checkoutResultDto = z.strictObject({
  invoice: invoiceDto,
  method: paymentMethod,
  amountCents: nonNegativeCents,
  changeCents: nonNegativeCents.optional(),
  tokenBalanceCents: nonNegativeCents.optional(),
  tenders: z.array(invoiceTenderDto),
  roundingCents: cents,
})
export type CheckoutResultDto = z.infer<typeof checkoutResultDto>

export const checkoutContract = {
  'checkout:pay': channel('signedIn', checkoutInput, checkoutResultDto),
}
