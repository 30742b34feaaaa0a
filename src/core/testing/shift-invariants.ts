import type Database from 'better-sqlite3'
import type { ShiftFiguresDto } from '#shared/contract/shifts'
import type { Violation } from './invariants'

/**
 * What must hold of a till's shifts and Z reports in any database (DESIGN §3.5): one open shift per
 * till, numbers without gaps, every closed shift with exactly one Z report, each Z's count, expected
 * cash and variance agreeing, its frozen figures reconciling and still equal to what the shift's own
 * rows give, and no cash moved in a shift while it was not open. Read-only, like `checkBooks`.
 */
export function checkShifts(db: Database.Database): Violation[] {
  const violations: Violation[] = []
  const rows = <T>(sql: string): T[] => db.prepare(sql).all() as T[]
  const each = <T>(rule: string, sql: string, describe: (row: T) => string) => {
    for (const row of rows<T>(sql)) violations.push({ rule, detail: describe(row) })
  }

  each<{ till_id: string; open: number }>(
    'shift-open-twice',
    'select till_id, count(*) as open from shift where closed_at is null group by till_id having count(*) > 1',
    ({ till_id, open }) => `till ${till_id} has ${open} open shifts`,
  )
  for (const table of ['shift', 'z_report'] as const) {
    each<{ till_id: string; count: number; low: number; high: number }>(
      `${table === 'shift' ? 'shift' : 'z'}-number-gap`,
      `select till_id, count(*) as count, min(number) as low, max(number) as high from ${table} group by till_id
        having min(number) != 1 or max(number) != count(*) or count(distinct number) != count(*)`,
      ({ till_id, count, low, high }) => `till ${till_id}: ${count} ${table} rows numbered ${low} to ${high}`,
    )
  }
  each<{ number: number }>(
    'shift-closed-without-z',
    'select s.number from shift s where s.closed_at is not null and not exists (select 1 from z_report z where z.shift_id = s.id)',
    ({ number }) => `shift ${number} is closed but has no Z report`,
  )
  each<{ number: number; shift: number }>(
    'z-of-open-shift',
    `select z.number, s.number as shift from z_report z join shift s on s.id = z.shift_id
      where s.closed_at is null or s.closed_at != z.closed_at or s.till_id is not z.till_id`,
    ({ number, shift }) => `Z ${number} is not the close of shift ${shift} (open, another time or another till)`,
  )
  each<{ number: number; counted: number; expected: number; variance: number }>(
    'z-variance',
    `select number, counted_cash_cents as counted, expected_cash_cents as expected, variance_cents as variance from z_report
      where variance_cents != counted_cash_cents - expected_cash_cents`,
    ({ number, counted, expected, variance }) => `Z ${number}: variance ${variance} but counted ${counted} − expected ${expected}`,
  )
  each<{ number: number; kind: string; amount: number }>(
    'no-sale-amount',
    "select s.number, m.kind, m.amount_cents as amount from cash_move m join shift s on s.id = m.shift_id where m.kind = 'noSale' and m.amount_cents != 0",
    ({ number, amount }) => `shift ${number}: a no-sale of ${amount}`,
  )
  // Sales and returns made outside their shift are checkSaleDays' to find.
  each<{ number: number; id: number; at: string }>(
    'cash-move-outside-shift',
    `select s.number, m.id, m.at from cash_move m join shift s on s.id = m.shift_id
      where m.at < s.opened_at or (s.closed_at is not null and m.at > s.closed_at)`,
    ({ number, id, at }) => `shift ${number}: cash move ${id} at ${at}, while the shift was not open`,
  )
  each<{ number: number; id: number }>(
    'cash-move-till',
    'select s.number, m.id from cash_move m join shift s on s.id = m.shift_id where m.till_id is not s.till_id',
    ({ number, id }) => `shift ${number}: cash move ${id} was written by another till`,
  )

  // Each Z's frozen figures: they name their own report, reconcile, and the drawer still matches the shift's rows.
  const reports = rows<{
    id: number
    number: number
    shift_id: number
    expected_cash_cents: number
    counted_cash_cents: number
    variance_cents: number
    figures: string
  }>('select id, number, shift_id, expected_cash_cents, counted_cash_cents, variance_cents, figures from z_report order by id')
  const drawerNow = db.prepare(
    `select s.opening_float_cents as float,
        (select coalesce(sum(t.amount_cents), 0) from invoice_tender t join invoice i on i.id = t.invoice_id
          where i.shift_id = s.id and t.method = 'cash') as cash_sales,
        (select coalesce(sum(f.amount_cents), 0) from return_refund f join sale_return r on r.id = f.sale_return_id
          where r.shift_id = s.id and f.method = 'cash') as cash_refunds,
        (select coalesce(sum(amount_cents), 0) from cash_move where shift_id = s.id and kind = 'payIn') as pay_ins,
        (select coalesce(sum(amount_cents), 0) from cash_move where shift_id = s.id and kind = 'payOut') as pay_outs,
        (select count(*) from cash_move where shift_id = s.id and kind = 'noSale') as no_sales
      from shift s where s.id = ?`,
  )
  for (const report of reports) {
    const z = `Z ${report.number}`
    let figures: ShiftFiguresDto
    try {
      figures = JSON.parse(report.figures) as ShiftFiguresDto
    } catch {
      violations.push({ rule: 'z-figures', detail: `${z}: its figures are not JSON` })
      continue
    }
    const { shift, summary, drawer } = figures
    const problems: string[] = []
    if (shift?.id !== report.shift_id || shift.zReportId !== report.id || shift.zNumber !== report.number)
      problems.push('they name another shift or report')
    if (drawer?.expectedCashCents !== report.expected_cash_cents)
      problems.push(`expected ${drawer?.expectedCashCents} ≠ ${report.expected_cash_cents}`)
    if (
      drawer &&
      drawer.expectedCashCents !==
        drawer.openingFloatCents + drawer.cashSalesCents - drawer.cashRefundsCents + drawer.payInsCents - drawer.payOutsCents
    )
      problems.push('expected ≠ float + cash sales − cash refunds + pay-ins − pay-outs')
    if (summary) {
      const tenders = summary.tenders.reduce((sum, tender) => sum + tender.netCents, 0)
      if (summary.netCents !== summary.grossCents - summary.discountCents - summary.returnsCents)
        problems.push('net ≠ gross − discounts − returns')
      if (summary.takingsCents !== summary.netCents + summary.roundingCents) problems.push('takings ≠ net + rounding')
      if (tenders !== summary.takingsCents) problems.push(`Σ tenders ${tenders} ≠ takings ${summary.takingsCents}`)
    } else problems.push('no summary')
    for (const problem of problems) violations.push({ rule: 'z-figures', detail: `${z}: ${problem}` })

    const now = drawerNow.get(report.shift_id) as
      { float: number; cash_sales: number; cash_refunds: number; pay_ins: number; pay_outs: number; no_sales: number } | undefined
    const frozen = drawer && [
      drawer.openingFloatCents,
      drawer.cashSalesCents,
      drawer.cashRefundsCents,
      drawer.payInsCents,
      drawer.payOutsCents,
      drawer.noSales,
    ]
    const recomputed = now && [now.float, now.cash_sales, now.cash_refunds, now.pay_ins, now.pay_outs, now.no_sales]
    if (JSON.stringify(frozen) !== JSON.stringify(recomputed)) {
      violations.push({
        rule: 'z-drawer',
        detail: `${z}: the drawer it froze (${frozen?.join(', ')}) is not what the shift's rows give (${recomputed?.join(', ')})`,
      })
    }
  }
  return violations
}
