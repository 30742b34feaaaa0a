import { describe, expect, it } from 'vitest'
import { storeDate } from '#core/common/store-day'
import { isTokenExpired, normalizeTokenCode } from './token.rules'

describe('token rules', () => {
  it('read a code in any case with spaces around it', () => {
    expect(normalizeTokenCode('  AbCd-1234 \t')).toBe('abcd-1234')
  })

  it('count the store’s day in its own time zone (Kathmandu is +05:45)', () => {
    expect(storeDate(new Date('2026-03-15T18:14:59.999Z'), 'Asia/Kathmandu')).toBe('2026-03-15')
    expect(storeDate(new Date('2026-03-15T18:15:00.000Z'), 'Asia/Kathmandu')).toBe('2026-03-16')
    expect(storeDate(new Date('2026-03-15T18:15:00.000Z'), 'America/New_York')).toBe('2026-03-15')
    expect(storeDate(new Date('2026-12-31T23:59:59Z'), 'UTC')).toBe('2026-12-31')
  })

  it('keep a token valid through its last day and expire it the next', () => {
    expect(isTokenExpired('2026-03-15', new Date('2026-03-15T23:59:59+05:45'), 'Asia/Kathmandu')).toBe(false)
    expect(isTokenExpired('2026-03-15', new Date('2026-03-16T00:00:00+05:45'), 'Asia/Kathmandu')).toBe(true)
    expect(isTokenExpired('2026-03-16', new Date('2026-03-16T00:00:00+05:45'), 'Asia/Kathmandu')).toBe(false)
  })
})
