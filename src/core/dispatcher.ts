import { z } from 'zod'
import { contract, isChannel, type Channel } from '../shared/contract'
import type { IpcResult } from '../shared/errors'
import type { RequestContext, SessionUser, StoreSettings } from './context'
import type { Orm } from './db/database'
import { DomainError } from './domain-error'
import { handlers } from './handlers'
import { SerialQueue } from './serial-queue'

export interface DispatcherDeps {
  orm: Orm
  now: () => Date
  settings: StoreSettings
  /** Where unexpected errors go with their stack; never to the caller. */
  logError?: (message: string, error: unknown) => void
}

/** Per-client state: who is signed in on this window. */
export interface ClientSession {
  user: SessionUser | null
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
    if (!isChannel(channel)) {
      return failure('UNKNOWN_CHANNEL', `Unknown channel '${String(channel).slice(0, 64)}'`)
    }
    const entry = contract[channel]
    if (entry.access !== 'public') {
      if (!session.user) return failure('NOT_AUTHENTICATED', 'Please sign in.')
      if (entry.access === 'manager' && session.user.role !== 'manager') {
        return failure('FORBIDDEN', 'Only a manager can do that.')
      }
    }
    const parsed = entry.input.safeParse(input === undefined ? {} : input)
    if (!parsed.success) {
      return failure('VALIDATION_FAILED', describeInvalid(parsed.error))
    }
    try {
      const data = await this.#run(channel, parsed.data, session)
      return { ok: true, data }
    } catch (error) {
      if (error instanceof DomainError) return failure(error.code, error.message)
      this.#deps.logError?.(`${channel} failed`, error)
      return failure('INTERNAL', INTERNAL_MESSAGE)
    }
  }

  #run(channel: Channel, input: unknown, session: ClientSession): Promise<unknown> {
    const { orm, now, settings } = this.#deps
    const ctx: RequestContext = {
      db: (work) => this.#queue.run(() => work(orm.em.fork())),
      now,
      user: session.user,
      settings,
      setUser: (user) => {
        session.user = user
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

function describeInvalid(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'The request was not valid.'
  const where = first.path.length ? ` at '${first.path.map(String).join('.')}'` : ''
  return `The request was not valid${where}: ${first.message}`
}
