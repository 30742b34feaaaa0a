import { type TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

/** A product as the till shows it. */
export type ProductRow = Pick<TableRow<'product'>, 'id' | 'sku' | 'barcode' | 'name' | 'price_cents' | 'stock' | 'image_file'>

const PRODUCT_COLUMNS = 'p.id, p.sku, p.barcode, p.name, p.price_cents, p.stock, p.image_file'

/** The indexes (`product_search`, `product_substring`) and the triggers that fill them are in migration 0003. */
export const CATALOG_SQL = defineStatements({
  /** A barcode equal to the code first, then a SKU equal to it, then a SKU equal to it upper-cased. */
  lookup: {
    sql: `select ${PRODUCT_COLUMNS} from product p where active and (barcode = @code or sku = @code or sku = @upper)
      order by barcode = @code desc, sku = @code desc limit 1`,
    mode: 'get',
    row: rowOf<ProductRow>(),
  },
  exactCode: {
    sql: `select id from product where active and (barcode = @code or sku = @code or sku = @upper)
      order by barcode = @code desc, sku = @code desc, id`,
    mode: 'values',
    row: rowOf<number>(),
  },
  words: {
    sql: 'select rowid from product_search where product_search match ? order by rowid limit ?',
    mode: 'values',
    row: rowOf<number>(),
  },
  substring: {
    sql: 'select rowid from product_substring where product_substring match ? order by rowid limit ?',
    mode: 'values',
    row: rowOf<number>(),
  },
  substringAndWords: {
    sql: `select rowid from product_substring where product_substring match ?
      and rowid in (select rowid from product_search where product_search match ?) order by rowid limit ?`,
    mode: 'values',
    row: rowOf<number>(),
  },
  /** One page of the hits, given as [id, tier] pairs: by tier, then name, then id (a stable order). */
  page: {
    sql: `select ${PRODUCT_COLUMNS} from json_each(?) hit join product p on p.id = hit.value ->> 0
      where p.active order by hit.value ->> 1, p.name collate nocase, p.id limit ? offset ?`,
    mode: 'all',
    row: rowOf<ProductRow>(),
  },
  /** The catalog along `product_name_index`. */
  browse: {
    sql: `select ${PRODUCT_COLUMNS} from product p where p.active order by p.name, p.id limit ? offset ?`,
    mode: 'all',
    row: rowOf<ProductRow>(),
  },
  browseCount: { sql: 'select count(*) from (select 1 from product where active limit ?)', mode: 'value', row: rowOf<number>() },
})
