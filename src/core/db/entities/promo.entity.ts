import { defineEntity, p } from '@mikro-orm/core'

/**
 * A promo code (the origin's "marketing campaign"): a percent or an amount off the lines it
 * qualifies, from a minimum spend, between two store-local days, up to a number of uses. `uses`
 * grows in the checkout transaction by a conditional update, so two tills never both take the last use.
 */
export const PromoSchema = defineEntity({
  name: 'Promo',
  tableName: 'promo',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** As the manager typed it (shown on receipts). */
    code: p.string(),
    /** Trimmed and upper-cased: a code is found whatever the case it is typed in. */
    codeKey: p.string().unique(),
    name: p.string(),
    kind: p.enum(['percent', 'amount'] as const),
    /** Basis points for a percent (10% = 1000), minor units for an amount. */
    value: p.integer().check('`value` >= 0'),
    minSpendCents: p.integer().nullable(),
    /** Store-local days, both included. */
    startsOn: p.string().nullable(),
    endsOn: p.string().nullable(),
    maxUses: p.integer().nullable(),
    uses: p.integer().default(0),
    active: p.boolean().default(true),
    createdAt: p.string(),
    updatedAt: p.string(),
  },
})

export class Promo extends PromoSchema.class {}
PromoSchema.setClass(Promo)
