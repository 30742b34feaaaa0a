import { defineEntity, p } from '@mikro-orm/core'
import { Invoice } from './invoice.entity'
import { Product } from './product.entity'

/** Every change of recorded stock, so the shelf count can always be explained. */
export const StockMovementSchema = defineEntity({
  name: 'StockMovement',
  tableName: 'stock_movement',
  properties: {
    id: p.integer().primary().autoincrement(),
    product: () => p.manyToOne(Product).index(),
    deltaQty: p.integer(),
    reason: p.enum(['initial', 'sale'] as const),
    invoice: () => p.manyToOne(Invoice).nullable().index(),
    at: p.string(),
  },
})

export class StockMovement extends StockMovementSchema.class {}
StockMovementSchema.setClass(StockMovement)
