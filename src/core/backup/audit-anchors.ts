/**
 * The audit trail's head (how many entries, the last one's hash and MAC) as it stood at each
 * backup, export and restore, kept in a log beside the database. `audit:verify` checks the trail
 * still extends every head: rows removed from the end, or a rewritten row with every later one
 * re-hashed, no longer match what was recorded. A restore starts a new log (the old one is kept
 * with the replaced database).
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'

export interface AuditHead {
  entries: number
  hash: string | null
  mac: string | null
}

export interface AuditAnchor extends AuditHead {
  at: string
  event: 'backup' | 'export' | 'restore'
  file: string
}

export const anchorsPath = (dbPath: string) => join(dirname(dbPath), 'audit-anchors.jsonl')

/** The head of the trail in a database file, read on a connection of its own. */
export function headOf(path: string): AuditHead {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const last = db.prepare('select hash, mac from audit_entry order by id desc limit 1').get() as
      { hash: string; mac: string | null } | undefined
    const entries = db.prepare('select count(*) as n from audit_entry').get() as { n: number }
    return { entries: entries.n, hash: last?.hash ?? null, mac: last?.mac ?? null }
  } finally {
    db.close()
  }
}

function appendSynced(path: string, line: string): void {
  appendFileSync(path, `${line}\n`)
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function recordAnchor(dbPath: string, anchor: AuditAnchor): void {
  appendSynced(anchorsPath(dbPath), JSON.stringify(anchor))
}

/** Every anchor since the last restore; a line that is not one is reported as a broken anchor. */
export function readAnchors(dbPath: string): (AuditAnchor | { broken: string })[] {
  const path = anchorsPath(dbPath)
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        const anchor = JSON.parse(line) as AuditAnchor
        return typeof anchor.entries === 'number' && typeof anchor.at === 'string' ? anchor : { broken: line.slice(0, 80) }
      } catch {
        return { broken: line.slice(0, 80) }
      }
    })
}

/** After a restore: the old log goes with the replaced database, a new one starts from the restored head. */
export function restartAnchors(dbPath: string, keptAs: string, anchor: AuditAnchor): void {
  const path = anchorsPath(dbPath)
  if (existsSync(path)) renameSync(path, keptAs)
  recordAnchor(dbPath, anchor)
}
