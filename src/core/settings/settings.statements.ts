import type { TableRow } from '#core/db/entities'
import { defineStatements, rowOf } from '#core/db/statements'

/** Read at every start, before the till answers anything. */
export const SETTINGS_SQL = defineStatements({
  all: { sql: 'select key, value from setting', mode: 'all', row: rowOf<Pick<TableRow<'setting'>, 'key' | 'value'>>() },
  /** 1 once the store has a user (it is set up), 0 before. */
  anyUser: { sql: 'select exists (select 1 from user)', mode: 'value', row: rowOf<number>() },
})
