import { defineEntity, p } from '@mikro-orm/core'
import { InvoiceLine } from './invoice-line.entity'
import { Token } from './token.entity'
import { User } from './user.entity'

export const InvoiceSchema = defineEntity({
  name: 'Invoice',
  tableName: 'invoice',
  // Sales records are append-only: corrections are new, linked records.
  triggers: [
    { name: 'invoice_no_update', timing: 'before', events: ['update'], body: "select raise(abort, 'invoice rows are append-only')" },
    { name: 'invoice_no_delete', timing: 'before', events: ['delete'], body: "select raise(abort, 'invoice rows are append-only')" },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** Sequential human number, printed on the receipt. */
    number: p.integer().unique(),
    /** The till's key for this payment attempt: a retry returns this invoice. */
    idempotencyKey: p.string().unique(),
    cashier: () => p.manyToOne(User),
    cashierName: p.string(),
    paymentMethod: p.enum(['token', 'cash'] as const),
    token: () => p.manyToOne(Token).nullable(),
    tokenLast4: p.string().nullable(),
    paidAt: p.string().index(),
    totalCents: p.integer().check('`total_cents` >= 0'),
    tenderedCents: p.integer().nullable(),
    changeCents: p.integer().nullable(),
    tokenBalanceAfterCents: p.integer().nullable(),
    lines: () => p.oneToMany(InvoiceLine).mappedBy('invoice'),
  },
})

export class Invoice extends InvoiceSchema.class {}
InvoiceSchema.setClass(Invoice)
