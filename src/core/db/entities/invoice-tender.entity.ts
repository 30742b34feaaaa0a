import { defineEntity, p } from '@mikro-orm/core'
import { Invoice } from './invoice.entity'
import { Token } from './token.entity'

/**
 * One tender of a sale, in the order the cashier gave them: what it paid (for cash, what stayed in
 * the drawer), a token's last four characters and balance after, a wallet's name and a card's or
 * wallet's reference, cash tendered and change. A fact row: append-only, with its own identity.
 */
export const InvoiceTenderSchema = defineEntity({
  name: 'InvoiceTender',
  tableName: 'invoice_tender',
  uniques: [{ properties: ['invoice', 'position'] }],
  // What each sale's tenders took, from the index alone: for the reports, and for the invoice
  // history's question whether a split sale had a tender of a method.
  indexes: [{ name: 'invoice_tender_report_by_sale', properties: ['invoice', 'method', 'wallet', 'amountCents'] }],
  triggers: [
    {
      name: 'invoice_tender_identity_required',
      timing: 'before',
      events: ['insert'],
      when: 'new.uid is null or new.till_id is null',
      body: "select raise(abort, 'invoice_tender rows need uid and till_id')",
    },
    {
      name: 'invoice_tender_no_update',
      timing: 'before',
      events: ['update'],
      body: "select raise(abort, 'invoice_tender rows are append-only')",
    },
    {
      name: 'invoice_tender_no_delete',
      timing: 'before',
      events: ['delete'],
      body: "select raise(abort, 'invoice_tender rows are append-only')",
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
    invoice: () => p.manyToOne(Invoice).index(false),
    /** 0, 1, …: the tender's place among the sale's tenders as given. */
    position: p.integer(),
    method: p.enum(['token', 'cash', 'card', 'wallet'] as const),
    amountCents: p.integer().check('`amount_cents` >= 0'),
    tenderedCents: p.integer().nullable(),
    changeCents: p.integer().nullable(),
    token: () => p.manyToOne(Token).nullable(),
    tokenLast4: p.string().nullable(),
    tokenBalanceAfterCents: p.integer().nullable(),
    wallet: p.string().nullable(),
    reference: p.string().nullable(),
  },
})

export class InvoiceTender extends InvoiceTenderSchema.class {}
InvoiceTenderSchema.setClass(InvoiceTender)
