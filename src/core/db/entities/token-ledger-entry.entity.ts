import { defineEntity, p } from '@mikro-orm/core'
import { TOKEN_LEDGER_REASONS } from '#shared/contract/tokens'
import { Invoice } from './invoice.entity'
import { SaleReturn } from './sale-return.entity'
import { Token } from './token.entity'
import { User } from './user.entity'

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
    reason: p.enum(TOKEN_LEDGER_REASONS),
    invoice: () => p.manyToOne(Invoice).nullable().index(),
    /** The return that put it back (a restock, a token re-credited). */
    saleReturn: () => p.manyToOne(SaleReturn).nullable().index(),
    at: p.string(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
    /** What the manager wrote with an issue or a top-up. */
    note: p.string().nullable(),
    /** Who made the change (a sale's cashier is on its invoice). */
    user: () => p.manyToOne(User).nullable().index(),
  },
})

export class TokenLedgerEntry extends TokenLedgerEntrySchema.class {}
TokenLedgerEntrySchema.setClass(TokenLedgerEntry)
