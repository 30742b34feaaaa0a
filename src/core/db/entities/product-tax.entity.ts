import { defineEntity, p } from '@mikro-orm/core'
import { Product } from './product.entity'
import { TaxRate } from './tax-rate.entity'

/** The taxes a product is sold with, one row each. */
export const ProductTaxSchema = defineEntity({
  name: 'ProductTax',
  tableName: 'product_tax',
  properties: {
    product: () => p.manyToOne(Product).primary(),
    taxRate: () => p.manyToOne(TaxRate).primary().index(),
  },
})

export class ProductTax extends ProductTaxSchema.class {}
ProductTaxSchema.setClass(ProductTax)
