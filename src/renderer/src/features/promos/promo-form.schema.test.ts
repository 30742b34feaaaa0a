import { describe, expect, it } from 'vitest'
import type { PromoDto } from '#shared/contract/promos'
import { en } from '../../app/catalogs'
import { createTranslator } from '../../platform/i18n/translate'
import { decodeMessage, FORM_ISSUES } from '../../ui/form-issues'
import { emptyPromoValues, promoChanges, promoFormSchema, promoFormValues, type PromoFormValues } from './promo-form.schema'

const { render } = createTranslator(en, 'en')

const SAVE10: PromoDto = {
  id: 4,
  code: 'SAVE10',
  name: 'Dashain sale',
  kind: 'percent',
  value: 1000,
  minSpendCents: 100_000,
  startsOn: '2026-10-01',
  endsOn: '2026-10-15',
  maxUses: 100,
  uses: 3,
  active: true,
  productIds: [],
  categoryIds: [2],
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
}

function parse(values: Partial<PromoFormValues>, decimals = 2) {
  return promoFormSchema(decimals).safeParse(
    { ...emptyPromoValues(), code: 'SAVE10', name: 'Dashain sale', value: '10', ...values },
    FORM_ISSUES,
  )
}

/** The texts of the fields a refusal names. */
function refusals(values: Partial<PromoFormValues>, decimals = 2): Record<string, string> {
  const result = parse(values, decimals)
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), render(decodeMessage(issue.message))]))
}

describe('the promo form', () => {
  it('turns what was typed into what promos:create takes', () => {
    const result = parse({
      code: ' save10 ',
      minSpend: '1,000',
      startsOn: '2026-10-01',
      endsOn: '2026-10-15',
      maxUses: '100',
      categoryIds: [2],
    })
    expect(result.success && result.data).toEqual({
      code: 'save10',
      name: 'Dashain sale',
      kind: 'percent',
      value: 1000,
      minSpendCents: 100_000,
      startsOn: '2026-10-01',
      endsOn: '2026-10-15',
      maxUses: 100,
      productIds: [],
      categoryIds: [2],
      active: true,
    })
    // Typed with a Nepali keyboard layout: the same figures.
    const nepali = parse({ value: '१०', minSpend: '१,०००', maxUses: '१००' })
    expect(nepali.success && [nepali.data.value, nepali.data.minSpendCents, nepali.data.maxUses]).toEqual([1000, 100_000, 100])
    const amount = parse({ kind: 'amount', value: '45.50' })
    expect(amount.success && [amount.data.value, amount.data.minSpendCents, amount.data.startsOn, amount.data.maxUses]).toEqual([
      4_550,
      null,
      null,
      null,
    ])
  })

  it('says at each field what is wrong', () => {
    expect(refusals({ code: 'SAVE 10', value: '0', endsOn: '2026-09-30', startsOn: '2026-10-01', maxUses: '0' })).toEqual({
      code: 'Use 2 to 40 letters, digits, - or _ (no spaces).',
      value: 'Type a percent above 0 and at most 100 (like 10 or 12.5).',
      endsOn: 'The last day is before the first.',
      maxUses: 'Type a whole number of 1 or more, or leave it empty.',
    })
    expect(refusals({ value: '101' })).toEqual({ value: 'Type a percent above 0 and at most 100 (like 10 or 12.5).' })
    expect(refusals({ kind: 'amount', value: '4.555', minSpend: 'lots' })).toEqual({
      value: 'Type an amount above 0 with at most 2 decimals (like 50 or 12.50).',
      minSpend: 'Type an amount above 0 with at most 2 decimals (like 50 or 12.50).',
    })
    expect(refusals({ kind: 'amount', value: '4.5' }, 0)).toEqual({ value: 'Type a whole amount above 0 (like 50).' })
    expect(refusals({ name: '  ' })).toEqual({ name: 'Fill this in.' })
  })

  it('opens on a promo as it is, and an edit sends only what changed', () => {
    const values = promoFormValues(SAVE10, 2)
    expect(values).toEqual({
      code: 'SAVE10',
      name: 'Dashain sale',
      kind: 'percent',
      value: '10',
      minSpend: '1000.00',
      startsOn: '2026-10-01',
      endsOn: '2026-10-15',
      maxUses: '100',
      productIds: [],
      categoryIds: [2],
      active: true,
    })
    const same = promoFormSchema(2).parse(values)
    expect(promoChanges(SAVE10, same)).toEqual({})
    const changed = promoFormSchema(2).parse({ ...values, endsOn: '', maxUses: '200', productIds: [7], active: false })
    expect(promoChanges(SAVE10, changed)).toEqual({ endsOn: null, maxUses: 200, productIds: [7], active: false })
  })
})
