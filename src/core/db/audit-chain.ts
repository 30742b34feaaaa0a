import { createHash, createHmac } from 'node:crypto'
import { uuidv7 } from '#core/common/ids'
import { tillIdentity } from './identity'
import { bindStatements, defineStatements, rowOf, type Sqlite } from './statements'

/**
 * The writing half of the audit trail, part of the one write door (`tx.audit`): an entry is
 * appended on the connection of the transaction that does the action, so both commit or roll back
 * together. Reading and checking the trail is the `audit` feature's.
 */
export const AUDIT_ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.locked',
  'auth.sign-out',
  'auth.session-expired',
  'auth.approved',
  'auth.approval-refused',
  'auth.recovered',
  'sale',
  'payment.refused',
  'sale.return',
  'sale.void',
  'cart.cleared',
  'cart.discount',
  'cart.discount-removed',
  'cart.promo',
  'cart.promo-removed',
  'cart.parked',
  'cart.recalled',
  'cart.park-discarded',
  'user.unlocked',
  'backup.created',
  'backup.restored',
  'backup.exported',
  'product.created',
  'product.updated',
  'product.archived',
  'product.unarchived',
  'product.images-added',
  'product.image-removed',
  'category.created',
  'category.updated',
  'tax.created',
  'tax.updated',
  'promo.created',
  'promo.updated',
  'products.imported',
  'stock.adjusted',
  'token.issued',
  'token.toppedUp',
  'token.updated',
  'document.saved',
  'store.created',
  'store.demo-loaded',
  'store.demo-left',
  'settings.updated',
  'user.created',
  'user.updated',
  'user.password-set',
  'auth.password-changed',
  'auth.pin-set',
  'shift.open',
  'shift.cash-move',
  'drawer.noSale',
  'shift.close',
  'app.update-started',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export type AuditDetails = Record<string, string | number | boolean | null>

export interface AuditEvent {
  action: AuditAction
  actor: { id: number; name: string } | null
  subject?: string | null
  details?: AuditDetails
}

/**
 * The key entries are signed with, per connection: kept outside the database (the shell holds it in
 * the system keychain), so someone who can edit the file cannot re-sign a rewritten trail.
 */
const auditKeys = new WeakMap<Sqlite, Buffer>()

export function useAuditKey(db: Sqlite, key: Buffer): void {
  auditKeys.set(db, key)
}

export function auditKeyOf(db: Sqlite): Buffer | null {
  return auditKeys.get(db) ?? null
}

export function auditMac(key: Buffer, hash: string): string {
  return createHmac('sha256', key).update(hash).digest('hex')
}

/** The first row's predecessor. */
export const GENESIS_HASH = '0'.repeat(64)

export interface HashedFields {
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

const AUDIT_SQL = defineStatements({
  lastHash: { sql: 'select hash from audit_entry order by id desc limit 1', mode: 'value', row: rowOf<string>() },
  append: {
    sql: `insert into audit_entry (at, action, actor_user_id, actor_name, subject, details, prev_hash, hash, mac, uid, till_id)
      values (@at, @action, @actorUserId, @actorName, @subject, @details, @prevHash, @hash, @mac, @uid, @tillId)`,
    mode: 'run',
  },
})

/**
 * Appends one entry, chained to the last, on the connection as it stands. Relies on core's
 * one-at-a-time database queue: nothing else appends between reading the last hash and writing.
 */
export function appendAuditEntry(db: Sqlite, event: AuditEvent, at: Date): void {
  const sql = bindStatements(db, AUDIT_SQL)
  const fields: HashedFields = {
    prevHash: sql.lastHash() ?? GENESIS_HASH,
    at: at.toISOString(),
    action: event.action,
    actorUserId: event.actor?.id ?? null,
    actorName: event.actor?.name ?? '',
    subject: event.subject ?? null,
    details: JSON.stringify(event.details ?? {}),
  }
  const hash = auditHash(fields)
  const key = auditKeys.get(db)
  sql.append({ ...fields, hash, mac: key ? auditMac(key, hash) : null, uid: uuidv7(at), tillId: tillIdentity(db).id })
}
