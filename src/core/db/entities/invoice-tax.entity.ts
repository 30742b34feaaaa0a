import { defineEntity, p } from '@mikro-orm/core'
import { Invoice } from './invoice.entity'
import { TaxRate } from './tax-rate.entity'

/**
 * One row per tax a sale charged, with the rate's name, rate and kind copied at sale time: a later
 * change of the rate never changes a past invoice.
 */
export const InvoiceTaxSchema = defineEntity({
  name: 'InvoiceTax',
  tableName: 'invoice_tax',
  triggers: [
    {
      name: 'invoice_tax_no_update',
      timing: 'before',
      events: ['update'],
      body: "select raise(abort, 'invoice_tax rows are append-only')",
    },
    {
      name: 'invoice_tax_no_delete',
      timing: 'before',
      events: ['delete'],
      body: "select raise(abort, 'invoice_tax rows are append-only')",
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    invoice: () => p.manyToOne(Invoice).index(),
    taxRate: () => p.manyToOne(TaxRate).index(),
    name: p.string(),
    rateBps: p.integer(),
    included: p.boolean(),
    baseCents: p.integer().check('`base_cents` >= 0'),
    taxCents: p.integer().check('`tax_cents` >= 0'),
  },
})

export class InvoiceTax extends InvoiceTaxSchema.class {}
InvoiceTaxSchema.setClass(InvoiceTax)
