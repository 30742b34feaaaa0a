import { defineEntity, p } from '@mikro-orm/core'

/**
 * A tax the store charges (VAT 13%…): included in shelf prices or added on top. A rate is never
 * deleted: an invoice keeps its own copy of what it charged, and a rate no longer used is switched off.
 */
export const TaxRateSchema = defineEntity({
  name: 'TaxRate',
  tableName: 'tax_rate',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string(),
    /** The name trimmed and lower-cased: two rates never differ only by case. */
    nameKey: p.string().unique(),
    /** 13% = 1300. */
    rateBps: p.integer().check('`rate_bps` between 0 and 10000'),
    included: p.boolean(),
    active: p.boolean().default(true),
    createdAt: p.string(),
    updatedAt: p.string(),
  },
})

export class TaxRate extends TaxRateSchema.class {}
TaxRateSchema.setClass(TaxRate)
