/**
 * A till's shifts (DESIGN §3.5): opened with a float, cash put in and taken out with a reason, the
 * drawer opened without a sale, a manager's X report of the shift so far, and the close with a blind
 * count, which writes the Z report in the same transaction. The drawer's figures are this module's;
 * the sales figures are the reports' own summary of the shift, so an X, a Z and a report agree.
 */
import type { CashMoveDto, DrawerDto, ShiftDto, ShiftFiguresDto, ZReportDto } from '#shared/contract/shifts'
import type { DbContext, SessionUser, StoreSettings } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { uuidv7 } from '#core/common/ids'
import type { BoundStatements } from '#core/db/statements'
import { read, writeStatements } from '#core/db/tx'
import { REPORT_FIGURES_SQL, summaryOf } from '#core/reports/report-figures.service'
import { SHIFTS_SQL, type CashMoveRow, type ShiftRow, type ZReportRow } from './shifts.statements'

type ShiftsSql = BoundStatements<typeof SHIFTS_SQL>
type Lanes = { sql: ShiftsSql; use: (statements: typeof REPORT_FIGURES_SQL) => BoundStatements<typeof REPORT_FIGURES_SQL> }

export interface ShiftEnv {
  user: SessionUser
  settings: StoreSettings
}

function shiftDto(row: ShiftRow): ShiftDto {
  return {
    id: row.id,
    number: row.number,
    openedAt: row.opened_at,
    openedByName: row.opened_by_name,
    openingFloatCents: row.opening_float_cents,
    closedAt: row.closed_at,
    closedByName: row.closed_by_name,
    zReportId: row.z_id,
    zNumber: row.z_number,
  }
}

function cashMoveDto(row: CashMoveRow): CashMoveDto {
  return { id: row.id, kind: row.kind, amountCents: row.amount_cents, reason: row.reason, userName: row.user_name, at: row.at }
}

function noOpenShift(): DomainError<'SHIFT_CLOSED'> {
  return new DomainError('SHIFT_CLOSED', 'No shift is open on this till: open one first.')
}

/** Expected cash = float + cash sales − cash refunds + pay-ins − pay-outs. */
function drawerOf(sql: ShiftsSql, shift: Pick<ShiftRow, 'id' | 'opening_float_cents'>): DrawerDto {
  const sums = sql.drawerSums({ shift_id: shift.id })!
  return {
    openingFloatCents: shift.opening_float_cents,
    cashSalesCents: sums.cash_sales,
    cashRefundsCents: sums.cash_refunds,
    payInsCents: sums.pay_ins,
    payOutsCents: sums.pay_outs,
    expectedCashCents: shift.opening_float_cents + sums.cash_sales - sums.cash_refunds + sums.pay_ins - sums.pay_outs,
    noSales: sums.no_sales,
  }
}

/** The shift's figures as of `asOf`: its sales and returns (the reports' summary), its drawer and its cash moves. */
function figuresOf(lanes: Lanes, shift: ShiftRow, asOf: string): ShiftFiguresDto {
  return {
    shift: shiftDto(shift),
    asOf,
    summary: summaryOf(lanes.use(REPORT_FIGURES_SQL), { shiftId: shift.id }),
    drawer: drawerOf(lanes.sql, shift),
    cashMoves: lanes.sql.cashMoves(shift.id).map(cashMoveDto),
  }
}

/** A Z report as it was written: its figures are the JSON frozen at the close, never computed again. */
function zReportDto(row: ZReportRow): ZReportDto {
  const figures = JSON.parse(row.figures) as ShiftFiguresDto
  return {
    id: row.id,
    number: row.number,
    closedAt: row.closed_at,
    closedByName: figures.shift.closedByName ?? '',
    countedCashCents: row.counted_cash_cents,
    expectedCashCents: row.expected_cash_cents,
    varianceCents: row.variance_cents,
    figures,
  }
}

/** Whether shifts are on, the till's open shift, and the last close's count (offered as the next float). Never the expected cash. */
export function currentShift(ctx: DbContext, settings: Pick<StoreSettings, 'shiftsEnabled'>) {
  return read(ctx, SHIFTS_SQL, ({ sql, tillId }) => {
    const open = sql.openShift(tillId)
    return { enabled: settings.shiftsEnabled, shift: open ? shiftDto(open) : null, lastCountedCashCents: sql.lastCounted(tillId) ?? null }
  })
}

/** Opens the till's next shift with the float counted into the drawer. One open shift per till; none while shifts are off. */
export function openShift(ctx: DbContext, openingFloatCents: number, env: ShiftEnv): Promise<ShiftDto> {
  const now = ctx.now()
  return writeStatements(ctx, SHIFTS_SQL, (tx) => {
    const { sql, tillId } = tx
    if (!env.settings.shiftsEnabled) throw new DomainError('CONFLICT', 'Shifts are off in this store.', { what: 'shiftsOff' })
    const open = sql.openShift(tillId)
    if (open) {
      throw new DomainError('CONFLICT', `Shift ${open.number} is open on this till: close it first.`, {
        what: 'shiftOpen',
        number: open.number,
      })
    }
    const number = (sql.lastShiftNumber(tillId) ?? 0) + 1
    const id = Number(
      sql.insertShift({
        uid: uuidv7(now),
        till_id: tillId,
        number,
        opened_at: now.toISOString(),
        opened_by_id: env.user.id,
        opened_by_name: env.user.displayName,
        opening_float_cents: openingFloatCents,
      }).lastInsertRowid,
    )
    tx.audit({
      action: 'shift.open',
      actor: { id: env.user.id, name: env.user.displayName },
      subject: `shift ${number}`,
      details: { shiftId: id, openingFloatCents },
    })
    return shiftDto(sql.shiftById(id)!)
  })
}

/** A pay-in or pay-out in the till's open shift, with its reason. */
export function moveCash(
  ctx: DbContext,
  move: { kind: 'payIn' | 'payOut'; amountCents: number; reason: string },
  env: ShiftEnv,
): Promise<CashMoveDto> {
  const now = ctx.now()
  return writeStatements(ctx, SHIFTS_SQL, (tx) => {
    const { sql, tillId } = tx
    const open = sql.openShift(tillId)
    if (!open) throw noOpenShift()
    const id = Number(
      sql.insertCashMove({
        uid: uuidv7(now),
        till_id: tillId,
        shift_id: open.id,
        kind: move.kind,
        amount_cents: move.amountCents,
        reason: move.reason,
        user_id: env.user.id,
        user_name: env.user.displayName,
        at: now.toISOString(),
      }).lastInsertRowid,
    )
    tx.audit({
      action: 'shift.cash-move',
      actor: { id: env.user.id, name: env.user.displayName },
      subject: `shift ${open.number}`,
      details: { shiftId: open.id, kind: move.kind, amountCents: move.amountCents, reason: move.reason },
    })
    return cashMoveDto(sql.cashMoveById(id)!)
  })
}

/**
 * Records that the drawer is opened without a sale: a `noSale` move in the till's open shift, and in
 * the audit trail either way (with shifts off or no shift open, only there). The pulse itself is sent
 * by the caller after this has committed.
 */
export function recordNoSale(ctx: DbContext, reason: string | undefined, env: ShiftEnv): Promise<{ shiftId: number | null }> {
  const now = ctx.now()
  return writeStatements(ctx, SHIFTS_SQL, (tx) => {
    const { sql, tillId } = tx
    const open = sql.openShift(tillId)
    if (open) {
      sql.insertCashMove({
        uid: uuidv7(now),
        till_id: tillId,
        shift_id: open.id,
        kind: 'noSale',
        amount_cents: 0,
        reason: reason ?? '',
        user_id: env.user.id,
        user_name: env.user.displayName,
        at: now.toISOString(),
      })
    }
    tx.audit({
      action: 'drawer.noSale',
      actor: { id: env.user.id, name: env.user.displayName },
      subject: open ? `shift ${open.number}` : null,
      details: { shiftId: open?.id ?? null, reason: reason ?? null },
    })
    return { shiftId: open?.id ?? null }
  })
}

/** The open shift so far, expected cash included (an X report). */
export function xReport(ctx: DbContext): Promise<ShiftFiguresDto> {
  const asOf = ctx.now().toISOString()
  return read(ctx, SHIFTS_SQL, (lanes) => {
    const open = lanes.sql.openShift(lanes.tillId)
    if (!open) throw noOpenShift()
    return figuresOf(lanes, open, asOf)
  })
}

/**
 * Closes the till's open shift with the cash counted, in one transaction: its figures taken, the Z
 * report numbered (per till, without gaps) and written with them, the shift closed, the close
 * audited. A retry with the same key answers the same report; the same key from someone else is
 * refused.
 */
export function closeShift(
  ctx: DbContext,
  request: { countedCashCents: number; idempotencyKey: string },
  env: ShiftEnv,
): Promise<ZReportDto> {
  const now = ctx.now()
  const at = now.toISOString()
  return writeStatements(ctx, SHIFTS_SQL, (tx) => {
    const { sql, tillId } = tx
    const previous = sql.zByKey(request.idempotencyKey)
    if (previous) {
      if (previous.closed_by_id !== env.user.id || previous.counted_cash_cents !== request.countedCashCents) {
        throw new DomainError('CONFLICT', 'This close key was already used for another close.', { what: 'idempotencyKey' })
      }
      return zReportDto(previous)
    }
    const open = sql.openShift(tillId)
    if (!open) throw noOpenShift()
    const id = sql.nextZId()!
    const number = (sql.lastZNumber(tillId) ?? 0) + 1
    const closed: ShiftRow = { ...open, closed_at: at, closed_by_name: env.user.displayName, z_id: id, z_number: number }
    const figures = figuresOf(tx, closed, at)
    const expected = figures.drawer.expectedCashCents
    const variance = request.countedCashCents - expected
    sql.insertZ({
      id,
      uid: uuidv7(now),
      till_id: tillId,
      number,
      idempotency_key: request.idempotencyKey,
      shift_id: open.id,
      closed_at: at,
      expected_cash_cents: expected,
      counted_cash_cents: request.countedCashCents,
      variance_cents: variance,
      figures: JSON.stringify(figures),
    })
    const changed = sql.closeShift({ id: open.id, closed_at: at, closed_by_id: env.user.id, closed_by_name: env.user.displayName })
    if (changed.changes !== 1) throw new DomainError('INTERNAL', `Shift ${open.number} did not close.`)
    tx.audit({
      action: 'shift.close',
      actor: { id: env.user.id, name: env.user.displayName },
      subject: `shift ${open.number}, Z ${number}`,
      details: {
        shiftId: open.id,
        zReportId: id,
        countedCashCents: request.countedCashCents,
        expectedCashCents: expected,
        varianceCents: variance,
      },
    })
    return zReportDto(sql.zById(id)!)
  })
}

/** The till's shifts, newest first, each closed one with its variance. */
export function listShifts(ctx: DbContext, page: { limit?: number | undefined; offset?: number | undefined }) {
  return read(ctx, SHIFTS_SQL, ({ sql, tillId }) => ({
    items: sql.shifts(tillId, page.limit ?? 50, page.offset ?? 0).map((row) => ({ ...shiftDto(row), varianceCents: row.variance_cents })),
    total: sql.shiftCount(tillId) ?? 0,
  }))
}

function zNotFound(id: number): DomainError<'NOT_FOUND'> {
  return new DomainError('NOT_FOUND', `No Z report for ${id}.`, { what: 'zReport', id })
}

/** A closed shift's Z report as it was written; an open or unknown shift has none. */
export function getShiftZReport(ctx: DbContext, shiftId: number): Promise<ZReportDto> {
  return read(ctx, SHIFTS_SQL, ({ sql }) => {
    const row = sql.zByShift(shiftId)
    if (!row) throw zNotFound(shiftId)
    return zReportDto(row)
  })
}

/** A Z report by its own id (a reprint). */
export function getZReport(ctx: DbContext, zReportId: number): Promise<ZReportDto> {
  return read(ctx, SHIFTS_SQL, ({ sql }) => {
    const row = sql.zById(zReportId)
    if (!row) throw zNotFound(zReportId)
    return zReportDto(row)
  })
}
