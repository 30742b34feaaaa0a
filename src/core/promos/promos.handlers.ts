import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { createPromo, listPromos, updatePromo } from './promos.service'

export const promosHandlers = {
  'promos:list': async ({ status, query }, ctx) => listPromos(ctx, { status, query }),
  'promos:create': async ({ approvalId: _approvalId, ...fields }, ctx) => createPromo(ctx, signedIn(ctx), fields),
  'promos:update': async ({ approvalId: _approvalId, id, ...patch }, ctx) => updatePromo(ctx, signedIn(ctx), id, patch),
} satisfies FeatureHandlers<'promos:list' | 'promos:create' | 'promos:update'>
