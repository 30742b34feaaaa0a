import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { compareIdentifiers, createOrm, withIdentifierCollation } from './database'
import { ENTITIES } from './entities'

const dir = mkdtempSync(join(tmpdir(), 'tillwise-open-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const english = new Intl.Collator('en')
const sign = (value: number) => Math.sign(value)
const classNames = () => {
  const orm = createOrm(join(dir, 'unused.sqlite'))
  return [...orm.getMetadata()].map((meta) => meta.className)
}

describe('the collation used while MikroORM discovers the entities', () => {
  it('orders letters and digits as English collation does', () => {
    const identifier = fc.stringMatching(/^[A-Za-z0-9]{0,12}$/)
    fc.assert(
      fc.property(identifier, identifier, (a, b) => {
        expect(sign(compareIdentifiers(a, b, () => Number.NaN))).toBe(sign(english.compare(a, b)))
      }),
      { numRuns: 2_000 },
    )
    for (const [a, b] of [
      ['ProductTag', 'Producttag'],
      ['aB', 'Ab'],
      ['Token', 'TaxRate'],
      ['Invoice', 'InvoiceLine'],
      ['Cart9', 'CartA'],
    ] as const) {
      expect(sign(compareIdentifiers(a, b, () => Number.NaN))).toBe(sign(english.compare(a, b)))
    }
  })

  it('leaves anything else to ICU', () => {
    const seen: [string, string][] = []
    const fallback = (a: string, b: string) => (seen.push([a, b]), english.compare(a, b))
    expect(compareIdentifiers('é', 'f', fallback)).toBe(-1)
    expect(compareIdentifiers('cart_line', 'cart', fallback)).toBe(1)
    expect(seen).toEqual([
      ['é', 'f'],
      ['cart_line', 'cart'],
    ])
    // Under the stand-in as well: a non-ASCII name, or a call naming a locale, still reaches ICU.
    withIdentifierCollation(() => {
      expect('é'.localeCompare('f')).toBe(-1)
      expect('a'.localeCompare('ä', 'sv')).toBe(-1)
      expect('ä'.localeCompare('z', 'sv')).toBe(1)
    })
  })

  it('gives the entities the order ICU gives them, and puts localeCompare back', () => {
    const builtIn = String.prototype.localeCompare
    const withIcu = classNames()
    expect(withIcu).toHaveLength(ENTITIES.length)
    expect(withIdentifierCollation(classNames)).toEqual(withIcu)
    expect(String.prototype.localeCompare).toBe(builtIn)
    expect(() =>
      withIdentifierCollation(() => {
        throw new Error('discovery failed')
      }),
    ).toThrow('discovery failed')
    expect(String.prototype.localeCompare).toBe(builtIn)
  })
})
