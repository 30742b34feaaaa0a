import type { TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

export type ReturnHeaderRow = Pick<
  TableRow<'sale_return'>,
  | 'id'
  | 'number'
  | 'invoice_id'
  | 'kind'
  | 'cashier_id'
  | 'cashier_name'
  | 'approver_name'
  | 'reason'
  | 'returned_at'
  | 'goods_cents'
  | 'tax_cents'
  | 'rounding_cents'
  | 'refund_cents'
>

/** A sale's line with what earlier returns took back of it. */
export type SoldLineRow = Pick<
  TableRow<'invoice_line'>,
  'id' | 'product_id' | 'sku' | 'name' | 'quantity' | 'total_cents' | 'tax_cents'
> & {
  returned_quantity: number
}

/** A sale's tender with what earlier returns gave back to it. */
export type SoldTenderRow = Pick<
  TableRow<'invoice_tender'>,
  'id' | 'position' | 'method' | 'amount_cents' | 'token_id' | 'token_last4' | 'wallet' | 'reference'
> & { refunded_cents: number }

export type ReturnLineRow = Pick<
  TableRow<'return_line'>,
  'invoice_line_id' | 'product_id' | 'quantity' | 'refund_cents' | 'tax_cents' | 'restock'
> &
  Pick<TableRow<'invoice_line'>, 'sku' | 'name'>

export type ReturnRefundRow = Pick<TableRow<'return_refund'>, 'method' | 'amount_cents' | 'token_balance_after_cents'> &
  Pick<TableRow<'invoice_tender'>, 'token_last4' | 'wallet' | 'reference'>

const HEADER_COLUMNS = `id, number, invoice_id, kind, cashier_id, cashier_name, approver_name, reason, returned_at, goods_cents, tax_cents,
  rounding_cents, refund_cents`

export const RETURNS_SQL = defineStatements({
  byId: { sql: `select ${HEADER_COLUMNS} from sale_return where id = ?`, mode: 'get', row: rowOf<ReturnHeaderRow>() },
  byKey: { sql: `select ${HEADER_COLUMNS} from sale_return where idempotency_key = ?`, mode: 'get', row: rowOf<ReturnHeaderRow>() },
  invoice: {
    sql: 'select id, number, paid_at, business_day from invoice where id = ?',
    mode: 'get',
    row: rowOf<Pick<TableRow<'invoice'>, 'id' | 'number' | 'paid_at' | 'business_day'>>(),
  },
  soldLines: {
    sql: `select l.id, l.product_id, l.sku, l.name, l.quantity, l.total_cents, l.tax_cents,
        (select coalesce(sum(r.quantity), 0) from return_line r where r.invoice_line_id = l.id) as returned_quantity
      from invoice_line l where l.invoice_id = ? order by l.id`,
    mode: 'all',
    row: rowOf<SoldLineRow>(),
  },
  soldTenders: {
    sql: `select t.id, t.position, t.method, t.amount_cents, t.token_id, t.token_last4, t.wallet, t.reference,
        (select coalesce(sum(f.amount_cents), 0) from return_refund f where f.invoice_tender_id = t.id) as refunded_cents
      from invoice_tender t where t.invoice_id = ? order by t.position`,
    mode: 'all',
    row: rowOf<SoldTenderRow>(),
  },
  /** The rounding earlier returns of the sale made on their cash refunds. */
  cashRoundingBefore: {
    sql: 'select coalesce(sum(rounding_cents), 0) from sale_return where invoice_id = ?',
    mode: 'value',
    row: rowOf<number>(),
  },
  /** Numbers run per till, apart from invoice numbers. */
  lastNumber: { sql: 'select max(number) from sale_return where till_id = ?', mode: 'value', row: rowOf<number | null>() },
  insertReturn: {
    sql: `insert into sale_return (uid, till_id, number, idempotency_key, invoice_id, kind, cashier_id, cashier_name, approver_id, approver_name,
        reason, returned_at, goods_cents, tax_cents, rounding_cents, refund_cents, business_day, shift_id)
      values (@uid, @till_id, @number, @idempotency_key, @invoice_id, @kind, @cashier_id, @cashier_name, @approver_id, @approver_name,
        @reason, @returned_at, @goods_cents, @tax_cents, @rounding_cents, @refund_cents, @business_day, @shift_id)`,
    mode: 'run',
  },
  insertLine: {
    sql: `insert into return_line (sale_return_id, invoice_line_id, product_id, quantity, refund_cents, tax_cents, restock)
      values (@sale_return_id, @invoice_line_id, @product_id, @quantity, @refund_cents, @tax_cents, @restock)`,
    mode: 'run',
  },
  restock: { sql: 'update product set stock = stock + @quantity, updated_at = @at where id = @id', mode: 'run' },
  insertMovement: {
    sql: `insert into stock_movement (uid, till_id, product_id, delta_qty, reason, sale_return_id, user_id, at, stock_after)
      values (@uid, @till_id, @product_id, @delta_qty, 'returned', @sale_return_id, @user_id, @at, (select stock from product where id = @product_id))`,
    mode: 'run',
  },
  /** A refund re-credits the token whatever its state now (switched off or expired, the money is still the customer's). */
  creditToken: { sql: 'update token set balance_cents = balance_cents + @amount where id = @id', mode: 'run' },
  tokenBalance: { sql: 'select balance_cents from token where id = ?', mode: 'value', row: rowOf<number>() },
  insertLedger: {
    sql: `insert into token_ledger_entry (uid, till_id, token_id, delta_cents, balance_after_cents, reason, invoice_id, sale_return_id, user_id, at)
      values (@uid, @till_id, @token_id, @delta_cents, @balance_after_cents, 'refund', @invoice_id, @sale_return_id, @user_id, @at)`,
    mode: 'run',
  },
  insertRefund: {
    sql: `insert into return_refund (uid, till_id, sale_return_id, position, invoice_tender_id, method, amount_cents, token_id, token_balance_after_cents)
      values (@uid, @till_id, @sale_return_id, @position, @invoice_tender_id, @method, @amount_cents, @token_id, @token_balance_after_cents)`,
    mode: 'run',
  },
  lines: {
    sql: `select r.invoice_line_id, r.product_id, r.quantity, r.refund_cents, r.tax_cents, r.restock, l.sku, l.name
      from return_line r join invoice_line l on l.id = r.invoice_line_id where r.sale_return_id = ? order by r.id`,
    mode: 'all',
    row: rowOf<ReturnLineRow>(),
  },
  refunds: {
    sql: `select f.method, f.amount_cents, f.token_balance_after_cents, t.token_last4, t.wallet, t.reference
      from return_refund f join invoice_tender t on t.id = f.invoice_tender_id where f.sale_return_id = ? order by f.position`,
    mode: 'all',
    row: rowOf<ReturnRefundRow>(),
  },
})
