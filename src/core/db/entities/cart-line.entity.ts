import { defineEntity, p } from '@mikro-orm/core'
import { Product } from './product.entity'
import { User } from './user.entity'

export const CartLineSchema = defineEntity({
  name: 'CartLine',
  tableName: 'cart_line',
  uniques: [{ properties: ['user', 'product'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    user: () => p.manyToOne(User).index(false),
    product: () => p.manyToOne(Product),
    quantity: p.integer().check('`quantity` > 0'),
    addedAt: p.string(),
    /** The line's own discount, if any: basis points for a percent, minor units for an amount. */
    discountKind: p.enum(['percent', 'amount'] as const).nullable(),
    discountValue: p.integer().nullable(),
    discountReason: p.string().nullable(),
    /** Who approved a discount over the store's limit, when someone had to. */
    discountApprovedBy: p.string().nullable(),
  },
})

export class CartLine extends CartLineSchema.class {}
CartLineSchema.setClass(CartLine)
