import type { CheckoutResultDto } from '#shared/contract/checkout'
import { messagesOf, money, type Message } from '../../platform/i18n/translate'
import type { CheckoutTexts } from './checkout.en'

const msg = messagesOf<CheckoutTexts>()

/** What the paid screen says: the result carries the figures, the catalog the words. */
export function paidMessage(result: Pick<CheckoutResultDto, 'method' | 'amountCents'>): Message {
  return result.method === 'token'
    ? msg('result.paidByToken', { amount: money(result.amountCents) })
    : msg('result.paidInCash', { amount: money(result.amountCents) })
}
