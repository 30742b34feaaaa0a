import { readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'

/** Who holds a data folder, as recorded next to the database for the refusal message. */
export interface LockHolder {
  pid: number
  host: string
  startedAt: string
}

/** A second till (process or `openBackend`) tried to open a database that one is already using. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly dbPath: string,
    readonly holder: LockHolder | null,
  ) {
    super(inUseMessage(holder))
    this.name = 'DatabaseInUseError'
  }
}

function inUseMessage(holder: LockHolder | null): string {
  if (!holder) return 'Tillwise is already open on this computer with this data folder. Close it first.'
  if (holder.host !== hostname()) {
    return (
      `Tillwise is already open on another computer (${holder.host}) with this data folder ` +
      `(process ${holder.pid}). Close it there first.`
    )
  }
  return `Tillwise is already open on this computer with this data folder (process ${holder.pid}). Close it first.`
}

export interface DataLock {
  readonly lockPath: string
  /** Lets the next till in; safe to call twice. */
  release(): void
}

/**
 * Named after the database's real path: SQLite follows symlinks to find the file and its WAL, so a
 * second path to the same file must meet the same lock.
 */
function canonicalPath(dbPath: string): string {
  try {
    return realpathSync(dbPath)
  } catch {
    return join(realpathSync(dirname(dbPath)), basename(dbPath))
  }
}

export function lockPathFor(dbPath: string): string {
  return `${canonicalPath(dbPath)}.lock`
}

/**
 * Makes this process the one writer of `dbPath`, or throws `DatabaseInUseError`.
 *
 * The lock is an operating-system file lock, not the mere existence of a file: a connection to a
 * small SQLite file next to the database (`<db>.lock`) holds its RESERVED lock (an open
 * `BEGIN IMMEDIATE`) for as long as the till runs. The kernel drops that lock when the process
 * ends in any way, SIGKILL and power loss included, so a crashed till never blocks the next start,
 * and no process id is ever guessed to be dead (ids are reused, quickly on Windows). SQLite
 * arbitrates between processes and between connections of one process alike.
 *
 * Warning: POSIX drops every lock a process holds on a file when that process closes ANY
 * descriptor of it, so nothing in the till's own process may open `<db>.lock` (a backup copies
 * the database, never the whole data folder).
 */
export function acquireDataLock(dbPath: string): DataLock {
  const lockPath = lockPathFor(dbPath)
  const holderPath = `${lockPath}.json`
  // timeout 0: a held lock is an answer, not something to wait for.
  const connection = new Database(lockPath, { timeout: 0 })
  try {
    // Nothing is ever written to this file, so nothing needs a journal on disk.
    connection.pragma('journal_mode = MEMORY')
    connection.exec('begin immediate')
  } catch (error) {
    connection.close()
    if (isBusy(error)) throw new DatabaseInUseError(dbPath, readLiveHolder(holderPath))
    throw error
  }

  try {
    writeHolder(holderPath, {
      pid: process.pid,
      host: hostname(),
      startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    })
  } catch (error) {
    connection.close()
    throw error
  }

  let released = false
  return {
    lockPath,
    release() {
      if (released) return
      released = true
      // Only the lock holder ever writes the holder file, so the one there is ours.
      rmSync(holderPath, { force: true })
      connection.exec('rollback')
      connection.close()
    },
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

/** Written whole or not at all, so a reader never sees half a record. */
function writeHolder(path: string, holder: LockHolder): void {
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, `${JSON.stringify(holder)}\n`)
  renameSync(temporary, path)
}

/**
 * The holder for the message. The record can be a crashed till's for a moment (the new holder
 * writes its own just after locking), so a process on this computer that is gone is not named.
 */
function readLiveHolder(holderPath: string): LockHolder | null {
  let holder: LockHolder
  try {
    const parsed: unknown = JSON.parse(readFileSync(holderPath, 'utf8'))
    if (!isLockHolder(parsed)) return null
    holder = parsed
  } catch {
    return null
  }
  if (holder.host === hostname() && !isAlive(holder.pid)) return null
  return holder
}

function isLockHolder(value: unknown): value is LockHolder {
  const record = value as Partial<LockHolder> | null
  return (
    typeof record === 'object' &&
    record !== null &&
    Number.isSafeInteger(record.pid) &&
    typeof record.host === 'string' &&
    typeof record.startedAt === 'string'
  )
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
