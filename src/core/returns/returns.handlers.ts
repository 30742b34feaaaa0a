import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { createReturn, getReturn, previewReturn, voidInvoice } from './returns.service'

export const returnsHandlers = {
  'returns:preview': async ({ invoiceId, lines }, ctx) => previewReturn(ctx, invoiceId, lines, ctx.settings),
  'returns:create': async ({ invoiceId, lines, reason, idempotencyKey }, ctx) =>
    createReturn(ctx, { invoiceId, lines, reason, idempotencyKey }, { user: signedIn(ctx), settings: ctx.settings }),
  'returns:get': async ({ id }, ctx) => getReturn(ctx, id),
  'invoices:void': async ({ invoiceId, reason, idempotencyKey }, ctx) =>
    voidInvoice(ctx, { invoiceId, reason, idempotencyKey }, { user: signedIn(ctx), settings: ctx.settings }),
} satisfies FeatureHandlers<'returns:preview' | 'returns:create' | 'returns:get' | 'invoices:void'>
