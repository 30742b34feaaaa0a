import { bindStatements, defineStatements, rowOf, type Sqlite } from './statements'

/**
 * The till a database belongs to: a UUID and a short code for people, made once by migration 0004
 * and kept in `setting`. Every fact row this till writes carries the id (DESIGN §4).
 */
export interface TillIdentity {
  id: string
  code: string
}

const IDENTITY_SQL = defineStatements({
  setting: { sql: 'select value from setting where key = ?', mode: 'value', row: rowOf<string>() },
})

/** Keyed by the connection: a restored backup brings its own till identity. */
const identityByConnection = new WeakMap<Sqlite, TillIdentity>()

export function tillIdentity(db: Sqlite): TillIdentity {
  let identity = identityByConnection.get(db)
  if (!identity) {
    const sql = bindStatements(db, IDENTITY_SQL)
    const id = sql.setting('tillId')
    const code = sql.setting('tillCode')
    if (!id || !code) throw new Error('This database has no till identity (migration 0004 did not run).')
    identity = { id, code }
    identityByConnection.set(db, identity)
  }
  return identity
}
