/**
 * The steps of a restore that touch files, each safe to repeat, and the record that lets a restore
 * cut short by a crash be finished at the next start instead of leaving no database behind.
 */
import { closeSync, existsSync, fsyncSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Orm } from '#core/db/database'
import { fsyncPath } from './backup-writer'

const SIDE_FILES = ['-wal', '-shm'] as const

/** Moves a database with its WAL and shared-memory files, if they are there. */
export function moveDatabaseFiles(from: string, to: string): void {
  renameSync(from, to)
  for (const suffix of SIDE_FILES) if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix)
}

export function removeDatabaseFiles(path: string): void {
  for (const file of [path, ...SIDE_FILES.map((suffix) => path + suffix)]) rmSync(file, { force: true })
}

/** `dir/base + suffix`, or `base-2`, `base-3` … when that is taken: two restores never share a name. */
export function uniquePath(dir: string, base: string, suffix: string): string {
  let path = join(dir, base + suffix)
  for (let n = 2; existsSync(path); n += 1) path = join(dir, `${base}-${n}${suffix}`)
  return path
}

interface RestoreJournal {
  aside: string
  incoming: string
}

const journalOf = (dbPath: string) => `${dbPath}.restore.json`

export function writeRestoreJournal(dbPath: string, journal: RestoreJournal): void {
  const path = journalOf(dbPath)
  // Written whole then renamed, so a crash never leaves half a journal.
  const partial = `${path}.partial`
  rmSync(partial, { force: true })
  writeFileSynced(partial, JSON.stringify(journal))
  renameSync(partial, path)
  fsyncPath(join(path, '..'))
}

function writeFileSynced(path: string, text: string): void {
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function clearRestoreJournal(dbPath: string): void {
  rmSync(journalOf(dbPath), { force: true })
}

export type InterruptedRestore = 'none' | 'finished' | 'rolledBack'

/**
 * At start-up: a restore that a crash cut short is completed (the confirmed backup goes in place),
 * or, when its copy did not survive, the previous books go back. Never leaves the till without its
 * database, and never lets a start create an empty store over a restore in progress.
 */
export function finishInterruptedRestore(dbPath: string): InterruptedRestore {
  const path = journalOf(dbPath)
  if (!existsSync(path)) return 'none'
  const journal = JSON.parse(readFileSync(path, 'utf8')) as RestoreJournal
  let outcome: InterruptedRestore = 'finished'
  if (!existsSync(dbPath)) {
    if (existsSync(journal.incoming)) renameSync(journal.incoming, dbPath)
    else if (existsSync(journal.aside)) {
      moveDatabaseFiles(journal.aside, dbPath)
      outcome = 'rolledBack'
    } else throw new Error(`A restore of ${dbPath} was interrupted and neither its new nor its previous database is left.`)
    fsyncPath(join(dbPath, '..'))
  }
  removeDatabaseFiles(journal.incoming)
  clearRestoreJournal(dbPath)
  return outcome
}

/** The schema a fresh database of this version has, made once per process. */
let expected: Promise<Map<string, string>> | undefined

async function schemaOf(orm: Orm): Promise<Map<string, string>> {
  const rows = await orm.em
    .getConnection()
    .execute<{ type: string; name: string; sql: string | null }[]>(
      "select type, name, sql from sqlite_master where name not like 'sqlite_%' order by case type when 'table' then 0 when 'index' then 1 else 2 end, name",
    )
  return new Map(rows.map((row) => [`${row.type} ${row.name}`, (row.sql ?? '').replace(/\s+/g, ' ').trim()]))
}

function expectedSchema(): Promise<Map<string, string>> {
  expected ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillwise-schema-'))
    try {
      const orm = await openDatabase(join(dir, 'reference.sqlite'))
      try {
        return await schemaOf(orm)
      } finally {
        await orm.close(true)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })()
  return expected
}

/** The first way `orm`'s tables, columns, indexes and triggers differ from this version's, or null. */
export async function schemaDifference(orm: Orm): Promise<string | null> {
  const [want, have] = await Promise.all([expectedSchema(), schemaOf(orm)])
  for (const [object, sql] of want) {
    if (!have.has(object)) return `no ${object}`
    if (have.get(object) !== sql) return `${object} differs`
  }
  for (const object of have.keys()) if (!want.has(object)) return `unexpected ${object}`
  return null
}
