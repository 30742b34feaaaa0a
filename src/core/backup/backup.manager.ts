import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import type { ChannelOutput } from '#shared/ipc/contract'
import { basename, dirname, join } from 'node:path'
import { localDate } from '#core/common/clock'
import type { BackupFilePicker, SessionUser } from '#core/common/context'
import type { Orm } from '#core/db/database'
import { openDatabase } from '#core/db/database'
import { DomainError } from '#core/common/domain-error'
import { transaction } from '#core/db/tx'
import { createSerialQueue } from '#shared/async/serial-queue'
import { headOf, readAnchors, recordAnchor, restartAnchors } from './audit-anchors'
import { copyImages, EXPORTED_IMAGES_FOLDER, imagesNamedIn, pruneImages, type ImageCopyResult } from './backup-images'
import { listBackups, parseBackupFileName, rotateBackups, type BackupInfo, type BackupKind } from './backup-files'
import { BackupInvalidError, checkDatabaseFile, copyDatabase, fsyncPath, writeBackup, type BackupSource } from './backup-writer'
import {
  clearRestoreJournal,
  moveDatabaseFiles,
  removeDatabaseFiles,
  schemaDifference,
  uniquePath,
  writeRestoreJournal,
} from './restore-steps'

export interface BackupManagerDeps {
  dbPath: string
  backupDir: string
  /** The product images' folder (`images/` beside the database): an exported copy takes the ones it names along. */
  imagesDir: string
  now: () => Date
  orm: () => Orm
  /** Swaps in the database opened from a restored file. */
  replaceOrm: (orm: Orm) => Promise<void>
  /** Runs work with no other database work in between. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>
  logError: (message: string, error: unknown) => void
  /** Main's dialogs for a folder to export into and a file to import. */
  files?: BackupFilePicker
}

export interface RestoreResult {
  restoredFrom: string
  previousSavedAs: string
}

export interface BackupManager {
  readonly dir: string
  create(kind: BackupKind, actor: SessionUser | null): Promise<BackupInfo>
  list(): BackupInfo[]
  /** Takes today's daily backup if there is none yet, then rotates. */
  dailyIfDue(): Promise<BackupInfo | null>
  restore(file: string, actor: SessionUser): Promise<RestoreResult>
  /** The trail's heads recorded at each backup, export and restore since the last restore. */
  anchors(): ReturnType<typeof readAnchors>
  /** A verified copy in a folder the manager picks (a USB stick). */
  exportCopy(actor: SessionUser): Promise<ChannelOutput<'backup:export'>>
  /** Restores from a file the manager picks, checked like a local backup (it is kept as an `imported` one). */
  importFile(actor: SessionUser): Promise<ChannelOutput<'backup:importFile'>>
}

async function nativeClient(orm: Orm): Promise<BackupSource> {
  return (await orm.em.getConnection().getNativeClient()) as BackupSource
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** A file that is not a sound backup is a refusal the manager can read, not an internal error. */
function refuseInvalid(check: () => void): void {
  try {
    check()
  } catch (error) {
    if (error instanceof BackupInvalidError) {
      throw new DomainError('CONFLICT', error.message, { what: 'backup', problem: error.problem, detail: error.detail })
    }
    throw error
  }
}

export function createBackupManager(deps: BackupManagerDeps): BackupManager {
  const { backupDir, dbPath, now } = deps
  const files: BackupFilePicker = deps.files ?? { chooseExportFolder: async () => null, chooseImportFile: async () => null }
  /** One backup at a time; a second request waits for the first. */
  const backupQueue = createSerialQueue()
  const serialized = <T>(work: () => Promise<T>): Promise<T> => backupQueue.run(work)

  const manager: BackupManager = {
    dir: backupDir,

    create(kind, actor) {
      return serialized(async () => {
        const orm = deps.orm()
        const at = now()
        const native = await nativeClient(orm)
        // The copy itself runs between two requests, so it sees one consistent state of the books.
        const info = await writeBackup((destination) => deps.exclusive(() => copyDatabase(native, destination)), backupDir, kind, at)
        recordAnchor(dbPath, { at: info.createdAt, event: 'backup', file: info.file, ...headOf(join(backupDir, info.file)) })
        rotateBackups(backupDir, info.file)
        // Images no kept copy names any more go with the copies that named them.
        const kept = [dbPath, ...listBackups(backupDir).map((backup) => join(backupDir, backup.file))]
        let imagesRemoved: string[] = []
        try {
          imagesRemoved = pruneImages(deps.imagesDir, kept, at)
        } catch (error) {
          deps.logError('removing unused product images failed', error)
        }
        await deps.exclusive(() =>
          transaction(orm.em.fork(), { at }, (tx) =>
            tx.audit({
              action: 'backup.created',
              actor: actor ? { id: actor.id, name: actor.displayName } : null,
              subject: info.file,
              details: { kind, sizeBytes: info.sizeBytes, imagesRemoved: imagesRemoved.length },
            }),
          ),
        )
        return info
      })
    },

    list() {
      return listBackups(backupDir)
    },

    async dailyIfDue() {
      const today = localDate(now())
      const hasToday = listBackups(backupDir).some((backup) => backup.kind === 'daily' && localDate(new Date(backup.createdAt)) === today)
      if (hasToday) return null
      return manager.create('daily', null)
    },

    restore(file, actor) {
      return serialized(() => restore(file, actor))
    },

    anchors() {
      return readAnchors(dbPath)
    },

    async exportCopy(actor) {
      // The dialog is answered before anything waits on the database.
      const folder = await files.chooseExportFolder()
      if (!folder) return { cancelled: true }
      return serialized(async () => {
        const at = now()
        const native = await nativeClient(deps.orm())
        let info: BackupInfo | undefined
        let images: ImageCopyResult
        try {
          // A USB stick pulled out since the dialog leaves a folder name on the local disk: never write there.
          if (!statSync(folder).isDirectory()) throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' })
          info = await writeBackup((destination) => deps.exclusive(() => copyDatabase(native, destination)), folder, 'manual', at)
          // The images the copy names go beside it: restored on another computer, its products keep their pictures.
          images = await copyImages(imagesNamedIn(join(folder, info.file)), deps.imagesDir, join(folder, EXPORTED_IMAGES_FOLDER))
        } catch (error) {
          // A copy without its images (the stick filled up) is not left looking complete.
          if (info) rmSync(join(folder, info.file), { force: true })
          const code = String((error as { code?: unknown } | null)?.code ?? (error as Error).message)
          throw new DomainError('CONFLICT', `The copy could not be written to ${folder}: ${code}`, { what: 'exportFolder', detail: code })
        }
        recordAnchor(dbPath, {
          at: info.createdAt,
          event: 'export',
          file: `${basename(folder)}/${info.file}`,
          ...headOf(join(folder, info.file)),
        })
        await deps.exclusive(() =>
          transaction(deps.orm().em.fork(), { at }, (tx) =>
            tx.audit({
              action: 'backup.exported',
              actor: { id: actor.id, name: actor.displayName },
              subject: info.file,
              details: { folder: basename(folder), sizeBytes: info.sizeBytes, images: images.copied, imagesMissing: images.missing },
            }),
          ),
        )
        return {
          cancelled: false,
          file: info.file,
          folderName: basename(folder) || folder,
          sizeBytes: info.sizeBytes,
          createdAt: info.createdAt,
        }
      })
    },

    async importFile(actor) {
      const path = await files.chooseImportFile()
      if (!path) return { cancelled: true }
      return serialized(async () => {
        refuseInvalid(() => checkDatabaseFile(path))
        // Kept among the backups first, so the restore below is the one every backup goes through.
        const imported = await writeBackup((destination) => copyFile(path, destination), backupDir, 'imported', now())
        try {
          // The images it names, from beside the file, before the books that show them are swapped in.
          // Named by their hashes, they change nothing if the restore is refused after all.
          const images = await copyImages(
            imagesNamedIn(join(backupDir, imported.file)),
            join(dirname(path), EXPORTED_IMAGES_FOLDER),
            deps.imagesDir,
          )
          const restored = await restore(imported.file, actor, { images: images.copied, imagesMissing: images.missing })
          return { cancelled: false, fileName: basename(path), ...restored }
        } catch (error) {
          rmSync(join(backupDir, imported.file), { force: true })
          throw error
        }
      })
    },
  }

  async function restore(file: string, actor: SessionUser, moreDetails: Record<string, number> = {}): Promise<RestoreResult> {
    // Only a listed backup by its plain name: never a path the caller chose.
    if (basename(file) !== file || !parseBackupFileName(file)) {
      throw new DomainError('VALIDATION_FAILED', `'${file.slice(0, 80)}' is not a backup name.`, { rule: 'backupName', field: 'file' })
    }
    const source = join(backupDir, file)
    if (!existsSync(source)) throw new DomainError('NOT_FOUND', `No backup named '${file}'.`, { what: 'backup', file })
    refuseInvalid(() => checkDatabaseFile(source))

    const at = now()
    const incoming = `${dbPath}.restoring`
    // The candidate is copied, migrated and compared with this version's schema before anything
    // of the current books is touched: a backup that opens but lacks a table is refused here.
    copyFileSync(source, incoming)
    try {
      const candidate = await openDatabase(incoming)
      const problem = await schemaDifference(candidate)
      await candidate.close(true)
      if (problem) throw new BackupInvalidError('schema', problem, `The backup does not have the tables this version needs (${problem}).`)
      fsyncFile(incoming)
    } catch (error) {
      removeDatabaseFiles(incoming)
      if (error instanceof BackupInvalidError) {
        throw new DomainError('CONFLICT', error.message, { what: 'backup', problem: error.problem, detail: error.detail })
      }
      throw error
    }

    return deps.exclusive(async () => {
      const asideDir = join(dirname(dbPath), 'replaced')
      mkdirSync(asideDir, { recursive: true })
      const aside = uniquePath(asideDir, `tillwise-before-restore-${at.toISOString().replace(/[-:.]/g, '')}`, '.sqlite')
      // Written first: a crash between the two renames below is finished at the next start.
      writeRestoreJournal(dbPath, { aside, incoming })
      await deps.orm().close(true)
      // The current database is kept aside, never deleted.
      moveDatabaseFiles(dbPath, aside)
      renameSync(incoming, dbPath)
      fsyncPath(dirname(dbPath))
      clearRestoreJournal(dbPath)

      let orm: Orm | undefined
      try {
        orm = await openDatabase(dbPath)
        await deps.replaceOrm(orm)
        restartAnchors(dbPath, `${aside}.anchors.jsonl`, { at: at.toISOString(), event: 'restore', file, ...headOf(dbPath) })
        await transaction(orm.em.fork(), { at }, (tx) =>
          tx.audit({
            action: 'backup.restored',
            actor: { id: actor.id, name: actor.displayName },
            subject: file,
            details: { previousSavedAs: basename(aside), ...moreDetails },
          }),
        )
      } catch (error) {
        // Anything failing after the swap puts the previous books back, so the till keeps working.
        await orm?.close(true).catch(() => undefined)
        removeDatabaseFiles(dbPath)
        moveDatabaseFiles(aside, dbPath)
        await deps.replaceOrm(await openDatabase(dbPath))
        throw error
      }
      return { restoredFrom: file, previousSavedAs: basename(aside) }
    })
  }

  return manager
}

export type { BackupInfo, BackupKind }
