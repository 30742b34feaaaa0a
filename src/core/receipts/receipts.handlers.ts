import type { FeatureHandlers } from '#core/common/handler'
import { renderReceipt } from './receipts.service'

export const receiptsHandlers = {
  'receipts:render': async (input, ctx) => renderReceipt(ctx, input),
} satisfies FeatureHandlers<'receipts:render'>
