import { defineEntity, p } from '@mikro-orm/core'
import { Product } from './product.entity'
import { User } from './user.entity'

export const CartLineSchema = defineEntity({
  name: 'CartLine',
  tableName: 'cart_line',
  uniques: [{ properties: ['user', 'product'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    user: () => p.manyToOne(User).index(),
    product: () => p.manyToOne(Product),
    quantity: p.integer().check('`quantity` > 0'),
    addedAt: p.string(),
  },
})

export class CartLine extends CartLineSchema.class {}
CartLineSchema.setClass(CartLine)
