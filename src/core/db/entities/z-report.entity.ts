import { defineEntity, p } from '@mikro-orm/core'
import { Shift } from './shift.entity'

/**
 * The Z report a shift's close wrote: numbered per till without gaps, immutable. Its figures are
 * kept as they were at the close (`figures`, the shift's report as JSON), so a reprint next year
 * prints exactly what was printed then; the count and its variance are columns of their own.
 */
export const ZReportSchema = defineEntity({
  name: 'ZReport',
  tableName: 'z_report',
  uniques: [{ properties: ['tillId', 'number'] }],
  triggers: [
    {
      name: 'z_report_identity_required',
      timing: 'before',
      events: ['insert'],
      when: 'new.uid is null or new.till_id is null',
      body: "select raise(abort, 'z_report rows need uid and till_id')",
    },
    { name: 'z_report_no_update', timing: 'before', events: ['update'], body: "select raise(abort, 'z_report rows are append-only')" },
    { name: 'z_report_no_delete', timing: 'before', events: ['delete'], body: "select raise(abort, 'z_report rows are append-only')" },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
    number: p.integer(),
    /** The till's key for this close: a retry answers with this report. */
    idempotencyKey: p.string().unique(),
    shift: () => p.manyToOne(Shift).unique().index(false),
    closedAt: p.string(),
    expectedCashCents: p.integer(),
    countedCashCents: p.integer().check('`counted_cash_cents` >= 0'),
    varianceCents: p.integer(),
    /** The shift's figures at the close (`ShiftFiguresDto` as JSON). */
    figures: p.text(),
  },
})

export class ZReport extends ZReportSchema.class {}
ZReportSchema.setClass(ZReport)
