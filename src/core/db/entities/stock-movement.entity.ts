import { defineEntity, p } from '@mikro-orm/core'
import { Invoice } from './invoice.entity'
import { Product } from './product.entity'

/** Every change of recorded stock, so the shelf count can always be explained. */
export const StockMovementSchema = defineEntity({
  name: 'StockMovement',
  tableName: 'stock_movement',
  triggers: [
    {
      name: 'stock_movement_identity_required',
      timing: 'before',
      events: ['insert'],
      when: 'new.uid is null or new.till_id is null',
      body: "select raise(abort, 'stock_movement rows need uid and till_id')",
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    product: () => p.manyToOne(Product).index(),
    deltaQty: p.integer(),
    reason: p.enum(['initial', 'sale'] as const),
    invoice: () => p.manyToOne(Invoice).nullable().index(),
    at: p.string(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
  },
})

export class StockMovement extends StockMovementSchema.class {}
StockMovementSchema.setClass(StockMovement)
