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
    /** Whose card it is, for the manager's list and the printed card. */
    holderName: p.string().nullable(),
    note: p.string().nullable(),
    /** A deactivated token (lost, withdrawn) is refused at checkout like an unknown code. */
    active: p.boolean().default(true),
  },
})

export class Token extends TokenSchema.class {}
TokenSchema.setClass(Token)
