import { z } from 'zod'
import { channel } from '../ipc/channel'
import { id, isoDate, isoDateTime, nonNegativeCents, protectedInput, text } from './common'

export const promoKind = z.enum(['percent', 'amount'])

export const promoDto = z.strictObject({
  id,
  code: z.string(),
  name: z.string(),
  kind: promoKind,
  /** Basis points for a percent (10% = 1000), minor units for an amount. */
  value: z.int().min(1),
  minSpendCents: nonNegativeCents.nullable(),
  /** Store-local days, both included. */
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  maxUses: z.int().min(1).nullable(),
  uses: z.int().min(0),
  active: z.boolean(),
  /** The products and categories it is limited to; both empty: every line. */
  productIds: z.array(id),
  categoryIds: z.array(id),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})
export type PromoDto = z.infer<typeof promoDto>

/** What a cashier types: letters, digits, `-` and `_`; found whatever the case. */
const promoCode = text(40).regex(/^[A-Za-z0-9_-]{2,40}$/, 'letters, digits, - and _ only (2 to 40)')

const promoFields = {
  code: promoCode,
  name: text(80).min(1),
  kind: promoKind,
  value: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  minSpendCents: nonNegativeCents.nullable().optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  maxUses: z.int().min(1).max(1_000_000_000).nullable().optional(),
  productIds: z.array(id).max(500).optional(),
  categoryIds: z.array(id).max(200).optional(),
  active: z.boolean(),
}

/** A percent is at most 100%; the last day is not before the first (core checks a partial update against what is stored). */
const percentAtMost100 = (promo: { kind?: string | undefined; value?: number | undefined }) =>
  promo.kind !== 'percent' || promo.value === undefined || promo.value <= 10_000
const daysInOrder = (promo: { startsOn?: string | null | undefined; endsOn?: string | null | undefined }) =>
  !promo.startsOn || !promo.endsOn || promo.startsOn <= promo.endsOn

export const promosContract = {
  'promos:list': channel(
    'promos.manage',
    protectedInput({ status: z.enum(['active', 'inactive', 'all']).optional(), query: text(40).optional() }),
    z.strictObject({ items: z.array(promoDto), total: z.int().min(0) }),
  ),
  'promos:create': channel(
    'promos.manage',
    protectedInput(promoFields)
      .refine(percentAtMost100, { message: 'a percent is at most 100% (10000)', path: ['value'] })
      .refine(daysInOrder, { message: 'the last day is before the first', path: ['endsOn'] }),
    promoDto,
  ),
  /** Fields left out stay as they are. */
  'promos:update': channel(
    'promos.manage',
    protectedInput({
      id,
      code: promoFields.code.optional(),
      name: promoFields.name.optional(),
      kind: promoKind.optional(),
      value: promoFields.value.optional(),
      minSpendCents: promoFields.minSpendCents,
      startsOn: promoFields.startsOn,
      endsOn: promoFields.endsOn,
      maxUses: promoFields.maxUses,
      productIds: promoFields.productIds,
      categoryIds: promoFields.categoryIds,
      active: z.boolean().optional(),
    })
      .refine(percentAtMost100, { message: 'a percent is at most 100% (10000)', path: ['value'] })
      .refine(daysInOrder, { message: 'the last day is before the first', path: ['endsOn'] }),
    promoDto,
  ),
}
