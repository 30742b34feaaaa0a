import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'

export const backupHandlers = {
  'backup:create': async (_input, ctx) => ctx.backups.create('manual', signedIn(ctx)),
  'backup:list': async (_input, ctx) => ({ items: ctx.backups.list() }),
  'backup:restore': async ({ file }, ctx) => ctx.backups.restore(file, signedIn(ctx)),
  'backup:export': async (_input, ctx) => ctx.backups.exportCopy(signedIn(ctx)),
  'backup:importFile': async (_input, ctx) => ctx.backups.importFile(signedIn(ctx)),
} satisfies FeatureHandlers<'backup:create' | 'backup:list' | 'backup:restore' | 'backup:export' | 'backup:importFile'>
