import { DomainError } from '#core/common/domain-error'
import { storeDate } from '#core/common/store-day'
import { defineStatements, rowOf, type BoundStatements } from './statements'

/**
 * Where a sale or a return belongs in the books (DESIGN §3.5): its store-local business day and the
 * till's open shift. Computed once, in the transaction that writes the row, so a report never has
 * to guess the day from an instant and a time zone that may since have changed.
 */
export const SALE_DAY_SQL = defineStatements({
  /** The till's open shift (at most one: a partial unique index). */
  openShift: { sql: 'select id from shift where till_id = ? and closed_at is null', mode: 'value', row: rowOf<number>() },
})

export interface SaleDay {
  business_day: string
  shift_id: number | null
}

/**
 * The business day of `now` in the store's time zone and the till's open shift. With shifts on, a
 * till without an open shift takes no payment and makes no refund: SHIFT_CLOSED, and nothing changes.
 */
export function saleDay(
  sql: BoundStatements<typeof SALE_DAY_SQL>,
  tillId: string,
  now: Date,
  settings: { timeZone: string; shiftsEnabled: boolean },
): SaleDay {
  const shiftId = sql.openShift(tillId) ?? null
  if (settings.shiftsEnabled && shiftId === null) {
    throw new DomainError('SHIFT_CLOSED', 'No shift is open on this till: open one first.')
  }
  return { business_day: storeDate(now, settings.timeZone), shift_id: shiftId }
}
