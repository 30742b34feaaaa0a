import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { addToCart, clearCart, getCart, removeFromCart, setCartQuantity } from './cart.service'

export const cartHandlers = {
  'cart:get': async (_input, ctx) => getCart(ctx, signedIn(ctx).id),
  'cart:add': async ({ productId, quantity }, ctx) => addToCart(ctx, signedIn(ctx).id, productId, quantity),
  'cart:setQuantity': async ({ productId, quantity }, ctx) => setCartQuantity(ctx, signedIn(ctx).id, productId, quantity),
  'cart:remove': async ({ productId }, ctx) => removeFromCart(ctx, signedIn(ctx).id, productId),
  'cart:clear': async (_input, ctx) => clearCart(ctx, signedIn(ctx)),
} satisfies FeatureHandlers<'cart:get' | 'cart:add' | 'cart:setQuantity' | 'cart:remove' | 'cart:clear'>
