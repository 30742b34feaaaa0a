import { describe, expect, it } from 'vitest'
import { formatMoney } from '#shared/money/money'
import { createTranslator } from '../../platform/i18n/translate'
import { checkoutEn } from './checkout.en'
import { paidMessage } from './payment-messages'

describe('the paid screen', () => {
  const { render } = createTranslator(checkoutEn, 'en', { money: (cents) => formatMoney(cents, { currency: 'NPR', locale: 'en-IN' }) })

  it('says a token payment in the origin’s words', () => {
    // Intl puts a no-break space between the currency and the amount.
    expect(render(paidMessage({ method: 'token', amountCents: 18_500, tenders: [{ method: 'token', amountCents: 18_500 }] }))).toBe(
      'Payment successfully completed with NPR\u00a0185.00 from your balance!',
    )
  })

  it('says a cash payment with the amount paid', () => {
    expect(render(paidMessage({ method: 'cash', amountCents: 150_050, tenders: [{ method: 'cash', amountCents: 150_050 }] }))).toBe(
      'Payment of NPR\u00a01,500.50 received in cash.',
    )
  })

  it('names the card or the wallet, and counts split tenders', () => {
    expect(
      render(paidMessage({ method: 'card', amountCents: 5_000, tenders: [{ method: 'card', amountCents: 5_000, reference: 'A' }] })),
    ).toBe('Payment of NPR\u00a050.00 received by card.')
    const wallet = [{ method: 'wallet' as const, amountCents: 5_000, wallet: 'eSewa', reference: 'E' }]
    expect(render(paidMessage({ method: 'wallet', amountCents: 5_000, tenders: wallet }))).toBe(
      'Payment of NPR\u00a050.00 received by eSewa.',
    )
    const split = [
      { method: 'token' as const, amountCents: 500 },
      { method: 'cash' as const, amountCents: 10_000, tenderedCents: 20_000, changeCents: 10_000 },
    ]
    expect(render(paidMessage({ method: 'split', amountCents: 10_500, tenders: split }))).toBe(
      'Payment of NPR\u00a0105.00 received in 2 tenders.',
    )
  })
})
