import { defineEntity, p } from '@mikro-orm/core'
import { Shift } from './shift.entity'
import { Token } from './token.entity'
import { User } from './user.entity'

export const InvoiceSchema = defineEntity({
  name: 'Invoice',
  tableName: 'invoice',
  // Sales records are append-only: corrections are new, linked records.
  // Invoice numbers run per till.
  uniques: [{ properties: ['tillId', 'number'] }],
  // The invoice history: a cashier's sales and a tender's, each by day, newest first; a number typed in.
  indexes: [
    { properties: ['cashier', 'paidAt'] },
    { properties: ['paymentMethod', 'paidAt'] },
    { properties: ['number'] },
    // The reports: a range of days' sales from the index alone.
    {
      name: 'invoice_report_by_day',
      properties: ['businessDay', 'cashier', 'totalCents', 'discountCents', 'taxCents', 'roundingCents', 'paidAt', 'units'],
    },
  ],
  triggers: [
    {
      name: 'invoice_identity_required',
      timing: 'before',
      events: ['insert'],
      when: 'new.uid is null or new.till_id is null',
      body: "select raise(abort, 'invoice rows need uid and till_id')",
    },
    { name: 'invoice_no_update', timing: 'before', events: ['update'], body: "select raise(abort, 'invoice rows are append-only')" },
    { name: 'invoice_no_delete', timing: 'before', events: ['delete'], body: "select raise(abort, 'invoice rows are append-only')" },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
    /** Sequential human number, printed on the receipt. */
    number: p.integer(),
    /** The till's key for this payment attempt: a retry returns this invoice. */
    idempotencyKey: p.string().unique(),
    cashier: () => p.manyToOne(User).index(false),
    cashierName: p.string(),
    /** The one tender's method, or `split` for several (each in `invoice_tender`). */
    paymentMethod: p.enum(['token', 'cash', 'card', 'wallet', 'split'] as const),
    token: () => p.manyToOne(Token).nullable(),
    tokenLast4: p.string().nullable(),
    paidAt: p.string().index(),
    /** The store-local day of the sale (DESIGN §3.5), computed once in its transaction: reports group by it. */
    businessDay: p.string().nullable(),
    /** Σ the lines' quantities: the reports count units from the sale, never from its lines. */
    units: p.integer().default(0),
    /** The till's shift the sale was made in, while shifts are on. */
    shift: () => p.manyToOne(Shift).nullable().index(),
    totalCents: p.integer().check('`total_cents` >= 0'),
    /** Σ line net (excluding tax), Σ line discounts and Σ taxes, as the pricing engine priced the sale. */
    subtotalCents: p.integer().default(0),
    discountCents: p.integer().default(0),
    taxCents: p.integer().default(0),
    tenderedCents: p.integer().nullable(),
    changeCents: p.integer().nullable(),
    tokenBalanceAfterCents: p.integer().nullable(),
    /** The cash part's rounding: the rounded cash due minus the exact cash part (the tenders paid total + rounding). */
    roundingCents: p.integer().default(0),
  },
})

export class Invoice extends InvoiceSchema.class {}
InvoiceSchema.setClass(Invoice)
