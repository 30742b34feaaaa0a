import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { exportProducts, importProducts, importProgress } from './product-import.service'

export const productImportHandlers = {
  'products:import': async ({ csv, apply, jobId }, ctx) =>
    importProducts(
      ctx,
      signedIn(ctx),
      { decimals: ctx.settings.currencyDecimals, defaultTaxRateIds: ctx.settings.defaultTaxRateIds },
      { csv, apply, jobId },
    ),
  'products:importProgress': async ({ jobId }) => importProgress(jobId),
  'products:export': async (_input, ctx) => exportProducts(ctx, ctx.settings.currencyDecimals),
} satisfies FeatureHandlers<'products:import' | 'products:importProgress' | 'products:export'>
