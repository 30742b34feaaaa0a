/**
 * The FTS5 indexes migration 0003 creates over `product`. They are kept in step by triggers, not
 * mapped to entities, so schema tooling must leave them (and the shadow tables FTS5 keeps beside
 * each) alone: MikroORM can neither introspect a virtual table nor should it drop the shadow tables.
 */
export const PRODUCT_SEARCH_INDEXES = ['product_search', 'product_substring'] as const

/** Every table behind the indexes: each virtual table and its FTS5 shadow tables (contentless: no `_content`). */
export const PRODUCT_SEARCH_TABLES: readonly string[] = PRODUCT_SEARCH_INDEXES.flatMap((index) =>
  ['', '_data', '_idx', '_docsize', '_config'].map((suffix) => `${index}${suffix}`),
)

/** The triggers that keep the indexes in step with `product`. */
export const PRODUCT_SEARCH_TRIGGERS = [
  'product_search_after_insert',
  'product_search_after_update',
  'product_search_after_delete',
] as const
