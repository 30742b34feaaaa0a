import { defineEntity, p } from '@mikro-orm/core'
import { User } from './user.entity'

/**
 * A basket put aside while the next customer pays, to be recalled into a cart later (by anyone on
 * this till). Working state, not a fact: recalling or discarding it deletes it. The line count and
 * total are as the cart stood when it was parked, for the list; recall prices the lines afresh.
 */
export const ParkedCartSchema = defineEntity({
  name: 'ParkedCart',
  tableName: 'parked_cart',
  // The list shows one till's parked baskets, newest first.
  indexes: [{ properties: ['tillId', 'parkedAt'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().unique(),
    /** The till it was parked on (`setting.tillId`): only that till lists and recalls it. */
    tillId: p.string(),
    /** What the cashier called it ("blue jacket", "table 4"), if anything. */
    label: p.string().nullable(),
    /** Who parked it. */
    user: () => p.manyToOne(User),
    parkedAt: p.string(),
    lineCount: p.integer().check('`line_count` > 0'),
    totalCents: p.integer().check('`total_cents` >= 0'),
    /** The cart's discount on the whole sale, as the cart held it (DESIGN §3.3: re-priced at recall). */
    orderDiscountKind: p.enum(['percent', 'amount'] as const).nullable(),
    orderDiscountValue: p.integer().nullable(),
    orderDiscountReason: p.string().nullable(),
    orderDiscountApprovedBy: p.string().nullable(),
    /** The promo code the cart held, by its code: checked again at recall. */
    promoCode: p.string().nullable(),
  },
})

export class ParkedCart extends ParkedCartSchema.class {}
ParkedCartSchema.setClass(ParkedCart)
