import type { TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

/** A parked basket with who parked it and how many units it holds. */
export type ParkedCartRow = Pick<
  TableRow<'parked_cart'>,
  | 'id'
  | 'uid'
  | 'label'
  | 'user_id'
  | 'parked_at'
  | 'line_count'
  | 'total_cents'
  | 'order_discount_kind'
  | 'order_discount_value'
  | 'order_discount_reason'
  | 'order_discount_approved_by'
  | 'promo_code'
> & {
  parked_by_name: string
  item_count: number
}

/** A parked line with its product as it is now: its current name and price, and whether it is still sold. */
export type ParkedLineRow = Pick<
  TableRow<'parked_cart_line'>,
  'product_id' | 'quantity' | 'unit_price_cents' | 'discount_kind' | 'discount_value' | 'discount_reason' | 'discount_approved_by'
> &
  Pick<TableRow<'product'>, 'name' | 'price_cents' | 'active'>

const SUMMARY = `select c.id, c.uid, c.label, c.user_id, u.display_name as parked_by_name, c.parked_at, c.line_count, c.total_cents,
  c.order_discount_kind, c.order_discount_value, c.order_discount_reason, c.order_discount_approved_by, c.promo_code,
  (select sum(l.quantity) from parked_cart_line l where l.parked_cart_id = c.id) as item_count
  from parked_cart c join user u on u.id = c.user_id`

/** Parking and recalling sit on the till's path, beside the cart's own statements they run with. */
export const PARKED_SQL = defineStatements({
  insertCart: {
    sql: `insert into parked_cart (uid, till_id, label, user_id, parked_at, line_count, total_cents, order_discount_kind, order_discount_value,
        order_discount_reason, order_discount_approved_by, promo_code)
      values (@uid, @till_id, @label, @user_id, @parked_at, @line_count, @total_cents, @order_discount_kind, @order_discount_value,
        @order_discount_reason, @order_discount_approved_by, @promo_code)`,
    mode: 'run',
  },
  insertLine: {
    sql: `insert into parked_cart_line (parked_cart_id, product_id, quantity, unit_price_cents, position, discount_kind, discount_value,
        discount_reason, discount_approved_by)
      values (@parkedCartId, @productId, @quantity, @unitPriceCents, @position, @kind, @value, @reason, @approvedBy)`,
    mode: 'run',
  },
  /** One till's baskets, newest first (the id breaks ties within a millisecond). */
  list: {
    sql: `${SUMMARY} where c.till_id = ? order by c.parked_at desc, c.id desc limit ? offset ?`,
    mode: 'all',
    row: rowOf<ParkedCartRow>(),
  },
  count: { sql: 'select count(*) from parked_cart where till_id = ?', mode: 'value', row: rowOf<number>() },
  one: { sql: `${SUMMARY} where c.id = ? and c.till_id = ?`, mode: 'get', row: rowOf<ParkedCartRow>() },
  lines: {
    sql: `select l.product_id, l.quantity, l.unit_price_cents, l.discount_kind, l.discount_value, l.discount_reason, l.discount_approved_by,
        p.name, p.price_cents, p.active
      from parked_cart_line l join product p on p.id = l.product_id where l.parked_cart_id = ? order by l.position`,
    mode: 'all',
    row: rowOf<ParkedLineRow>(),
  },
  /** Its lines go with it (`on delete cascade`). */
  remove: { sql: 'delete from parked_cart where id = ? and till_id = ?', mode: 'run' },
})
