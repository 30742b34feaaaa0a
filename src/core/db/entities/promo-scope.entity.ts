import { defineEntity, p } from '@mikro-orm/core'
import { Category } from './category.entity'
import { Product } from './product.entity'
import { Promo } from './promo.entity'

/** The products a promo is limited to (with its categories: a line qualifies by either; neither = every line). */
export const PromoProductSchema = defineEntity({
  name: 'PromoProduct',
  tableName: 'promo_product',
  properties: {
    promo: () => p.manyToOne(Promo).primary(),
    product: () => p.manyToOne(Product).primary().index(),
  },
})

export class PromoProduct extends PromoProductSchema.class {}
PromoProductSchema.setClass(PromoProduct)

/** The categories a promo is limited to. */
export const PromoCategorySchema = defineEntity({
  name: 'PromoCategory',
  tableName: 'promo_category',
  properties: {
    promo: () => p.manyToOne(Promo).primary(),
    category: () => p.manyToOne(Category).primary().index(),
  },
})

export class PromoCategory extends PromoCategorySchema.class {}
PromoCategorySchema.setClass(PromoCategory)
