import { defineEntity, p } from '@mikro-orm/core'
import { Category } from './category.entity'

export const ProductSchema = defineEntity({
  name: 'Product',
  tableName: 'product',
  // The back office counts all, active and archived products from this index alone. Nothing
  // indexes `stock`: every sale changes it, and an index on it cost two more pages per line sold
  // (migration 0020); a sort by stock or the low-stock filter reads the table.
  indexes: [{ name: 'product_active_index', properties: ['active'] }],
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
    /** The product's tags joined by `|` (one row each in `product_tag`); the search indexes cover it (migration 0003). */
    tags: p.string().nullable(),
    /** Indexed for the back office's sort by price. */
    priceCents: p.integer().check('`price_cents` >= 0').index(),
    /** Recorded shelf count; a sale may never take it below zero. */
    stock: p.integer(),
    /** False once archived: not sold, not found by the till's search, never deleted (it may have been sold). */
    active: p.boolean().default(true),
    category: () => p.manyToOne(Category).nullable().index(),
    /** Low on stock at or below this count; null: the store's `defaultLowStockAt`. */
    lowStockAt: p.integer().nullable().check('`low_stock_at` >= 0'),
    /** The first image's file (`product_image`), kept here for the till's thumbnails. */
    imageFile: p.string().nullable(),
    createdAt: p.string(),
    updatedAt: p.string(),
  },
})

export class Product extends ProductSchema.class {}
ProductSchema.setClass(Product)
