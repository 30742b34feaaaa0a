import type Database from 'better-sqlite3'
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite'

/**
 * Lane C (DESIGN §2.2): the till's measured hot paths (scan, search, cart, sale) run as named,
 * prepared statements on the ORM's own better-sqlite3 connection. Through the ORM every call
 * builds its SQL with the values inlined and compiles a new statement, and a sale goes through the
 * unit of work entity by entity; the README's Speed table has the figures.
 *
 * It is the same connection the ORM uses, so these statements see the ORM's open transaction and
 * the ORM sees their writes; core's database queue runs one request at a time on it.
 */
export type Sqlite = Database.Database

export async function nativeDatabase(em: EntityManager): Promise<Sqlite> {
  return (await em.getConnection().getNativeClient()) as Sqlite
}

const connections = new WeakMap<MikroORM, Sqlite>()

/** The open database's one connection; after the first call, without waiting (a scan's path is short). */
export function connectionOf(orm: MikroORM): Sqlite | Promise<Sqlite> {
  const known = connections.get(orm)
  if (known) return known
  return nativeDatabase(orm.em.fork()).then((db) => {
    connections.set(orm, db)
    return db
  })
}

/**
 * How a statement answers, fixed when it is defined: one row or none, all rows, the first column of
 * one row or of all rows, or the run's changes.
 */
export type StatementMode = 'get' | 'all' | 'value' | 'values' | 'run'

export interface StatementDefinition<M extends StatementMode = StatementMode, Row = unknown> {
  readonly sql: string
  readonly mode: M
  /** Type only: what a row holds (for `value`/`values`, the first column's type). */
  readonly row?: Row
}

/** The row type of a definition, written `row: rowOf<TableRow<'product'>>()`. */
export function rowOf<Row>(): Row | undefined {
  return undefined
}

/** Values bound to `?` in order, or to `@name` by name. */
type Bindings = unknown[] | [Record<string, unknown>]

type Bound<D> =
  D extends StatementDefinition<'get', infer Row>
    ? (...values: Bindings) => Row | undefined
    : D extends StatementDefinition<'all', infer Row>
      ? (...values: Bindings) => Row[]
      : D extends StatementDefinition<'value', infer Value>
        ? (...values: Bindings) => Value | undefined
        : D extends StatementDefinition<'values', infer Value>
          ? (...values: Bindings) => Value[]
          : (...values: Bindings) => Database.RunResult

export type StatementSet = Readonly<Record<string, StatementDefinition>>
export type BoundStatements<S extends StatementSet> = { readonly [K in keyof S]: Bound<S[K]> }

const DEFINED = new WeakSet<object>()

/**
 * A feature's named statements. Each is prepared once per connection, on first use, with its mode
 * set for good; only constant SQL text goes here (values are always bound).
 */
export function defineStatements<const S extends StatementSet>(statements: S): S {
  DEFINED.add(statements)
  return Object.freeze(statements)
}

export function isStatementSet(value: unknown): value is StatementSet {
  return typeof value === 'object' && value !== null && DEFINED.has(value)
}

/** Keyed by the connection (restoring a backup opens a new one), then by the set. */
const boundByConnection = new WeakMap<Sqlite, WeakMap<StatementSet, BoundStatements<StatementSet>>>()

function bindOne(db: Sqlite, definition: StatementDefinition): (...values: unknown[]) => unknown {
  let statement: Database.Statement | undefined
  const prepared = (): Database.Statement => (statement ??= db.prepare(definition.sql))
  switch (definition.mode) {
    case 'get':
      return (...values) => prepared().get(...values)
    case 'all':
      return (...values) => prepared().all(...values)
    case 'value':
      return (...values) =>
        prepared()
          .pluck()
          .get(...values)
    case 'values':
      return (...values) =>
        prepared()
          .pluck()
          .all(...values)
    case 'run':
      return (...values) => prepared().run(...values)
  }
}

/** The set's statements as functions on this connection. */
export function bindStatements<S extends StatementSet>(db: Sqlite, statements: S): BoundStatements<S> {
  let sets = boundByConnection.get(db)
  if (!sets) {
    sets = new WeakMap()
    boundByConnection.set(db, sets)
  }
  let bound = sets.get(statements)
  if (!bound) {
    const functions: Record<string, unknown> = {}
    for (const [name, definition] of Object.entries(statements)) functions[name] = bindOne(db, definition)
    bound = Object.freeze(functions) as BoundStatements<StatementSet>
    sets.set(statements, bound)
  }
  return bound as BoundStatements<S>
}

/** Prepares every statement of a set now, so a typo or a missing column fails here (tests). */
export function prepareAll(db: Sqlite, statements: StatementSet): void {
  for (const definition of Object.values(statements)) db.prepare(definition.sql)
}
