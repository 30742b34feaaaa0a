import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { historyViewerOf, listInvoiceHistory } from './invoice-history.service'
import { getInvoice } from './invoices.service'

export const invoicesHandlers = {
  'invoices:get': async (input, ctx) => getInvoice(ctx, input),
  'invoices:list': async ({ limit, offset, ...filters }, ctx) =>
    listInvoiceHistory(ctx, historyViewerOf(signedIn(ctx)), filters, { limit: limit ?? 50, offset: offset ?? 0 }, ctx.settings.timeZone),
} satisfies FeatureHandlers<'invoices:get' | 'invoices:list'>
