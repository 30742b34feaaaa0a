import { z } from 'zod'
import { channel } from '../ipc/channel'
import { id, nonNegativeCents, text } from './common'

/** The highest price a product may have, in minor units (a catalog cap: the schemas of product edits use it). */
export const MAX_PRICE_CENTS = 1_000_000_000_000

export const productDto = z.strictObject({
  id,
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  priceCents: nonNegativeCents,
  stock: z.int(),
})
export type ProductDto = z.infer<typeof productDto>

export const catalogContract = {
  'catalog:search': channel(
    'signedIn',
    z.strictObject({
      query: text(200).optional(),
      limit: z.int().min(1).max(100).optional(),
      offset: z.int().min(0).max(1_000_000).optional(),
    }),
    z.strictObject({
      items: z.array(productDto),
      total: z.int().min(0),
      /** Matches are counted only up to a cap (cheap totals at any catalog size): true means "at least total". */
      totalIsCapped: z.boolean(),
    }),
  ),
  'catalog:lookup': channel('signedIn', z.strictObject({ code: text(64).min(1) }), productDto),
}
