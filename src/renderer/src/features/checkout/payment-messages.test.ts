import { describe, expect, it } from 'vitest'
import { formatMoney } from '#shared/money/money'
import { createTranslator } from '../../platform/i18n/translate'
import { checkoutEn } from './checkout.en'
import { paidMessage } from './payment-messages'

describe('the paid screen', () => {
  const { render } = createTranslator(checkoutEn, 'en', { money: (cents) => formatMoney(cents, { currency: 'NPR', locale: 'en-IN' }) })

  it('says a token payment in the origin’s words', () => {
    // Intl puts a no-break space between the currency and the amount.
    expect(render(paidMessage({ method: 'token', amountCents: 18_500 }))).toBe(
      'Payment successfully completed with NPR\u00a0185.00 from your balance!',
    )
  })

  it('says a cash payment with the amount paid', () => {
    expect(render(paidMessage({ method: 'cash', amountCents: 150_050 }))).toBe('Payment of NPR\u00a01,500.50 received in cash.')
  })
})
