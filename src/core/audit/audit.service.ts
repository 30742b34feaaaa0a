import { sql } from 'kysely'
import type { AuditVerdictDto } from '#shared/contract/audit'
import type { BackupOperations, DbContext } from '#core/common/context'
import { auditHash, auditMac, GENESIS_HASH } from '#core/db/audit-chain'
import { read, type Reader } from '#core/db/tx'

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
  mac?: string | null
}

/**
 * Walks the chain from the start; reports the first row whose content or link does not hold. With
 * the signing key, every row from the first signed one on must carry a valid signature.
 */
export function verifyAuditRows(rows: Iterable<AuditRow>, key: Buffer | null = null): AuditVerdictDto {
  let expectedPrev = GENESIS_HASH
  let entries = 0
  let signing = false
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
    if (key) {
      signing ||= row.mac != null
      if (signing && row.mac !== auditMac(key, row.hash)) {
        return { ok: false, entries, firstBadId: row.id, problem: 'badMac', reason: 'its signature is missing or wrong' }
      }
    }
    expectedPrev = row.hash
  }
  return { ok: true, entries, ...(key ? { signed: signing } : {}) }
}

type Anchors = ReturnType<BackupOperations['anchors']>

/** The trail must still extend every head recorded at a backup, an export or a restore. */
async function checkAnchors(kysely: Reader<never>['kysely'], entries: number, anchors: Anchors): Promise<Partial<AuditVerdictDto> | null> {
  for (const anchor of anchors) {
    if ('broken' in anchor)
      return { problem: 'anchor', detail: 'audit-anchors.jsonl', reason: `an anchor line is not readable: ${anchor.broken}` }
    if (anchor.entries === 0 || anchor.hash === null) continue
    const row =
      anchor.entries > entries
        ? undefined
        : await kysely
            .selectFrom('audit_entry')
            .select(['id', 'hash', 'mac'])
            .orderBy('id')
            .limit(1)
            .offset(anchor.entries - 1)
            .executeTakeFirst()
    if (!row || row.hash !== anchor.hash || (anchor.mac !== null && row.mac !== anchor.mac)) {
      return {
        problem: 'anchor',
        detail: anchor.file,
        ...(row ? { firstBadId: row.id } : {}),
        reason: `the trail no longer extends the ${anchor.event} ${anchor.file} of ${anchor.at} (${anchor.entries} entries then)`,
      }
    }
  }
  return null
}

/**
 * Every invoice of this till is numbered 1, 2, 3 … without a gap and has its sale entry (invoices
 * older than the trail itself are not asked for one).
 */
async function checkInvoices(kysely: Reader<never>['kysely'], tillId: string): Promise<Partial<AuditVerdictDto> | null> {
  const numbering = await kysely
    .selectFrom('invoice')
    .where('till_id', '=', tillId)
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('number').as('last')])
    .executeTakeFirstOrThrow()
  const count = Number(numbering.count)
  const last = numbering.last === null ? 0 : Number(numbering.last)
  if (last !== count) {
    return {
      problem: 'numberGap',
      detail: String(last),
      reason: `invoice numbers run to ${last} but there are ${count} invoices: some are missing`,
    }
  }
  const trailStart = await kysely
    .selectFrom('audit_entry')
    .select((eb) => eb.fn.min('at').as('start'))
    .executeTakeFirst()
  if (!trailStart?.start) return null
  const unrecorded = await kysely
    .selectFrom('invoice as i')
    .where('i.till_id', '=', tillId)
    .where('i.paid_at', '>=', String(trailStart.start))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('audit_entry as a')
            .select('a.id')
            .where('a.action', '=', 'sale')
            .where('a.subject', '=', sql<string>`'invoice ' || ${eb.ref('i.number')}`),
        ),
      ),
    )
    .select('i.number')
    .orderBy('i.number')
    .limit(1)
    .executeTakeFirst()
  return unrecorded
    ? { problem: 'missingSale', detail: String(unrecorded.number), reason: `invoice ${unrecorded.number} has no sale entry` }
    : null
}

export function verifyAudit(ctx: DbContext, anchors: Anchors): Promise<AuditVerdictDto> {
  return read(ctx, async ({ kysely, tillId, auditKey }) => {
    const verdict = verifyAuditRows(
      await kysely
        .selectFrom('audit_entry')
        .select(['id', 'at', 'action', 'actor_user_id', 'actor_name', 'subject', 'details', 'prev_hash', 'hash', 'mac'])
        .orderBy('id')
        .execute(),
      auditKey,
    )
    if (!verdict.ok) return verdict
    const problem = (await checkAnchors(kysely, verdict.entries, anchors)) ?? (await checkInvoices(kysely, tillId))
    return problem ? { ...verdict, ...problem, ok: false } : verdict
  })
}
