import { CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type TransactionSettings } from 'kysely'
import {
  AbstractSqlDriver,
  MikroORM,
  SqliteConnection,
  SqlitePlatform,
  type Configuration,
  type Constructor,
  type Dictionary,
} from '@mikro-orm/sqlite'

/**
 * MikroORM's SQLite driver with one change: every transaction starts with `BEGIN IMMEDIATE`.
 *
 * kysely's SQLite driver issues a plain (deferred) `BEGIN`, which takes the write lock only at the
 * first write. A sale reads first (cart, token balance) and writes later; if another connection to
 * the file (a second process, a backup, a repair tool) commits in between, SQLite refuses the upgrade
 * with SQLITE_BUSY at once, without waiting out `busy_timeout`. `BEGIN IMMEDIATE` takes the write
 * lock up front, waiting for it under `busy_timeout`, so a transaction that has begun never fails for
 * lack of the lock and its reads cannot go stale before its writes.
 */
export class SqliteImmediateDriver extends AbstractSqlDriver<SqliteImmediateConnection> {
  constructor(config: Configuration) {
    super(config, new SqliteImmediatePlatform(), SqliteImmediateConnection, ['kysely', 'better-sqlite3'])
  }

  override getORMClass(): Constructor<MikroORM> {
    return MikroORM
  }
}

export class SqliteImmediateConnection extends SqliteConnection {
  override createKyselyDialect(options: Dictionary): Dialect {
    return new ImmediateDialect(super.createKyselyDialect(options))
  }
}

/** Only for what MikroORM writes to its query log, so the log shows what really runs. */
class SqliteImmediatePlatform extends SqlitePlatform {
  override getBeginTransactionSQL(): string[] {
    return ['begin immediate']
  }
}

class ImmediateDialect implements Dialect {
  constructor(readonly inner: Dialect) {}

  createDriver(): Driver {
    return new ImmediateDriver(this.inner.createDriver())
  }

  createQueryCompiler(): ReturnType<Dialect['createQueryCompiler']> {
    return this.inner.createQueryCompiler()
  }

  createAdapter(): ReturnType<Dialect['createAdapter']> {
    return this.inner.createAdapter()
  }

  createIntrospector(...args: Parameters<Dialect['createIntrospector']>): ReturnType<Dialect['createIntrospector']> {
    return this.inner.createIntrospector(...args)
  }
}

/** Delegates everything to kysely's own SQLite driver except how a transaction begins. */
class ImmediateDriver implements Driver {
  constructor(readonly inner: Driver) {}

  init(...args: Parameters<Driver['init']>): Promise<void> {
    return this.inner.init(...args)
  }

  acquireConnection(...args: Parameters<Driver['acquireConnection']>): Promise<DatabaseConnection> {
    return this.inner.acquireConnection(...args)
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection)
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection)
  }

  savepoint(...args: Parameters<NonNullable<Driver['savepoint']>>): Promise<void> {
    return required(this.inner.savepoint, 'savepoint').apply(this.inner, args)
  }

  rollbackToSavepoint(...args: Parameters<NonNullable<Driver['rollbackToSavepoint']>>): Promise<void> {
    return required(this.inner.rollbackToSavepoint, 'rollbackToSavepoint').apply(this.inner, args)
  }

  releaseSavepoint(...args: Parameters<NonNullable<Driver['releaseSavepoint']>>): Promise<void> {
    return required(this.inner.releaseSavepoint, 'releaseSavepoint').apply(this.inner, args)
  }

  releaseConnection(...args: Parameters<Driver['releaseConnection']>): Promise<void> {
    return this.inner.releaseConnection(...args)
  }

  destroy(...args: Parameters<Driver['destroy']>): Promise<void> {
    return this.inner.destroy(...args)
  }
}

function required<F>(method: F | undefined, name: string): F {
  if (!method) throw new Error(`The SQLite driver has no ${name}()`)
  return method
}
