/**
 * The discount dialog's fields as typed, and what they become: a percent (typed as "10" or "12.5",
 * in basis points) or an amount (typed in the store's currency, through the money parser), and a
 * reason. Pure, so it is tested under Node.
 */
import type { CartDiscountDto, DiscountInput } from '#shared/contract/cart'
import { decimalAmount, parseDecimalAmount } from '#shared/money/money'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { parsePercent, percentText } from '../taxes/public'
import type { DiscountsTexts } from './discounts.en'

const msg = messagesOf<DiscountsTexts>()

/** The longest reason the cart keeps (the contract's). */
export const REASON_MAX = 80

export type DiscountKind = DiscountInput['kind']

export interface DiscountFormValues {
  kind: DiscountKind
  value: string
  reason: string
}

/** A discount as the cart is asked to give it. */
export interface DiscountRequest {
  readonly discount: DiscountInput
  /** Null: none given. */
  readonly reason: string | null
}

export type DiscountFormResult = { readonly ok: true; readonly request: DiscountRequest } | { readonly ok: false; readonly error: Message }

/** What the fields ask for in a store whose currency has `decimals` minor digits, or why they cannot. */
export function discountOfForm(values: DiscountFormValues, decimals: number): DiscountFormResult {
  const reason = values.reason.trim().slice(0, REASON_MAX) || null
  if (values.kind === 'percent') {
    const bps = parsePercent(values.value)
    if (bps === null || bps < 1) return { ok: false, error: msg('discount.invalid.percent') }
    return { ok: true, request: { discount: { kind: 'percent', bps }, reason } }
  }
  const cents = parseDecimalAmount(values.value, decimals)
  if (cents === null || cents < 1 || !Number.isSafeInteger(cents)) {
    return { ok: false, error: decimals === 0 ? msg('discount.invalid.amountWhole') : msg('discount.invalid.amount', { decimals }) }
  }
  return { ok: true, request: { discount: { kind: 'amount', cents }, reason } }
}

/** The fields as the dialog opens: the discount already given, or an empty percent. */
export function discountFormValues(current: CartDiscountDto | null, decimals: number): DiscountFormValues {
  if (!current) return { kind: 'percent', value: '', reason: '' }
  const { discount } = current
  return {
    kind: discount.kind,
    value: discount.kind === 'percent' ? percentText(discount.bps) : decimalAmount(discount.cents, decimals),
    reason: current.reason ?? '',
  }
}
