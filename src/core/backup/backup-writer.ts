import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS, MIGRATIONS_TABLE } from '#core/db/migrations'
import { backupFileName, parseBackupFileName, type BackupInfo, type BackupKind } from './backup-files'

/** The subset of better-sqlite3's Database the backup needs (the live connection). */
export interface BackupSource {
  backup(destination: string, options?: { progress?: (info: { totalPages: number; remainingPages: number }) => number }): Promise<unknown>
}

/**
 * Copies the whole database with SQLite's backup API in one step. In small steps the copy restarts
 * whenever a sale commits in between and may never finish on a busy till; one step takes a few
 * milliseconds per megabyte, so callers run it between two requests instead.
 */
export function copyDatabase(source: BackupSource, destination: string): Promise<unknown> {
  return source.backup(destination, { progress: () => 0x7fffffff })
}

export function fsyncPath(path: string): void {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    fsyncSync(fd)
  } catch {
    // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

export type BackupProblem = 'unreadable' | 'damaged' | 'notTillwise' | 'newer' | 'schema'

/** `problem` and `detail` let the screen say what is wrong; the message is for logs. */
export class BackupInvalidError extends Error {
  constructor(
    readonly problem: BackupProblem,
    readonly detail: string,
    message: string,
  ) {
    super(message)
    this.name = 'BackupInvalidError'
  }
}

/**
 * Checks a database file is a sound Tillwise database this version can open: SQLite's quick_check,
 * the tables a till needs, and no schema change newer than this app.
 */
export function checkDatabaseFile(path: string): void {
  let db: Database.Database
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
  } catch (error) {
    const detail = (error as Error).message
    throw new BackupInvalidError('unreadable', detail, `The backup cannot be opened: ${detail}`)
  }
  try {
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new BackupInvalidError('damaged', String(check), `The backup is damaged (${String(check)}).`)
    const tables = new Set(
      (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((row) => row.name),
    )
    for (const table of [MIGRATIONS_TABLE, 'product', 'invoice', 'invoice_line', 'token', 'user']) {
      if (!tables.has(table)) throw new BackupInvalidError('notTillwise', table, `The file is not a Tillwise database (no ${table} table).`)
    }
    const known = new Set(MIGRATIONS.map((migration) => migration.name))
    const applied = db.prepare(`select name from ${MIGRATIONS_TABLE}`).all() as { name: string }[]
    const unknown = applied.filter((row) => !known.has(row.name)).map((row) => row.name)
    if (unknown.length > 0) {
      const detail = unknown.join(', ')
      throw new BackupInvalidError('newer', detail, `The backup was made by a newer version of Tillwise (${detail}).`)
    }
  } catch (error) {
    if (error instanceof BackupInvalidError) throw error
    const detail = (error as Error).message
    throw new BackupInvalidError('unreadable', detail, `The backup cannot be read: ${detail}`)
  } finally {
    db.close()
  }
}

/**
 * Writes a backup: `copy` fills the given path (see `copyDatabase`), then the copy is made a single
 * self-contained file, checked, synced and renamed into place, so a backup file is always complete.
 */
export async function writeBackup(
  copy: (destination: string) => Promise<unknown>,
  dir: string,
  kind: BackupKind,
  at: Date,
): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true })
  // Two backups in the same millisecond (a double click) must not overwrite each other.
  let stamp = at
  while (existsSync(join(dir, backupFileName(kind, stamp)))) stamp = new Date(stamp.getTime() + 1)
  const file = backupFileName(kind, stamp)
  const partial = join(dir, `.${file}.partial`)
  try {
    await copy(partial)
    // The copy inherits WAL mode; a backup should be one self-contained file.
    const written = new Database(partial)
    try {
      written.pragma('journal_mode = DELETE')
    } finally {
      written.close()
    }
    checkDatabaseFile(partial)
    fsyncPath(partial)
    renameSync(partial, join(dir, file))
    fsyncPath(dir)
  } catch (error) {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(leftover, { force: true })
    throw error
  }
  const parsed = parseBackupFileName(file)
  return { file, kind, createdAt: parsed?.createdAt ?? stamp.toISOString(), sizeBytes: statSync(join(dir, file)).size }
}
