import { defineEntity, p } from '@mikro-orm/core'
import { Invoice } from './invoice.entity'
import { Token } from './token.entity'

/** Every change of a token's balance, so the balance can always be explained. */
export const TokenLedgerEntrySchema = defineEntity({
  name: 'TokenLedgerEntry',
  tableName: 'token_ledger_entry',
  properties: {
    id: p.integer().primary().autoincrement(),
    token: () => p.manyToOne(Token).index(),
    deltaCents: p.integer(),
    balanceAfterCents: p.integer(),
    reason: p.enum(['issue', 'sale'] as const),
    invoice: () => p.manyToOne(Invoice).nullable().index(),
    at: p.string(),
  },
})

export class TokenLedgerEntry extends TokenLedgerEntrySchema.class {}
TokenLedgerEntrySchema.setClass(TokenLedgerEntry)
