import type Database from 'better-sqlite3'
import type { EntityManager } from '@mikro-orm/sqlite'

/**
 * The till's hot paths (scan, search, cart, sale) run prepared statements on the ORM's own
 * better-sqlite3 connection. Through the ORM every call builds its SQL with the values inlined and
 * compiles a new statement, and a sale goes through the unit of work entity by entity: a 20-line
 * sale took 22 ms that way against 2.7 ms as prepared statements (scripts/bench). Entities,
 * migrations and the rarer back-office paths stay on the ORM.
 *
 * It is the same connection the ORM uses, so these statements see the ORM's open transaction and
 * the ORM sees their writes; core's database queue runs one request at a time on it.
 */
export type Sqlite = Database.Database

export async function nativeDatabase(em: EntityManager): Promise<Sqlite> {
  return (await em.getConnection().getNativeClient()) as Sqlite
}

/** Keyed by the connection, as restoring a backup opens a new one. */
const preparedByConnection = new WeakMap<Sqlite, Map<string, Database.Statement>>()

/**
 * `sql` compiled once per connection; only ever pass constant SQL text (values are bound). A mode
 * set on a statement (`pluck`, `raw`) stays with it, so use each SQL text the same way everywhere.
 */
export function prepared<Row = unknown>(db: Sqlite, sql: string): Database.Statement<unknown[], Row> {
  let statements = preparedByConnection.get(db)
  if (!statements) {
    statements = new Map()
    preparedByConnection.set(db, statements)
  }
  let statement = statements.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    statements.set(sql, statement)
  }
  return statement as Database.Statement<unknown[], Row>
}
