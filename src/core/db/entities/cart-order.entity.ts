import { defineEntity, p } from '@mikro-orm/core'
import { Promo } from './promo.entity'
import { User } from './user.entity'

/** What a user's open cart holds beyond its lines: a discount on the whole sale and a promo code. One row per user, while there is something. */
export const CartOrderSchema = defineEntity({
  name: 'CartOrder',
  tableName: 'cart_order',
  properties: {
    user: () => p.manyToOne(User).primary(),
    discountKind: p.enum(['percent', 'amount'] as const).nullable(),
    /** Basis points for a percent, minor units for an amount. */
    discountValue: p.integer().nullable(),
    discountReason: p.string().nullable(),
    /** Who approved a discount over the store's limit, when someone had to. */
    discountApprovedBy: p.string().nullable(),
    promo: () => p.manyToOne(Promo).nullable().index(),
  },
})

export class CartOrder extends CartOrderSchema.class {}
CartOrderSchema.setClass(CartOrder)
