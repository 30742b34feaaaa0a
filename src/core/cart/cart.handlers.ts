import type { RequestContext } from '#core/common/context'
import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import {
  addToCart,
  applyPromo,
  clearCart,
  getCart,
  removeFromCart,
  removePromo,
  setCartQuantity,
  setLineDiscount,
  setOrderDiscount,
  type CartEnv,
} from './cart.service'

const envOf = (ctx: RequestContext): CartEnv => ({ userId: signedIn(ctx).id, pricing: ctx.settings, now: ctx.now() })

export const cartHandlers = {
  'cart:get': async (_input, ctx) => getCart(ctx, envOf(ctx)),
  'cart:add': async ({ productId, quantity }, ctx) => addToCart(ctx, envOf(ctx), productId, quantity),
  'cart:setQuantity': async ({ productId, quantity }, ctx) => setCartQuantity(ctx, envOf(ctx), productId, quantity),
  'cart:remove': async ({ productId }, ctx) => removeFromCart(ctx, envOf(ctx), productId),
  'cart:clear': async (_input, ctx) => clearCart(ctx, signedIn(ctx), ctx.settings),
  'cart:setLineDiscount': async ({ productId, discount, reason }, ctx) => setLineDiscount(ctx, productId, { discount, reason }),
  'cart:setOrderDiscount': async ({ discount, reason }, ctx) => setOrderDiscount(ctx, { discount, reason }),
  'cart:applyPromo': async ({ code }, ctx) => applyPromo(ctx, code),
  'cart:removePromo': async (_input, ctx) => removePromo(ctx),
} satisfies FeatureHandlers<
  | 'cart:get'
  | 'cart:add'
  | 'cart:setQuantity'
  | 'cart:remove'
  | 'cart:clear'
  | 'cart:setLineDiscount'
  | 'cart:setOrderDiscount'
  | 'cart:applyPromo'
  | 'cart:removePromo'
>
