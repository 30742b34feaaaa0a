import { defineEntity, p } from '@mikro-orm/core'

export const TokenSchema = defineEntity({
  name: 'Token',
  tableName: 'token',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** Lower-case UUID; look-ups normalise what was typed or scanned. */
    code: p.string().unique(),
    balanceCents: p.integer().check('`balance_cents` >= 0'),
    /** Last valid day (inclusive), `YYYY-MM-DD` in the store's local date. */
    expiresOn: p.string(),
    createdAt: p.string(),
  },
})

export class Token extends TokenSchema.class {}
TokenSchema.setClass(Token)
