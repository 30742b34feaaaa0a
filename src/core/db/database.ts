import { CompiledQuery, type DatabaseConnection } from 'kysely'
import { Migrator } from '@mikro-orm/migrations'
import { MikroORM } from '@mikro-orm/sqlite'
import { ENTITIES } from '#core/db/entities'
import { MIGRATIONS, MIGRATIONS_TABLE } from '#core/db/migrations'
import { SqliteImmediateDriver } from './sqlite-immediate.driver'
import type { Sqlite } from './statements'

export { MIGRATIONS_TABLE }

/**
 * Applied on every connection. synchronous=FULL must follow journal_mode=WAL: better-sqlite3 builds
 * SQLite so that WAL databases default to NORMAL, which can lose the last commits on power loss.
 */
export const CONNECTION_PRAGMAS = [
  'pragma journal_mode = WAL',
  'pragma synchronous = FULL',
  'pragma foreign_keys = ON',
  'pragma busy_timeout = 5000',
] as const

export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `This database was last used by a newer version of Tillwise (it has schema changes ${unknownMigrations.join(', ')} ` +
        'that this version does not know). Install the newer version to open it; nothing was changed.',
    )
    this.name = 'DatabaseTooNewError'
  }
}

/**
 * The data file is there but SQLite cannot read it as a database (damaged, overwritten, not ours).
 * Nothing was changed; the message says which file and where the backups are.
 */
export class DatabaseUnreadableError extends Error {
  constructor(
    readonly dbPath: string,
    readonly backupDir: string | undefined,
    readonly reason: string,
  ) {
    super(
      `The till's data file ${dbPath} cannot be read as a database (${reason}); nothing was changed. ` +
        (backupDir
          ? `Copy the newest backup from ${backupDir} (the names carry their dates) over that file, or move the file away to start an empty store, then start Tillwise again.`
          : 'Put a backup in its place, or move the file away to start an empty store, then start Tillwise again.'),
    )
    this.name = 'DatabaseUnreadableError'
  }
}

/** SQLite's answers for a file that is not a database it can read. */
const UNREADABLE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT'])

export type Orm = MikroORM

export interface OpenDatabaseOptions {
  /** Named in the message when the file cannot be read. */
  backupDir?: string
  /** Runs before any migration changes an existing database (the app keeps a backup then). */
  beforeMigrating?: (db: Sqlite) => Promise<unknown>
  /** Stop after this migration (a migration's own test starts from the one before it). */
  migrateTo?: string
}

export async function openDatabase(dbPath: string, options: OpenDatabaseOptions = {}): Promise<Orm> {
  try {
    return await openDatabaseFile(dbPath, options)
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    if (typeof code === 'string' && UNREADABLE_CODES.has(code))
      throw new DatabaseUnreadableError(dbPath, options.backupDir, (error as Error).message)
    throw error
  }
}

async function openDatabaseFile(dbPath: string, options: OpenDatabaseOptions): Promise<Orm> {
  const orm = withIdentifierCollation(() => createOrm(dbPath))
  try {
    const applied = await refuseNewerSchema(orm)
    // A database with every migration applied (every start but the first after an update) needs
    // nothing from the migrator, whose own check costs ~15 ms of each start.
    if (applied !== null && MIGRATIONS.every((migration) => applied.has(migration.name))) return orm
    if (applied !== null && applied.size > 0 && options.beforeMigrating) {
      await options.beforeMigrating((await orm.em.getConnection().getNativeClient()) as Sqlite)
    }
    // SQLite's way to rebuild a table (a changed CHECK constraint) needs foreign keys off, and the
    // pragma only takes effect outside a transaction; a migration that rebuilds proves the
    // references itself before it commits. Every connection turns them on again.
    const connection = orm.em.getConnection()
    await connection.execute('pragma foreign_keys = off')
    try {
      await orm.migrator.up(options.migrateTo ? { to: options.migrateTo } : undefined)
    } finally {
      await connection.execute('pragma foreign_keys = on')
    }
  } catch (error) {
    await orm.close(true)
    throw error
  }
  return orm
}

/**
 * The synchronous constructor, not `MikroORM.init`: init first looks for optional packages (a
 * seeder, an entity generator, a file-globbing library) that a till never uses, ~15 ms of every
 * start (npm run bench:startup). Entities and extensions are listed here, so nothing is lost. No
 * query runs yet: the connection opens with the first one.
 */
export function createOrm(dbPath: string): Orm {
  return new MikroORM({
    // Transactions begin IMMEDIATE: a sale holds the write lock from its first read (see the driver).
    driver: SqliteImmediateDriver,
    dbName: dbPath,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: MIGRATIONS_TABLE,
      snapshot: false,
      silent: true,
      transactional: true,
      allOrNothing: true,
    },
    onCreateConnection: async (connection: unknown) => {
      for (const pragma of CONNECTION_PRAGMAS) {
        await (connection as DatabaseConnection).executeQuery(CompiledQuery.raw(pragma))
      }
    },
    // Requests fork their own EntityManager; touching the global one is a bug.
    allowGlobalContext: false,
    debug: false,
  })
}

/** Letters and digits only: the names MikroORM sorts while it discovers the entities. */
const IDENTIFIER = /^[A-Za-z0-9]*$/

/**
 * Compares two strings of letters and digits in the order of ICU's root collation (the order
 * `localeCompare` gives them in English): digits before letters, letters alphabetically whatever
 * their case, and where only case differs, lower case first. Anything else goes to `fallback`.
 */
export function compareIdentifiers(a: string, b: string, fallback: (a: string, b: string) => number): number {
  if (!IDENTIFIER.test(a) || !IDENTIFIER.test(b)) return fallback(a, b)
  const lowerA = a.toLowerCase()
  const lowerB = b.toLowerCase()
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1
  // Upper case sorts before lower in code units: reversed, lower case comes first.
  return a === b ? 0 : a < b ? 1 : -1
}

/**
 * Runs `work`, which must be synchronous, with `String#localeCompare` answering identifiers by
 * `compareIdentifiers`. MikroORM sorts the entities' names with localeCompare as it discovers them,
 * and a process's first localeCompare loads ICU's collation data: ~15 ms of every start (npm run
 * bench:startup) spent ordering a few ASCII class names. Put back before this returns or throws.
 */
export function withIdentifierCollation<T>(work: () => T): T {
  const localeCompare = String.prototype.localeCompare
  // Only the one-argument form MikroORM uses is answered here; a call with locales goes to ICU.
  String.prototype.localeCompare = function (this: string, that: string, ...rest: unknown[]): number {
    const own = (x: string, y: string) => localeCompare.call(x, y, ...(rest as []))
    return rest.length > 0 ? own(String(this), String(that)) : compareIdentifiers(String(this), String(that), own)
  } as typeof localeCompare
  try {
    return work()
  } finally {
    String.prototype.localeCompare = localeCompare
  }
}

/** The migrations the file has applied (null: it has no migrations table yet), refusing one this version does not know. */
async function refuseNewerSchema(orm: Orm): Promise<ReadonlySet<string> | null> {
  const connection = orm.em.getConnection()
  const tables = await connection.execute<{ name: string }[]>("select name from sqlite_master where type = 'table' and name = ?", [
    MIGRATIONS_TABLE,
  ])
  if (tables.length === 0) return null
  const applied = await connection.execute<{ name: string }[]>(`select name from \`${MIGRATIONS_TABLE}\``)
  const known = new Set(MIGRATIONS.map((migration) => migration.name))
  const unknown = applied.map((row) => row.name).filter((name) => !known.has(name))
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown)
  return new Set(applied.map((row) => row.name))
}
