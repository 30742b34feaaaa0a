import type { TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

export type TokenRow = Pick<TableRow<'token'>, 'id' | 'code' | 'balance_cents' | 'expires_on'>

/**
 * A sale is the hot path with the most writes, in the order SQLite needs them: the invoice first,
 * then what refers to it.
 */
export const CHECKOUT_SQL = defineStatements({
  /** Numbers run per till. */
  lastNumber: { sql: 'select max(number) from invoice where till_id = ?', mode: 'value', row: rowOf<number | null>() },
  /** Only a token that is switched on: a deactivated one is refused like an unknown code. Still one look-up of the unique code. */
  token: {
    sql: 'select id, code, balance_cents, expires_on from token where code = ? and active = 1',
    mode: 'get',
    row: rowOf<TokenRow>(),
  },
  /** Conditional: two tills paying with one token cannot both spend the same balance. */
  debitToken: { sql: 'update token set balance_cents = balance_cents - @amount where id = @id and balance_cents >= @amount', mode: 'run' },
  insertInvoice: {
    sql: `insert into invoice (uid, till_id, number, idempotency_key, cashier_id, cashier_name, payment_method, token_id, token_last4,
        paid_at, total_cents, tendered_cents, change_cents, token_balance_after_cents, subtotal_cents, discount_cents, tax_cents, rounding_cents,
        business_day, shift_id, units)
      values (@uid, @till_id, @number, @idempotency_key, @cashier_id, @cashier_name, @payment_method, @token_id, @token_last4,
        @paid_at, @total_cents, @tendered_cents, @change_cents, @token_balance_after_cents, @subtotal_cents, @discount_cents, @tax_cents,
        @rounding_cents, @business_day, @shift_id, @units)`,
    mode: 'run',
  },
  /** One row per tender, in the order given. */
  insertTender: {
    sql: `insert into invoice_tender (uid, till_id, invoice_id, position, method, amount_cents, tendered_cents, change_cents, token_id,
        token_last4, token_balance_after_cents, wallet, reference)
      values (@uid, @till_id, @invoice_id, @position, @method, @amount_cents, @tendered_cents, @change_cents, @token_id,
        @token_last4, @token_balance_after_cents, @wallet, @reference)`,
    mode: 'run',
  },
  insertLedger: {
    sql: `insert into token_ledger_entry (uid, till_id, token_id, delta_cents, balance_after_cents, reason, invoice_id, at)
      values (?, ?, ?, ?, ?, 'sale', ?, ?)`,
    mode: 'run',
  },
  insertLine: {
    sql: `insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents, discount_cents,
        net_cents, tax_cents, total_cents)
      values (@invoice_id, @product_id, @sku, @name, @unit_price_cents, @quantity, @sub_amount_cents, @discount_cents, @net_cents,
        @tax_cents, @total_cents)`,
    mode: 'run',
  },
  /** A copy of the rate as it is now: a later change never reaches this invoice. */
  insertTax: {
    sql: `insert into invoice_tax (invoice_id, tax_rate_id, name, rate_bps, included, base_cents, tax_cents)
      values (@invoice_id, @tax_rate_id, @name, @rate_bps, @included, @base_cents, @tax_cents)`,
    mode: 'run',
  },
  /** Conditional: two tills racing for the last unit cannot both take it. */
  takeStock: { sql: 'update product set stock = stock - @quantity, updated_at = @at where id = @id and stock >= @quantity', mode: 'run' },
  /** After `takeStock`: the movement records the stock it left. */
  insertMovement: {
    sql: `insert into stock_movement (uid, till_id, product_id, delta_qty, reason, invoice_id, at, stock_after)
      values (@uid, @till_id, @product_id, @delta_qty, 'sale', @invoice_id, @at, (select stock from product where id = @product_id))`,
    mode: 'run',
  },
})
