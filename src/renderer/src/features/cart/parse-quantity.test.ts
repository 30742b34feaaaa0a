import { describe, expect, it } from 'vitest'
import { parseQuantity } from './parse-quantity'

describe('parseQuantity', () => {
  it('accepts whole numbers from 0 to 99,999', () => {
    expect(parseQuantity('0')).toBe(0)
    expect(parseQuantity(' 12 ')).toBe(12)
    expect(parseQuantity('99,999')).toBe(99_999)
  })

  it('reads Devanagari digits, as a Nepali keyboard layout types them, as the same numbers', () => {
    expect(parseQuantity('१२')).toBe(12)
    expect(parseQuantity('९९,९९९')).toBe(99_999)
    expect(parseQuantity('१००००००')).toBeNull()
  })

  it('refuses fractions, signs, words and too much', () => {
    for (const text of ['1.5', '-1', 'two', '', '100000', '1e3']) expect(parseQuantity(text), text).toBeNull()
  })
})
