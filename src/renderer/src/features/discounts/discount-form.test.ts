import { describe, expect, it } from 'vitest'
import { en } from '../../app/catalogs'
import { createTranslator, type Message } from '../../platform/i18n/translate'
import { discountFormValues, discountOfForm } from './discount-form'

const { render } = createTranslator(en, 'en')
const refusal = (result: ReturnType<typeof discountOfForm>) => (result.ok ? null : render(result.error as Message))

describe('the discount form', () => {
  it('reads a percent as basis points and an amount in the currency’s minor units', () => {
    expect(discountOfForm({ kind: 'percent', value: '10', reason: '  Dented box ' }, 2)).toEqual({
      ok: true,
      request: { discount: { kind: 'percent', bps: 1000 }, reason: 'Dented box' },
    })
    expect(discountOfForm({ kind: 'percent', value: '12.5 %', reason: '' }, 2)).toEqual({
      ok: true,
      request: { discount: { kind: 'percent', bps: 1250 }, reason: null },
    })
    expect(discountOfForm({ kind: 'amount', value: '1,250.50', reason: '' }, 2)).toEqual({
      ok: true,
      request: { discount: { kind: 'amount', cents: 125_050 }, reason: null },
    })
    expect(discountOfForm({ kind: 'amount', value: '50', reason: '' }, 0)).toEqual({
      ok: true,
      request: { discount: { kind: 'amount', cents: 50 }, reason: null },
    })
  })

  it('refuses what is not a discount, saying what to type', () => {
    for (const value of ['', '0', '100.01', '-5', 'ten', '1.234']) {
      expect(refusal(discountOfForm({ kind: 'percent', value, reason: '' }, 2)), value).toBe(
        'Type a percent above 0 and at most 100, with at most two decimals (like 10 or 12.5).',
      )
    }
    expect(refusal(discountOfForm({ kind: 'amount', value: '0.00', reason: '' }, 2))).toBe(
      'Type an amount above 0 with at most 2 decimals (like 50 or 12.50).',
    )
    expect(refusal(discountOfForm({ kind: 'amount', value: '12.5', reason: '' }, 0))).toBe('Type a whole amount above 0 (like 50).')
  })

  it('keeps a reason to the cart’s 80 characters', () => {
    const result = discountOfForm({ kind: 'percent', value: '5', reason: 'x'.repeat(90) }, 2)
    expect(result.ok && result.request.reason).toBe('x'.repeat(80))
  })

  it('opens on the discount already given, written as it was typed', () => {
    expect(discountFormValues(null, 2)).toEqual({ kind: 'percent', value: '', reason: '' })
    expect(discountFormValues({ discount: { kind: 'percent', bps: 1250 }, reason: 'Price match', approvedBy: null }, 2)).toEqual({
      kind: 'percent',
      value: '12.5',
      reason: 'Price match',
    })
    expect(discountFormValues({ discount: { kind: 'amount', cents: 4_550 }, reason: null, approvedBy: 'Maya' }, 2)).toEqual({
      kind: 'amount',
      value: '45.50',
      reason: '',
    })
  })
})
