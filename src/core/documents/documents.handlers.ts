import type { FeatureHandlers } from '#core/common/handler'
import { notBuilt } from '#core/common/not-built'

export const documentsHandlers = {
  'documents:savePdf': async () => notBuilt('documents:savePdf'),
} satisfies FeatureHandlers<'documents:savePdf'>
