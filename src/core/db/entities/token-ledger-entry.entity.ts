import { defineEntity, p } from '@mikro-orm/core'
import { Invoice } from './invoice.entity'
import { Token } from './token.entity'

/** Every change of a token's balance, so the balance can always be explained. */
export const TokenLedgerEntrySchema = defineEntity({
  name: 'TokenLedgerEntry',
  tableName: 'token_ledger_entry',
  triggers: [
    {
      name: 'token_ledger_entry_identity_required',
      timing: 'before',
      events: ['insert'],
      when: 'new.uid is null or new.till_id is null',
      body: "select raise(abort, 'token_ledger_entry rows need uid and till_id')",
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    token: () => p.manyToOne(Token).index(),
    deltaCents: p.integer(),
    balanceAfterCents: p.integer(),
    reason: p.enum(['issue', 'sale'] as const),
    invoice: () => p.manyToOne(Invoice).nullable().index(),
    at: p.string(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
  },
})

export class TokenLedgerEntry extends TokenLedgerEntrySchema.class {}
TokenLedgerEntrySchema.setClass(TokenLedgerEntry)
