import type { TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

/** A shift with the Z report its close wrote (none while it is open). */
export type ShiftRow = Pick<
  TableRow<'shift'>,
  'id' | 'number' | 'opened_at' | 'opened_by_name' | 'opening_float_cents' | 'closed_at' | 'closed_by_name'
> & { z_id: number | null; z_number: number | null; variance_cents: number | null }

export type CashMoveRow = Pick<TableRow<'cash_move'>, 'id' | 'kind' | 'amount_cents' | 'reason' | 'user_name' | 'at'>

export type ZReportRow = Pick<
  TableRow<'z_report'>,
  'id' | 'number' | 'shift_id' | 'closed_at' | 'expected_cash_cents' | 'counted_cash_cents' | 'variance_cents' | 'figures'
>

/** What moved through the drawer in a shift besides the float. */
export interface DrawerSumsRow {
  cash_sales: number
  cash_refunds: number
  pay_ins: number
  pay_outs: number
  no_sales: number
}

const SHIFT_COLUMNS = `s.id, s.number, s.opened_at, s.opened_by_name, s.opening_float_cents, s.closed_at, s.closed_by_name,
  z.id as z_id, z.number as z_number, z.variance_cents`
const Z_COLUMNS = 'id, number, shift_id, closed_at, expected_cash_cents, counted_cash_cents, variance_cents, figures'

export const SHIFTS_SQL = defineStatements({
  /** The till's open shift: at most one (a partial unique index). */
  openShift: {
    sql: `select ${SHIFT_COLUMNS} from shift s left join z_report z on z.shift_id = s.id where s.till_id = ? and s.closed_at is null`,
    mode: 'get',
    row: rowOf<ShiftRow>(),
  },
  shiftById: {
    sql: `select ${SHIFT_COLUMNS} from shift s left join z_report z on z.shift_id = s.id where s.id = ?`,
    mode: 'get',
    row: rowOf<ShiftRow>(),
  },
  /** The till's shifts, newest first. */
  shifts: {
    sql: `select ${SHIFT_COLUMNS} from shift s left join z_report z on z.shift_id = s.id where s.till_id = ?
      order by s.number desc limit ? offset ?`,
    mode: 'all',
    row: rowOf<ShiftRow>(),
  },
  shiftCount: { sql: 'select count(*) from shift where till_id = ?', mode: 'value', row: rowOf<number>() },
  /** Shift numbers run per till. */
  lastShiftNumber: { sql: 'select max(number) from shift where till_id = ?', mode: 'value', row: rowOf<number | null>() },
  insertShift: {
    sql: `insert into shift (uid, till_id, number, opened_at, opened_by_id, opened_by_name, opening_float_cents)
      values (@uid, @till_id, @number, @opened_at, @opened_by_id, @opened_by_name, @opening_float_cents)`,
    mode: 'run',
  },
  /** Only an open shift closes (a trigger refuses any change to a closed one). */
  closeShift: {
    sql: `update shift set closed_at = @closed_at, closed_by_id = @closed_by_id, closed_by_name = @closed_by_name
      where id = @id and closed_at is null`,
    mode: 'run',
  },
  insertCashMove: {
    sql: `insert into cash_move (uid, till_id, shift_id, kind, amount_cents, reason, user_id, user_name, at)
      values (@uid, @till_id, @shift_id, @kind, @amount_cents, @reason, @user_id, @user_name, @at)`,
    mode: 'run',
  },
  cashMoves: {
    sql: 'select id, kind, amount_cents, reason, user_name, at from cash_move where shift_id = ? order by id',
    mode: 'all',
    row: rowOf<CashMoveRow>(),
  },
  cashMoveById: {
    sql: 'select id, kind, amount_cents, reason, user_name, at from cash_move where id = ?',
    mode: 'get',
    row: rowOf<CashMoveRow>(),
  },
  /**
   * The drawer's movements in a shift: cash that stayed from its sales (tendered minus change), cash
   * its returns paid out, pay-ins, pay-outs and drawer openings without a sale.
   */
  drawerSums: {
    sql: `select
        (select coalesce(sum(t.amount_cents), 0) from invoice_tender t join invoice i on i.id = t.invoice_id
          where i.shift_id = @shift_id and t.method = 'cash') as cash_sales,
        (select coalesce(sum(f.amount_cents), 0) from return_refund f join sale_return r on r.id = f.sale_return_id
          where r.shift_id = @shift_id and f.method = 'cash') as cash_refunds,
        (select coalesce(sum(amount_cents), 0) from cash_move where shift_id = @shift_id and kind = 'payIn') as pay_ins,
        (select coalesce(sum(amount_cents), 0) from cash_move where shift_id = @shift_id and kind = 'payOut') as pay_outs,
        (select count(*) from cash_move where shift_id = @shift_id and kind = 'noSale') as no_sales`,
    mode: 'get',
    row: rowOf<DrawerSumsRow>(),
  },
  zById: { sql: `select ${Z_COLUMNS} from z_report where id = ?`, mode: 'get', row: rowOf<ZReportRow>() },
  zByShift: { sql: `select ${Z_COLUMNS} from z_report where shift_id = ?`, mode: 'get', row: rowOf<ZReportRow>() },
  /** A close's key, with who closed (a retry by anyone else is refused). */
  zByKey: {
    sql: `select z.id, z.number, z.shift_id, z.closed_at, z.expected_cash_cents, z.counted_cash_cents, z.variance_cents, z.figures,
        s.closed_by_id from z_report z join shift s on s.id = z.shift_id where z.idempotency_key = ?`,
    mode: 'get',
    row: rowOf<ZReportRow & { closed_by_id: number | null }>(),
  },
  /** Z numbers run per till, without gaps. */
  lastZNumber: { sql: 'select max(number) from z_report where till_id = ?', mode: 'value', row: rowOf<number | null>() },
  /**
   * The id the next Z report row gets (what AUTOINCREMENT would give): its stored figures name it. Rows
   * are never deleted, so this is the largest id ever given out plus one.
   */
  nextZId: {
    sql: `select max(coalesce((select seq from sqlite_sequence where name = 'z_report'), 0), coalesce((select max(id) from z_report), 0)) + 1`,
    mode: 'value',
    row: rowOf<number>(),
  },
  insertZ: {
    sql: `insert into z_report (id, uid, till_id, number, idempotency_key, shift_id, closed_at, expected_cash_cents, counted_cash_cents,
        variance_cents, figures)
      values (@id, @uid, @till_id, @number, @idempotency_key, @shift_id, @closed_at, @expected_cash_cents, @counted_cash_cents,
        @variance_cents, @figures)`,
    mode: 'run',
  },
  /** What the till's last close counted: the float the next shift is offered. */
  lastCounted: {
    sql: 'select counted_cash_cents from z_report where till_id = ? order by number desc limit 1',
    mode: 'value',
    row: rowOf<number>(),
  },
})
