import type { ReportSummaryDto, TenderTakingsDto } from '#shared/contract/reports'
import type { TenderMethod } from '#shared/contract/invoices'
import { defineStatements, rowOf, type BoundStatements } from '#core/db/statements'

/** The business days `from`–`to` (both included), or one shift: a sale counts in its own, a return in its own (DESIGN §3.5). */
export type ReportScope = { from: string; to: string } | { shiftId: number }

/** How a scope picks sales (`i`) and returns (`r`): by the indexed `business_day`, or by the shift. */
const SALES_IN_DAYS = 'i.business_day between @from and @to'
const SALES_IN_SHIFT = 'i.shift_id = @shiftId'
const RETURNS_IN_DAYS = 'r.business_day between @from and @to'
const RETURNS_IN_SHIFT = 'r.shift_id = @shiftId'

interface SalesRow {
  invoices: number
  gross: number
  discount: number
  tax: number
  rounding: number
  totals: number
  units: number
  firstId: number | null
  lastId: number | null
}
interface ReturnsRow {
  returns: number
  goods: number
  tax: number
  rounding: number
}
interface TenderRow {
  method: TenderMethod
  wallet: string | null
  amount: number
}

/** A sale's units, kept on the sale itself (Σ its lines' quantities, written by checkout): its lines are never read to count them. */
export const UNITS_OF_SALE = 'i.units'

/** A scope's sales with their units. */
const sales = (where: string, units: string) => ({
  sql: `select count(*) as invoices, coalesce(sum(i.total_cents + i.discount_cents), 0) as gross,
      coalesce(sum(i.discount_cents), 0) as discount, coalesce(sum(i.tax_cents), 0) as tax,
      coalesce(sum(i.rounding_cents), 0) as rounding, coalesce(sum(i.total_cents), 0) as totals, ${units} as units,
      min(i.id) as firstId, max(i.id) as lastId
    from invoice i where ${where}`,
  mode: 'get' as const,
  row: rowOf<SalesRow>(),
})
const returns = (where: string) => ({
  sql: `select count(*) as returns, coalesce(sum(r.goods_cents), 0) as goods, coalesce(sum(r.tax_cents), 0) as tax,
      coalesce(sum(r.rounding_cents), 0) as rounding
    from sale_return r where ${where}`,
  mode: 'get' as const,
  row: rowOf<ReturnsRow>(),
})
const unitsReturned = (where: string) => ({
  sql: `select coalesce(sum(rl.quantity), 0) from sale_return r join return_line rl on rl.sale_return_id = r.id where ${where}`,
  mode: 'value' as const,
  row: rowOf<number>(),
})
const tendersIn = (where: string) => ({
  sql: `select t.method as method, case when t.method = 'wallet' then t.wallet end as wallet, sum(t.amount_cents) as amount
    from invoice i join invoice_tender t on t.invoice_id = i.id where ${where} group by 1, 2`,
  mode: 'all' as const,
  row: rowOf<TenderRow>(),
})
/** A refund goes back to a tender of the sale; the wallet's name is on that tender. */
const tendersOut = (where: string) => ({
  sql: `select f.method as method, case when f.method = 'wallet' then t.wallet end as wallet, sum(f.amount_cents) as amount
    from sale_return r join return_refund f on f.sale_return_id = r.id join invoice_tender t on t.id = f.invoice_tender_id
    where ${where} group by 1, 2`,
  mode: 'all' as const,
  row: rowOf<TenderRow>(),
})

/**
 * The summary's statements. The same set runs in the reports worker (on its read-only connection)
 * and inside a write transaction (a shift's close freezes its figures in the Z report).
 */
export const REPORT_FIGURES_SQL = defineStatements({
  salesOfDays: sales(SALES_IN_DAYS, `coalesce(sum(${UNITS_OF_SALE}), 0)`),
  salesOfShift: sales(SALES_IN_SHIFT, `coalesce(sum(${UNITS_OF_SALE}), 0)`),
  /** How many sales the days have, and their first and last ids, from the day index alone. */
  saleIdsOfDays: {
    sql: `select count(*) as count, min(i.id) as firstId, max(i.id) as lastId from invoice i where ${SALES_IN_DAYS}`,
    mode: 'get',
    row: rowOf<SaleIds>(),
  },
  /** What the sales with ids `@first`–`@last` took by method, in one range of the tenders' covering index (no sort). */
  tendersInOfSaleIds: {
    sql: `select coalesce(sum(case when t.method = 'token' then t.amount_cents end), 0) as token,
        coalesce(sum(case when t.method = 'cash' then t.amount_cents end), 0) as cash,
        coalesce(sum(case when t.method = 'card' then t.amount_cents end), 0) as card
      from invoice_tender t where t.invoice_id between @first and @last`,
    mode: 'get',
    row: rowOf<{ token: number; cash: number; card: number }>(),
  },
  walletsInOfSaleIds: {
    sql: `select 'wallet' as method, t.wallet as wallet, sum(t.amount_cents) as amount from invoice_tender t
      where t.invoice_id between @first and @last and t.method = 'wallet' group by t.wallet`,
    mode: 'all',
    row: rowOf<TenderRow>(),
  },
  returnsOfDays: returns(RETURNS_IN_DAYS),
  returnsOfShift: returns(RETURNS_IN_SHIFT),
  unitsReturnedOfDays: unitsReturned(RETURNS_IN_DAYS),
  unitsReturnedOfShift: unitsReturned(RETURNS_IN_SHIFT),
  tendersInOfDays: tendersIn(SALES_IN_DAYS),
  tendersInOfShift: tendersIn(SALES_IN_SHIFT),
  tendersOutOfDays: tendersOut(RETURNS_IN_DAYS),
  tendersOutOfShift: tendersOut(RETURNS_IN_SHIFT),
})

export type ReportFiguresSql = BoundStatements<typeof REPORT_FIGURES_SQL>

/** A scope's sales by their ids: `count` of them from `firstId` to `lastId`. */
export interface SaleIds {
  count: number
  firstId: number | null
  lastId: number | null
}

/**
 * The ids of these sales when they are every id from the first to the last (sales are numbered as
 * they are made, so a range of days usually is one run): then their lines and tenders are one range
 * of a covering index each. Null when they are not.
 */
export function runOfSales(sales: SaleIds): { first: number; last: number } | null {
  if (sales.count === 0 || sales.firstId === null || sales.lastId === null) return null
  return sales.lastId - sales.firstId + 1 === sales.count ? { first: sales.firstId, last: sales.lastId } : null
}

/** What the days' sales took by tender: from their run of ids when they are one, else sale by sale. */
export function tendersInOfDays(sql: ReportFiguresSql, range: { from: string; to: string }, sales: SaleIds): TenderRow[] {
  const run = runOfSales(sales)
  if (!run) return sql.tendersInOfDays(range)
  const byMethod = sql.tendersInOfSaleIds(run)!
  const rows: TenderRow[] = (['token', 'cash', 'card'] as const).map((method) => ({ method, wallet: null, amount: byMethod[method] }))
  return [...rows, ...sql.walletsInOfSaleIds(run)]
}

const METHOD_ORDER: Record<TenderMethod, number> = { token: 0, cash: 1, card: 2, wallet: 3 }

/** Token, cash, card, then the wallets by name. */
export function compareTenders(a: Pick<TenderTakingsDto, 'method' | 'wallet'>, b: Pick<TenderTakingsDto, 'method' | 'wallet'>): number {
  return METHOD_ORDER[a.method] - METHOD_ORDER[b.method] || (a.wallet ?? '').localeCompare(b.wallet ?? '', 'en')
}

/** In and out by tender, netted; a tender with nothing in and nothing out is left out. */
export function tenderTakings(inRows: readonly TenderRow[], outRows: readonly TenderRow[]): TenderTakingsDto[] {
  const byTender = new Map<string, TenderTakingsDto>()
  const entry = (row: TenderRow) => {
    const key = `${row.method}\u0000${row.wallet ?? ''}`
    let found = byTender.get(key)
    if (!found) {
      found = { method: row.method, wallet: row.wallet, inCents: 0, outCents: 0, netCents: 0 }
      byTender.set(key, found)
    }
    return found
  }
  for (const row of inRows) entry(row).inCents += row.amount
  for (const row of outRows) entry(row).outCents += row.amount
  return [...byTender.values()]
    .filter((row) => row.inCents !== 0 || row.outCents !== 0)
    .map((row) => ({ ...row, netCents: row.inCents - row.outCents }))
    .sort(compareTenders)
}

/** Σ totals ÷ count, rounded half up (amounts are never negative); 0 with nothing to divide. */
export function averageOf(total: number, count: number): number {
  return count === 0 ? 0 : Math.floor((2 * total + count) / (2 * count))
}

/** The scope's figures, exactly as DESIGN §3.5 defines them. */
export function summaryOf(sql: ReportFiguresSql, scope: ReportScope): ReportSummaryDto {
  const byShift = 'shiftId' in scope
  const binding = byShift ? { shiftId: scope.shiftId } : { from: scope.from, to: scope.to }
  const sold = (byShift ? sql.salesOfShift(binding) : sql.salesOfDays(binding))!
  const returned = (byShift ? sql.returnsOfShift(binding) : sql.returnsOfDays(binding))!
  const unitsReturned = (byShift ? sql.unitsReturnedOfShift(binding) : sql.unitsReturnedOfDays(binding)) ?? 0
  const tenders = tenderTakings(
    'shiftId' in scope
      ? sql.tendersInOfShift(binding)
      : tendersInOfDays(sql, scope, { count: sold.invoices, firstId: sold.firstId, lastId: sold.lastId }),
    byShift ? sql.tendersOutOfShift(binding) : sql.tendersOutOfDays(binding),
  )
  const netCents = sold.gross - sold.discount - returned.goods
  const roundingCents = sold.rounding - returned.rounding
  return {
    grossCents: sold.gross,
    discountCents: sold.discount,
    returnsCents: returned.goods,
    netCents,
    taxCents: sold.tax - returned.tax,
    invoices: sold.invoices,
    returns: returned.returns,
    averageBasketCents: averageOf(sold.totals, sold.invoices),
    unitsSold: sold.units,
    unitsReturned,
    roundingCents,
    takingsCents: netCents + roundingCents,
    tenders,
  }
}
