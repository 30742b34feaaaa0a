import { defineEntity, p } from '@mikro-orm/core'
import { Invoice } from './invoice.entity'
import { Shift } from './shift.entity'
import { User } from './user.entity'

/**
 * A return (or a void: a full return made the same business day) of part or all of one sale: a new,
 * numbered record linked to the invoice, which itself never changes. Its figures are what went back:
 * the goods' value (Σ its lines), the tax in it, the cash part's rounding, and the refunds' sum.
 */
export const SaleReturnSchema = defineEntity({
  name: 'SaleReturn',
  tableName: 'sale_return',
  // Return numbers run per till, apart from invoice numbers.
  uniques: [{ properties: ['tillId', 'number'] }],
  indexes: [{ properties: ['businessDay'] }],
  triggers: [
    {
      name: 'sale_return_identity_required',
      timing: 'before',
      events: ['insert'],
      when: 'new.uid is null or new.till_id is null',
      body: "select raise(abort, 'sale_return rows need uid and till_id')",
    },
    {
      name: 'sale_return_no_update',
      timing: 'before',
      events: ['update'],
      body: "select raise(abort, 'sale_return rows are append-only')",
    },
    {
      name: 'sale_return_no_delete',
      timing: 'before',
      events: ['delete'],
      body: "select raise(abort, 'sale_return rows are append-only')",
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
    number: p.integer(),
    /** The till's key for this return: a retry answers with this return. */
    idempotencyKey: p.string().unique(),
    invoice: () => p.manyToOne(Invoice).index(),
    kind: p.enum(['return', 'void'] as const),
    cashier: () => p.manyToOne(User),
    cashierName: p.string(),
    /** The manager whose approval allowed it, when the cashier lacked the permission. */
    approver: () => p.manyToOne(User).nullable(),
    approverName: p.string().nullable(),
    reason: p.string(),
    returnedAt: p.string().index(),
    /** The store-local day of the return, which a refund made the day after the sale belongs to. */
    businessDay: p.string().nullable(),
    /** The till's shift the return was made in, while shifts are on. */
    shift: () => p.manyToOne(Shift).nullable().index(),
    goodsCents: p.integer().check('`goods_cents` >= 0'),
    taxCents: p.integer().check('`tax_cents` >= 0'),
    roundingCents: p.integer(),
    refundCents: p.integer().check('`refund_cents` >= 0'),
  },
})

export class SaleReturn extends SaleReturnSchema.class {}
SaleReturnSchema.setClass(SaleReturn)
