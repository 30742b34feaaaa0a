import { defineEntity, p } from '@mikro-orm/core'
import { MOVEMENT_REASONS } from '#shared/contract/stock'
import { Invoice } from './invoice.entity'
import { SaleReturn } from './sale-return.entity'
import { Product } from './product.entity'
import { User } from './user.entity'

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
    reason: p.enum(MOVEMENT_REASONS),
    invoice: () => p.manyToOne(Invoice).nullable().index(),
    /** The return that put it back (a restock, a token re-credited). */
    saleReturn: () => p.manyToOne(SaleReturn).nullable().index(),
    /** Indexed: the history lists a day range newest first. */
    at: p.string().index(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
    /** What the person adjusting stock wrote (a supplier's delivery note, what broke). */
    note: p.string().nullable(),
    /** Who adjusted it; null for the till's own movements (a sale names its invoice). */
    user: () => p.manyToOne(User).nullable(),
    /** The recorded stock right after this movement. */
    stockAfter: p.integer().nullable(),
  },
})

export class StockMovement extends StockMovementSchema.class {}
StockMovementSchema.setClass(StockMovement)
