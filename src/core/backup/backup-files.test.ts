import { describe, expect, it } from 'vitest'
import { backupFileName, backupsToDelete, parseBackupFileName, RETENTION, type BackupInfo, type BackupKind } from './backup-files'

const at = (iso: string) => new Date(iso)

function backup(kind: BackupKind, when: Date): BackupInfo {
  return { file: backupFileName(kind, when), kind, createdAt: when.toISOString(), sizeBytes: 1 }
}

describe('backup names', () => {
  it('say when and why, and parse back', () => {
    const name = backupFileName('daily', at('2026-03-15T04:15:00.123Z'))
    expect(name).toBe('tillwise-20260315T041500123Z-daily.sqlite')
    expect(parseBackupFileName(name)).toEqual({ kind: 'daily', createdAt: '2026-03-15T04:15:00.123Z' })
    for (const bad of [
      'tillwise.sqlite',
      '../tillwise-20260315T041500123Z-daily.sqlite',
      'tillwise-20260315T041500123Z-daily.sqlite.partial',
      'tillwise-20261315T041500123Z-daily.sqlite',
    ]) {
      expect(parseBackupFileName(bad)).toBeNull()
    }
  })
})

describe('rotation', () => {
  it('keeps 7 daily and 4 weekly, the newest 10 manual and 5 pre-migration', () => {
    const backups: BackupInfo[] = []
    // 60 days, two daily backups a day (noon and evening), local time.
    for (let day = 0; day < 60; day += 1) {
      backups.push(backup('daily', new Date(2026, 0, 1 + day, 12)))
      backups.push(backup('daily', new Date(2026, 0, 1 + day, 20)))
    }
    for (let i = 0; i < 12; i += 1) backups.push(backup('manual', new Date(2026, 1, 1 + i, 9)))
    for (let i = 0; i < 7; i += 1) backups.push(backup('pre-migration', new Date(2026, 1, 1 + i, 8)))

    const removed = new Set(backupsToDelete(backups))
    const kept = backups.filter((b) => !removed.has(b.file))
    const keptDaily = kept.filter((b) => b.kind === 'daily').map((b) => new Date(b.createdAt))
    expect(keptDaily).toHaveLength(RETENTION.daily + RETENTION.weekly)
    // The 7 newest days, each by its latest backup.
    const newestSeven = keptDaily.sort((a, b) => b.getTime() - a.getTime()).slice(0, 7)
    expect(newestSeven.map((d) => [d.getDate(), d.getHours()])).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((back) => [new Date(2026, 0, 60 - back).getDate(), 20]),
    )
    // Then one per week, in four different weeks.
    const weekly = keptDaily.slice(7)
    const mondays = new Set(
      weekly.map((d) => {
        const monday = new Date(d)
        monday.setDate(d.getDate() - ((d.getDay() + 6) % 7))
        return monday.toDateString()
      }),
    )
    expect(mondays.size).toBe(4)
    expect(kept.filter((b) => b.kind === 'manual')).toHaveLength(10)
    expect(kept.filter((b) => b.kind === 'pre-migration')).toHaveLength(5)
    expect(
      kept
        .filter((b) => b.kind === 'manual')
        .map((b) => b.createdAt)
        .sort()[0],
    ).toBe(new Date(2026, 1, 3, 9).toISOString())
  })

  it('deletes nothing while there are few backups', () => {
    const few = [backup('daily', new Date(2026, 0, 1, 12)), backup('manual', new Date(2026, 0, 2, 12))]
    expect(backupsToDelete(few)).toEqual([])
  })
})
