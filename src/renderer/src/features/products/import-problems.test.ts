import { describe, expect, it } from 'vitest'
import { importErrorDto, type ImportErrorDto } from '#shared/contract/catalog'
import { createTranslator } from '../../platform/i18n/translate'
import { problemMessage } from './import-problems'
import { productsEn } from './products.en'

const { render } = createTranslator(productsEn, 'en')
const say = (error: ImportErrorDto) => render(problemMessage(error))

describe('import problems', () => {
  it('are worded from their code and what core sent with it', () => {
    expect(say({ line: 1, column: 'colour', problem: 'unknownColumn' })).toBe('Unknown column “colour”.')
    expect(say({ line: 1, column: 'price', problem: 'missingColumn' })).toBe('The required column “price” is missing.')
    expect(say({ line: 4, column: 'price', problem: 'badPrice', value: '12.345' })).toBe('“12.345” is not a price in the store’s currency.')
    expect(say({ line: 9, column: 'sku', problem: 'duplicateInFile', value: 'A-1', otherLine: 3 })).toBe('“A-1” is also on line 3.')
    expect(say({ line: 9, column: 'barcode', problem: 'takenByOther', value: 'SOAP-1' })).toBe('Already used by the product SOAP-1.')
    expect(say({ line: 2, column: 'name', problem: 'missing' })).toBe('This cell must not be empty.')
    expect(say({ line: 5, problem: 'badCsv', value: 'unclosedQuote' })).toBe('A quoted cell is not closed: a quote is missing.')
    expect(say({ line: 5, problem: 'badCsv', value: 'CSV_SOMETHING_NEW' })).toBe('This line is not valid CSV.')
    expect(say({ line: 100002, problem: 'tooManyRows', value: '100000' })).toBe(
      'The file has more rows than one import can take (at most 100,000).',
    )
  })

  it('have a sentence for every code, with no placeholder left showing', () => {
    for (const problem of importErrorDto.shape.problem.options) {
      const text = say({ line: 2, column: 'sku', problem, value: 'x', otherLine: 1 })
      expect(text, problem).not.toMatch(/[{}]/)
      expect(text, problem).not.toBe(`import.problem.${problem}`)
    }
  })
})
