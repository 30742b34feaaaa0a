import { defineEntity, p } from '@mikro-orm/core'
import { Invoice } from './invoice.entity'
import { Promo } from './promo.entity'

/** The promo a sale used, with its code and name copied at sale time and what it took off. */
export const InvoicePromoSchema = defineEntity({
  name: 'InvoicePromo',
  tableName: 'invoice_promo',
  triggers: [
    {
      name: 'invoice_promo_no_update',
      timing: 'before',
      events: ['update'],
      body: "select raise(abort, 'invoice_promo rows are append-only')",
    },
    {
      name: 'invoice_promo_no_delete',
      timing: 'before',
      events: ['delete'],
      body: "select raise(abort, 'invoice_promo rows are append-only')",
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    invoice: () => p.manyToOne(Invoice).index(),
    promo: () => p.manyToOne(Promo).index(),
    code: p.string(),
    name: p.string(),
    discountCents: p.integer().check('`discount_cents` >= 0'),
  },
})

export class InvoicePromo extends InvoicePromoSchema.class {}
InvoicePromoSchema.setClass(InvoicePromo)
