import type { ImportErrorDto } from '#shared/contract/catalog'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import type { ProductsTexts } from './products.en'

const msg = messagesOf<ProductsTexts>()

/** A problem of the file as a sentence: core sends its code, the value and the line it clashes with. */
export function problemMessage(error: ImportErrorDto): Message {
  const value = error.value ?? ''
  const column = error.column ?? ''
  switch (error.problem) {
    case 'missingColumn':
    case 'unknownColumn':
    case 'duplicateColumn':
      return msg(`import.problem.${error.problem}`, { column: column || value })
    case 'badPrice':
    case 'badNumber':
    case 'badBoolean':
    case 'tooLong':
    case 'takenByOther':
    case 'tokenShaped':
      return msg(`import.problem.${error.problem}`, { value })
    case 'duplicateInFile':
      return error.otherLine === undefined
        ? msg('import.problem.duplicateInFileNoLine', { value })
        : msg('import.problem.duplicateInFile', { value, otherLine: error.otherLine })
    case 'badCsv':
      return value === 'unclosedQuote' || value === 'strayQuote' || value === 'fieldCount'
        ? msg(`import.problem.badCsv.${value}`)
        : msg('import.problem.badCsv')
    case 'tooManyRows':
      return msg('import.problem.tooManyRows', { max: /^\d+$/.test(value) ? Number(value) : value })
    case 'missing':
    case 'badText':
      return msg(`import.problem.${error.problem}`)
  }
}
