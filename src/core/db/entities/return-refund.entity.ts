import { defineEntity, p } from '@mikro-orm/core'
import { InvoiceTender } from './invoice-tender.entity'
import { SaleReturn } from './sale-return.entity'
import { Token } from './token.entity'

/**
 * What a return paid back to one of the sale's own tenders: a token re-credited (its balance after),
 * a card or wallet (the refund is made on its terminal or app, against the sale's reference), or
 * cash from the drawer (rounded). A fact row: append-only, with its own identity.
 */
export const ReturnRefundSchema = defineEntity({
  name: 'ReturnRefund',
  tableName: 'return_refund',
  uniques: [{ properties: ['saleReturn', 'position'] }],
  triggers: [
    {
      name: 'return_refund_identity_required',
      timing: 'before',
      events: ['insert'],
      when: 'new.uid is null or new.till_id is null',
      body: "select raise(abort, 'return_refund rows need uid and till_id')",
    },
    {
      name: 'return_refund_no_update',
      timing: 'before',
      events: ['update'],
      body: "select raise(abort, 'return_refund rows are append-only')",
    },
    {
      name: 'return_refund_no_delete',
      timing: 'before',
      events: ['delete'],
      body: "select raise(abort, 'return_refund rows are append-only')",
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
    saleReturn: () => p.manyToOne(SaleReturn).index(false),
    /** 0, 1, …: the order refunds were made in (token, then card and wallet, then cash). */
    position: p.integer(),
    /** The sale's tender this refund goes back to. */
    invoiceTender: () => p.manyToOne(InvoiceTender).index(),
    method: p.enum(['token', 'cash', 'card', 'wallet'] as const),
    amountCents: p.integer().check('`amount_cents` >= 0'),
    token: () => p.manyToOne(Token).nullable(),
    tokenBalanceAfterCents: p.integer().nullable(),
  },
})

export class ReturnRefund extends ReturnRefundSchema.class {}
ReturnRefundSchema.setClass(ReturnRefund)
