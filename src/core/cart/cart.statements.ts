import type { TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

/** A cart line as stored, with its product's current sku, name, price, stock, thumbnail and whether it is still sold. */
export type CartLineRow = Pick<
  TableRow<'cart_line'>,
  'product_id' | 'quantity' | 'discount_kind' | 'discount_value' | 'discount_reason' | 'discount_approved_by'
> &
  Pick<TableRow<'product'>, 'sku' | 'name' | 'price_cents' | 'stock' | 'image_file' | 'active'>

/** The open cart's order discount and promo (no row: neither). */
export type CartOrderRow = Pick<
  TableRow<'cart_order'>,
  'discount_kind' | 'discount_value' | 'discount_reason' | 'discount_approved_by' | 'promo_id'
>

export type PromoRow = Pick<
  TableRow<'promo'>,
  'id' | 'code' | 'name' | 'kind' | 'value' | 'min_spend_cents' | 'starts_on' | 'ends_on' | 'max_uses' | 'uses' | 'active'
>

const PROMO_COLUMNS = 'id, code, name, kind, value, min_spend_cents, starts_on, ends_on, max_uses, uses, active'

/** A tax one product of the cart is sold with. */
export type CartTaxRow = { product_id: number } & Pick<TableRow<'tax_rate'>, 'id' | 'name' | 'rate_bps' | 'included'>

/** The cart is on the till's hot path: every scan answers the whole cart. */
export const CART_SQL = defineStatements({
  lines: {
    sql: `select l.product_id, p.sku, p.name, p.price_cents, l.quantity, p.stock, p.image_file, p.active, l.discount_kind, l.discount_value,
        l.discount_reason, l.discount_approved_by
      from cart_line l join product p on p.id = l.product_id where l.user_id = ? order by l.id`,
    mode: 'all',
    row: rowOf<CartLineRow>(),
  },
  order: {
    sql: 'select discount_kind, discount_value, discount_reason, discount_approved_by, promo_id from cart_order where user_id = ?',
    mode: 'get',
    row: rowOf<CartOrderRow>(),
  },
  promo: { sql: `select ${PROMO_COLUMNS} from promo where id = ?`, mode: 'get', row: rowOf<PromoRow>() },
  promoByCode: { sql: `select ${PROMO_COLUMNS} from promo where code_key = ?`, mode: 'get', row: rowOf<PromoRow>() },
  /** The products of the user's cart a promo applies to: those it names, those of the categories it names, or every one when it names neither. */
  promoLines: {
    sql: `select l.product_id from cart_line l join product p on p.id = l.product_id where l.user_id = @userId and (
        (not exists (select 1 from promo_product where promo_id = @promoId) and not exists (select 1 from promo_category where promo_id = @promoId))
        or l.product_id in (select product_id from promo_product where promo_id = @promoId)
        or p.category_id in (select category_id from promo_category where promo_id = @promoId))`,
    mode: 'values',
    row: rowOf<number>(),
  },
  setLineDiscount: {
    sql: `update cart_line set discount_kind = @kind, discount_value = @value, discount_reason = @reason, discount_approved_by = @approvedBy
      where user_id = @userId and product_id = @productId`,
    mode: 'run',
  },
  setOrderDiscount: {
    sql: `insert into cart_order (user_id, discount_kind, discount_value, discount_reason, discount_approved_by) values (@userId, @kind, @value, @reason, @approvedBy)
      on conflict (user_id) do update set discount_kind = excluded.discount_kind, discount_value = excluded.discount_value,
        discount_reason = excluded.discount_reason, discount_approved_by = excluded.discount_approved_by`,
    mode: 'run',
  },
  setPromo: {
    sql: `insert into cart_order (user_id, promo_id) values (@userId, @promoId)
      on conflict (user_id) do update set promo_id = excluded.promo_id`,
    mode: 'run',
  },
  clearOrder: { sql: 'delete from cart_order where user_id = ?', mode: 'run' },
  /** The active taxes of the products in the user's cart (a switched-off rate is no longer charged). */
  lineTaxes: {
    sql: `select pt.product_id, t.id, t.name, t.rate_bps, t.included from cart_line l
      join product_tax pt on pt.product_id = l.product_id join tax_rate t on t.id = pt.tax_rate_id
      where l.user_id = ? and t.active order by pt.product_id, t.id`,
    mode: 'all',
    row: rowOf<CartTaxRow>(),
  },
  activeProduct: { sql: 'select 1 from product where id = ? and active', mode: 'value', row: rowOf<number>() },
  lineQuantity: { sql: 'select quantity from cart_line where user_id = ? and product_id = ?', mode: 'value', row: rowOf<number>() },
  insertLine: { sql: 'insert into cart_line (user_id, product_id, quantity, added_at) values (?, ?, ?, ?)', mode: 'run' },
  setQuantity: { sql: 'update cart_line set quantity = ? where user_id = ? and product_id = ?', mode: 'run' },
  removeLine: { sql: 'delete from cart_line where user_id = ? and product_id = ?', mode: 'run' },
  clear: { sql: 'delete from cart_line where user_id = ?', mode: 'run' },
})
