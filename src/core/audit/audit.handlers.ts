import type { FeatureHandlers } from '#core/common/handler'
import { verifyAudit } from './audit.service'

export const auditHandlers = {
  'audit:verify': async (_input, ctx) => verifyAudit(ctx, ctx.backups.anchors()),
} satisfies FeatureHandlers<'audit:verify'>
