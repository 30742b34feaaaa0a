import { defineEntity, p } from '@mikro-orm/core'
import { Invoice } from './invoice.entity'
import { Product } from './product.entity'

/** Name and price are copied at sale time: later catalog edits never change a receipt. */
export const InvoiceLineSchema = defineEntity({
  name: 'InvoiceLine',
  tableName: 'invoice_line',
  // A sale's lines, and every line in product order (the history's product filter, the reports),
  // with what they sum, from the index alone. They also serve the foreign keys: no narrower index
  // on either column, since each is one more page written per line sold (migration 0020).
  indexes: [
    { name: 'invoice_line_report_by_sale', properties: ['invoice', 'product', 'quantity', 'totalCents', 'discountCents'] },
    { name: 'invoice_line_report_by_product', properties: ['product', 'invoice', 'quantity', 'totalCents', 'discountCents'] },
  ],
  // Sales records are append-only: corrections are new, linked records.
  triggers: [
    {
      name: 'invoice_line_no_update',
      timing: 'before',
      events: ['update'],
      body: "select raise(abort, 'invoice_line rows are append-only')",
    },
    {
      name: 'invoice_line_no_delete',
      timing: 'before',
      events: ['delete'],
      body: "select raise(abort, 'invoice_line rows are append-only')",
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    invoice: () => p.manyToOne(Invoice).index(false),
    product: () => p.manyToOne(Product).index(false),
    sku: p.string(),
    name: p.string(),
    unitPriceCents: p.integer().check('`unit_price_cents` >= 0'),
    quantity: p.integer().check('`quantity` > 0'),
    /** Unit price × quantity, as on the shelf. */
    subAmountCents: p.integer().check('`sub_amount_cents` >= 0'),
    /** The line's own discount and its share of the sale's. */
    discountCents: p.integer().default(0),
    /** Excluding tax. */
    netCents: p.integer().default(0),
    taxCents: p.integer().default(0),
    /** What the customer paid for the line: net + tax. */
    totalCents: p.integer().default(0),
  },
})

export class InvoiceLine extends InvoiceLineSchema.class {}
InvoiceLineSchema.setClass(InvoiceLine)
