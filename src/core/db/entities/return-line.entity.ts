import { defineEntity, p } from '@mikro-orm/core'
import { InvoiceLine } from './invoice-line.entity'
import { Product } from './product.entity'
import { SaleReturn } from './sale-return.entity'

/**
 * One invoice line taken back (part or all of its quantity), with what the customer had paid for
 * those units, tax included. The database itself refuses a row that would take back more of a line
 * than was sold, whatever wrote it (two returns racing included).
 */
export const ReturnLineSchema = defineEntity({
  name: 'ReturnLine',
  tableName: 'return_line',
  uniques: [{ properties: ['saleReturn', 'invoiceLine'] }],
  triggers: [
    {
      name: 'return_line_within_sale',
      timing: 'before',
      events: ['insert'],
      when:
        'new.quantity + (select coalesce(sum(r.quantity), 0) from return_line r where r.invoice_line_id = new.invoice_line_id) > ' +
        '(select l.quantity from invoice_line l where l.id = new.invoice_line_id)',
      body: "select raise(abort, 'return_line would return more than was sold')",
    },
    {
      name: 'return_line_no_update',
      timing: 'before',
      events: ['update'],
      body: "select raise(abort, 'return_line rows are append-only')",
    },
    {
      name: 'return_line_no_delete',
      timing: 'before',
      events: ['delete'],
      body: "select raise(abort, 'return_line rows are append-only')",
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    saleReturn: () => p.manyToOne(SaleReturn).index(false),
    invoiceLine: () => p.manyToOne(InvoiceLine).index(),
    product: () => p.manyToOne(Product),
    quantity: p.integer().check('`quantity` > 0'),
    refundCents: p.integer().check('`refund_cents` >= 0'),
    taxCents: p.integer().check('`tax_cents` >= 0'),
    /** Whether the units went back on the shelf (a `returned` stock movement). */
    restock: p.boolean(),
  },
})

export class ReturnLine extends ReturnLineSchema.class {}
ReturnLineSchema.setClass(ReturnLine)
