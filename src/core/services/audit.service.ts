import { createHash } from 'node:crypto'
import type { EntityManager } from '@mikro-orm/sqlite'
import { nativeDatabase, prepared, type Sqlite } from '../db/prepared'

export const AUDIT_ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.locked',
  'auth.sign-out',
  'auth.session-expired',
  'sale',
  'payment.refused',
  'cart.cleared',
  'user.unlocked',
  'backup.created',
  'backup.restored',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface AuditEvent {
  action: AuditAction
  actor: { id: number; name: string } | null
  subject?: string | null
  details?: Record<string, string | number | boolean | null>
}

/** The first row's predecessor. */
export const GENESIS_HASH = '0'.repeat(64)

interface HashedFields {
  prevHash: string
  at: string
  action: string
  actorUserId: number | null
  actorName: string
  subject: string | null
  details: string
}

/** Fixed field order so the same row always hashes the same way. */
export function auditHash(fields: HashedFields): string {
  const canonical = JSON.stringify([
    fields.prevHash,
    fields.at,
    fields.action,
    fields.actorUserId,
    fields.actorName,
    fields.subject,
    fields.details,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

/**
 * Appends one entry, chained to the last, on the connection as it stands: inside the transaction
 * that does the action, so the entry and the action commit or roll back together. Relies on core's
 * one-at-a-time database queue: nothing else appends between reading the last hash and writing.
 */
export function appendAuditEntry(db: Sqlite, event: AuditEvent, at: Date): void {
  const last = prepared<{ hash: string }>(db, 'select hash from audit_entry order by id desc limit 1').get()
  const fields: HashedFields = {
    prevHash: last?.hash ?? GENESIS_HASH,
    at: at.toISOString(),
    action: event.action,
    actorUserId: event.actor?.id ?? null,
    actorName: event.actor?.name ?? '',
    subject: event.subject ?? null,
    details: JSON.stringify(event.details ?? {}),
  }
  prepared(
    db,
    `insert into audit_entry (at, action, actor_user_id, actor_name, subject, details, prev_hash, hash)
     values (@at, @action, @actorUserId, @actorName, @subject, @details, @prevHash, @hash)`,
  ).run({ ...fields, hash: auditHash(fields) })
}

/**
 * `appendAuditEntry` for work done through the ORM: writes the EntityManager's pending changes
 * first, then the entry, on the same connection and in the same transaction.
 */
export async function appendAudit(em: EntityManager, event: AuditEvent, at: Date): Promise<void> {
  await em.flush()
  appendAuditEntry(await nativeDatabase(em), event, at)
}

export type AuditVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBadId: number; reason: string }

interface AuditRow {
  id: number
  at: string
  action: string
  actor_user_id: number | null
  actor_name: string
  subject: string | null
  details: string
  prev_hash: string
  hash: string
}

/** Walks the chain from the start; reports the first row whose content or link does not hold. */
export function verifyAuditRows(rows: Iterable<AuditRow>): AuditVerdict {
  let expectedPrev = GENESIS_HASH
  let entries = 0
  for (const row of rows) {
    entries += 1
    if (row.prev_hash !== expectedPrev) {
      return { ok: false, entries, firstBadId: row.id, reason: 'does not follow the entry before it (an entry was removed or reordered)' }
    }
    const recomputed = auditHash({
      prevHash: row.prev_hash,
      at: row.at,
      action: row.action,
      actorUserId: row.actor_user_id,
      actorName: row.actor_name,
      subject: row.subject,
      details: row.details,
    })
    if (recomputed !== row.hash) {
      return { ok: false, entries, firstBadId: row.id, reason: 'its content was changed after it was written' }
    }
    expectedPrev = row.hash
  }
  return { ok: true, entries }
}

export async function verifyAudit(em: EntityManager): Promise<AuditVerdict> {
  const rows = await em
    .getConnection()
    .execute<AuditRow[]>(
      'select id, at, action, actor_user_id, actor_name, subject, details, prev_hash, hash from audit_entry order by id',
    )
  return verifyAuditRows(rows)
}
