import type { z } from 'zod'
import { createKeyedQueue, createSerialQueue } from '#shared/async/serial-queue'
import { contract, isChannel, type Channel } from '#shared/ipc/contract'
import { failure, type IpcResult } from '#shared/ipc/errors'
import type { ChannelPermission } from '#shared/ipc/permissions'
import type {
  ApprovalInUse,
  BackupOperations,
  CustomerDisplayPort,
  DbContext,
  DocumentFilePicker,
  PrinterEnvironment,
  ProductImageFiles,
  RequestContext,
  StoreOperations,
  StoreSettings,
  UpdatesEnvironment,
  PasswordHasher,
} from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { LogError } from '#core/common/log'
import type { Orm } from '#core/db/database'
import { write } from '#core/db/tx'
import { handlers } from './handlers'
import { allows } from './policy'
import { checkApproval, grantApproval, notSignedInMessage, signIn, signOutBecause, type ClientSession } from './session'

export interface DispatcherDeps {
  /** The open database; a restore swaps it, so it is read on every call. */
  orm: () => Orm
  now: () => Date
  settings: () => StoreSettings
  backups: BackupOperations
  /** Main's save dialog for documents. */
  documentFiles: DocumentFilePicker
  /** Settings reloads, leaving the demo, sessions of a changed user. */
  store: StoreOperations
  /** The product images' folder and main's dialog that picks them. */
  images: ProductImageFiles
  /** The printers' folder and time limits. */
  printing: PrinterEnvironment
  /** The customer display the shell runs. */
  display: CustomerDisplayPort
  /** The shell's updater and this run's last check. */
  updates: UpdatesEnvironment
  /** How secrets are hashed and checked (the production cost but in the test store). */
  passwords: PasswordHasher
  logError?: LogError
}

const INTERNAL_MESSAGE = 'Something went wrong. Please try again.'

/** One call on its way through the pipeline: what each step has found out so far. */
interface Call {
  readonly session: ClientSession
  readonly rawChannel: unknown
  readonly rawInput: unknown
  channel: Channel
  permission: ChannelPermission
  input: unknown
  approval: ApprovalInUse | null
  /** The approval the caller brought, once checked; used up only after its input was valid. */
  consume: (() => void) | null
}

/** A step either lets the call go on (`undefined`) or answers it with a refusal. */
type Step = (call: Call) => Promise<IpcResult<never> | undefined> | IpcResult<never> | undefined

/**
 * The one door into core, a pipeline of steps: sign out an idle till → the channel exists → the
 * store is set up (or the channel is set-up's) → the caller may use it (signed in, permission or a
 * manager's approval) → the input is valid → use up the approval, count the activity → the
 * handler. Never throws; every outcome is an envelope.
 */
export class Dispatcher {
  readonly #queue = createSerialQueue()
  readonly #accounts = createKeyedQueue()
  /** Calls not answered yet: closing waits for them. */
  readonly #inFlight = new Set<Promise<unknown>>()
  /** Payments past the checks and not answered yet. */
  #payments = 0
  /** Set once closing has waited for every call: from then on nothing reaches the database. */
  #stopped = false
  readonly #deps: DispatcherDeps
  readonly #steps: readonly Step[]

  constructor(deps: DispatcherDeps) {
    this.#deps = deps
    this.#steps = [
      (call) => this.#expireIdleSession(call),
      knownChannel,
      (call) => this.#setUpFirst(call),
      (call) => this.#authorize(call),
      validInput,
      (call) => this.#commit(call),
    ]
  }

  dispatch(session: ClientSession, channel: unknown, input: unknown): Promise<IpcResult<unknown>> {
    return this.track(this.#dispatch(session, channel, input))
  }

  /** Counts `work` as in flight until it settles (the machine's own commands use it too). */
  track<T>(work: Promise<T>): Promise<T> {
    this.#inFlight.add(work)
    const forget = () => this.#inFlight.delete(work)
    work.then(forget, forget)
    return work
  }

  /** Resolves once every call in flight, and any it started meanwhile, has settled. */
  async settle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight])
  }

  /** After this, database work is refused: a late step of a finished call never touches the file. */
  stop(): void {
    this.#stopped = true
  }

  async #dispatch(session: ClientSession, channel: unknown, input: unknown): Promise<IpcResult<unknown>> {
    const call: Call = {
      session,
      rawChannel: channel,
      rawInput: input,
      channel: 'app:info',
      permission: 'public',
      input: undefined,
      approval: null,
      consume: null,
    }
    for (const step of this.#steps) {
      // Most steps answer at once; awaiting only real promises keeps a scan's round trip short.
      const outcome = step(call)
      const refusal = outcome instanceof Promise ? await outcome : outcome
      if (refusal) return refusal
    }
    // A payment under way holds up an update's restart (updates:install) until it is answered.
    const paying = call.channel === 'checkout:pay'
    if (paying) this.#payments += 1
    try {
      return { ok: true, data: await this.#run(call) }
    } catch (error) {
      if (error instanceof DomainError) return failure(error.code, error.message, error.params)
      this.#deps.logError?.(`${call.channel} failed`, error)
      return failure('INTERNAL', INTERNAL_MESSAGE)
    } finally {
      if (paying) this.#payments -= 1
    }
  }

  /** Payments (`checkout:pay`) being answered now, on every till. */
  paymentsUnderWay(): number {
    return this.#payments
  }

  /**
   * Signs a till out after the store's idle limit, so an unattended till does not stay open to
   * whoever walks up. The cart is kept in the database.
   */
  #expireIdleSession({ session }: Call): Promise<undefined> | undefined {
    const { user } = session
    if (!user) return undefined
    const idleMinutes = this.#deps.settings().sessionIdleMinutes
    if (this.#deps.now().getTime() - session.lastActivityAt < idleMinutes * 60_000) return undefined
    signOutBecause(session, { reason: 'idle', idleMinutes })
    return write(this.#dbContext(null), (tx) =>
      tx.audit({ action: 'auth.session-expired', actor: { id: user.id, name: user.displayName }, subject: user.username }),
    ).then(
      () => undefined,
      (error: unknown) => {
        this.#deps.logError?.('audit of session expiry failed', error)
        return undefined
      },
    )
  }

  /**
   * Until the store is set up only set-up answers (and what the screen needs to offer it). The flag
   * is a cache of "no user yet": while it says so the database is asked again, so a store set up
   * since (on another window, or at the machine) is seen at once.
   */
  #setUpFirst(call: Call): Promise<IpcResult<never> | undefined> | undefined {
    if (!this.#deps.settings().setupRequired || OPEN_BEFORE_SETUP.has(call.channel)) return undefined
    return this.#deps.store
      .reloadSettings()
      .then((settings) => (settings.setupRequired ? failure('SETUP_REQUIRED', 'The store is not set up yet.') : undefined))
  }

  #authorize(call: Call): IpcResult<never> | undefined {
    const { session, permission } = call
    if (permission === 'public') return undefined
    if (!session.user) {
      return failure('NOT_AUTHENTICATED', notSignedInMessage(session.signedOutBecause), session.signedOutBecause ?? undefined)
    }
    if (permission === 'signedIn' || allows(session.user.role, permission, this.#deps.settings())) return undefined
    const approvalId = approvalIdOf(call.rawInput)
    if (approvalId === undefined) return failure('FORBIDDEN', 'Only a manager can do that.', { permission })
    const check = checkApproval(session, approvalId, permission, this.#deps.now().getTime())
    if (!check.ok) {
      return failure('APPROVAL_REQUIRED', `The approval cannot be used (${check.problem}).`, { permission, problem: check.problem })
    }
    call.approval = { permission, approver: check.approval.approver }
    call.consume = () => {
      check.approval.used = true
    }
    return undefined
  }

  #commit(call: Call): undefined {
    call.consume?.()
    // Only what needs someone signed in is activity: a screen polling app:info keeps nobody signed in.
    if (call.session.user && call.permission !== 'public') call.session.lastActivityAt = this.#deps.now().getTime()
    return undefined
  }

  #dbContext(approval: ApprovalInUse | null, user: RequestContext['user'] = null): DbContext {
    return {
      db: (work) =>
        this.#stopped
          ? Promise.reject(new DomainError('INTERNAL', 'The till is shutting down.', { reason: 'shuttingDown' }))
          : this.#queue.run(() => work(this.#deps.orm())),
      now: this.#deps.now,
      user,
      approval,
    }
  }

  /** Database access for someone at the machine itself (the `admin` command), in the same queue as every till. */
  machine(): DbContext {
    return this.#dbContext(null)
  }

  /** Runs `work` with no other database work in between (restoring a backup swaps the database). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.#queue.run(work)
  }

  #run(call: Call): Promise<unknown> {
    const { now, settings, backups, documentFiles } = this.#deps
    const { session } = call
    const ctx: RequestContext = {
      ...this.#dbContext(call.approval, session.user),
      settings: settings(),
      backups,
      window: session.window,
      documentFiles,
      store: this.#deps.store,
      images: this.#deps.images,
      printing: this.#deps.printing,
      display: this.#deps.display,
      updates: this.#deps.updates,
      passwords: this.#deps.passwords,
      setUser: (user) => signIn(session, user, now().getTime()),
      oneAccountAtATime: (username, work) => this.#accounts.run(username, work),
      grantApproval: (permission, approver) => grantApproval(session, permission, approver, now().getTime()),
      withPermission: (permission) => {
        const user = session.user
        if (!user) throw new DomainError('NOT_AUTHENTICATED', 'Sign in first.')
        if (allows(user.role, permission, ctx.settings)) return ctx
        const approvalId = approvalIdOf(call.rawInput)
        if (approvalId === undefined) throw new DomainError('FORBIDDEN', 'Only a manager can do that.', { permission })
        const check = checkApproval(session, approvalId, permission, now().getTime())
        if (!check.ok) {
          throw new DomainError('APPROVAL_REQUIRED', `The approval cannot be used (${check.problem}).`, {
            permission,
            problem: check.problem,
          })
        }
        check.approval.used = true
        return { ...ctx, approval: { permission, approver: check.approval.approver } }
      },
    }
    const handler = handlers[call.channel] as (input: unknown, ctx: RequestContext) => Promise<unknown>
    return handler(call.input, ctx)
  }

  /** Waits for queued database work to finish (used before closing). */
  drain(): Promise<void> {
    return this.#queue.run(async () => undefined)
  }
}

/** What answers before the store is set up: set-up itself and what the screen needs to offer it. */
const OPEN_BEFORE_SETUP: ReadonlySet<Channel> = new Set(['app:info', 'auth:session', 'setup:createStore', 'setup:loadDemo'])

function knownChannel(call: Call): IpcResult<never> | undefined {
  if (!isChannel(call.rawChannel)) {
    return failure('UNKNOWN_CHANNEL', `Unknown channel '${String(call.rawChannel).slice(0, 64)}'`)
  }
  call.channel = call.rawChannel
  call.permission = contract[call.rawChannel].permission
  return undefined
}

function validInput(call: Call): IpcResult<never> | undefined {
  const parsed = contract[call.channel].input.safeParse(call.rawInput === undefined ? {} : call.rawInput)
  if (!parsed.success) return failure('VALIDATION_FAILED', describeInvalid(parsed.error), invalidParams(parsed.error))
  call.input = parsed.data
  return undefined
}

/** The approval a call carries, read before its input is validated (a malformed one is refused there). */
function approvalIdOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !Object.hasOwn(input, 'approvalId')) return undefined
  const value = (input as { approvalId: unknown }).approvalId
  return typeof value === 'string' ? value : ''
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text)

function invalidParams(error: z.ZodError) {
  const first = error.issues[0]
  const field = first?.path.map((part) => clip(String(part), 40)).join('.')
  return field ? { rule: 'schema' as const, field } : { rule: 'schema' as const }
}

/** A short, plain message: never echoes more than a few characters of what the caller sent. */
function describeInvalid(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'The request was not valid.'
  const path = first.path.map((part) => clip(String(part), 40)).join('.')
  const where = path ? ` at '${path}'` : ''
  const what =
    first.code === 'unrecognized_keys'
      ? `unknown field${first.keys.length === 1 ? '' : 's'} ${first.keys
          .slice(0, 3)
          .map((key) => `'${clip(key, 40)}'`)
          .join(', ')}${first.keys.length > 3 ? ' …' : ''}`
      : first.message
  return clip(`The request was not valid${where}: ${what}`, 300)
}
