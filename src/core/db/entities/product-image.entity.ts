import { defineEntity, p } from '@mikro-orm/core'
import { Product } from './product.entity'

/**
 * An image of a product: the file is `<sha256 of its bytes>.<png|jpg|webp>` in the `images/` folder
 * beside the database, so one picture added to two products is one file. The first by `position`
 * is the product's thumbnail (`product.image_file`).
 */
export const ProductImageSchema = defineEntity({
  name: 'ProductImage',
  tableName: 'product_image',
  uniques: [{ properties: ['product', 'file'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    product: () => p.manyToOne(Product).index(false),
    file: p.string(),
    position: p.integer(),
    createdAt: p.string(),
  },
})

export class ProductImage extends ProductImageSchema.class {}
ProductImageSchema.setClass(ProductImage)
