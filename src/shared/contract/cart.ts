import { z } from 'zod'
import { channel } from '../ipc/channel'
import { empty, id, nonNegativeCents } from './common'

/** The most units one cart line may hold. */
export const MAX_LINE_QUANTITY = 99_999

export const cartLineDto = z.strictObject({
  productId: id,
  sku: z.string(),
  name: z.string(),
  unitPriceCents: nonNegativeCents,
  quantity: z.int().min(1),
  lineTotalCents: nonNegativeCents,
  /** Recorded stock, so the screen can warn when the cart holds more than the shelf count. */
  stock: z.int(),
  /** The product's first image, for a thumbnail (`images/<file>`). */
  imageFile: z.string().nullable(),
})
export type CartLineDto = z.infer<typeof cartLineDto>

export const cartDto = z.strictObject({
  lines: z.array(cartLineDto),
  itemCount: z.int().min(0),
  totalCents: nonNegativeCents,
})
export type CartDto = z.infer<typeof cartDto>

const quantity = (min: number) => z.int().min(min).max(MAX_LINE_QUANTITY)

export const cartContract = {
  'cart:get': channel('signedIn', empty, cartDto),
  'cart:add': channel('signedIn', z.strictObject({ productId: id, quantity: quantity(1) }), cartDto),
  'cart:setQuantity': channel('signedIn', z.strictObject({ productId: id, quantity: quantity(0) }), cartDto),
  'cart:remove': channel('signedIn', z.strictObject({ productId: id }), cartDto),
  'cart:clear': channel('signedIn', empty, cartDto),
}
