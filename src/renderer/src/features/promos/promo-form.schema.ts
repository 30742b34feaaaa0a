/**
 * The promo form's values and schema: the contract's own rules (so the form refuses what core
 * would), behind the conversions a form needs — a percent typed as "10" becomes basis points, an
 * amount typed in the store's currency becomes minor units, empty optional fields become null.
 * Pure, so it is tested under Node.
 */
import { latinDigits } from '#shared/i18n/digits'
import { z } from 'zod'
import { promosContract, type PromoDto } from '#shared/contract/promos'
import { decimalAmount, parseDecimalAmount } from '#shared/money/money'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { encodeMessage } from '../../ui/form-issues'
import { parsePercent, percentText } from '../taxes/public'
import type { PromosTexts } from './promos.en'

const msg = messagesOf<PromosTexts>()
const fields = promosContract['promos:create'].input.shape

const CODE = /^[A-Za-z0-9_-]{2,40}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** What the inputs hold: text as typed, the pickers' ids, the switch. */
export interface PromoFormValues {
  code: string
  name: string
  kind: 'percent' | 'amount'
  value: string
  minSpend: string
  startsOn: string
  endsOn: string
  maxUses: string
  productIds: number[]
  categoryIds: number[]
  active: boolean
}

/** A promo as `promos:create` takes it. */
export interface PromoFields {
  code: string
  name: string
  kind: 'percent' | 'amount'
  value: number
  minSpendCents: number | null
  startsOn: string | null
  endsOn: string | null
  maxUses: number | null
  productIds: number[]
  categoryIds: number[]
  active: boolean
}

export const PROMO_FIELDS = ['code', 'name', 'value', 'minSpend', 'startsOn', 'endsOn', 'maxUses', 'productIds', 'categoryIds'] as const
export type PromoFormField = (typeof PROMO_FIELDS)[number]

const refuse = (context: z.RefinementCtx, path: PromoFormField, message: Message) =>
  context.addIssue({ code: 'custom', path: [path], message: encodeMessage(message) })

/** The form's schema for a store whose currency has `decimals` minor digits. */
export function promoFormSchema(decimals: number) {
  const amount = decimals === 0 ? msg('promos.invalid.amountWhole') : msg('promos.invalid.amount', { decimals })
  return z
    .object({
      code: z.string(),
      name: z.string().trim().pipe(fields.name),
      kind: fields.kind,
      value: z.string(),
      minSpend: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      maxUses: z.string(),
      productIds: z.array(z.number()),
      categoryIds: z.array(z.number()),
      active: z.boolean(),
    })
    .transform((values, context): PromoFields => {
      const code = values.code.trim()
      if (!CODE.test(code)) refuse(context, 'code', msg('promos.invalid.code'))
      let value: number | null
      if (values.kind === 'percent') {
        value = parsePercent(values.value)
        if (value === null || value < 1) refuse(context, 'value', msg('promos.invalid.percent'))
      } else {
        value = parseDecimalAmount(values.value, decimals)
        if (value === null || value < 1) refuse(context, 'value', amount)
      }
      let minSpendCents: number | null = null
      if (values.minSpend.trim() !== '') {
        minSpendCents = parseDecimalAmount(values.minSpend, decimals)
        if (minSpendCents === null) refuse(context, 'minSpend', amount)
      }
      const startsOn = values.startsOn.trim() || null
      const endsOn = values.endsOn.trim() || null
      if (startsOn !== null && !DAY.test(startsOn)) refuse(context, 'startsOn', msg('promos.invalid.day'))
      if (endsOn !== null && !DAY.test(endsOn)) refuse(context, 'endsOn', msg('promos.invalid.day'))
      if (startsOn && endsOn && DAY.test(startsOn) && DAY.test(endsOn) && endsOn < startsOn) {
        refuse(context, 'endsOn', msg('promos.invalid.dayOrder'))
      }
      let maxUses: number | null = null
      if (values.maxUses.trim() !== '') {
        const typed = latinDigits(values.maxUses).trim()
        maxUses = /^\d{1,10}$/.test(typed) ? Number(typed) : null
        if (maxUses === null || maxUses < 1 || maxUses > 1_000_000_000) refuse(context, 'maxUses', msg('promos.invalid.maxUses'))
      }
      return {
        code,
        name: values.name,
        kind: values.kind,
        value: value ?? 0,
        minSpendCents,
        startsOn,
        endsOn,
        maxUses,
        productIds: values.productIds,
        categoryIds: values.categoryIds,
        active: values.active,
      }
    })
}

export type PromoFormOutput = z.output<ReturnType<typeof promoFormSchema>>

/** A new promo's form: a percent, on every line, switched on. */
export function emptyPromoValues(): PromoFormValues {
  return {
    code: '',
    name: '',
    kind: 'percent',
    value: '',
    minSpend: '',
    startsOn: '',
    endsOn: '',
    maxUses: '',
    productIds: [],
    categoryIds: [],
    active: true,
  }
}

/** The form filled from a promo, its amounts in the store's decimals. */
export function promoFormValues(promo: PromoDto, decimals: number): PromoFormValues {
  return {
    code: promo.code,
    name: promo.name,
    kind: promo.kind,
    value: promo.kind === 'percent' ? percentText(promo.value) : decimalAmount(promo.value, decimals),
    minSpend: promo.minSpendCents === null ? '' : decimalAmount(promo.minSpendCents, decimals),
    startsOn: promo.startsOn ?? '',
    endsOn: promo.endsOn ?? '',
    maxUses: promo.maxUses === null ? '' : String(promo.maxUses),
    productIds: [...promo.productIds],
    categoryIds: [...promo.categoryIds],
    active: promo.active,
  }
}

const sameIds = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && [...a].sort((x, y) => x - y).join() === [...b].sort((x, y) => x - y).join()

/** What an edit changed, and only that (`promos:update` keeps what is left out). */
export function promoChanges(promo: PromoDto, fields: PromoFields): Partial<PromoFields> {
  const change: Partial<PromoFields> = {}
  if (fields.code !== promo.code) change.code = fields.code
  if (fields.name !== promo.name) change.name = fields.name
  if (fields.kind !== promo.kind) change.kind = fields.kind
  if (fields.value !== promo.value) change.value = fields.value
  if (fields.minSpendCents !== promo.minSpendCents) change.minSpendCents = fields.minSpendCents
  if (fields.startsOn !== promo.startsOn) change.startsOn = fields.startsOn
  if (fields.endsOn !== promo.endsOn) change.endsOn = fields.endsOn
  if (fields.maxUses !== promo.maxUses) change.maxUses = fields.maxUses
  if (!sameIds(fields.productIds, promo.productIds)) change.productIds = fields.productIds
  if (!sameIds(fields.categoryIds, promo.categoryIds)) change.categoryIds = fields.categoryIds
  if (fields.active !== promo.active) change.active = fields.active
  return change
}
