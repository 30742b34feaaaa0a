import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanSearchText, ftsString, MAX_SEARCH_WORDS, planProductSearch, type ProductSearchPlan } from './product-search-query'

/** FTS5 operators and other characters a cashier might type that mean something to some parser. */
const METACHARACTERS = [
  '"',
  '""',
  '*',
  'NEAR',
  'NEAR/2',
  'AND',
  'OR',
  'NOT',
  '(',
  ')',
  '^',
  '-',
  '+',
  ':',
  '{',
  '}',
  '{}',
  '%',
  '_',
  '\\',
  "'",
  '[',
  ']',
  '?',
  ';',
  '--',
  '/*',
]

const QUOTED = /"(?:[^"]|"")*"/g

/** The expression with every quoted string replaced by S: what is left is syntax this module wrote. */
function skeleton(expression: string): string {
  return expression.replace(QUOTED, 'S')
}

/** The texts inside the quoted strings, unescaped. */
function strings(expression: string): string[] {
  return [...expression.matchAll(QUOTED)].map(([quoted]) => quoted.slice(1, -1).replaceAll('""', '"'))
}

function expectWellFormed(plan: ProductSearchPlan): void {
  if (plan.startsWith !== null) expect(skeleton(plan.startsWith)).toBe('{name sku barcode} : ^S*')
  for (const prefixes of [plan.allWords, plan.substringShortWords]) {
    if (prefixes !== null) expect(skeleton(prefixes)).toMatch(/^S\*( AND S\*)*$/)
  }
  if (plan.substring !== null) expect(skeleton(plan.substring)).toMatch(/^S( AND S)*$/)
}

describe('cleanSearchText', () => {
  it('turns control characters (NUL included) into spaces and collapses runs of space', () => {
    expect(cleanSearchText('milk\u0000bread')).toBe('milk bread')
    expect(cleanSearchText('\u0001milk\u001b[31m\u007f\t\r\n')).toBe('milk [31m')
    expect(cleanSearchText('  a   b  ')).toBe('a b')
  })

  it('drops invisible format characters and broken UTF-16, and composes accents (NFC)', () => {
    expect(cleanSearchText('mi\u200Blk\uFEFF')).toBe('milk')
    expect(cleanSearchText('\u202Eevil\u202C')).toBe('evil')
    expect(cleanSearchText('a\uD800b\uDC00c')).toBe('abc')
    expect(cleanSearchText('Cre\u0300me')).toBe('Crème')
    expect(cleanSearchText('👩‍👩‍👧')).toBe('👩👩👧')
  })
})

describe('ftsString', () => {
  it('wraps text in double quotes and doubles the quotes inside', () => {
    expect(ftsString('milk')).toBe('"milk"')
    expect(ftsString('say "hi"')).toBe('"say ""hi"""')
    expect(ftsString('"')).toBe('""""')
  })
})

describe('planProductSearch', () => {
  it('is null for nothing to search: the caller lists the catalog', () => {
    for (const query of [undefined, '', '   ', '\u0000', '\t\n', '\u200B']) expect(planProductSearch(query)).toBeNull()
  })

  it('plans a word as code, name start, word prefix and substring', () => {
    expect(planProductSearch(' Milk ')).toEqual({
      code: 'Milk',
      startsWith: '{name sku barcode} : ^"Milk"*',
      allWords: '"Milk"*',
      substring: '"Milk"',
      substringShortWords: null,
    })
  })

  it('needs every word: a prefix of each, all of them inside, short words as prefixes beside the trigrams', () => {
    expect(planProductSearch('coca co 1.5l')).toEqual({
      code: 'coca co 1.5l',
      startsWith: '{name sku barcode} : ^"coca co 1.5l"*',
      allWords: '"coca"* AND "co"* AND "1.5l"*',
      substring: '"coca" AND "1.5l"',
      substringShortWords: '"co"*',
    })
  })

  it('leaves words without letters or digits out of word matching, and keeps them for substrings', () => {
    expect(planProductSearch('Hide & Seek')).toMatchObject({
      allWords: '"Hide"* AND "Seek"*',
      substring: '"Hide" AND "Seek"',
      substringShortWords: null,
    })
    expect(planProductSearch('&')).toEqual({ code: '&', startsWith: null, allWords: null, substring: null, substringShortWords: null })
    expect(planProductSearch('%%%')).toEqual({
      code: '%%%',
      startsWith: null,
      allWords: null,
      substring: '"%%%"',
      substringShortWords: null,
    })
    // `_` is part of a word in the index, so `DEMO_001` stays one word and never matches `DEMO-001`.
    expect(planProductSearch('_')?.allWords).toBe('"_"*')
  })

  it('has no substring search when every word is shorter than a trigram', () => {
    expect(planProductSearch('ab c')).toMatchObject({ allWords: '"ab"* AND "c"*', substring: null, substringShortWords: null })
  })

  it(`reads at most ${MAX_SEARCH_WORDS} words`, () => {
    const words = Array.from({ length: 30 }, (_, index) => `w${index}x`)
    const plan = planProductSearch(words.join(' '))!
    expect(strings(plan.allWords!)).toEqual(words.slice(0, MAX_SEARCH_WORDS))
  })

  it.each(METACHARACTERS)('quotes %j so FTS5 reads it as text', (meta) => {
    for (const query of [meta, `milk ${meta}`, `${meta}milk`, `milk${meta}bread`, `${meta} ${meta} ${meta}`]) {
      const plan = planProductSearch(query)
      if (!plan) continue
      expectWellFormed(plan)
      const typed = query.split(' ')
      for (const expression of [plan.allWords, plan.substring, plan.substringShortWords]) {
        if (expression) for (const text of strings(expression)) expect(typed).toContain(text)
      }
    }
  })

  it('keeps operators typed as words literal: NEAR(a b), AND, OR, NOT, column filters and prefixes', () => {
    const plan = planProductSearch('NEAR(milk bread, 3) AND name:milk OR NOT ^x* -y {sku}:z')!
    expectWellFormed(plan)
    expect(strings(plan.allWords!)).toEqual(['NEAR(milk', 'bread,', '3)', 'AND', 'name:milk', 'OR', 'NOT', '^x*', '-y', '{sku}:z'])
  })

  it('any text at all gives only well-formed expressions whose strings are the typed words', () => {
    const wordish = fc.oneof(fc.constantFrom(...METACHARACTERS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }))
    fc.assert(
      fc.property(
        fc
          .tuple(fc.array(wordish, { maxLength: 16 }), fc.constantFrom(' ', '', '  ', '\u0000'))
          .map(([words, separator]) => words.join(separator)),
        (query) => {
          const plan = planProductSearch(query)
          if (!plan) {
            expect(cleanSearchText(query)).toBe('')
            return
          }
          expectWellFormed(plan)
          const words = plan.code.split(' ')
          for (const expression of [plan.allWords, plan.substring, plan.substringShortWords]) {
            if (expression) for (const text of strings(expression)) expect(words).toContain(text)
          }
          expect(plan.code).not.toMatch(/[\u0000-\u001f\u007f]/)
        },
      ),
      { numRuns: 500 },
    )
  })
})
