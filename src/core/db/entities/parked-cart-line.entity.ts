import { defineEntity, p } from '@mikro-orm/core'
import { ParkedCart } from './parked-cart.entity'
import { Product } from './product.entity'

/** One line of a parked basket, in the cart's order, with the unit price it had when it was parked. */
export const ParkedCartLineSchema = defineEntity({
  name: 'ParkedCartLine',
  tableName: 'parked_cart_line',
  uniques: [{ properties: ['parkedCart', 'position'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    parkedCart: () => p.manyToOne(ParkedCart).deleteRule('cascade').index(false),
    product: () => p.manyToOne(Product),
    quantity: p.integer().check('`quantity` > 0'),
    /** The price when parked, so a recall can say what changed since. */
    unitPriceCents: p.integer().check('`unit_price_cents` >= 0'),
    /** The line's place in the cart (0 first). */
    position: p.integer(),
    /** The line's own discount, as the cart held it. */
    discountKind: p.enum(['percent', 'amount'] as const).nullable(),
    discountValue: p.integer().nullable(),
    discountReason: p.string().nullable(),
    discountApprovedBy: p.string().nullable(),
  },
})

export class ParkedCartLine extends ParkedCartLineSchema.class {}
ParkedCartLineSchema.setClass(ParkedCartLine)
