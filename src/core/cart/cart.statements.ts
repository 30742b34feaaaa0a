import type { TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

/** A cart line as stored, with its product's current sku, name, price, stock, thumbnail and whether it is still sold. */
export type CartLineRow = Pick<TableRow<'cart_line'>, 'product_id' | 'quantity'> &
  Pick<TableRow<'product'>, 'sku' | 'name' | 'price_cents' | 'stock' | 'image_file' | 'active'>

/** The cart is on the till's hot path: every scan answers the whole cart. */
export const CART_SQL = defineStatements({
  lines: {
    sql: `select l.product_id, p.sku, p.name, p.price_cents, l.quantity, p.stock, p.image_file, p.active
      from cart_line l join product p on p.id = l.product_id where l.user_id = ? order by l.id`,
    mode: 'all',
    row: rowOf<CartLineRow>(),
  },
  activeProduct: { sql: 'select 1 from product where id = ? and active', mode: 'value', row: rowOf<number>() },
  lineQuantity: { sql: 'select quantity from cart_line where user_id = ? and product_id = ?', mode: 'value', row: rowOf<number>() },
  insertLine: { sql: 'insert into cart_line (user_id, product_id, quantity, added_at) values (?, ?, ?, ?)', mode: 'run' },
  setQuantity: { sql: 'update cart_line set quantity = ? where user_id = ? and product_id = ?', mode: 'run' },
  removeLine: { sql: 'delete from cart_line where user_id = ? and product_id = ?', mode: 'run' },
  clear: { sql: 'delete from cart_line where user_id = ?', mode: 'run' },
})
