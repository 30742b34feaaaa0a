import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { adjustStock, listLowStock, listMovements } from './stock.service'

export const stockHandlers = {
  'stock:adjust': async ({ approvalId: _approval, ...adjustment }, ctx) => adjustStock(ctx, signedIn(ctx), adjustment, ctx.settings),
  'stock:movements': async ({ productId, from, to, limit, offset }, ctx) =>
    listMovements(ctx, { productId, from, to, limit: limit ?? 100, offset: offset ?? 0 }, ctx.settings.timeZone),
  'stock:low': async ({ limit, offset }, ctx) => listLowStock(ctx, { limit: limit ?? 100, offset: offset ?? 0 }, ctx.settings),
} satisfies FeatureHandlers<'stock:adjust' | 'stock:movements' | 'stock:low'>
