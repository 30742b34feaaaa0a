import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { localDate } from '#core/common/clock'
import type { SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { openDatabase, type Orm } from '#core/db/database'
import { transaction } from '#core/db/tx'
import { loadSettings } from '#core/settings/settings.service'

export interface DemoStoreDeps {
  dbPath: string
  /** The demo's backups go with it: none of them may later be restored over the real store. */
  backupDir: string
  now: () => Date
  orm: () => Orm
  /** Runs work with no other database work in between. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>
  /** Swaps in the database opened in place of the demo, as a restore does: settings from it, every window signed out. */
  replaceOrm: (orm: Orm) => Promise<void>
  /** The restore's own file steps (`core/backup/restore-steps.ts`), so a database is set aside one way only. */
  files: {
    moveDatabaseFiles(from: string, to: string): void
    removeDatabaseFiles(path: string): void
    uniquePath(dir: string, base: string, suffix: string): string
    /** The log of the trail's heads that belongs to the database at a path. */
    anchorsPath(dbPath: string): string
  }
}

/** Where left demo stores are kept, beside the database. */
export const DEMO_STORES_DIR = 'demo-stores'

/**
 * Leaving the demo: the demo database (with its WAL folded in) is kept under `demo-stores/` by date,
 * never reused or deleted, and a fresh database takes its place, so set-up starts. Nothing of the
 * demo is carried over; the audit trail's anchor log and the demo's backups go with the demo they
 * belong to, so the real store's backup list starts empty and never offers a demo copy to restore.
 */
export function createDemoStoreManager(deps: DemoStoreDeps): { startOwnStore(actor: SessionUser | null): Promise<{ keptAs: string }> } {
  const { dbPath, files } = deps
  return {
    startOwnStore(actor) {
      return deps.exclusive(async () => {
        const at = deps.now()
        const demo = deps.orm()
        // Checked in the queue: of two racing calls the second finds the fresh store and is refused.
        const settings = await loadSettings(demo.em.fork())
        if (!settings.demo) throw new DomainError('CONFLICT', 'Only the demo store can be replaced this way.', { what: 'notDemo' })
        await transaction(demo.em.fork(), { at }, (tx) =>
          tx.audit({
            action: 'store.demo-left',
            actor: actor ? { id: actor.id, name: actor.displayName } : null,
            subject: settings.storeName,
          }),
        )
        // Everything in the WAL goes into the main file first, so the kept copy opens on its own.
        await demo.em.getConnection().execute('pragma wal_checkpoint(TRUNCATE)')
        await demo.close(true)

        const keptDir = join(dirname(dbPath), DEMO_STORES_DIR)
        mkdirSync(keptDir, { recursive: true })
        const kept = files.uniquePath(keptDir, `tillwise-demo-${localDate(at)}`, '.sqlite')
        files.moveDatabaseFiles(dbPath, kept)
        const anchors = files.anchorsPath(dbPath)
        const keptAnchors = `${kept}.anchors.jsonl`
        const hadAnchors = existsSync(anchors)
        if (hadAnchors) renameSync(anchors, keptAnchors)
        const keptBackups = `${kept}.backups`
        const hadBackups = existsSync(deps.backupDir)
        if (hadBackups) renameSync(deps.backupDir, keptBackups)
        let fresh: Orm | undefined
        try {
          fresh = await openDatabase(dbPath)
          await deps.replaceOrm(fresh)
        } catch (error) {
          // The demo goes back in place, so the till keeps working.
          await fresh?.close(true).catch(() => undefined)
          files.removeDatabaseFiles(dbPath)
          files.moveDatabaseFiles(kept, dbPath)
          if (hadAnchors) renameSync(keptAnchors, anchors)
          if (hadBackups) renameSync(keptBackups, deps.backupDir)
          await deps.replaceOrm(await openDatabase(dbPath))
          throw error
        }
        return { keptAs: basename(kept) }
      })
    },
  }
}
