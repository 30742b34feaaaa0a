import { defineEntity, p } from '@mikro-orm/core'
import { Product } from './product.entity'

/**
 * A product's free tags, one row each, for the back office's filter. `product.tags` holds the same
 * tags joined by `|` (the search indexes cover that column). Compared without case: a product never
 * has `Vegan` and `vegan`.
 */
export const ProductTagSchema = defineEntity({
  name: 'ProductTag',
  tableName: 'product_tag',
  indexes: [{ properties: ['tag', 'product'] }],
  properties: {
    product: () => p.manyToOne(Product).primary(),
    /** As typed, trimmed. */
    tag: p.string().primary().collation('nocase'),
  },
})

export class ProductTag extends ProductTagSchema.class {}
ProductTagSchema.setClass(ProductTag)
