import { z } from 'zod'
import { channel } from '../ipc/channel'
import { nonNegativeCents, text } from './common'
import { invoiceDto, paymentMethod } from './invoices'

/** A token as typed or scanned: case-insensitive, spaces around it ignored. */
const tokenText = text(64).min(1)

export const paymentInput = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('token'), token: tokenText }),
  z.strictObject({ method: z.literal('cash'), tenderedCents: nonNegativeCents }),
])
export type PaymentInput = z.infer<typeof paymentInput>

/** What a sale took: the figures only; the screen says it in words. */
export const checkoutResultDto = z.strictObject({
  invoice: invoiceDto,
  method: paymentMethod,
  amountCents: nonNegativeCents,
  changeCents: nonNegativeCents.optional(),
  tokenBalanceCents: nonNegativeCents.optional(),
})
export type CheckoutResultDto = z.infer<typeof checkoutResultDto>

export const checkoutContract = {
  'checkout:pay': channel(
    'signedIn',
    z.strictObject({ idempotencyKey: z.uuid(), expectedTotalCents: nonNegativeCents, payment: paymentInput }),
    checkoutResultDto,
  ),
}
