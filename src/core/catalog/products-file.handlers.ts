import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { saveCsv } from '#core/documents/documents.service'
import { exportProducts } from './product-import.service'

/** The catalog's CSV (`products:export`'s file) saved through main's own dialog. */
export const productsFileHandlers = {
  'products:exportFile': async (_input, ctx) =>
    saveCsv(ctx, 'products.csv', signedIn(ctx), ctx.documentFiles, () => exportProducts(ctx, ctx.settings.currencyDecimals)),
} satisfies FeatureHandlers<'products:exportFile'>
