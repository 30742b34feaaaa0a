import { describe, expect, it } from 'vitest'
import { currencyCodes, defaultDecimals, LOCALES, timeZones } from './store-choices'

describe('the store’s choices', () => {
  it('offer NPR first, then INR, USD, EUR and GBP, and only currencies the store can hold', () => {
    const codes = currencyCodes()
    expect(codes.slice(0, 5)).toEqual(['NPR', 'INR', 'USD', 'EUR', 'GBP'])
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toContain('JPY')
    expect(codes).toContain('KWD')
    // Chile's unit of account has four decimals: no store can hold it.
    expect(codes).not.toContain('CLF')
  })

  it('prefill the decimals the currency has', () => {
    expect(defaultDecimals('NPR')).toBe(2)
    expect(defaultDecimals('JPY')).toBe(0)
    expect(defaultDecimals('KWD')).toBe(3)
  })

  it('offer Kathmandu first, once, and a stored zone that Intl does not list', () => {
    const zones = timeZones('Etc/UTC')
    expect(zones[0]).toBe('Asia/Kathmandu')
    expect(zones).toContain('Etc/UTC')
    expect(zones).not.toContain('Asia/Katmandu')
    expect(zones).toContain('Europe/London')
    expect(new Set(zones).size).toBe(zones.length)
  })

  it('list the contract’s languages', () => {
    expect(LOCALES).toEqual(['en-IN', 'en-US', 'en-GB', 'ne-NP'])
  })
})
