import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { savePdf } from './documents.service'

export const documentsHandlers = {
  'documents:savePdf': async ({ suggestedName }, ctx) =>
    savePdf(ctx, suggestedName, signedIn(ctx), { window: ctx.window, files: ctx.documentFiles }),
} satisfies FeatureHandlers<'documents:savePdf'>
