import { z } from 'zod'
import { channel } from '../ipc/channel'
import { empty, id, protectedInput, text } from './common'

/** A tax's name: trimmed, 1 to 40 characters; two rates never differ only by case. */
export const taxName = text(40).min(1)
/** A rate in basis points: 13% = 1300, at most 100%. */
export const taxRateBps = z.int().min(0).max(10_000)
/** The most taxes one product (or the store's default for new products) carries. */
export const MAX_TAXES_PER_PRODUCT = 10
/** Tax rate ids as a product or the store's default lists them. */
export const taxRateIds = z.array(id).max(MAX_TAXES_PER_PRODUCT)

/**
 * A tax the store charges. `included`: in the shelf price (stripped out of it); otherwise added on
 * top. A switched-off rate (`active: false`) is kept (never deleted) but charged on no sale, and
 * cannot be given to a product again until it is switched back on. `productCount`: the products
 * (archived ones too) that list it.
 */
export const taxRateDto = z.strictObject({
  id,
  name: z.string(),
  rateBps: taxRateBps,
  included: z.boolean(),
  active: z.boolean(),
  productCount: z.int().min(0),
})
export type TaxRateDto = z.infer<typeof taxRateDto>

export const taxesContract = {
  /** Every rate, switched-off ones too, A to Z by name. */
  'taxes:list': channel('signedIn', empty, z.strictObject({ items: z.array(taxRateDto) })),
  /** A name in use (ignoring case and surrounding spaces) → CONFLICT taxRate naming the other rate. */
  'taxes:create': channel('catalog.manage', protectedInput({ name: taxName, rateBps: taxRateBps, included: z.boolean() }), taxRateDto),
  /**
   * A partial edit; `active: false` switches a rate off (there is no delete). A change applies from
   * now on: every invoice keeps its own copy of the taxes it charged.
   */
  'taxes:update': channel(
    'catalog.manage',
    protectedInput({
      id,
      name: taxName.optional(),
      rateBps: taxRateBps.optional(),
      included: z.boolean().optional(),
      active: z.boolean().optional(),
    }),
    taxRateDto,
  ),
}
