import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { createTax, listTaxes, updateTax } from './taxes.service'

export const taxesHandlers = {
  'taxes:list': async (_input, ctx) => ({ items: await listTaxes(ctx) }),
  'taxes:create': async ({ approvalId: _approval, ...fields }, ctx) => createTax(ctx, signedIn(ctx), fields),
  'taxes:update': async ({ id, approvalId: _approval, ...patch }, ctx) => updateTax(ctx, signedIn(ctx), id, patch),
} satisfies FeatureHandlers<'taxes:list' | 'taxes:create' | 'taxes:update'>
