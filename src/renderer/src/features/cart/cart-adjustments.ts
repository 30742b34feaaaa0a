/**
 * How the cart says its discounts and promo code: pure message makers over the cart's own figures,
 * shared by the cart panels and the till's discount and promo dialogs.
 */
import type { CartDiscountDto, CartPromoDto, DiscountInput } from '#shared/contract/cart'
import { messagesOf, money, type Message, type ParamValue } from '../../platform/i18n/translate'
import type { cartEn } from './cart.en'

const msg = messagesOf<typeof cartEn>()

/** Basis points as the store's locale writes a percent (the screens' `usePercent()`). */
export type PercentFormat = (bps: number) => string

/** "12.5%", or an amount formatted when shown. */
export function discountValue(discount: DiscountInput, percent: PercentFormat): ParamValue {
  return discount.kind === 'percent' ? percent(discount.bps) : money(discount.cents)
}

/** "−10% off · Dented box" under a line. */
export function lineDiscountMessage({ discount, reason }: CartDiscountDto, percent: PercentFormat): Message {
  const value = discountValue(discount, percent)
  return reason ? msg('cart.lineDiscountReason', { discount: value, reason }) : msg('cart.lineDiscount', { discount: value })
}

/** "Sale discount −5% · Regular customer" in the total panel. */
export function orderDiscountMessage({ discount, reason }: CartDiscountDto, percent: PercentFormat): Message {
  const value = discountValue(discount, percent)
  return reason ? msg('cart.orderDiscountReason', { discount: value, reason }) : msg('cart.orderDiscount', { discount: value })
}

/** Why a promo code in the cart takes nothing off now (checkout refuses the cart until it is fixed), or null when it works. */
export function promoProblemMessage(promo: CartPromoDto): Message | null {
  const { code } = promo
  switch (promo.problem) {
    case null:
      return null
    case 'minSpend':
      return msg('cart.promo.minSpend', { code, more: money(Math.max(0, (promo.minSpendCents ?? 0) - promo.qualifyingCents)) })
    default:
      return msg(`cart.promo.${promo.problem}`, { code })
  }
}
