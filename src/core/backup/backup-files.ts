/**
 * Backup files: names, listing and the rotation policy. Pure file-system logic, no database.
 */
import { readdirSync, statSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { localDate } from '#core/common/clock'

export const BACKUP_KINDS = ['daily', 'manual', 'pre-migration', 'imported'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

export interface BackupInfo {
  file: string
  kind: BackupKind
  createdAt: string
  sizeBytes: number
}

const NAME = /^tillwise-(\d{8})T(\d{6})(\d{3})Z-(daily|manual|pre-migration|imported)\.sqlite$/

/** `tillwise-20260315T041500123Z-daily.sqlite`: sortable, and says when and why it was taken. */
export function backupFileName(kind: BackupKind, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '')
  return `tillwise-${stamp}-${kind}.sqlite`
}

export function parseBackupFileName(name: string): { kind: BackupKind; createdAt: string } | null {
  const match = NAME.exec(name)
  if (!match) return null
  const [, day = '', time = '', ms = '', kind = ''] = match
  const createdAt = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${ms}Z`
  if (Number.isNaN(Date.parse(createdAt))) return null
  return { kind: kind as BackupKind, createdAt }
}

/** Newest first. Files that are not finished backups (partial copies, strangers) are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const backups: BackupInfo[] = []
  for (const file of names) {
    const parsed = parseBackupFileName(file)
    if (!parsed) continue
    backups.push({ file, ...parsed, sizeBytes: statSync(join(dir, file)).size })
  }
  return backups.sort(newestFirst)
}

/**
 * By `createdAt`, one fixed-width UTC form, so the text's order is the time's. Not localeCompare: the
 * first one in a process loads ICU's collation data (~15 ms), and the daily backup's check runs at every start.
 */
function newestFirst(a: BackupInfo, b: BackupInfo): number {
  return a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? 1 : -1
}

/** Monday of the instant's local week, as a key. */
function weekKey(instant: Date): string {
  const monday = new Date(instant.getFullYear(), instant.getMonth(), instant.getDate())
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7))
  return localDate(monday)
}

export const RETENTION = { daily: 7, weekly: 4, manual: 10, preMigration: 5, imported: 5 } as const

/**
 * Which backups to keep: the newest daily backup of each of the last 7 days that have one, then the
 * newest of each of the 4 weeks before those, the 10 newest manual ones and the 5 newest taken
 * before a migration. Returns the files to delete.
 */
export function backupsToDelete(backups: BackupInfo[]): string[] {
  const keep = new Set<string>()
  const newest = [...backups].sort(newestFirst)
  const daily = newest.filter((backup) => backup.kind === 'daily')
  const days = new Set<string>()
  const weeks = new Set<string>()
  for (const backup of daily) {
    const at = new Date(backup.createdAt)
    const day = localDate(at)
    if (days.size < RETENTION.daily) {
      if (!days.has(day)) {
        days.add(day)
        keep.add(backup.file)
      }
      continue
    }
    if (days.has(day)) continue
    const week = weekKey(at)
    if (weeks.size < RETENTION.weekly && !weeks.has(week)) {
      weeks.add(week)
      keep.add(backup.file)
    }
  }
  for (const backup of newest.filter((b) => b.kind === 'manual').slice(0, RETENTION.manual)) keep.add(backup.file)
  for (const backup of newest.filter((b) => b.kind === 'pre-migration').slice(0, RETENTION.preMigration)) keep.add(backup.file)
  for (const backup of newest.filter((b) => b.kind === 'imported').slice(0, RETENTION.imported)) keep.add(backup.file)
  return newest.filter((backup) => !keep.has(backup.file)).map((backup) => backup.file)
}

/** Deletes what the policy does not keep; never `justWritten`, whatever its name says of its time. */
export function rotateBackups(dir: string, justWritten?: string): string[] {
  const removed = backupsToDelete(listBackups(dir)).filter((file) => file !== justWritten)
  for (const file of removed) unlinkSync(join(dir, file))
  return removed
}
