import type { RequestContext } from '#core/common/context'
import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { discardParked, listParked, parkCart, recallParked, type ParkEnv } from './parked.service'

const envOf = (ctx: RequestContext): ParkEnv => ({ user: signedIn(ctx), pricing: ctx.settings })

export const parkedHandlers = {
  'cart:park': async ({ label }, ctx) => parkCart(ctx, envOf(ctx), label),
  'cart:parked': async (page, ctx) => listParked(ctx, page),
  'cart:recall': async ({ parkedId }, ctx) => recallParked(ctx, envOf(ctx), parkedId),
  'cart:discardParked': async ({ parkedId }, ctx) => discardParked(ctx, signedIn(ctx), parkedId),
} satisfies FeatureHandlers<'cart:park' | 'cart:parked' | 'cart:recall' | 'cart:discardParked'>
