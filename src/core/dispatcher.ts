import { z } from 'zod'
import { contract, isChannel, type Channel } from '../shared/contract'
import type { IpcResult } from '../shared/errors'
import type { BackupManager } from './backup/backup.manager'
import type { RequestContext, SessionUser, StoreSettings } from './context'
import type { Orm } from './db/database'
import { DomainError } from './domain-error'
import { handlers } from './handlers'
import { appendAudit } from './services/audit.service'
import { SerialQueue } from './serial-queue'

export interface DispatcherDeps {
  /** The open database; a restore swaps it, so it is read on every call. */
  orm: () => Orm
  now: () => Date
  settings: () => StoreSettings
  backups: BackupManager
  /** Where unexpected errors go with their stack; never to the caller. */
  logError?: (message: string, error: unknown) => void
}

/** Per-client state: who is signed in on this window, and when they last did anything. */
export interface ClientSession {
  user: SessionUser | null
  lastActivityAt: number
  /** Why the till was signed out without asking (idle, a restore), told on its next calls. */
  signedOutReason: string | null
}

const INTERNAL_MESSAGE = 'Something went wrong. Please try again.'

function failure(code: DomainError['code'], message: string): IpcResult<never> {
  return { ok: false, error: { code, message } }
}

/**
 * The one door into core: channel known → signed in and allowed → input valid → handler. Never
 * throws; every outcome is an envelope.
 */
export class Dispatcher {
  readonly #queue = new SerialQueue()
  readonly #deps: DispatcherDeps

  constructor(deps: DispatcherDeps) {
    this.#deps = deps
  }

  async dispatch(session: ClientSession, channel: unknown, input: unknown): Promise<IpcResult<unknown>> {
    await this.#expireIdleSession(session)
    if (!isChannel(channel)) {
      return failure('UNKNOWN_CHANNEL', `Unknown channel '${String(channel).slice(0, 64)}'`)
    }
    const entry = contract[channel]
    if (entry.access !== 'public') {
      if (!session.user) return failure('NOT_AUTHENTICATED', session.signedOutReason ?? 'Please sign in.')
      if (entry.access === 'manager' && session.user.role !== 'manager') {
        return failure('FORBIDDEN', 'Only a manager can do that.')
      }
    }
    const parsed = entry.input.safeParse(input === undefined ? {} : input)
    if (!parsed.success) {
      return failure('VALIDATION_FAILED', describeInvalid(parsed.error))
    }
    if (session.user) session.lastActivityAt = this.#deps.now().getTime()
    try {
      const data = await this.#run(channel, parsed.data, session)
      return { ok: true, data }
    } catch (error) {
      if (error instanceof DomainError) return failure(error.code, error.message)
      this.#deps.logError?.(`${channel} failed`, error)
      return failure('INTERNAL', INTERNAL_MESSAGE)
    }
  }

  /**
   * Signs a till out after the store's idle limit, so an unattended till does not stay open to
   * whoever walks up. The cart is kept in the database.
   */
  async #expireIdleSession(session: ClientSession): Promise<void> {
    const { user } = session
    if (!user) return
    const now = this.#deps.now()
    const idleMinutes = this.#deps.settings().sessionIdleMinutes
    if (now.getTime() - session.lastActivityAt < idleMinutes * 60_000) return
    session.user = null
    session.signedOutReason = `You were signed out after ${idleMinutes} minutes without activity. Please sign in again.`
    await this.#db((em) =>
      appendAudit(em, { action: 'auth.session-expired', actor: { id: user.id, name: user.displayName }, subject: user.username }, now),
    ).catch((error: unknown) => this.#deps.logError?.('audit of session expiry failed', error))
  }

  #db<T>(work: (em: ReturnType<Orm['em']['fork']>) => Promise<T>): Promise<T> {
    return this.#queue.run(() => work(this.#deps.orm().em.fork()))
  }

  /** Runs `work` with no other database work in between (restoring a backup swaps the database). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.#queue.run(work)
  }

  #run(channel: Channel, input: unknown, session: ClientSession): Promise<unknown> {
    const { now, settings, backups } = this.#deps
    const ctx: RequestContext = {
      db: (work) => this.#db(work),
      now,
      user: session.user,
      settings: settings(),
      backups,
      setUser: (user) => {
        session.user = user
        session.signedOutReason = null
        session.lastActivityAt = now().getTime()
      },
    }
    const handler = handlers[channel] as (input: unknown, ctx: RequestContext) => Promise<unknown>
    return handler(input, ctx)
  }

  /** Waits for queued database work to finish (used before closing). */
  drain(): Promise<void> {
    return this.#queue.run(async () => undefined)
  }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text)

/** A short, plain message: never echoes more than a few characters of what the caller sent. */
function describeInvalid(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'The request was not valid.'
  const path = first.path.map((part) => clip(String(part), 40)).join('.')
  const where = path ? ` at '${path}'` : ''
  const what =
    first.code === 'unrecognized_keys'
      ? `unknown field${first.keys.length === 1 ? '' : 's'} ${first.keys.slice(0, 3).map((key) => `'${clip(key, 40)}'`).join(', ')}${first.keys.length > 3 ? ' …' : ''}`
      : first.message
  return clip(`The request was not valid${where}: ${what}`, 300)
}
