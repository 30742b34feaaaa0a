import type { CheckoutResultDto } from '#shared/contract/checkout'
import { messagesOf, money, type Message } from '../../platform/i18n/translate'
import type { CheckoutTexts } from './checkout.en'

const msg = messagesOf<CheckoutTexts>()

/** What the paid screen says: the result carries the figures, the catalog the words. */
export function paidMessage(result: Pick<CheckoutResultDto, 'method' | 'amountCents' | 'tenders'>): Message {
  const amount = money(result.amountCents)
  switch (result.method) {
    case 'token':
      return msg('result.paidByToken', { amount })
    case 'cash':
      return msg('result.paidInCash', { amount })
    case 'card':
      return msg('result.paidByCard', { amount })
    case 'wallet':
      return msg('result.paidByWallet', { amount, wallet: result.tenders[0]?.wallet ?? '' })
    case 'split':
      return msg('result.paidSplit', { amount, count: result.tenders.length })
  }
}
