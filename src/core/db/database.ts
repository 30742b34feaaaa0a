import { CompiledQuery, type DatabaseConnection } from 'kysely'
import { Migrator } from '@mikro-orm/migrations'
import { MikroORM } from '@mikro-orm/sqlite'
import { ENTITIES } from './entities'
import { MIGRATIONS } from './migrations'

export const MIGRATIONS_TABLE = 'schema_migration'

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

export async function openDatabase(dbPath: string): Promise<Orm> {
  const orm = await MikroORM.init({
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
    await refuseNewerSchema(orm)
    await orm.migrator.up()
  } catch (error) {
    await orm.close(true)
    throw error
  }
  return orm
}

async function refuseNewerSchema(orm: Orm): Promise<void> {
  const connection = orm.em.getConnection()
  const tables = await connection.execute<{ name: string }[]>(
    "select name from sqlite_master where type = 'table' and name = ?",
    [MIGRATIONS_TABLE],
  )
  if (tables.length === 0) return
  const applied = await connection.execute<{ name: string }[]>(`select name from \`${MIGRATIONS_TABLE}\``)
  const known = new Set(MIGRATIONS.map((migration) => migration.name))
  const unknown = applied.map((row) => row.name).filter((name) => !known.has(name))
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown)
}
