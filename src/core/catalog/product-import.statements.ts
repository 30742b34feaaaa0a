import type { TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

/** A product as the import compares and the export writes it. */
export type ImportProductRow = Pick<
  TableRow<'product'>,
  'id' | 'sku' | 'name' | 'price_cents' | 'barcode' | 'category_id' | 'tags' | 'stock' | 'low_stock_at' | 'active'
>

const COMPARED = 'p.id, p.sku, p.name, p.price_cents, p.barcode, p.category_id, p.tags, p.stock, p.low_stock_at, p.active'

/**
 * Migration 0003's insert trigger as sqlite_master holds it. The import puts its new products into
 * both search indexes with `indexWords` and `indexSubstrings`, which do what this trigger does, for
 * a range of rows at once: it drops the trigger only while the database holds exactly this one.
 */
export const SEARCH_INSERT_TRIGGER =
  'CREATE TRIGGER `product_search_after_insert` after insert on `product` for each row begin ' +
  'insert into `product_search` (rowid, name, sku, barcode, tags) select new.id, new.name, new.sku, new.barcode, new.tags where new.active; ' +
  'insert into `product_substring` (rowid, name, sku, barcode, tags) select new.id, new.name, new.sku, new.barcode, new.tags where new.active; end'

/**
 * The import's set statements. Each takes a chunk of rows as one JSON array (`json_each`), so a
 * 100k-row file is a few dozen statements, not 100k (the README's Speed table has the import's
 * figures). An array of rows goes through `jsonb_each`: its rows come out in SQLite's binary JSON,
 * which `->>` reads directly (`json_each` would hand each row over as text to be parsed again).
 * New products are indexed for search by a range statement per index, not by the insert trigger
 * (see product-import.service.ts). An update sets only the columns that changed, so a price or
 * stock change does not re-index the product: only `updateIndexed` sets the columns the search
 * triggers of migration 0003 watch.
 */
export const PRODUCT_IMPORT_SQL = defineStatements({
  productsBySku: {
    sql: `select ${COMPARED} from json_each(?) j join product p on p.sku = j.value`,
    mode: 'all',
    row: rowOf<ImportProductRow>(),
  },
  barcodeOwners: {
    sql: 'select p.id, p.sku, p.barcode from json_each(?) j join product p on p.barcode = j.value',
    mode: 'all',
    row: rowOf<Pick<TableRow<'product'>, 'id' | 'sku' | 'barcode'>>(),
  },
  categories: { sql: 'select id, name_key from category', mode: 'all', row: rowOf<Pick<TableRow<'category'>, 'id' | 'name_key'>>() },
  /** [[name, name_key], …] */
  insertCategories: {
    sql: `insert into category (name, name_key, created_at) select j.value ->> 0, j.value ->> 1, @at from jsonb_each(@rows) j
      returning id, name_key`,
    mode: 'all',
    row: rowOf<Pick<TableRow<'category'>, 'id' | 'name_key'>>(),
  },
  /** How many products there are, counted only up to `?`: enough to tell whether an insert at least doubles the catalog. */
  productRowsUpTo: { sql: 'select count(*) from (select 1 from product limit ?)', mode: 'value', row: rowOf<number>() },
  searchInsertTrigger: {
    sql: "select sql from sqlite_master where type = 'trigger' and name = 'product_search_after_insert'",
    mode: 'value',
    row: rowOf<string>(),
  },
  dropSearchInsertTrigger: { sql: 'drop trigger `product_search_after_insert`', mode: 'run' },
  /** The product's own indexes (not the ones SQLite makes for a constraint), which a big insert drops and builds again after its rows. */
  productIndexes: {
    sql: "select name, sql from sqlite_master where type = 'index' and tbl_name = 'product' and sql is not null order by name",
    mode: 'all',
    row: rowOf<{ name: string; sql: string }>(),
  },
  /** FTS5's `hashsize` (bytes of new terms kept in memory before they are written as a segment); null: its default. */
  searchHashSize: {
    sql: "select (select v from product_search_config where k = 'hashsize') as words, (select v from product_substring_config where k = 'hashsize') as substrings",
    mode: 'get',
    row: rowOf<{ words: number | null; substrings: number | null }>(),
  },
  setSearchHashSize: {
    sql: "insert into product_search (product_search, rank) values ('hashsize', cast(@words as integer))",
    mode: 'run',
  },
  setSubstringHashSize: {
    sql: "insert into product_substring (product_substring, rank) values ('hashsize', cast(@substrings as integer))",
    mode: 'run',
  },
  /** What SEARCH_INSERT_TRIGGER does for each product, for the products with ids `from` to `to`. */
  indexWords: {
    sql: 'insert into product_search (rowid, name, sku, barcode, tags) select id, name, sku, barcode, tags from product where id between @from and @to and active',
    mode: 'run',
  },
  indexSubstrings: {
    sql: 'insert into product_substring (rowid, name, sku, barcode, tags) select id, name, sku, barcode, tags from product where id between @from and @to and active',
    mode: 'run',
  },
  /** [id, …]: their barcodes move to other rows of the file. */
  releaseBarcodes: {
    sql: 'update product set barcode = null where id in (select value from json_each(?))',
    mode: 'run',
  },
  /** [[sku, barcode, name, tags, price_cents, stock, active, category_id, low_stock_at], …] */
  insertProducts: {
    sql: `insert into product (sku, barcode, name, tags, price_cents, stock, active, category_id, low_stock_at, image_file, created_at, updated_at)
      select j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7,
        j.value ->> 8, null, @at, @at
      from jsonb_each(@rows) j`,
    mode: 'run',
  },
  /** The store's default taxes (a JSON list of ids) for every product written after id `after`: the file's new ones. */
  insertNewProductTaxes: {
    sql: 'insert into product_tax (product_id, tax_rate_id) select p.id, t.value from product p join json_each(@taxes) t where p.id > @after',
    mode: 'run',
  },
  /** The highest product id there is (0: none). */
  lastProductId: { sql: 'select coalesce(max(id), 0) from product', mode: 'value', row: rowOf<number>() },
  /** The products written after id `?`: a chunk's new rows read back (cheaper than RETURNING them). */
  productsAfter: { sql: 'select id, sku from product where id > ?', mode: 'all', row: rowOf<Pick<TableRow<'product'>, 'id' | 'sku'>>() },
  /** [[id, name, barcode, tags, active], …]: the columns the search triggers watch, for the rows where one of them changed. */
  updateIndexed: {
    sql: `update product set name = j.value ->> 1, barcode = j.value ->> 2, tags = j.value ->> 3, active = j.value ->> 4, updated_at = @at
      from jsonb_each(@rows) j where product.id = j.value ->> 0`,
    mode: 'run',
  },
  // One column each, for the rows where it changed: an indexed column in a SET is re-indexed even when its value stays.
  /** [[id, price_cents], …] */
  updatePrices: {
    sql: 'update product set price_cents = j.value ->> 1, updated_at = @at from jsonb_each(@rows) j where product.id = j.value ->> 0',
    mode: 'run',
  },
  /** [[id, stock], …] */
  updateStock: {
    sql: 'update product set stock = j.value ->> 1, updated_at = @at from jsonb_each(@rows) j where product.id = j.value ->> 0',
    mode: 'run',
  },
  /** [[id, category_id], …] */
  updateCategories: {
    sql: 'update product set category_id = j.value ->> 1, updated_at = @at from jsonb_each(@rows) j where product.id = j.value ->> 0',
    mode: 'run',
  },
  /** [[id, low_stock_at], …] */
  updateThresholds: {
    sql: 'update product set low_stock_at = j.value ->> 1, updated_at = @at from jsonb_each(@rows) j where product.id = j.value ->> 0',
    mode: 'run',
  },
  /** [id, …] */
  clearTags: { sql: 'delete from product_tag where product_id in (select value from json_each(?))', mode: 'run' },
  /** [[product_id, tag], …] */
  insertTags: {
    sql: 'insert into product_tag (product_id, tag) select j.value ->> 0, j.value ->> 1 from jsonb_each(?) j',
    mode: 'run',
  },
  /** [[product_id, delta_qty, uid, stock_after], …] */
  insertMovements: {
    sql: `insert into stock_movement (product_id, delta_qty, reason, invoice_id, at, uid, till_id, note, user_id, stock_after)
      select j.value ->> 0, j.value ->> 1, 'import', null, @at, j.value ->> 2, @tillId, null, @userId, j.value ->> 3
      from jsonb_each(@rows) j`,
    mode: 'run',
  },
  /** The whole catalog in SKU order (the unique index's), archived products too. */
  exportRows: {
    sql: `select p.sku, p.name, p.price_cents, p.barcode, c.name as category, p.tags, p.stock, p.low_stock_at, p.active
      from product p left join category c on c.id = p.category_id order by p.sku`,
    mode: 'all',
    row: rowOf<
      Pick<TableRow<'product'>, 'sku' | 'name' | 'price_cents' | 'barcode' | 'tags' | 'stock' | 'low_stock_at' | 'active'> & {
        category: string | null
      }
    >(),
  },
})
