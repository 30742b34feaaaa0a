import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import { failure, type ErrorParams, type IpcResult } from '#shared/ipc/errors'
import type { Backend, BackendClient, OpenBackendOptions } from './backend.types'
import { createBackupManager } from '#core/backup/backup.manager'
import type { StoreOperations, StoreSettings, UpdatesEnvironment } from '#core/common/context'
import { acquireDataLock } from '#core/db/data-lock'
import { openDatabase, type Orm } from '#core/db/database'
import { User } from '#core/db/entities'
import { transaction } from '#core/db/tx'
import { useAuditKey } from '#core/db/audit-chain'
import { nativeDatabase } from '#core/db/statements'
import { Dispatcher } from '#core/api/dispatcher'
import { newSession, signOutBecause, type ClientSession } from '#core/api/session'
import { copyDatabase, writeBackup } from '#core/backup/backup-writer'
import { finishInterruptedRestore, moveDatabaseFiles, removeDatabaseFiles, uniquePath } from '#core/backup/restore-steps'
import { anchorsPath } from '#core/backup/audit-anchors'
import { createDemoStoreManager } from '#core/setup/demo-store.manager'
import { logToConsole as logError } from '#core/common/log'
import { loadSettings } from '#core/settings/settings.service'
import { stopReportsWorker } from '#core/reports/reports-worker.manager'
import { displayPortOf } from '#core/display/display.service'
import { passwordHasher, SCRYPT_PARAMS } from '#core/auth/password'

export type {
  Backend,
  BackendClient,
  BackupFilePicker,
  ClientWindow,
  CustomerDisplayPort,
  DocumentFilePicker,
  OpenBackendOptions,
  UpdaterPort,
} from './backend.types'
export { DatabaseTooNewError, DatabaseUnreadableError } from '#core/db/database'
export { DatabaseInUseError } from '#core/db/data-lock'

const HOUR_MS = 60 * 60 * 1000

/**
 * The programmatic backend: the Electron shell, the browser test harness and every test use this.
 * It never imports electron.
 */
export async function openBackend(options: OpenBackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date())
  const passwords = passwordHasher(options.passwordCost ? { ...SCRYPT_PARAMS, N: options.passwordCost.N } : SCRYPT_PARAMS)
  const { dbPath } = options
  const backupDir = options.backupDir ?? join(dirname(dbPath), 'backups')
  const imagesDir = options.imagesDir ?? join(dirname(dbPath), 'images')
  mkdirSync(dirname(dbPath), { recursive: true })

  // One till per data folder: a second one is refused here, before it touches the database.
  const lock = acquireDataLock(dbPath)
  let orm: Orm
  try {
    // A restore cut short by a crash is finished (or rolled back) before anything opens the file.
    const restore = finishInterruptedRestore(dbPath)
    if (restore !== 'none') logError(`an interrupted restore was ${restore === 'finished' ? 'finished' : 'rolled back'}`, null)
    // A copy of the books is kept before any migration changes them.
    orm = await openDatabase(dbPath, {
      backupDir,
      beforeMigrating: (db) => writeBackup((destination) => copyDatabase(db, destination), backupDir, 'pre-migration', now()),
    })
  } catch (error) {
    lock.release()
    throw error
  }
  // Every connection the backend opens (a restore opens a new one) signs with the same key.
  const signWithKey = async (opened: Orm) => {
    if (options.auditKey) useAuditKey(await nativeDatabase(opened.em.fork()), options.auditKey)
  }
  let settings: StoreSettings
  try {
    await signWithKey(orm)
    if (options.seed === 'demo') {
      const em = orm.em.fork()
      if ((await em.count(User, {})) === 0) {
        // Imported here: the demo store's data is no part of a till's start.
        const { seedDemo } = await import('#core/db/seed/demo-seed')
        const { demoUsersFor } = await import('#core/setup/demo-users')
        const users = await demoUsersFor(passwords)
        await transaction(em, { at: now() }, (tx) => seedDemo(tx.em, now(), tx.tillId, users))
      }
    }
    settings = await loadSettings(orm.em.fork())
  } catch (error) {
    await orm.close(true)
    lock.release()
    throw error
  }

  // The display follows the setting: told now, and again whenever the settings are read anew.
  const display = displayPortOf(options.display, logError)
  display.configure(settings.customerDisplay)

  const sessions = new Set<ClientSession>()
  /** Another database in place of the open one (a restore, a fresh store): users come from it, so every till signs in again. */
  const replaceOrm = async (next: Orm, because: ErrorParams<'NOT_AUTHENTICATED'>) => {
    orm = next
    await signWithKey(next)
    settings = await loadSettings(orm.em.fork())
    display.configure(settings.customerDisplay)
    for (const session of sessions) {
      if (session.user) signOutBecause(session, because)
    }
  }
  // The backup manager needs the dispatcher's queue and the dispatcher the manager: the manager
  // only reaches the dispatcher once it runs, after both exist.
  const backups = createBackupManager({
    dbPath,
    backupDir,
    imagesDir,
    now,
    orm: () => orm,
    replaceOrm: (next) => replaceOrm(next, { reason: 'restored' }),
    exclusive: (work) => dispatcher.exclusive(work),
    logError,
    ...(options.files ? { files: options.files } : {}),
  })
  // Without main's save dialog a document save is cancelled, as a backup export is.
  const documentFiles = {
    choosePdfDestination: async (name: string) => (await options.files?.choosePdfDestination?.(name)) ?? null,
    chooseCsvDestination: async (name: string) => (await options.files?.chooseCsvDestination?.(name)) ?? null,
  }
  const demoStore = createDemoStoreManager({
    dbPath,
    backupDir,
    now,
    orm: () => orm,
    exclusive: (work) => dispatcher.exclusive(work),
    replaceOrm: (next) => replaceOrm(next, {}),
    files: { moveDatabaseFiles, removeDatabaseFiles, uniquePath, anchorsPath },
  })
  const store: StoreOperations = {
    reloadSettings: () =>
      dispatcher.exclusive(async () => {
        settings = await loadSettings(orm.em.fork())
        display.configure(settings.customerDisplay)
        return settings
      }),
    startOwnStore: (actor) => demoStore.startOwnStore(actor),
    userChanged(userId, user) {
      for (const session of sessions) {
        if (session.user?.id !== userId) continue
        if (user) session.user = user
        else signOutBecause(session, {})
      }
    },
  }
  // Without main's dialog for images, adding images is cancelled.
  const images = { dir: imagesDir, choose: async () => (await options.files?.chooseImageFiles?.()) ?? null }
  const printing = {
    receiptsDir: options.printing?.receiptsDir ?? join(dirname(dbPath), 'printed-receipts'),
    connectTimeoutMs: options.printing?.connectTimeoutMs ?? 5_000,
    writeTimeoutMs: options.printing?.writeTimeoutMs ?? 15_000,
    drawerOpenedFor: new Set<number>(),
    // Loaded when a Nepali store first prints: no English till loads the canvas, at start-up or ever.
    nepaliDrawing: options.printing?.nepaliDrawing ?? (() => import('#core/receipts/receipt-text-image')),
  }
  // Updates are off without the shell's updater; an install waits while any till is paying.
  const updates: UpdatesEnvironment = {
    port: options.updater ?? null,
    found: null,
    installing: false,
    paymentsUnderWay: () => dispatcher.paymentsUnderWay(),
  }
  const dispatcher: Dispatcher = new Dispatcher({
    orm: () => orm,
    now,
    settings: () => settings,
    backups,
    documentFiles,
    store,
    images,
    printing,
    display,
    updates,
    passwords,
    logError,
  })

  let closed = false
  let closing: Promise<void> | undefined
  let dailyTimer: ReturnType<typeof setInterval> | undefined
  let pendingBackup: Promise<unknown> = Promise.resolve()
  if (options.autoBackup) {
    const runDaily = () => {
      pendingBackup = backups.dailyIfDue().catch((error: unknown) => logError('daily backup failed', error))
    }
    runDaily()
    dailyTimer = setInterval(runDaily, HOUR_MS)
    dailyTimer.unref()
  }

  return {
    dbPath,
    backupDir,
    imagesDir,
    connect(window): BackendClient {
      const session: ClientSession = newSession(now().getTime(), window ?? null)
      sessions.add(session)
      let connected = true
      const invokeUnknown = async (channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
        if (closed || !connected) {
          return failure('INTERNAL', 'The till is shutting down.', { reason: 'shuttingDown' })
        }
        return dispatcher.dispatch(session, channel, input)
      }
      return {
        invoke: <C extends Channel>(channel: C, input: ChannelInput<C>) =>
          invokeUnknown(channel, input) as Promise<IpcResult<ChannelOutput<C>>>,
        invokeUnknown,
        disconnect() {
          connected = false
          session.user = null
          sessions.delete(session)
        },
      }
    },
    async unlockUser(username) {
      if (closed) throw new Error('The backend is closed.')
      const { unlockUser } = await import('#core/users/users.service')
      const user = await dispatcher.track(unlockUser(dispatcher.machine(), username, null, settings.signInLockMinutes))
      return { username: user.username, displayName: user.displayName }
    },
    close() {
      closing ??= (async () => {
        closed = true
        if (dailyTimer) clearInterval(dailyTimer)
        await pendingBackup
        // Calls already running finish (a sign-in still deriving its key writes its audit row now),
        // then nothing may reach the file: only after that is the lock given back.
        await dispatcher.settle()
        dispatcher.stop()
        await dispatcher.drain()
        // The reports' thread reads the same file: it stops before the lock is given back.
        await stopReportsWorker(dbPath)
        await orm.close(true)
        lock.release()
      })()
      return closing
    },
  }
}
