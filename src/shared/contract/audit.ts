import { z } from 'zod'
import { channel } from '../ipc/channel'
import { id, protectedInput } from './common'

/** `reason` is for people who read logs; the screen says it from `problem`. */
export const auditVerdictDto = z.strictObject({
  ok: z.boolean(),
  entries: z.int().min(0),
  firstBadId: id.optional(),
  /**
   * unlinked/altered: the chain itself; badMac: an entry's signature; anchor: the trail no longer
   * extends what a backup, export or restore recorded; numberGap: an invoice number is missing;
   * missingSale: an invoice has no sale entry.
   */
  problem: z.enum(['unlinked', 'altered', 'badMac', 'anchor', 'numberGap', 'missingSale']).optional(),
  /** What the problem is about, for people: an invoice number, a backup's name. */
  detail: z.string().optional(),
  /** Whether the entries carry signatures under a key kept outside the database. */
  signed: z.boolean().optional(),
  reason: z.string().optional(),
})
export type AuditVerdictDto = z.infer<typeof auditVerdictDto>

export const auditContract = {
  'audit:verify': channel('audit.view', protectedInput({}), auditVerdictDto),
}
