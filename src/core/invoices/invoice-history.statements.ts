import type { TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

/** An invoice as the history's table lists it. */
export type HistoryRow = Pick<
  TableRow<'invoice'>,
  'id' | 'number' | 'cashier_id' | 'cashier_name' | 'payment_method' | 'paid_at' | 'discount_cents' | 'total_cents'
> & { item_count: number }

export type HistoryTenderRow = Pick<TableRow<'invoice_tender'>, 'invoice_id' | 'method'>

/**
 * One page of the history, once its invoices are chosen (by the filters, in SQL): their own rows
 * and their tenders' methods, each page's ids passed as one JSON array.
 */
export const INVOICE_HISTORY_SQL = defineStatements({
  rows: {
    sql: `select i.id, i.number, i.cashier_id, i.cashier_name, i.payment_method, i.paid_at, i.discount_cents, i.total_cents,
        (select coalesce(sum(l.quantity), 0) from invoice_line l where l.invoice_id = i.id) as item_count
      from invoice i where i.id in (select value from json_each(?))`,
    mode: 'all',
    row: rowOf<HistoryRow>(),
  },
  tenders: {
    sql: `select invoice_id, method from invoice_tender
      where invoice_id in (select value from json_each(?)) order by invoice_id, position`,
    mode: 'all',
    row: rowOf<HistoryTenderRow>(),
  },
})
