import { describe, expect, it } from 'vitest'
import { taxFieldsOf, taxFormSchema, taxFormValues } from './tax-form.schema'

const RATE_REFUSED = 'rate refused'
const parse = (values: object) => taxFormSchema(RATE_REFUSED).safeParse({ ...taxFormValues(null), name: 'VAT', rate: '13', ...values })

describe('the tax form', () => {
  it('turns a rate typed as a percent into basis points, and the kind into included or not', () => {
    const parsed = parse({ name: '  VAT ', rate: '12.5', kind: 'added' })
    expect(parsed.success && taxFieldsOf(parsed.data)).toEqual({ name: 'VAT', rateBps: 1250, included: false })
    const included = parse({})
    expect(included.success && taxFieldsOf(included.data)).toEqual({ name: 'VAT', rateBps: 1300, included: true })
  })

  it('refuses a rate that is not a percent with its own text, and a name out of the contract’s bounds', () => {
    for (const rate of ['', '101', '-3', '1.234', 'thirteen']) {
      const result = parse({ rate })
      expect(
        result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
        rate,
      ).toEqual([['rate', RATE_REFUSED]])
    }
    expect(parse({ name: '  ' }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['name'])
    expect(parse({ name: 'x'.repeat(41) }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['name'])
    expect(parse({ name: 'x'.repeat(40) }).success).toBe(true)
  })

  it('opens on a rate as it would be typed, and saves it back unchanged', () => {
    const tax = { id: 4, name: 'Service charge', rateBps: 1000, included: false, active: true, productCount: 2 }
    const values = taxFormValues(tax)
    expect(values).toEqual({ name: 'Service charge', rate: '10', kind: 'added' })
    const parsed = taxFormSchema(RATE_REFUSED).parse(values)
    expect(taxFieldsOf(parsed)).toEqual({ name: tax.name, rateBps: tax.rateBps, included: tax.included })
  })
})
