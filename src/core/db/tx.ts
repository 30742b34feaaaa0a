import type { EntityManager } from '@mikro-orm/sqlite'
import type { Kysely } from 'kysely'
import type { ApprovalInUse, DbContext } from '#core/common/context'
import { appendAuditEntry, auditKeyOf, type AuditEvent } from './audit-chain'
import type { TillDatabase } from './entities'
import { tillIdentity } from './identity'
import {
  bindStatements,
  connectionOf,
  defineStatements,
  nativeDatabase,
  type BoundStatements,
  type Sqlite,
  type StatementSet,
} from './statements'

/**
 * The one door to the database (DESIGN §2.2). `read` runs work in core's queue; `write` runs it
 * in the queue inside one IMMEDIATE transaction. Either way the work sees the three lanes on one
 * connection: the unit of work (`em`), typed set queries (`kysely`, bound to the transaction) and
 * the feature's named statements (`sql`); a write can also append to the audit trail (`audit`).
 * `writeStatements` is the same door for the hot paths that use named statements only: one
 * synchronous IMMEDIATE transaction, with no unit of work to open and flush (the README's Speed
 * table has what that saves a scan). Inside, await only the database: never a printer, a dialog or
 * the renderer.
 */
export interface Reader<S extends StatementSet> {
  readonly em: EntityManager
  readonly kysely: Kysely<TillDatabase>
  readonly sql: BoundStatements<S>
  /** Another feature's statements on the same connection (checkout reads the cart this way). */
  use<O extends StatementSet>(statements: O): BoundStatements<O>
  /** This till's id, which every fact row it writes carries (and its invoice numbers are scoped by). */
  readonly tillId: string
  /** The key the audit trail is signed with, when the shell has one. */
  readonly auditKey: Buffer | null
}

export interface Writer<S extends StatementSet> extends Reader<S> {
  /** Appends to the audit trail in this transaction. A call made with an approval names the approver. */
  audit(event: AuditEvent): void
}

/** A write on named statements only (`writeStatements`). */
export type StatementWriter<S extends StatementSet> = Omit<Writer<S>, 'em' | 'kysely'>

type Work<R, T> = (lanes: R) => T | Promise<T>

const NO_STATEMENTS = defineStatements({})

/** The named-statement lanes: the feature's statements, others' on the same connection, the till. */
function statementLanes<S extends StatementSet>(db: Sqlite, statements: S): Pick<Reader<S>, 'sql' | 'use' | 'tillId' | 'auditKey'> {
  return {
    sql: bindStatements(db, statements),
    use: (other) => bindStatements(db, other),
    tillId: tillIdentity(db).id,
    auditKey: auditKeyOf(db),
  }
}

function lanes<S extends StatementSet>(em: () => EntityManager, db: Sqlite, statements: S): Reader<S> {
  let kysely: Kysely<TillDatabase> | undefined
  return {
    ...statementLanes(db, statements),
    // The unit of work and kysely are made on first use: the hot paths need neither.
    get em() {
      return em()
    },
    get kysely() {
      return (kysely ??= em().getKysely<TillDatabase>())
    },
  }
}

/** Appends to the audit trail on `db`, naming the approver of the call if there is one. */
function auditOn(db: Sqlite, env: TransactionEnv): Writer<StatementSet>['audit'] {
  return (event) => appendAuditEntry(db, withApprover(event, env.approval ?? null), env.at)
}

export function read<T>(ctx: DbContext, work: Work<Reader<typeof NO_STATEMENTS>, T>): Promise<T>
export function read<S extends StatementSet, T>(ctx: DbContext, statements: S, work: Work<Reader<S>, T>): Promise<T>
export function read(
  ctx: DbContext,
  ...args: [Work<Reader<StatementSet>, unknown>] | [StatementSet, Work<Reader<StatementSet>, unknown>]
): Promise<unknown> {
  const [statements, work] = args.length === 1 ? [NO_STATEMENTS, args[0]] : args
  return ctx.db(async (orm) => {
    let em: EntityManager | undefined
    const connection = connectionOf(orm)
    return work(lanes(() => (em ??= orm.em.fork()), connection instanceof Promise ? await connection : connection, statements))
  })
}

export function write<T>(ctx: DbContext, work: Work<Writer<typeof NO_STATEMENTS>, T>): Promise<T>
export function write<S extends StatementSet, T>(ctx: DbContext, statements: S, work: Work<Writer<S>, T>): Promise<T>
export function write(
  ctx: DbContext,
  ...args: [Work<Writer<StatementSet>, unknown>] | [StatementSet, Work<Writer<StatementSet>, unknown>]
): Promise<unknown> {
  const [statements, work] = args.length === 1 ? [NO_STATEMENTS, args[0]] : args
  return ctx.db((orm) => transaction(orm.em.fork(), { at: ctx.now(), approval: ctx.approval }, statements, work))
}

/**
 * A write of named statements only, run synchronously in one IMMEDIATE transaction: for the hot
 * paths (a scan into the cart, a sale). `work` must not await anything.
 */
export function writeStatements<S extends StatementSet, T>(ctx: DbContext, statements: S, work: (tx: StatementWriter<S>) => T): Promise<T> {
  const env: TransactionEnv = { at: ctx.now(), approval: ctx.approval }
  return ctx.db(async (orm) => {
    const connection = connectionOf(orm)
    const db = connection instanceof Promise ? await connection : connection
    const tx: StatementWriter<S> = { ...statementLanes(db, statements), audit: auditOn(db, env) }
    return db
      .transaction(() => {
        const result = work(tx)
        if (result instanceof Promise) throw new Error('writeStatements: the work must be synchronous')
        return result
      })
      .immediate()
  })
}

export interface TransactionEnv {
  /** When the audit rows of this transaction happened. */
  at: Date
  approval?: ApprovalInUse | null
}

/**
 * The transaction itself, for the few callers that already hold the database queue (opening the
 * store, restoring a backup). Everything else goes through `write`.
 */
export function transaction<T>(em: EntityManager, env: TransactionEnv, work: Work<Writer<typeof NO_STATEMENTS>, T>): Promise<T>
export function transaction<S extends StatementSet, T>(
  em: EntityManager,
  env: TransactionEnv,
  statements: S,
  work: Work<Writer<S>, T>,
): Promise<T>
export function transaction(
  em: EntityManager,
  env: TransactionEnv,
  ...args: [Work<Writer<StatementSet>, unknown>] | [StatementSet, Work<Writer<StatementSet>, unknown>]
): Promise<unknown> {
  const [statements, work] = args.length === 1 ? [NO_STATEMENTS, args[0]] : args
  return em.transactional(async (tem) => {
    const db = await nativeDatabase(tem)
    return work(
      Object.assign(
        lanes(() => tem, db, statements),
        { audit: auditOn(db, env) },
      ),
    )
  })
}

function withApprover(event: AuditEvent, approval: ApprovalInUse | null): AuditEvent {
  if (!approval) return event
  const { approver } = approval
  return {
    ...event,
    details: { ...event.details, approvedById: approver.id, approvedBy: approver.displayName, approvedFor: approval.permission },
  }
}
