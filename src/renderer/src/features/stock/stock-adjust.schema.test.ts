import { describe, expect, it } from 'vitest'
import { adjustFormSchema, adjustmentOf, quantityLabel, type AdjustFormValues } from './stock-adjust.schema'

const form = (values: Partial<AdjustFormValues>): AdjustFormValues => ({
  reason: 'received',
  mode: 'delta',
  quantity: '',
  note: '',
  ...values,
})

describe('the stock adjust form', () => {
  it('moves stock the one way each reason allows', () => {
    expect(adjustmentOf(form({ reason: 'received', quantity: '12' }))).toEqual({ input: { reason: 'received', delta: 12 } })
    expect(adjustmentOf(form({ reason: 'returned', quantity: '1' }))).toEqual({ input: { reason: 'returned', delta: 1 } })
    expect(adjustmentOf(form({ reason: 'damaged', quantity: '3' }))).toEqual({ input: { reason: 'damaged', delta: -3 } })
    // A count is a count whatever the mode box last said.
    expect(adjustmentOf(form({ reason: 'count', mode: 'delta', quantity: '0' }))).toEqual({ input: { reason: 'count', counted: 0 } })
    expect(adjustmentOf(form({ reason: 'correction', quantity: '-2' }))).toEqual({ input: { reason: 'correction', delta: -2 } })
    expect(adjustmentOf(form({ reason: 'correction', quantity: '−2' }))).toEqual({ input: { reason: 'correction', delta: -2 } })
    expect(adjustmentOf(form({ reason: 'correction', quantity: '+1,000' }))).toEqual({ input: { reason: 'correction', delta: 1000 } })
    expect(adjustmentOf(form({ reason: 'correction', mode: 'counted', quantity: '40' }))).toEqual({
      input: { reason: 'correction', counted: 40 },
    })
    // Typed with a Nepali keyboard layout.
    expect(adjustmentOf(form({ reason: 'received', quantity: '१२' }))).toEqual({ input: { reason: 'received', delta: 12 } })
    expect(adjustmentOf(form({ reason: 'correction', quantity: '−२' }))).toEqual({ input: { reason: 'correction', delta: -2 } })
  })

  it('says what is wrong with a quantity the reason cannot take', () => {
    expect(adjustmentOf(form({ reason: 'received', quantity: '-5' }))).toEqual({ problem: 'stock.invalid.quantity' })
    expect(adjustmentOf(form({ reason: 'received', quantity: '0' }))).toEqual({ problem: 'stock.invalid.quantity' })
    expect(adjustmentOf(form({ reason: 'damaged', quantity: '2.5' }))).toEqual({ problem: 'stock.invalid.quantity' })
    expect(adjustmentOf(form({ reason: 'received', quantity: '1000001' }))).toEqual({ problem: 'stock.invalid.quantity' })
    expect(adjustmentOf(form({ reason: 'count', quantity: '' }))).toEqual({ problem: 'stock.invalid.counted' })
    expect(adjustmentOf(form({ reason: 'count', quantity: '-1' }))).toEqual({ problem: 'stock.invalid.counted' })
    expect(adjustmentOf(form({ reason: 'correction', quantity: '0' }))).toEqual({ problem: 'stock.invalid.delta' })
    expect(adjustmentOf(form({ reason: 'correction', quantity: 'abc' }))).toEqual({ problem: 'stock.invalid.delta' })
  })

  it('keeps a note, trimmed, and refuses one past the contract limit at the note', () => {
    expect(adjustFormSchema.parse(form({ quantity: '2', note: '  from the supplier  ' }))).toEqual({
      reason: 'received',
      delta: 2,
      note: 'from the supplier',
    })
    const long = adjustFormSchema.safeParse(form({ quantity: '2', note: 'x'.repeat(201) }))
    expect(long.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['note'])
    const bad = adjustFormSchema.safeParse(form({ quantity: 'x' }))
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['quantity'])
  })

  it('labels the quantity for what it means', () => {
    expect(quantityLabel('damaged', 'delta')).toBe('stock.quantity.damaged')
    expect(quantityLabel('correction', 'counted')).toBe('stock.quantity.counted')
    expect(quantityLabel('correction', 'delta')).toBe('stock.quantity.delta')
  })
})
