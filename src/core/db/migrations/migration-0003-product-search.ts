import { Migration } from '@mikro-orm/migrations'

/** The columns both indexes cover; src/core/services/catalog.service.ts queries them. */
const INDEXED_COLUMNS = 'name, sku, barcode, tags'

/**
 * Product search (issue 4): a `tags` column and two FTS5 indexes over name, SKU, barcode and tags,
 * kept in step with `product` by triggers and filled here for the products a till already has.
 *
 * - `product_search`: words. unicode61 folds case and diacritics (`Crème` is found by `creme`); `_`
 *   is part of a word so a typed `_` stays literal; prefix indexes make 1–3 letter prefixes cheap.
 * - `product_substring`: trigrams, for text inside a word (`ilk` finds `Dairymilk`, `3931` the end
 *   of a barcode).
 *
 * Both are contentless (the text lives only in `product`) with `contentless_delete`, so a trigger
 * removes a row by id alone and can never leave stale terms behind by passing the wrong old text.
 * Only active products are indexed: a search never has to filter inactive ones out.
 *
 * Also an index on `product.name`, so an empty search lists the catalog in name order without a sort.
 */
export class Migration0003ProductSearch extends Migration {
  override name = '0003-product-search'

  override up(): void {
    this.addSql('alter table `product` add column `tags` text null')
    this.addSql('create index `product_name_index` on `product` (`name`)')
    this.addSql(
      `create virtual table \`product_search\` using fts5(${INDEXED_COLUMNS}, content = '', contentless_delete = 1, ` +
        `tokenize = "unicode61 remove_diacritics 2 tokenchars '_'", prefix = '1 2 3')`,
    )
    this.addSql(
      `create virtual table \`product_substring\` using fts5(${INDEXED_COLUMNS}, content = '', contentless_delete = 1, ` +
        `tokenize = 'trigram remove_diacritics 1')`,
    )
    const insert = (table: string) =>
      `insert into \`${table}\` (rowid, ${INDEXED_COLUMNS}) select new.id, new.name, new.sku, new.barcode, new.tags where new.active;`
    const remove = (table: string) => `delete from \`${table}\` where rowid = old.id;`
    this.addSql(
      `create trigger \`product_search_after_insert\` after insert on \`product\` for each row begin ` +
        `${insert('product_search')} ${insert('product_substring')} end`,
    )
    // Stock and price changes (every sale) do not touch the indexes: only the indexed columns are listed.
    this.addSql(
      `create trigger \`product_search_after_update\` after update of id, ${INDEXED_COLUMNS}, active on \`product\` for each row begin ` +
        `${remove('product_search')} ${remove('product_substring')} ${insert('product_search')} ${insert('product_substring')} end`,
    )
    this.addSql(
      `create trigger \`product_search_after_delete\` after delete on \`product\` for each row begin ` +
        `${remove('product_search')} ${remove('product_substring')} end`,
    )
    for (const table of ['product_search', 'product_substring']) {
      this.addSql(`insert into \`${table}\` (rowid, ${INDEXED_COLUMNS}) select id, ${INDEXED_COLUMNS} from \`product\` where active`)
      // One b-tree per index after the bulk fill: later searches read fewer segments.
      this.addSql(`insert into \`${table}\` (\`${table}\`) values ('optimize')`)
    }
  }
}
