import type { AuditVerdictDto } from '#shared/contract/audit'
import type { DbContext } from '#core/common/context'
import { auditHash, GENESIS_HASH } from '#core/db/audit-chain'
import { read } from '#core/db/tx'

export { auditHash, GENESIS_HASH } from '#core/db/audit-chain'

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
export function verifyAuditRows(rows: Iterable<AuditRow>): AuditVerdictDto {
  let expectedPrev = GENESIS_HASH
  let entries = 0
  for (const row of rows) {
    entries += 1
    if (row.prev_hash !== expectedPrev) {
      return {
        ok: false,
        entries,
        firstBadId: row.id,
        problem: 'unlinked',
        reason: 'does not follow the entry before it (an entry was removed or reordered)',
      }
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
      return { ok: false, entries, firstBadId: row.id, problem: 'altered', reason: 'its content was changed after it was written' }
    }
    expectedPrev = row.hash
  }
  return { ok: true, entries }
}

export function verifyAudit(ctx: DbContext): Promise<AuditVerdictDto> {
  return read(ctx, async ({ kysely }) =>
    verifyAuditRows(
      await kysely
        .selectFrom('audit_entry')
        .select(['id', 'at', 'action', 'actor_user_id', 'actor_name', 'subject', 'details', 'prev_hash', 'hash'])
        .orderBy('id')
        .execute(),
    ),
  )
}
