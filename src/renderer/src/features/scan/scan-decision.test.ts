import { describe, expect, it } from 'vitest'
import { typedUnderNepali } from '#shared/testing/nepali-keyboard.fixture'
import { decideAfterMiss, decideEnter, moveHighlight, type ScanFieldState } from './scan-decision'

const milk = { name: 'Milk' }
const bread = { name: 'Bread' }

function field(overrides: Partial<ScanFieldState<{ name: string }>>): ScanFieldState<{ name: string }> {
  return { text: '', results: [], resultsFor: null, highlighted: 0, highlightChosen: false, ...overrides }
}

describe('decideEnter', () => {
  it('looks a typed code up exactly even while results are shown', () => {
    const state = field({ text: '8901234567890', results: [milk, bread], resultsFor: '8901234567890' })
    expect(decideEnter(state)).toEqual({ kind: 'lookup', code: '8901234567890' })
  })

  it('looks up a scanner burst whose results are still for an earlier prefix', () => {
    const state = field({ text: '8901234567890', results: [milk], resultsFor: '890', highlightChosen: true })
    expect(decideEnter(state)).toEqual({ kind: 'lookup', code: '8901234567890' })
  })

  it('adds the result chosen with the arrows', () => {
    const state = field({ text: 'mi', results: [milk, bread], resultsFor: 'mi', highlighted: 1, highlightChosen: true })
    expect(decideEnter(state)).toEqual({ kind: 'pick', product: bread })
  })

  it('looks the text up when the row chosen with the arrows has not arrived yet', () => {
    const state = field({ text: 'mi', results: [milk, undefined, bread], resultsFor: 'mi', highlighted: 1, highlightChosen: true })
    expect(decideEnter(state)).toEqual({ kind: 'lookup', code: 'mi' })
    expect(decideAfterMiss(state)).toEqual({ kind: 'search', query: 'mi' })
  })

  it('sends a token card’s code, scanned in any case with spaces around it, to the token', () => {
    const code = '11111111-1111-4111-8111-111111111111'
    expect(decideEnter(field({ text: ` ${code.toUpperCase()} ` }))).toEqual({ kind: 'token', code: code.toUpperCase() })
    expect(decideEnter(field({ text: code, results: [milk], resultsFor: code }))).toEqual({ kind: 'token', code })
    // Almost a token is a product code like any other.
    expect(decideEnter(field({ text: code.slice(1) }))).toEqual({ kind: 'lookup', code: code.slice(1) })
    expect(decideEnter(field({ text: code.replace(/-/g, '') }))).toEqual({ kind: 'lookup', code: code.replace(/-/g, '') })
  })

  it('trims the code and ignores an empty field', () => {
    expect(decideEnter(field({ text: '  ABC-1 ' }))).toEqual({ kind: 'lookup', code: 'ABC-1' })
    expect(decideEnter(field({ text: '   ' }))).toEqual({ kind: 'ignore' })
  })
  it('sends the keys’ US reading along with a code typed under a Nepali layout, trimmed, and only when it differs', () => {
    const typed = typedUnderNepali('SKU-A12')
    expect(decideEnter(field({ text: ` ${typed} ` }), ' SKU-A12 ')).toEqual({ kind: 'lookup', code: typed, keys: 'SKU-A12' })
    expect(decideEnter(field({ text: 'ABC-1' }), 'ABC-1')).toEqual({ kind: 'lookup', code: 'ABC-1' })
    expect(decideEnter(field({ text: '   ' }), '   ')).toEqual({ kind: 'ignore' })
  })

  it('knows a token card scanned under a Nepali layout by its keys', () => {
    const code = '3f2a9c1e-7b4d-4e8a-9c2f-1d3b5a7e9f00'
    const typed = typedUnderNepali(code)
    expect(typed).not.toBe(code)
    expect(decideEnter(field({ text: typed }), code)).toEqual({ kind: 'token', code })
    // Without the keys it is a code to look up like any other.
    expect(decideEnter(field({ text: typed }))).toEqual({ kind: 'lookup', code: typed })
  })

  it('adds the result chosen with the arrows whatever the keys spell', () => {
    const state = field({ text: 'दु', results: [milk], resultsFor: 'दु', highlightChosen: true })
    expect(decideEnter(state, 'du')).toEqual({ kind: 'pick', product: milk })
  })
})

describe('decideAfterMiss', () => {
  it('adds the highlighted result when the results answer the typed text', () => {
    const state = field({ text: 'mi', results: [milk, bread], resultsFor: 'mi' })
    expect(decideAfterMiss(state)).toEqual({ kind: 'pick', product: milk })
  })

  it('adds nothing when the results answer an older text', () => {
    const state = field({ text: '1234567890123', results: [milk], resultsFor: '123' })
    expect(decideAfterMiss(state)).toEqual({ kind: 'search', query: '1234567890123' })
  })
})

describe('moveHighlight', () => {
  it('wraps at both ends', () => {
    expect(moveHighlight(0, -1, 3)).toBe(2)
    expect(moveHighlight(2, 1, 3)).toBe(0)
    expect(moveHighlight(1, 1, 3)).toBe(2)
    expect(moveHighlight(0, 1, 0)).toBe(0)
  })
})
