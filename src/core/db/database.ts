import { CompiledQuery, type DatabaseConnection } from 'kysely'
import { Migrator } from '@mikro-orm/migrations'
import { MikroORM } from '@mikro-orm/sqlite'
import { ENTITIES } from './entities'
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations'
import { SqliteImmediateDriver } from './sqlite-immediate.driver'
import { copyDatabase, writeBackup, type BackupSource } from '../backup/backup-writer'

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

export type Orm = MikroORM

export interface OpenDatabaseOptions {
  /** Where a copy is written before any migration changes an existing database. */
  backupDir?: string
  now?: () => Date
}

export async function openDatabase(dbPath: string, options: OpenDatabaseOptions = {}): Promise<Orm> {
  const orm = await MikroORM.init({
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
  try {
    const existing = await refuseNewerSchema(orm)
    const pending = await orm.migrator.getPending()
    if (existing && pending.length > 0 && options.backupDir) {
      const native = (await orm.em.getConnection().getNativeClient()) as BackupSource
      await writeBackup((destination) => copyDatabase(native, destination), options.backupDir, 'pre-migration', (options.now ?? (() => new Date()))())
    }
    await orm.migrator.up()
  } catch (error) {
    await orm.close(true)
    throw error
  }
  return orm
}

/** Returns whether the file already held a Tillwise schema. */
async function refuseNewerSchema(orm: Orm): Promise<boolean> {
  const connection = orm.em.getConnection()
  const tables = await connection.execute<{ name: string }[]>(
    "select name from sqlite_master where type = 'table' and name = ?",
    [MIGRATIONS_TABLE],
  )
  if (tables.length === 0) return false
  const applied = await connection.execute<{ name: string }[]>(`select name from \`${MIGRATIONS_TABLE}\``)
  const known = new Set(MIGRATIONS.map((migration) => migration.name))
  const unknown = applied.map((row) => row.name).filter((name) => !known.has(name))
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown)
  return applied.length > 0
}
