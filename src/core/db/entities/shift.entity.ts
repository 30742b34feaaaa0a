import { defineEntity, p } from '@mikro-orm/core'
import { User } from './user.entity'

/**
 * A till's shift (DESIGN §3.5): opened with a counted float, worked in by every user of the till,
 * closed once with a blind count, which writes its Z report. Only one shift of a till is open at a
 * time (a partial unique index); a closed shift never changes again (a trigger).
 */
export const ShiftSchema = defineEntity({
  name: 'Shift',
  tableName: 'shift',
  // Shift numbers run per till.
  uniques: [{ properties: ['tillId', 'number'] }],
  indexes: [
    {
      name: 'shift_one_open_per_till',
      expression: 'create unique index `shift_one_open_per_till` on `shift` (`till_id`) where `closed_at` is null',
    },
  ],
  triggers: [
    {
      name: 'shift_identity_required',
      timing: 'before',
      events: ['insert'],
      when: 'new.uid is null or new.till_id is null',
      body: "select raise(abort, 'shift rows need uid and till_id')",
    },
    {
      name: 'shift_closed_is_final',
      timing: 'before',
      events: ['update'],
      when: 'old.closed_at is not null',
      body: "select raise(abort, 'a closed shift never changes')",
    },
    { name: 'shift_no_delete', timing: 'before', events: ['delete'], body: "select raise(abort, 'shift rows are kept')" },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
    number: p.integer(),
    openedAt: p.string(),
    openedBy: () => p.manyToOne(User),
    openedByName: p.string(),
    /** The cash counted into the drawer at the start. */
    openingFloatCents: p.integer().check('`opening_float_cents` >= 0'),
    /** Null while the shift is open. */
    closedAt: p.string().nullable(),
    closedBy: () => p.manyToOne(User).nullable(),
    closedByName: p.string().nullable(),
  },
})

export class Shift extends ShiftSchema.class {}
ShiftSchema.setClass(Shift)
