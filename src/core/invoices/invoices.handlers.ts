import type { FeatureHandlers } from '#core/common/handler'
import { getInvoice, listInvoices } from './invoices.service'

export const invoicesHandlers = {
  'invoices:get': async (input, ctx) => getInvoice(ctx, input),
  'invoices:list': async ({ from, to, query, limit, offset }, ctx) =>
    listInvoices(ctx, { from, to, query, limit: limit ?? 50, offset: offset ?? 0 }),
} satisfies FeatureHandlers<'invoices:get' | 'invoices:list'>
