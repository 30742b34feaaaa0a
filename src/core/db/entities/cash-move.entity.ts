import { defineEntity, p } from '@mikro-orm/core'
import { Shift } from './shift.entity'
import { User } from './user.entity'

export const CASH_MOVE_KINDS = ['payIn', 'payOut', 'noSale'] as const

/**
 * Cash put into or taken out of the drawer outside a sale, with its reason, or the drawer opened
 * with no sale (`noSale`, amount 0). A fact row of its shift: append-only, with its own identity.
 */
export const CashMoveSchema = defineEntity({
  name: 'CashMove',
  tableName: 'cash_move',
  triggers: [
    {
      name: 'cash_move_identity_required',
      timing: 'before',
      events: ['insert'],
      when: 'new.uid is null or new.till_id is null',
      body: "select raise(abort, 'cash_move rows need uid and till_id')",
    },
    { name: 'cash_move_no_update', timing: 'before', events: ['update'], body: "select raise(abort, 'cash_move rows are append-only')" },
    { name: 'cash_move_no_delete', timing: 'before', events: ['delete'], body: "select raise(abort, 'cash_move rows are append-only')" },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
    shift: () => p.manyToOne(Shift).index(),
    kind: p.enum(CASH_MOVE_KINDS),
    amountCents: p.integer().check('`amount_cents` >= 0'),
    reason: p.string(),
    user: () => p.manyToOne(User),
    userName: p.string(),
    at: p.string(),
  },
})

export class CashMove extends CashMoveSchema.class {}
CashMoveSchema.setClass(CashMove)
