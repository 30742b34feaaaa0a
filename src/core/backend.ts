import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract'
import type { IpcResult } from '../shared/errors'
import type { Backend, BackendClient, OpenBackendOptions } from './backend.types'
import { createBackupManager } from './backup/backup.manager'
import type { StoreSettings } from './context'
import { acquireDataLock } from './db/data-lock'
import { openDatabase, type Orm } from './db/database'
import { seedDemo } from './db/demo-seed'
import { User } from './db/entities'
import { Dispatcher, type ClientSession } from './dispatcher'
import { loadSettings } from './services/settings.service'

export type { Backend, BackendClient, OpenBackendOptions } from './backend.types'
export { DatabaseTooNewError } from './db/database'
export { DatabaseInUseError } from './db/data-lock'

const HOUR_MS = 60 * 60 * 1000

function logError(message: string, error: unknown): void {
  console.error(`[tillwise] ${message}`, error)
}

/**
 * The programmatic backend: the Electron shell, the browser test harness and every test use this.
 * It never imports electron.
 */
export async function openBackend(options: OpenBackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date())
  const { dbPath } = options
  const backupDir = options.backupDir ?? join(dirname(dbPath), 'backups')
  mkdirSync(dirname(dbPath), { recursive: true })

  // One till per data folder: a second one is refused here, before it touches the database.
  const lock = acquireDataLock(dbPath)
  let orm: Orm
  try {
    orm = await openDatabase(dbPath, { backupDir, now })
  } catch (error) {
    lock.release()
    throw error
  }
  let settings: StoreSettings
  try {
    if (options.seed === 'demo') {
      const em = orm.em.fork()
      if ((await em.count(User, {})) === 0) await seedDemo(em, now())
    }
    settings = await loadSettings(orm.em.fork())
  } catch (error) {
    await orm.close(true)
    lock.release()
    throw error
  }

  const sessions = new Set<ClientSession>()
  // Assigned right below; the backup manager needs the dispatcher's queue and vice versa.
  let dispatcher: Dispatcher
  const backups = createBackupManager({
    dbPath,
    backupDir,
    now,
    orm: () => orm,
    replaceOrm: async (next) => {
      orm = next
      settings = await loadSettings(orm.em.fork())
      // Users and carts come from the restored file: every till signs in again.
      for (const session of sessions) {
        if (!session.user) continue
        session.user = null
        session.signedOutReason = 'The books were restored from a backup. Please sign in again.'
      }
    },
    exclusive: (work) => dispatcher.exclusive(work),
    logError,
  })
  dispatcher = new Dispatcher({ orm: () => orm, now, settings: () => settings, backups, logError })

  let closed = false
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
    connect(): BackendClient {
      const session: ClientSession = { user: null, lastActivityAt: now().getTime(), signedOutReason: null }
      sessions.add(session)
      let connected = true
      const invokeUnknown = async (channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
        if (closed || !connected) {
          return { ok: false, error: { code: 'INTERNAL', message: 'The till is shutting down.' } }
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
    async close() {
      if (closed) return
      closed = true
      if (dailyTimer) clearInterval(dailyTimer)
      await pendingBackup
      await dispatcher.drain()
      await orm.close(true)
      lock.release()
    },
  }
}
