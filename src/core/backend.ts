import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract'
import type { IpcResult } from '../shared/errors'
import type { Backend, BackendClient, OpenBackendOptions } from './backend.types'
import { openDatabase } from './db/database'
import { seedDemo } from './db/demo-seed'
import { User } from './db/entities'
import { Dispatcher, type ClientSession } from './dispatcher'
import { loadSettings } from './services/settings.service'

export type { Backend, BackendClient, OpenBackendOptions } from './backend.types'
export { DatabaseTooNewError } from './db/database'

/**
 * The programmatic backend: the Electron shell, the browser test harness and every test use this.
 * It never imports electron.
 */
export async function openBackend(options: OpenBackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date())
  mkdirSync(dirname(options.dbPath), { recursive: true })
  const orm = await openDatabase(options.dbPath)
  try {
    if (options.seed === 'demo') {
      const em = orm.em.fork()
      if ((await em.count(User, {})) === 0) await seedDemo(em, now())
    }
  } catch (error) {
    await orm.close(true)
    throw error
  }
  const settings = await loadSettings(orm.em.fork())
  const dispatcher = new Dispatcher({
    orm,
    now,
    settings,
    logError: (message, error) => console.error(`[tillwise] ${message}`, error),
  })
  let closed = false

  return {
    dbPath: options.dbPath,
    connect(): BackendClient {
      const session: ClientSession = { user: null }
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
        },
      }
    },
    async close() {
      if (closed) return
      closed = true
      await dispatcher.drain()
      await orm.close(true)
    },
  }
}
