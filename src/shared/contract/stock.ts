import { z } from 'zod'
import { channel } from '../ipc/channel'
import { id, isoDate, isoDateTime, protectedInput, text } from './common'
import { productAdminDto } from './catalog'

export const STOCK_REASONS = ['received', 'count', 'damaged', 'returned', 'correction'] as const
/** Every reason a movement may have: the ones a person picks, and the ones the till records itself. */
export const MOVEMENT_REASONS = ['initial', 'sale', 'import', ...STOCK_REASONS] as const
export type MovementReason = (typeof MOVEMENT_REASONS)[number]

export const stockMovementDto = z.strictObject({
  id,
  productId: id,
  sku: z.string(),
  productName: z.string(),
  deltaQty: z.int(),
  /** The recorded stock after this movement. */
  stockAfter: z.int(),
  reason: z.enum(MOVEMENT_REASONS),
  note: z.string().nullable(),
  /** Who made it (null for the till's own: a sale records its invoice instead). */
  by: z.string().nullable(),
  invoiceNumber: z.int().nullable(),
  at: isoDateTime,
})
export type StockMovementDto = z.infer<typeof stockMovementDto>

export const stockContract = {
  /**
   * One movement: `delta` (+/−) or `counted` (the new shelf count; the movement is the difference),
   * exactly one of them (VALIDATION_FAILED deltaOrCounted otherwise). Stock may not go below zero
   * (INSUFFICIENT_STOCK). Each reason moves stock one way (VALIDATION_FAILED stockReason otherwise):
   * `received` and `returned` add it (a positive delta); `damaged` takes it away (a negative delta, or
   * a count below the record); `count` is a count (equal to the record, it confirms it: a movement of
   * 0); `correction` is either, either way.
   */
  'stock:adjust': channel(
    'stock.manage',
    protectedInput({
      productId: id,
      delta: z
        .int()
        .min(-1_000_000)
        .max(1_000_000)
        .refine((value) => value !== 0, 'must not be zero')
        .optional(),
      counted: z.int().min(0).max(1_000_000).optional(),
      reason: z.enum(STOCK_REASONS),
      note: text(200).optional(),
    }),
    z.strictObject({ movement: stockMovementDto, product: productAdminDto }),
  ),
  /** Newest first; one product's history, or every product's between two store-local days. */
  'stock:movements': channel(
    'stock.manage',
    protectedInput({
      productId: id.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      limit: z.int().min(1).max(500).optional(),
      offset: z.int().min(0).max(10_000_000).optional(),
    }),
    z.strictObject({ items: z.array(stockMovementDto), total: z.int().min(0) }),
  ),
  /** Active products at or below their threshold (their own, or the store's default), lowest first. */
  'stock:low': channel(
    'stock.manage',
    protectedInput({ limit: z.int().min(1).max(500).optional(), offset: z.int().min(0).max(10_000_000).optional() }),
    z.strictObject({ items: z.array(productAdminDto), total: z.int().min(0) }),
  ),
}
