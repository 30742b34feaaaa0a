import type { FeatureHandlers } from '#core/common/handler'
import { printReceipt, printTestPage } from './printing.service'

export const printingHandlers = {
  'printing:print': async (input, ctx) => printReceipt(ctx, input),
  'printing:test': async (_input, ctx) => printTestPage(ctx),
} satisfies FeatureHandlers<'printing:print' | 'printing:test'>
