import { describe, expect, it } from 'vitest'
import { parseDecimalAmount, parseMoney } from '../money/money'
import { latinDigits } from './digits'
import { toDevanagariDigits } from './nepali-format'

describe('latinDigits', () => {
  it('reads each Devanagari digit as its ASCII one and leaves everything else', () => {
    expect(latinDigits('०१२३४५६७८९')).toBe('0123456789')
    expect(latinDigits('रु. १,२३,४५६.७८')).toBe('रु. 1,23,456.78')
    expect(latinDigits('INV-१०२४')).toBe('INV-1024')
    expect(latinDigits('Basmati 5kg')).toBe('Basmati 5kg')
    expect(latinDigits('')).toBe('')
  })

  it('undoes toDevanagariDigits for every figure', () => {
    for (const figure of ['0', '7', '10', '99999', '1234567890', '12.05']) expect(latinDigits(toDevanagariDigits(figure))).toBe(figure)
  })
})

describe('amounts typed with a Nepali keyboard layout', () => {
  it('are the same amounts as in ASCII digits, grouping and all', () => {
    expect(parseDecimalAmount('१,२५०.५', 2)).toBe(125_050)
    expect(parseDecimalAmount('१२५०', 2)).toBe(parseDecimalAmount('1250', 2))
    expect(parseMoney('२२०', 'NPR')).toBe(22_000)
    // Mixed, as a half-switched layout types it.
    expect(parseDecimalAmount('1२.0५', 2)).toBe(1_205)
  })

  it('are still refused when they are not amounts', () => {
    expect(parseDecimalAmount('१२.३४५', 2)).toBeNull()
    expect(parseDecimalAmount('एक सय', 2)).toBeNull()
    expect(parseDecimalAmount('१२क', 2)).toBeNull()
  })
})
