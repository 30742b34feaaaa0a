import { describe, expect, it } from 'vitest'
import { sameIds, taxNameKey, uniqueIds } from './taxes.rules'

describe('the taxes’ rules', () => {
  it('compare names without case or surrounding spaces', () => {
    expect(taxNameKey('  VAT 13% ')).toBe('vat 13%')
    expect(taxNameKey('Vat')).toBe(taxNameKey('vAT'))
    expect(taxNameKey('Service charge')).not.toBe(taxNameKey('Service  charge'))
  })

  it('keep each id once, in the order first given', () => {
    expect(uniqueIds([3, 1, 3, 2, 1])).toEqual([3, 1, 2])
    expect(uniqueIds([])).toEqual([])
  })

  it('compare lists of ids as sets', () => {
    expect(sameIds([1, 2], [2, 1])).toBe(true)
    expect(sameIds([1, 2, 2], [2, 1])).toBe(true)
    expect(sameIds([1], [1, 2])).toBe(false)
    expect(sameIds([], [])).toBe(true)
    expect(sameIds([1, 3], [1, 2])).toBe(false)
  })
})
