import { z } from 'zod'
import { channel } from '../ipc/channel'
import { cents, id, isoDateTime, nonNegativeCents, protectedInput, text } from './common'
import { reportSummaryDto } from './reports'

export const cashMoveKind = z.enum(['payIn', 'payOut', 'noSale'])

export const cashMoveDto = z.strictObject({
  id,
  kind: cashMoveKind,
  amountCents: nonNegativeCents,
  reason: z.string(),
  userName: z.string(),
  at: isoDateTime,
})
export type CashMoveDto = z.infer<typeof cashMoveDto>

export const shiftDto = z.strictObject({
  id,
  /** Per till, from 1. */
  number: z.int().min(1),
  openedAt: isoDateTime,
  openedByName: z.string(),
  openingFloatCents: nonNegativeCents,
  /** Null while open. */
  closedAt: isoDateTime.nullable(),
  closedByName: z.string().nullable(),
  /** The Z report its close wrote (null while open). */
  zReportId: id.nullable(),
  zNumber: z.int().min(1).nullable(),
})
export type ShiftDto = z.infer<typeof shiftDto>

/**
 * What a shift's drawer should hold (DESIGN §3.5): float + cash sales − cash refunds + pay-ins −
 * pay-outs. Cash sales are what stayed in the drawer (tendered minus change).
 */
export const drawerDto = z.strictObject({
  openingFloatCents: nonNegativeCents,
  cashSalesCents: nonNegativeCents,
  cashRefundsCents: nonNegativeCents,
  payInsCents: nonNegativeCents,
  payOutsCents: nonNegativeCents,
  expectedCashCents: cents,
  /** Times the drawer was opened without a sale. */
  noSales: z.int().min(0),
})
export type DrawerDto = z.infer<typeof drawerDto>

/** An X report (the shift so far) or the figures a Z report froze at the close. */
export const shiftFiguresDto = z.strictObject({
  shift: shiftDto,
  /** When the figures were taken. */
  asOf: isoDateTime,
  summary: reportSummaryDto,
  drawer: drawerDto,
  cashMoves: z.array(cashMoveDto),
})
export type ShiftFiguresDto = z.infer<typeof shiftFiguresDto>

export const zReportDto = z.strictObject({
  id,
  /** Per till, from 1, without gaps. */
  number: z.int().min(1),
  closedAt: isoDateTime,
  closedByName: z.string(),
  countedCashCents: nonNegativeCents,
  expectedCashCents: cents,
  /** Counted − expected: negative when the drawer is short. */
  varianceCents: cents,
  figures: shiftFiguresDto,
})
export type ZReportDto = z.infer<typeof zReportDto>

export const shiftsContract = {
  /**
   * Whether shifts are on, the till's open shift (null when none), and what the last close counted
   * (to carry over as the next float). Never the expected cash: the close is a blind count.
   */
  'shift:current': channel(
    'signedIn',
    z.strictObject({}),
    z.strictObject({ enabled: z.boolean(), shift: shiftDto.nullable(), lastCountedCashCents: nonNegativeCents.nullable() }),
  ),
  /** A second open is CONFLICT `shiftOpen`; with shifts off, CONFLICT `shiftsOff`. Audited. */
  'shift:open': channel('shift.close', protectedInput({ openingFloatCents: nonNegativeCents }), shiftDto),
  /** No open shift: SHIFT_CLOSED. Audited. */
  'shift:cashMove': channel(
    'shift.close',
    protectedInput({
      kind: z.enum(['payIn', 'payOut']),
      amountCents: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
      reason: text(200).min(1),
    }),
    cashMoveDto,
  ),
  /**
   * Opens the drawer without a sale: recorded in the shift (when one is open) and audited, then the
   * drawer pulse is sent to the receipt printer. A printer that fails or cannot pulse is reported
   * (`printError`) after the record is kept.
   */
  'drawer:noSale': channel(
    'drawer.noSale',
    protectedInput({ reason: text(200).optional() }),
    z.strictObject({
      drawerOpened: z.boolean(),
      printError: z.strictObject({ kind: z.string(), detail: z.string() }).optional(),
    }),
  ),
  /** The open shift so far, expected cash included: a manager's look. No open shift: SHIFT_CLOSED. */
  'shift:xReport': channel('reports.view', protectedInput({}), shiftFiguresDto),
  /**
   * Closes the open shift with the cash counted (blind: the expected figure comes back only now) and
   * writes its Z report. A retry with the same key answers the same Z report. No open shift: SHIFT_CLOSED.
   */
  'shift:close': channel('shift.close', protectedInput({ countedCashCents: nonNegativeCents, idempotencyKey: z.uuid() }), zReportDto),
  /** The till's shifts, newest first. */
  'shift:list': channel(
    'reports.view',
    protectedInput({ limit: z.int().min(1).max(200).optional(), offset: z.int().min(0).max(10_000_000).optional() }),
    z.strictObject({ items: z.array(shiftDto.extend({ varianceCents: cents.nullable() })), total: z.int().min(0) }),
  ),
  /** A closed shift's Z report, exactly as it was written (for a reprint). NOT_FOUND `zReport` for an open or unknown shift. */
  'shift:get': channel('reports.view', protectedInput({ id }), zReportDto),
}
