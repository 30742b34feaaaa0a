import { defineEntity, p } from '@mikro-orm/core'

/**
 * The audit trail: append-only (triggers refuse UPDATE and DELETE) and hash-chained, each row's
 * hash covering the previous row's hash, so an edit made behind the app's back is found.
 */
export const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  indexes: [{ properties: ['action', 'subject'] }],
  triggers: [
    {
      name: 'audit_entry_identity_required',
      timing: 'before',
      events: ['insert'],
      when: 'new.uid is null or new.till_id is null',
      body: "select raise(abort, 'audit_entry rows need uid and till_id')",
    },
    {
      name: 'audit_entry_no_update',
      timing: 'before',
      events: ['update'],
      body: "select raise(abort, 'audit_entry rows are append-only')",
    },
    {
      name: 'audit_entry_no_delete',
      timing: 'before',
      events: ['delete'],
      body: "select raise(abort, 'audit_entry rows are append-only')",
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    at: p.string(),
    action: p.string(),
    /** Who did it (null before anyone signed in, e.g. a failed sign-in for an unknown name). */
    actorUserId: p.integer().nullable(),
    actorName: p.string(),
    /** What it was about: an invoice number, a username, a backup file. */
    subject: p.string().nullable(),
    /** JSON with the figures of the action. Never a password or a hash. */
    details: p.string(),
    prevHash: p.string(),
    hash: p.string().unique(),
    /** HMAC-SHA256 of `hash` under a key kept outside the database, where the shell has one. */
    mac: p.string().nullable(),
    /** UUIDv7, unique across every till (DESIGN §4). */
    uid: p.string().nullable().unique(),
    /** The till that wrote the row (`setting.tillId`). */
    tillId: p.string().nullable(),
  },
})

export class AuditEntry extends AuditEntrySchema.class {}
AuditEntrySchema.setClass(AuditEntry)
