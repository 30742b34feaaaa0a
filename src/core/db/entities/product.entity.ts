import { defineEntity, p } from '@mikro-orm/core'

export const ProductSchema = defineEntity({
  name: 'Product',
  tableName: 'product',
  // The cap of MAX_PRICE_CENTS (migration 0007).
  triggers: [
    ...(['insert', 'update'] as const).map((event) => ({
      name: `product_price_cap_${event}`,
      timing: 'before' as const,
      events: [event],
      when: 'new.price_cents > 1000000000000',
      body: "select raise(abort, 'a price may be at most 10^12 minor units')",
    })),
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    sku: p.string().unique(),
    barcode: p.string().nullable().unique(),
    /** Indexed so the catalog lists in name order without a sort (migration 0003). */
    name: p.string().index(),
    /** Free words a search also matches (`vegan gluten-free`); see migration 0003. */
    tags: p.string().nullable(),
    priceCents: p.integer().check('`price_cents` >= 0'),
    /** Recorded shelf count; a sale may never take it below zero. */
    stock: p.integer(),
    active: p.boolean().default(true),
    createdAt: p.string(),
    updatedAt: p.string(),
  },
})

export class Product extends ProductSchema.class {}
ProductSchema.setClass(Product)
