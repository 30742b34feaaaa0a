import type { EntityManager } from '@mikro-orm/sqlite'
import type { Kysely } from 'kysely'
import type { ApprovalInUse, DbContext } from '#core/common/context'
import { appendAuditEntry, type AuditEvent } from './audit-chain'
import type { TillDatabase } from './entities'
import { tillIdentity } from './identity'
import { bindStatements, defineStatements, nativeDatabase, type BoundStatements, type Sqlite, type StatementSet } from './statements'

/**
 * The one door to the database (DESIGN §2.2). `read` runs work in core's queue; `write` runs it
 * in the queue inside one IMMEDIATE transaction. Either way the work sees the three lanes on one
 * connection: the unit of work (`em`), typed set queries (`kysely`, bound to the transaction) and
 * the feature's named statements (`sql`); a write can also append to the audit trail (`audit`).
 * Inside, await only the database: never a printer, a dialog or the renderer.
 */
export interface Reader<S extends StatementSet> {
  readonly em: EntityManager
  readonly kysely: Kysely<TillDatabase>
  readonly sql: BoundStatements<S>
  /** Another feature's statements on the same connection (checkout reads the cart this way). */
  use<O extends StatementSet>(statements: O): BoundStatements<O>
  /** This till's id, which every fact row it writes carries (and its invoice numbers are scoped by). */
  readonly tillId: string
}

export interface Writer<S extends StatementSet> extends Reader<S> {
  /** Appends to the audit trail in this transaction. A call made with an approval names the approver. */
  audit(event: AuditEvent): void
}

type Work<R, T> = (lanes: R) => T | Promise<T>

const NO_STATEMENTS = defineStatements({})

function lanes<S extends StatementSet>(em: EntityManager, db: Sqlite, statements: S): Reader<S>
function lanes<S extends StatementSet>(em: EntityManager, db: Sqlite, statements: S, audit: Writer<S>['audit']): Writer<S>
function lanes<S extends StatementSet>(em: EntityManager, db: Sqlite, statements: S, audit?: Writer<S>['audit']): Reader<S> {
  let kysely: Kysely<TillDatabase> | undefined
  return {
    em,
    // Built on first use: most hot paths never need it.
    get kysely() {
      return (kysely ??= em.getKysely<TillDatabase>())
    },
    sql: bindStatements(db, statements),
    use: (other) => bindStatements(db, other),
    get tillId() {
      return tillIdentity(db).id
    },
    ...(audit ? { audit } : {}),
  }
}

export function read<T>(ctx: DbContext, work: Work<Reader<typeof NO_STATEMENTS>, T>): Promise<T>
export function read<S extends StatementSet, T>(ctx: DbContext, statements: S, work: Work<Reader<S>, T>): Promise<T>
export function read(
  ctx: DbContext,
  ...args: [Work<Reader<StatementSet>, unknown>] | [StatementSet, Work<Reader<StatementSet>, unknown>]
): Promise<unknown> {
  const [statements, work] = args.length === 1 ? [NO_STATEMENTS, args[0]] : args
  return ctx.db(async (em) => work(lanes(em, await nativeDatabase(em), statements)))
}

export function write<T>(ctx: DbContext, work: Work<Writer<typeof NO_STATEMENTS>, T>): Promise<T>
export function write<S extends StatementSet, T>(ctx: DbContext, statements: S, work: Work<Writer<S>, T>): Promise<T>
export function write(
  ctx: DbContext,
  ...args: [Work<Writer<StatementSet>, unknown>] | [StatementSet, Work<Writer<StatementSet>, unknown>]
): Promise<unknown> {
  const [statements, work] = args.length === 1 ? [NO_STATEMENTS, args[0]] : args
  return ctx.db((em) => transaction(em, { at: ctx.now(), approval: ctx.approval }, statements, work))
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
    return work(lanes(tem, db, statements, (event) => appendAuditEntry(db, withApprover(event, env.approval ?? null), env.at)))
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
