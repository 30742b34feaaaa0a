import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalogContract, MAX_PRICE_CENTS, type ImportErrorDto } from '#shared/contract/catalog'
import { CONTROL_CHARACTERS } from '#shared/contract/common'
import {
  CSV_COLUMNS,
  CSV_LIMITS,
  escapeFormula,
  formatPrice,
  formatProductCsv,
  MAX_IMPORT_ROWS,
  parsePrice,
  parseProductCsv,
  quickRecords,
  unescapeFormula,
  type CsvProduct,
} from './product-csv.rules'

const read = (text: string, currencyDecimals: 0 | 2 | 3 = 2) => parseProductCsv(text, { currencyDecimals })
const problems = (text: string, currencyDecimals: 0 | 2 | 3 = 2) =>
  read(text, currencyDecimals).errors.map(({ line, problem, column, value, otherLine }) => ({ line, problem, column, value, otherLine }))
const one = (line: number, problem: ImportErrorDto['problem'], column?: string, value?: string, otherLine?: number) => ({
  line,
  problem,
  column,
  value,
  otherLine,
})

describe('the header', () => {
  it('names columns in any case and with spaces around, in any order', () => {
    const parsed = read(' PRICE ,Sku,  name,Low_Stock\n10,A-1,Milk,3\n')
    expect(parsed.errors).toEqual([])
    expect(parsed.columns).toEqual(['sku', 'name', 'price', 'low_stock'])
    expect(parsed.rows).toEqual([
      {
        line: 2,
        sku: 'A-1',
        name: 'Milk',
        priceCents: 1000,
        barcode: undefined,
        category: undefined,
        tags: undefined,
        stock: undefined,
        lowStockAt: 3,
        archived: undefined,
      },
    ])
  })

  it('refuses an unknown column by its name and a column named twice', () => {
    expect(problems('sku,name,price,colour,Name\nA,Milk,1,red,Milk\n')).toEqual([
      one(1, 'unknownColumn', 'colour'),
      one(1, 'duplicateColumn', 'Name'),
    ])
  })

  it('needs sku, name and price, and a header at all', () => {
    expect(problems('sku,barcode\nA,123\n')).toEqual([one(1, 'missingColumn', 'name'), one(1, 'missingColumn', 'price')])
    expect(problems('')).toEqual(['sku', 'name', 'price'].map((column) => one(1, 'missingColumn', column)))
    expect(read('sku,price\nA,1\nB,2\n').rowCount).toBe(2)
  })
})

describe('reading CSV', () => {
  it('refuses a SKU or barcode shaped like a token card’s code, which the till would read as the card', () => {
    const token = '11111111-1111-4111-8111-111111111111'
    expect(
      problems(
        `sku,name,price,barcode\n${token},Tea,1,\nT-2,Dal,1,${token.toUpperCase()}\nT-3,Rice,1,1111111-1111-4111-8111-111111111111\n`,
      ),
    ).toEqual([one(2, 'tokenShaped', 'sku', token), one(3, 'tokenShaped', 'barcode', token.toUpperCase())])
  })

  it('takes a UTF-8 BOM, CRLF line ends, quoted commas and doubled quotes', () => {
    const parsed = read('\ufeffsku,name,price\r\nA,"Rice, basmati ""long""",55.50\r\n"B,2","Dal",1\r\n')
    expect(parsed.errors).toEqual([])
    expect(parsed.rows.map(({ line, sku, name, priceCents }) => ({ line, sku, name, priceCents }))).toEqual([
      { line: 2, sku: 'A', name: 'Rice, basmati "long"', priceCents: 5550 },
      { line: 3, sku: 'B,2', name: 'Dal', priceCents: 100 },
    ])
  })

  it('counts lines as the file has them: a record over two lines is reported at its first, and blank lines count', () => {
    const text = 'sku,name,price\r\nA,"two\r\nlines",1\r\n\r\nB,Tea,x\r\nC,"a\nb\nc",2\nD,,3\nE,"Oil\tcan",4\n'
    expect(read(text).rows.map(({ line, name }) => [line, name])).toEqual([[10, 'Oil\tcan']])
    expect(problems(text)).toEqual([
      one(2, 'badText', 'name', 'two\r\nlines'),
      one(5, 'badPrice', 'price', 'x'),
      one(6, 'badText', 'name', 'a\nb\nc'),
      one(9, 'missing', 'name'),
    ])
  })

  it('reports a broken record on its line and reads on after it', () => {
    expect(problems('sku,name,price\nA,Milk,1,extra\nB,Tea"s,1\nC,Dal,2\nD,Oil,x\n')).toEqual([
      one(2, 'badCsv', undefined, 'fieldCount'),
      one(3, 'badCsv', undefined, 'strayQuote'),
      one(5, 'badPrice', 'price', 'x'),
    ])
    const parsed = read('sku,name,price\nA,Milk,1,extra\nB,Tea"s,1\nC,Dal,2\n')
    expect(parsed.rows.map((row) => row.sku)).toEqual(['C'])
    expect(parsed.rowCount).toBe(1)
  })

  it('reports an unclosed quote at the line it opens on', () => {
    expect(problems('sku,name,price\nA,Milk,1\n\nB,"Tea,1\nC,Dal,2\n')).toEqual([one(4, 'badCsv', undefined, 'unclosedQuote')])
  })

  it('skips rows of empty cells and trims every cell', () => {
    const parsed = read('sku,name,price,category\n,,,\n  A , " Milk " ,  1 , Dairy \n')
    expect(parsed.errors).toEqual([])
    expect(parsed.rowCount).toBe(1)
    expect(parsed.rows[0]).toMatchObject({ line: 3, sku: 'A', name: 'Milk', priceCents: 100, category: 'Dairy' })
  })

  it('refuses more rows than the most a file may have', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 2 }, (_, index) => `S${index},N,1`).join('\n')
    const parsed = read(`sku,name,price\n${rows}\n`)
    expect(parsed.errors).toEqual([{ line: MAX_IMPORT_ROWS + 2, problem: 'tooManyRows', value: String(MAX_IMPORT_ROWS) }])
    expect(parsed.rowCount).toBe(MAX_IMPORT_ROWS + 2)
  })

  it('says how far it is', () => {
    const calls: [number, number][] = []
    const rows = Array.from({ length: 5_000 }, (_, index) => `S${index},N,1`).join('\n')
    parseProductCsv(`sku,name,price\n${rows}\n`, { currencyDecimals: 2, onProgress: (done, total) => calls.push([done, total]) })
    expect(calls.length).toBeGreaterThan(2)
    expect(calls.every(([, total]) => total === 5_001)).toBe(true)
    expect(calls.map(([done]) => done)).toEqual([...calls.map(([done]) => done)].sort((a, b) => a - b))
    expect(calls.at(-1)).toEqual([5_001, 5_001])
  })
})

describe('the quick reader', () => {
  const withCsvParse = (text: string) =>
    parse(Buffer.from(text, 'utf8'), {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      trim: true,
    }) as string[][]
  const blank = fc.constantFrom('', '', ' ', '  ', '\t', '\u00a0', '\u2028', '\ufeff')
  const unquoted = fc.string({ unit: fc.constantFrom('a', 'Z', '1', '.', '-', "'", '=', '|', ' ', '\t', 'क', '\u00a0'), maxLength: 6 })
  const quoted = fc
    .string({ unit: fc.constantFrom('a', ',', '"', ' ', '\n', '\r\n', '\t', 'क', '|'), maxLength: 6 })
    .map((value) => `"${value.replaceAll('"', '""')}"`)
  // After a closing quote csv-parse takes only a one-byte blank (a wider one is its error, and the quick reader's null).
  const field = fc.tuple(blank, fc.oneof(unquoted, quoted), fc.constantFrom('', '', ' ', '\t')).map((parts) => parts.join(''))
  const lineEnd = fc.constantFrom('\n', '\r\n')
  /** Files a spreadsheet or an editor writes: every record as wide as the header, blank lines here and there. */
  const plainFile = fc
    .tuple(
      fc.boolean(),
      fc.integer({ min: 2, max: 4 }).chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { maxLength: 6 })),
      fc.array(lineEnd, { minLength: 8, maxLength: 8 }),
      fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      fc.boolean(),
    )
    .map(([bom, records, ends, blanks, last]) => {
      const lines = records.map((record, index) => record.join(',') + ends[index]! + (blanks[index] ? ends[index + 1]! : ''))
      const text = (bom ? '\ufeff' : '') + lines.join('')
      return last ? text : text.replace(/\r?\n$/, '')
    })
  /** Anything: broken quotes, lone CRs, ragged records, lines of spaces. */
  const anyFile = fc
    .array(fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', ' ', '\t', '\ufeff', 'a', '1', 'sku', 'name', 'price'), { maxLength: 40 })
    .map((parts) => parts.join(''))

  it('reads a plain file as csv-parse does, record by record', () => {
    fc.assert(
      fc.property(plainFile, (text) => {
        const quick = quickRecords(text)
        expect(quick, JSON.stringify(text)).not.toBeNull()
        expect(quick!.records).toEqual(withCsvParse(text))
      }),
      { numRuns: 2_000 },
    )
  })

  it('reads every file to the same rows, errors and lines as csv-parse alone', () => {
    const header = fc.constantFrom('sku,name,price\n', 'SKU , "name",price,tags\r\n', '"sku",name,price,stock\n\n', '')
    fc.assert(
      fc.property(header, fc.oneof(plainFile, anyFile), (head, body) => {
        const text = head + body
        const quick = quickRecords(text)
        if (quick) expect(quick.records).toEqual(withCsvParse(text))
        expect(read(text)).toEqual(parseProductCsv(text, { currencyDecimals: 2, quick: false }))
      }),
      { numRuns: 3_000 },
    )
  })

  it('leaves a file to csv-parse when anything in it is not plain', () => {
    for (const text of ['a,b\rc,d\n', 'a,b\nc"d,e\n', 'a,b\n"c,d\n', 'a,b\n"c"d,e\n', 'a,b\nc\n', 'a,b\n   \n', 'a\n""\n'])
      expect(quickRecords(text), JSON.stringify(text)).toBeNull()
    expect(quickRecords('\ufeff a , "b "" c" \r\n\r\n"d\ne",f\n')).toEqual({
      records: [
        ['a', 'b " c'],
        ['d\ne', 'f'],
      ],
      lines: [1, 3],
    })
  })

  it('counts the lines after a BOM the same way in both', () => {
    const text = '\ufeff\r\n\r\nsku,name\r\nA,B\r\n'
    expect(problems(text)).toEqual([one(3, 'missingColumn', 'price')])
    expect(parseProductCsv(text, { currencyDecimals: 2, quick: false }).errors).toEqual([
      { line: 3, problem: 'missingColumn', column: 'price' },
    ])
  })
})

describe('cells', () => {
  it('reads prices with at most the currency decimals', () => {
    const prices = (text: string[], decimals: 0 | 2 | 3) =>
      read(`sku,name,price\n${text.map((price, index) => `S${index},N,"${price}"`).join('\n')}\n`, decimals)
    expect(prices(['55', '55.5', '55.50', '0', '007.10'], 2).rows.map((row) => row.priceCents)).toEqual([5500, 5550, 5550, 0, 710])
    expect(prices(['55', '0'], 0).rows.map((row) => row.priceCents)).toEqual([55, 0])
    expect(prices(['1.5', '1.005'], 3).rows.map((row) => row.priceCents)).toEqual([1500, 1005])
    const bad = ['55.505', 'abc', '-5', '+5', '1,000', '1 000', '55.', '.5', '1e3', '10000000000.01', 'NPR 5']
    expect(prices(bad, 2).errors.map((error) => error.value)).toEqual(bad)
    expect(prices(['55.5'], 0).errors).toEqual([{ line: 2, problem: 'badPrice', column: 'price', value: '55.5' }])
    expect(prices([''], 2).errors).toEqual([{ line: 2, problem: 'missing', column: 'price' }])
  })

  it('caps prices at the catalog maximum', () => {
    expect(parsePrice(formatPrice(MAX_PRICE_CENTS, 2), 2)).toBe(MAX_PRICE_CENTS)
    expect(parsePrice(formatPrice(MAX_PRICE_CENTS + 1, 2), 2)).toBeNull()
    expect(parsePrice('99999999999999999999', 0)).toBeNull()
  })

  it('formats and reads back every price in every currency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PRICE_CENTS }), fc.constantFrom(0 as const, 2 as const, 3 as const), (cents, decimals) => {
        expect(parsePrice(formatPrice(cents, decimals), decimals)).toBe(cents)
      }),
    )
    expect(formatPrice(5550, 2)).toBe('55.50')
    expect(formatPrice(5, 3)).toBe('0.005')
    expect(formatPrice(55, 0)).toBe('55')
  })

  it('reads counts, thresholds and the archived flag', () => {
    const parsed = read(
      'sku,name,price,stock,low_stock,archived\nA,N,1,12,3,YES\nB,N,1,,,\nC,N,1,0,0,no\nD,N,1,1,1,1\nE,N,1,2,2,False\nF,N,1,3,,0\nG,N,1,4,5,true\n',
    )
    expect(parsed.errors).toEqual([])
    expect(parsed.rows.map(({ stock, lowStockAt, archived }) => [stock, lowStockAt, archived])).toEqual([
      [12, 3, true],
      [undefined, null, false],
      [0, 0, false],
      [1, 1, true],
      [2, 2, false],
      [3, null, false],
      [4, 5, true],
    ])
    expect(problems('sku,name,price,stock,low_stock,archived\nA,N,1,-1,2.5,maybe\nB,N,1,1000001,x,y\n')).toEqual([
      one(2, 'badNumber', 'stock', '-1'),
      one(2, 'badNumber', 'low_stock', '2.5'),
      one(2, 'badBoolean', 'archived', 'maybe'),
      one(3, 'badNumber', 'stock', '1000001'),
      one(3, 'badNumber', 'low_stock', 'x'),
      one(3, 'badBoolean', 'archived', 'y'),
    ])
  })

  it('reads barcode, category and tags; empty means none', () => {
    const parsed = read('sku,name,price,barcode,category,tags\nA,N,1,123,Dairy,vegan| Organic |vegan||VEGAN\nB,N,1,,,\n')
    expect(parsed.errors).toEqual([])
    expect(parsed.rows.map(({ barcode, category, tags }) => ({ barcode, category, tags }))).toEqual([
      { barcode: '123', category: 'Dairy', tags: 'vegan|Organic' },
      { barcode: null, category: null, tags: null },
    ])
  })

  it('needs a SKU and a name', () => {
    expect(problems('sku,name,price\n,Milk,1\nA,  ,1\n')).toEqual([one(2, 'missing', 'sku'), one(3, 'missing', 'name')])
  })

  it('refuses cells longer than the product forms allow', () => {
    const long = (length: number) => 'x'.repeat(length)
    const tags = Array.from({ length: 21 }, (_, index) => `t${index}`).join('|')
    const text =
      'sku,name,price,barcode,category,tags\n' +
      `${long(64)},${long(200)},1,${long(64)},${long(80)},${long(40)}\n` +
      `${long(65)},${long(201)},1,${long(65)},${long(81)},a|${long(41)}\n` +
      `B,N,1,,,${tags}\n`
    const parsed = read(text)
    expect(parsed.rows.map((row) => row.line)).toEqual([2])
    expect(parsed.errors.map(({ line, problem, column }) => ({ line, problem, column }))).toEqual([
      { line: 3, problem: 'tooLong', column: 'sku' },
      { line: 3, problem: 'tooLong', column: 'name' },
      { line: 3, problem: 'tooLong', column: 'barcode' },
      { line: 3, problem: 'tooLong', column: 'category' },
      { line: 3, problem: 'tooLong', column: 'tags' },
      { line: 4, problem: 'tooLong', column: 'tags' },
    ])
    expect(parsed.errors[1]!.value).toHaveLength(80)
    expect(parsed.errors[4]!.value).toBe(long(41))
  })

  it('refuses the same SKU or barcode twice in a file, naming the first line', () => {
    expect(problems('sku,name,price,barcode\nA,N,1,111\nB,N,1,222\nA,N,2,333\nC,N,1,222\nD,N,x,111\n')).toEqual([
      one(4, 'duplicateInFile', 'sku', 'A', 2),
      one(5, 'duplicateInFile', 'barcode', '222', 3),
      one(6, 'badPrice', 'price', 'x'),
      one(6, 'duplicateInFile', 'barcode', '111', 2),
    ])
  })

  it('matches SKUs exactly: case counts', () => {
    const parsed = read('sku,name,price\nabc,N,1\nABC,N,1\n')
    expect(parsed.errors).toEqual([])
    expect(parsed.rows).toHaveLength(2)
  })
})

describe('formula escaping', () => {
  it('puts a quote before what a spreadsheet would run, and the import takes it off again', () => {
    expect(escapeFormula('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(escapeFormula('+977')).toBe("'+977")
    expect(escapeFormula('-5 off')).toBe("'-5 off")
    expect(escapeFormula('@home')).toBe("'@home")
    expect(escapeFormula("'=x")).toBe("''=x")
    expect(escapeFormula("Rock 'n' roll")).toBe("Rock 'n' roll")
    expect(escapeFormula("'tis")).toBe("'tis")
    expect(unescapeFormula("'=SUM(A1)")).toBe('=SUM(A1)')
    expect(unescapeFormula("'tis")).toBe("'tis")
    expect(unescapeFormula("Rock 'n' roll")).toBe("Rock 'n' roll")
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(unescapeFormula(escapeFormula(value))).toBe(value)
      }),
    )
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(/^[=+\-@]/.test(escapeFormula(value))).toBe(false)
      }),
    )
  })

  it('un-escapes every cell on import', () => {
    const parsed = read('sku,name,price,barcode,category,tags\n\'-A,"\'=HYPERLINK(""x"")",1,\'+977,\'@cat,\'-sale|\'=b\n')
    expect(parsed.errors).toEqual([])
    expect(parsed.rows[0]).toMatchObject({ sku: '-A', name: '=HYPERLINK("x")', barcode: '+977', category: '@cat', tags: "-sale|'=b" })
  })
})

describe('the export format', () => {
  const product = (fields: Partial<CsvProduct> = {}): CsvProduct => ({
    sku: 'A',
    name: 'Milk',
    priceCents: 5550,
    barcode: null,
    category: null,
    tags: null,
    stock: 0,
    lowStockAt: null,
    archived: false,
    ...fields,
  })

  it('writes every column with a BOM, CRLF and quotes only where needed', () => {
    const csv = formatProductCsv(
      [
        product({
          sku: 'A-1',
          name: 'Rice, "long"',
          barcode: '=1',
          category: 'Dairy',
          tags: 'a|b',
          stock: 7,
          lowStockAt: 2,
          archived: true,
        }),
        product({ sku: 'B' }),
      ],
      2,
    )
    expect(csv).toBe(
      '\ufeffsku,name,price,barcode,category,tags,stock,low_stock,archived\r\n' +
        'A-1,"Rice, ""long""",55.50,\'=1,Dairy,a|b,7,2,true\r\n' +
        'B,Milk,55.50,,,,0,,false\r\n',
    )
    expect(CSV_COLUMNS.join(',')).toBe(csv.slice(1, csv.indexOf('\r')))
  })

  it('reads back exactly what it wrote', () => {
    const cell = (max: number) =>
      fc
        .string({
          unit: fc.constantFrom('a', 'Z', '=', '+', '-', '@', "'", ',', '"', ' ', 'क', '|', '\t', '0'),
          minLength: 1,
          maxLength: max,
        })
        .map((value) => value.trim())
        .filter((value) => value !== '' && !value.includes('|'))
    const products = fc.uniqueArray(
      fc.record({
        sku: cell(CSV_LIMITS.sku),
        name: cell(CSV_LIMITS.name),
        priceCents: fc.integer({ min: 0, max: MAX_PRICE_CENTS }),
        barcode: fc.option(cell(CSV_LIMITS.barcode)),
        category: fc.option(cell(CSV_LIMITS.category)),
        tags: fc
          .uniqueArray(cell(CSV_LIMITS.tag), { maxLength: 5, selector: (tag) => tag.toLowerCase() })
          .map((tags) => (tags.length ? tags.join('|') : null)),
        stock: fc.integer({ min: 0, max: CSV_LIMITS.stock }),
        lowStockAt: fc.option(fc.integer({ min: 0, max: CSV_LIMITS.lowStock })),
        archived: fc.boolean(),
      }),
      { maxLength: 8, selector: (p) => p.sku },
    )
    fc.assert(
      fc.property(products, fc.constantFrom(0 as const, 2 as const, 3 as const), (list, decimals) => {
        const withUniqueBarcodes = list.filter((p, index) => p.barcode === null || list.findIndex((q) => q.barcode === p.barcode) === index)
        const parsed = read(formatProductCsv(withUniqueBarcodes, decimals), decimals)
        expect(parsed.errors).toEqual([])
        expect(
          parsed.rows.map((row) => ({
            sku: row.sku,
            name: row.name,
            priceCents: row.priceCents,
            barcode: row.barcode,
            category: row.category,
            tags: row.tags,
            stock: row.stock,
            lowStockAt: row.lowStockAt,
            archived: row.archived,
          })),
        ).toEqual(withUniqueBarcodes)
      }),
      { numRuns: 200 },
    )
  })
})

describe('the limits', () => {
  it('are the product form’s and the category form’s', () => {
    const create = catalogContract['products:create'].input
    const base = { sku: 'A', name: 'N', priceCents: 0 }
    const accepts = (fields: Record<string, unknown>) => create.safeParse({ ...base, ...fields }).success
    const long = (length: number) => 'x'.repeat(length)
    for (const field of ['sku', 'name', 'barcode'] as const) {
      expect(accepts({ [field]: long(CSV_LIMITS[field]) })).toBe(true)
      expect(accepts({ [field]: long(CSV_LIMITS[field] + 1) })).toBe(false)
    }
    expect(accepts({ tags: [long(CSV_LIMITS.tag)] })).toBe(true)
    expect(accepts({ tags: [long(CSV_LIMITS.tag + 1)] })).toBe(false)
    expect(accepts({ tags: Array.from({ length: CSV_LIMITS.tags }, (_, index) => `t${index}`) })).toBe(true)
    expect(accepts({ tags: Array.from({ length: CSV_LIMITS.tags + 1 }, (_, index) => `t${index}`) })).toBe(false)
    expect(accepts({ priceCents: CSV_LIMITS.priceCents })).toBe(true)
    expect(accepts({ priceCents: CSV_LIMITS.priceCents + 1 })).toBe(false)
    expect(accepts({ lowStockAt: CSV_LIMITS.lowStock })).toBe(true)
    expect(accepts({ lowStockAt: CSV_LIMITS.lowStock + 1 })).toBe(false)
    expect(accepts({ openingStock: CSV_LIMITS.stock })).toBe(true)
    expect(accepts({ openingStock: CSV_LIMITS.stock + 1 })).toBe(false)
    const category = catalogContract['categories:create'].input
    expect(category.safeParse({ name: long(CSV_LIMITS.category) }).success).toBe(true)
    expect(category.safeParse({ name: long(CSV_LIMITS.category + 1) }).success).toBe(false)
  })

  it('refuse the control characters the contract refuses', () => {
    for (let code = 0; code < 128; code += 1) {
      const character = String.fromCharCode(code)
      if (character === '"') continue
      const parsed = read(`sku,name,price\nA,"a${character}b",1\n`)
      expect(parsed.errors.length > 0, `character ${code}`).toBe(CONTROL_CHARACTERS.test(character))
    }
  })
})
