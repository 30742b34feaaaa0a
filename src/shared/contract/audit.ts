import { z } from 'zod'
import { channel } from '../ipc/channel'
import { id, protectedInput } from './common'

/** `reason` is for people who read logs; the screen says it from `problem`. */
export const auditVerdictDto = z.strictObject({
  ok: z.boolean(),
  entries: z.int().min(0),
  firstBadId: id.optional(),
  problem: z.enum(['unlinked', 'altered']).optional(),
  reason: z.string().optional(),
})
export type AuditVerdictDto = z.infer<typeof auditVerdictDto>

export const auditContract = {
  'audit:verify': channel('audit.view', protectedInput({}), auditVerdictDto),
}
