import { z } from 'zod'
import { channel } from '../ipc/channel'
import { cartDto, promoProblem } from './cart'
import { id, isoDateTime, nonNegativeCents, text } from './common'

/** The longest label a parked basket may have ("blue jacket", "table 4"). */
export const PARKED_LABEL_MAX = 40

/** A parked basket as the till lists it: as it stood when it was parked. */
export const parkedCartDto = z.strictObject({
  id,
  /** Null when the cashier gave none. */
  label: z.string().nullable(),
  /** Who parked it (anyone on the till may recall it). */
  parkedBy: z.strictObject({ id, name: z.string() }),
  parkedAt: isoDateTime,
  lineCount: z.int().min(1),
  /** Units, as the cart counts them. */
  itemCount: z.int().min(1),
  /** The cart's total when it was parked; a recall prices the lines afresh. */
  totalCents: nonNegativeCents,
})
export type ParkedCartDto = z.infer<typeof parkedCartDto>

/** A product whose price is not what it was when the basket was parked. */
export const parkedPriceChangeDto = z.strictObject({
  productId: id,
  name: z.string(),
  parkedUnitPriceCents: nonNegativeCents,
  unitPriceCents: nonNegativeCents,
})
export type ParkedPriceChangeDto = z.infer<typeof parkedPriceChangeDto>

/** A product archived since the basket was parked: left out of the recalled cart. */
export const parkedUnavailableDto = z.strictObject({ productId: id, name: z.string() })
export type ParkedUnavailableDto = z.infer<typeof parkedUnavailableDto>

export const parkedContract = {
  /** Moves the caller's cart into a new parked basket and empties the cart; CART_EMPTY when there is nothing to park. */
  'cart:park': channel(
    'signedIn',
    z.strictObject({ label: text(PARKED_LABEL_MAX).optional() }),
    z.strictObject({ cart: cartDto, parked: parkedCartDto }),
  ),
  /** This till's parked baskets, newest first. */
  'cart:parked': channel(
    'signedIn',
    z.strictObject({ limit: z.int().min(1).max(200).optional(), offset: z.int().min(0).max(1_000_000).optional() }),
    z.strictObject({ items: z.array(parkedCartDto), total: z.int().min(0) }),
  ),
  /**
   * Puts a parked basket back into the caller's cart, which must be empty (CONFLICT cartNotEmpty),
   * at today's prices; the basket is gone after. NOT_FOUND when it was recalled or discarded already.
   */
  'cart:recall': channel(
    'signedIn',
    z.strictObject({ parkedId: id }),
    z.strictObject({
      cart: cartDto,
      recalled: parkedCartDto,
      priceChanges: z.array(parkedPriceChangeDto),
      unavailable: z.array(parkedUnavailableDto),
      /** The basket's promo code, when it cannot be used any more (expired, used up…): the sale comes back without it. */
      promoDropped: z.strictObject({ code: z.string(), reason: promoProblem }).nullable(),
    }),
  ),
  'cart:discardParked': channel('signedIn', z.strictObject({ parkedId: id }), z.strictObject({ discarded: parkedCartDto })),
}
