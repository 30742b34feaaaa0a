import type { TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

export type PromoAdminRow = TableRow<'promo'>

/** Promo codes: a sale counts its use, a manager keeps them. */
export const PROMO_SQL = defineStatements({
  /** Conditional: two tills racing for a promo's last use cannot both take it. */
  use: {
    sql: `update promo set uses = uses + 1, updated_at = @at where id = @id and active and (max_uses is null or uses < max_uses)`,
    mode: 'run',
  },
  insertInvoicePromo: {
    sql: `insert into invoice_promo (invoice_id, promo_id, code, name, discount_cents) values (@invoiceId, @promoId, @code, @name, @discountCents)`,
    mode: 'run',
  },
  all: {
    sql: `select * from promo order by active desc, code_key`,
    mode: 'all',
    row: rowOf<PromoAdminRow>(),
  },
  byId: { sql: 'select * from promo where id = ?', mode: 'get', row: rowOf<PromoAdminRow>() },
  byCode: { sql: 'select id, code from promo where code_key = ?', mode: 'get', row: rowOf<Pick<PromoAdminRow, 'id' | 'code'>>() },
  insert: {
    sql: `insert into promo (code, code_key, name, kind, value, min_spend_cents, starts_on, ends_on, max_uses, uses, active, created_at, updated_at)
      values (@code, @codeKey, @name, @kind, @value, @minSpendCents, @startsOn, @endsOn, @maxUses, 0, @active, @at, @at)`,
    mode: 'run',
  },
  update: {
    sql: `update promo set code = @code, code_key = @codeKey, name = @name, kind = @kind, value = @value, min_spend_cents = @minSpendCents,
        starts_on = @startsOn, ends_on = @endsOn, max_uses = @maxUses, active = @active, updated_at = @at where id = @id`,
    mode: 'run',
  },
  productIds: { sql: 'select product_id from promo_product where promo_id = ? order by product_id', mode: 'values', row: rowOf<number>() },
  categoryIds: {
    sql: 'select category_id from promo_category where promo_id = ? order by category_id',
    mode: 'values',
    row: rowOf<number>(),
  },
  clearProducts: { sql: 'delete from promo_product where promo_id = ?', mode: 'run' },
  clearCategories: { sql: 'delete from promo_category where promo_id = ?', mode: 'run' },
  addProducts: {
    sql: 'insert into promo_product (promo_id, product_id) select @promoId, value from json_each(@ids)',
    mode: 'run',
  },
  addCategories: {
    sql: 'insert into promo_category (promo_id, category_id) select @promoId, value from json_each(@ids)',
    mode: 'run',
  },
  knownProducts: { sql: 'select count(*) from product where id in (select value from json_each(?))', mode: 'value', row: rowOf<number>() },
  knownCategories: {
    sql: 'select count(*) from category where id in (select value from json_each(?))',
    mode: 'value',
    row: rowOf<number>(),
  },
})
