/**
 * The audit trail read straight from the file, as tests check it: every row in order, or one
 * action's rows with their details parsed. Imported only by tests.
 */
import { withRawDb } from './test-store'

export interface AuditRow {
  id: number
  action: string
  actor_name: string
  subject: string | null
  /** JSON text, as stored. */
  details: string
}

/** One row of an action: who, on what, and the details parsed. */
export interface AuditEntry {
  actor_name: string
  subject: string | null
  details: Record<string, unknown>
}

/** Every row of the audit trail in order, or only those about one subject. */
export function auditRows(dbPath: string, subject?: string): AuditRow[] {
  const query = 'select id, action, actor_name, subject, details from audit_entry'
  return withRawDb(dbPath, (db) =>
    subject === undefined ? db.prepare(`${query} order by id`).all() : db.prepare(`${query} where subject = ? order by id`).all(subject),
  ) as AuditRow[]
}

/** The rows of one action, in order. */
export function auditOf(dbPath: string, action: string): AuditEntry[] {
  const rows = withRawDb(dbPath, (db) =>
    db.prepare('select actor_name, subject, details from audit_entry where action = ? order by id').all(action),
  ) as Pick<AuditRow, 'actor_name' | 'subject' | 'details'>[]
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }))
}
