import type { TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

/** An invoice's own row, as the receipt needs it. */
export type InvoiceHeaderRow = Pick<
  TableRow<'invoice'>,
  | 'id'
  | 'number'
  | 'cashier_id'
  | 'cashier_name'
  | 'payment_method'
  | 'token_last4'
  | 'paid_at'
  | 'total_cents'
  | 'tendered_cents'
  | 'change_cents'
  | 'token_balance_after_cents'
  | 'subtotal_cents'
  | 'discount_cents'
  | 'tax_cents'
  | 'rounding_cents'
>

export type InvoiceLineRow = Pick<
  TableRow<'invoice_line'>,
  | 'id'
  | 'product_id'
  | 'sku'
  | 'name'
  | 'unit_price_cents'
  | 'quantity'
  | 'sub_amount_cents'
  | 'discount_cents'
  | 'net_cents'
  | 'tax_cents'
  | 'total_cents'
> & { returned_quantity: number }

export type InvoiceReturnRow = Pick<
  TableRow<'sale_return'>,
  'id' | 'number' | 'kind' | 'returned_at' | 'cashier_name' | 'reason' | 'refund_cents'
>

export type InvoiceTaxRow = Pick<TableRow<'invoice_tax'>, 'tax_rate_id' | 'name' | 'rate_bps' | 'included' | 'base_cents' | 'tax_cents'>

export type InvoiceTenderRow = Pick<
  TableRow<'invoice_tender'>,
  'method' | 'amount_cents' | 'tendered_cents' | 'change_cents' | 'token_last4' | 'token_balance_after_cents' | 'wallet' | 'reference'
>

const HEADER_COLUMNS = `id, number, cashier_id, cashier_name, payment_method, token_last4, paid_at, total_cents, tendered_cents,
  change_cents, token_balance_after_cents, subtotal_cents, discount_cents, tax_cents, rounding_cents`

/** A receipt is read on every sale (a replayed payment key answers with it) and every reprint. */
export const INVOICE_SQL = defineStatements({
  byId: { sql: `select ${HEADER_COLUMNS} from invoice where id = ?`, mode: 'get', row: rowOf<InvoiceHeaderRow>() },
  /** Numbers run per till: this till's invoice with that number. */
  byNumber: { sql: `select ${HEADER_COLUMNS} from invoice where till_id = ? and number = ?`, mode: 'get', row: rowOf<InvoiceHeaderRow>() },
  byKey: { sql: `select ${HEADER_COLUMNS} from invoice where idempotency_key = ?`, mode: 'get', row: rowOf<InvoiceHeaderRow>() },
  /** With what returns have taken back of each line so far. */
  lines: {
    sql: `select l.id, l.product_id, l.sku, l.name, l.unit_price_cents, l.quantity, l.sub_amount_cents, l.discount_cents, l.net_cents,
        l.tax_cents, l.total_cents, (select coalesce(sum(r.quantity), 0) from return_line r where r.invoice_line_id = l.id) as returned_quantity
      from invoice_line l where l.invoice_id = ? order by l.id`,
    mode: 'all',
    row: rowOf<InvoiceLineRow>(),
  },
  taxes: {
    sql: 'select tax_rate_id, name, rate_bps, included, base_cents, tax_cents from invoice_tax where invoice_id = ? order by tax_rate_id',
    mode: 'all',
    row: rowOf<InvoiceTaxRow>(),
  },
  promo: {
    sql: 'select code, name, discount_cents from invoice_promo where invoice_id = ?',
    mode: 'get',
    row: rowOf<{ code: string; name: string; discount_cents: number }>(),
  },
  returns: {
    sql: 'select id, number, kind, returned_at, cashier_name, reason, refund_cents from sale_return where invoice_id = ? order by id',
    mode: 'all',
    row: rowOf<InvoiceReturnRow>(),
  },
  tenders: {
    sql: `select method, amount_cents, tendered_cents, change_cents, token_last4, token_balance_after_cents, wallet, reference
      from invoice_tender where invoice_id = ? order by position`,
    mode: 'all',
    row: rowOf<InvoiceTenderRow>(),
  },
})
