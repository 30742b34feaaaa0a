import { z } from 'zod'
import { channel } from '../ipc/channel'
import type { ErrorParamsByCode } from '../ipc/errors'
import { empty, id, nonNegativeCents, protectedInput, saleTaxDto, text } from './common'

/** The most units one cart line may hold. */
export const MAX_LINE_QUANTITY = 99_999

/** A discount as a cashier gives it: a percent (10% = 1000 bps) or an amount, each above zero. */
export const discountInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), bps: z.int().min(1).max(10_000) }),
  z.strictObject({ kind: z.literal('amount'), cents: z.int().min(1).max(Number.MAX_SAFE_INTEGER) }),
])
export type DiscountInput = z.infer<typeof discountInput>

/** A discount the cart holds, with its reason and who approved it when it was over the store's limit. */
export const cartDiscountDto = z.strictObject({
  discount: discountInput,
  reason: z.string().nullable(),
  approvedBy: z.string().nullable(),
})
export type CartDiscountDto = z.infer<typeof cartDiscountDto>

/** Why a promo code cannot be used (PROMO_INVALID `reason`, and a promo in the cart that stopped qualifying). */
export const promoProblem = z.enum(['unknown', 'inactive', 'notYetValid', 'expired', 'usedUp', 'minSpend', 'nothingQualifies'])
export type PromoProblem = z.infer<typeof promoProblem>
// The same reasons as PROMO_INVALID's.
promoProblem.options satisfies readonly ErrorParamsByCode['PROMO_INVALID']['reason'][]

export const cartPromoDto = z.strictObject({
  code: z.string(),
  name: z.string(),
  /** What it takes off now (0 while it does not qualify). */
  discountCents: nonNegativeCents,
  /** Set when the cart no longer qualifies (checkout refuses it then): add to the sale or take the code off. */
  problem: promoProblem.nullable(),
  minSpendCents: nonNegativeCents.nullable(),
  /** What the lines it applies to cost after their own discounts: its minimum spend is counted on this. */
  qualifyingCents: nonNegativeCents,
})
export type CartPromoDto = z.infer<typeof cartPromoDto>

export const cartLineDto = z.strictObject({
  productId: id,
  sku: z.string(),
  name: z.string(),
  unitPriceCents: nonNegativeCents,
  quantity: z.int().min(1),
  /** Unit price × quantity, as on the shelf. */
  lineTotalCents: nonNegativeCents,
  /** The line's discount (its own and its share of the sale's). */
  discountCents: nonNegativeCents,
  taxCents: nonNegativeCents,
  /** What the line costs the customer: after discount, with every tax. */
  totalCents: nonNegativeCents,
  /** The line's own discount, if any. */
  discount: cartDiscountDto.nullable(),
  /** Recorded stock, so the screen can warn when the cart holds more than the shelf count. */
  stock: z.int(),
  /** The product's first image, for a thumbnail (`images/<file>`). */
  imageFile: z.string().nullable(),
})
export type CartLineDto = z.infer<typeof cartLineDto>

/** The cart as the pricing engine priced it: total = subtotal (excluding tax) + tax. */
export const cartDto = z.strictObject({
  lines: z.array(cartLineDto),
  itemCount: z.int().min(0),
  subtotalCents: nonNegativeCents,
  discountCents: nonNegativeCents,
  taxCents: nonNegativeCents,
  totalCents: nonNegativeCents,
  taxes: z.array(saleTaxDto),
  /** A discount on the whole sale, shared over its lines, with what it takes off. */
  orderDiscount: cartDiscountDto.extend({ discountCents: nonNegativeCents }).nullable(),
  promo: cartPromoDto.nullable(),
})
export type CartDto = z.infer<typeof cartDto>

const quantity = (min: number) => z.int().min(min).max(MAX_LINE_QUANTITY)

export const cartContract = {
  'cart:get': channel('signedIn', empty, cartDto),
  'cart:add': channel('signedIn', z.strictObject({ productId: id, quantity: quantity(1) }), cartDto),
  'cart:setQuantity': channel('signedIn', z.strictObject({ productId: id, quantity: quantity(0) }), cartDto),
  'cart:remove': channel('signedIn', z.strictObject({ productId: id }), cartDto),
  'cart:clear': channel('signedIn', empty, cartDto),
  /**
   * `discount: null` takes it off. Over the store's limit (`discountLimitBps`) it also needs
   * `sale.discountOverLimit`: a cashier then brings a manager's approval for that permission.
   */
  'cart:setLineDiscount': channel(
    'sale.discount',
    protectedInput({ productId: id, discount: discountInput.nullable(), reason: text(80).optional() }),
    cartDto,
  ),
  'cart:setOrderDiscount': channel(
    'sale.discount',
    protectedInput({ discount: discountInput.nullable(), reason: text(80).optional() }),
    cartDto,
  ),
  /** One promo per sale: applying another replaces it. A code that cannot be used is PROMO_INVALID with its reason. */
  'cart:applyPromo': channel('signedIn', z.strictObject({ code: text(40).min(1) }), cartDto),
  'cart:removePromo': channel('signedIn', empty, cartDto),
}
