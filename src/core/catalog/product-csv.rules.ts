/**
 * The product CSV, as pure functions: reading a file into rows and per-line errors, and writing the
 * catalog in the same format. No database: what a row means for the catalog (create, update,
 * unchanged, a barcode another product has) is decided by product-import.rules.ts.
 *
 * Runs inside the import worker (product-csv.worker.ts), so it imports no zod: the limits below are
 * the contract's, and product-csv.rules.test.ts checks that they agree with its schemas.
 */
import { parse, type CsvError } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import type { ImportErrorDto } from '#shared/contract/catalog'
import { joinTags, normalizeTags } from './products.rules'

/** The columns, in the order an export writes them. */
export const CSV_COLUMNS = ['sku', 'name', 'price', 'barcode', 'category', 'tags', 'stock', 'low_stock', 'archived'] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['sku', 'name', 'price']

/** The limits of `products:create` and `categories:create` (checked against their schemas by the tests). */
export const CSV_LIMITS = {
  sku: 64,
  name: 200,
  barcode: 64,
  category: 80,
  tag: 40,
  tags: 20,
  stock: 1_000_000,
  lowStock: 1_000_000,
  priceCents: 1_000_000_000_000,
} as const

/** More data rows than this is refused as a whole (`tooManyRows`): the screen and the budget are sized for 100k. */
export const MAX_IMPORT_ROWS = 200_000

/** Control characters are never part of a name or code (the contract's CONTROL_CHARACTERS; a tab is allowed). */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f]/

/** A cell a spreadsheet would run as a formula; export puts a `'` before it (and before one that already starts with `'`s and then one of these). */
const NEEDS_FORMULA_ESCAPE = /^'*[=+\-@]/
const FORMULA_ESCAPED = /^'+[=+\-@]/

/** A cell as written on export: a `'` in front of anything a spreadsheet would take for a formula. */
export function escapeFormula(value: string): string {
  return NEEDS_FORMULA_ESCAPE.test(value) ? `'${value}` : value
}

/** The inverse of escapeFormula: one leading `'` before a formula character is removed; any other `'` stays. */
export function unescapeFormula(value: string): string {
  return value.charCodeAt(0) === 39 && FORMULA_ESCAPED.test(value) ? value.slice(1) : value
}

/** A price as typed (`55`, `55.5`, `55.50`) in minor units, or null: no sign, no thousands separators, at most the currency's decimals. */
export function parsePrice(text: string, decimals: 0 | 2 | 3): number | null {
  const length = text.length
  let whole = 0
  let at = 0
  for (; at < length; at += 1) {
    const code = text.charCodeAt(at)
    if (code === 46) break
    if (code < 48 || code > 57) return null
    whole = whole * 10 + (code - 48)
  }
  if (at === 0) return null
  let fraction = 0
  let fractionDigits = 0
  if (at < length) {
    for (at += 1; at < length; at += 1) {
      const code = text.charCodeAt(at)
      if (code < 48 || code > 57) return null
      fraction = fraction * 10 + (code - 48)
      fractionDigits += 1
    }
    if (fractionDigits === 0 || fractionDigits > decimals) return null
  }
  // Past the cap a whole part may lose precision, but it is refused either way.
  if (whole > CSV_LIMITS.priceCents) return null
  const cents = whole * 10 ** decimals + fraction * 10 ** (decimals - fractionDigits)
  return cents <= CSV_LIMITS.priceCents ? cents : null
}

/** A count as typed: digits only, at most `max`; null otherwise. */
function parseCount(text: string, max: number): number | null {
  if (text.length === 0 || text.length > 9) return null
  let value = 0
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at)
    if (code < 48 || code > 57) return null
    value = value * 10 + (code - 48)
  }
  return value <= max ? value : null
}

/** Minor units as the CSV writes them: every decimal of the currency (`55.50`). */
export function formatPrice(cents: number, decimals: 0 | 2 | 3): string {
  if (decimals === 0) return String(cents)
  const unit = 10 ** decimals
  return `${Math.floor(cents / unit)}.${String(cents % unit).padStart(decimals, '0')}`
}

const BOOLEANS: Record<string, boolean> = { '': false, true: true, false: false, yes: true, no: false, '1': true, '0': false }

/** One data row that passed every check of its own. Fields of columns the file does not have are undefined (an update leaves them). */
export interface CsvRow {
  /** The file's line the record starts on. */
  line: number
  sku: string
  name: string
  priceCents: number
  /** Null: no barcode. */
  barcode: string | null | undefined
  /** The category's name as typed (trimmed); null: none. */
  category: string | null | undefined
  /** Trimmed, each spelling once (`Vegan` and `vegan` are one tag), joined by `|` as `product.tags` holds them; null: none. */
  tags: string | null | undefined
  /** Undefined also for an empty cell: an update keeps the count, a create starts at 0. */
  stock: number | undefined
  /** Null: the store's default threshold. */
  lowStockAt: number | null | undefined
  archived: boolean | undefined
}

export interface ParsedCsv {
  /** The columns the header names (known ones only). */
  columns: CsvColumn[]
  /** Data records read (rows with errors included, empty ones not). */
  rowCount: number
  /** The rows without errors, in file order; a SKU or barcode seen on an earlier line makes a later row an error. */
  rows: CsvRow[]
  /** Every error, in line order. */
  errors: ImportErrorDto[]
}

export interface ParseOptions {
  currencyDecimals: 0 | 2 | 3
  /** Called every few thousand records with the lines read so far and the file's lines. */
  onProgress?: (doneLines: number, totalLines: number) => void
  /** Hands the rows over in batches as they are read (they are then not in the result's `rows`). */
  onRows?: (rows: CsvRow[]) => void
}

type Problem = ImportErrorDto['problem']

const CLIP = 80
const clip = (value: string): string => (value.length > CLIP ? `${value.slice(0, CLIP - 1)}…` : value)
const BATCH = 2_000

/**
 * Where each line of the file starts, in bytes of its UTF-8 (the parser reports byte offsets; its
 * own line count takes a CRLF inside quotes for two lines). A line ends at LF, CRLF or a lone CR.
 */
function lineStartsOf(bytes: Buffer, text: string): number[] {
  const starts = [0]
  const end = bytes.length
  if (!/\r(?!\n)/.test(text)) {
    for (let at = bytes.indexOf(10); at !== -1 && at + 1 < end; at = bytes.indexOf(10, at + 1)) starts.push(at + 1)
    return starts
  }
  for (let at = 0; at + 1 < end; at += 1) {
    const byte = bytes[at]!
    if (byte === 10 || (byte === 13 && bytes[at + 1] !== 10)) starts.push(at + 1)
  }
  return starts
}

/** The 1-based line holding byte `offset`. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return low + 1
}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'unclosedQuote',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'fieldCount',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'fieldCount',
  INVALID_OPENING_QUOTE: 'strayQuote',
  CSV_INVALID_CLOSING_QUOTE: 'strayQuote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'strayQuote',
}

/** A cell's index in each record, -1 for a column the file does not have. */
type ColumnIndexes = Record<CsvColumn, number>

/** A tags cell, read once per distinct text (a catalog repeats the same few combinations). */
interface TagsCell {
  tags: string | null
  problem: 'tooLong' | 'badText' | null
  value: string
}

function readTags(text: string): TagsCell {
  const tags = normalizeTags(text.split('|'))
  const joined = joinTags(tags)
  const tooLong = tags.find((tag) => tag.length > CSV_LIMITS.tag)
  if (tooLong !== undefined) return { tags: joined, problem: 'tooLong', value: tooLong }
  if (tags.length > CSV_LIMITS.tags) return { tags: joined, problem: 'tooLong', value: text }
  if (CONTROL_CHARACTERS.test(text)) return { tags: joined, problem: 'badText', value: text }
  return { tags: joined, problem: null, value: text }
}

function allEmpty(record: readonly string[]): boolean {
  for (const value of record) if (value !== '') return false
  return true
}

/** A cell trimmed and with its formula escape undone; undefined for a column the file lacks. */
function cellOf(record: readonly string[], index: number): string | undefined {
  if (index < 0) return undefined
  const value = record[index]!
  const length = value.length
  if (length === 0) return value
  const trimmed = value.charCodeAt(0) <= 32 || value.charCodeAt(length - 1) <= 32 ? value.trim() : value
  return trimmed.charCodeAt(0) === 39 ? unescapeFormula(trimmed) : trimmed
}

/** The state of one file being read; its methods check one record each. */
class CsvReader {
  readonly result: ParsedCsv = { columns: [], rowCount: 0, rows: [], errors: [] }
  readonly bytes: Buffer
  readonly lineStarts: number[]
  readonly totalLines: number
  columns: ColumnIndexes | null = null
  usable = false
  tooMany = false
  /** Where the last record read (or broken record skipped) ended: the next one starts after it, past blank lines. */
  lastEnd = 0
  readonly skuLines = new Map<string, number>()
  readonly barcodeLines = new Map<string, number>()
  readonly tagsCells = new Map<string, TagsCell>()
  batch: CsvRow[] = []

  constructor(
    text: string,
    readonly options: ParseOptions,
  ) {
    this.bytes = Buffer.from(text, 'utf8')
    this.lineStarts = lineStartsOf(this.bytes, text)
    this.totalLines = text.length === 0 ? 0 : this.lineStarts.length
  }

  error(line: number, problem: Problem, column?: string, value?: string, otherLine?: number): void {
    const entry: ImportErrorDto = { line, problem }
    if (column !== undefined) entry.column = column
    if (value !== undefined) entry.value = clip(value)
    if (otherLine !== undefined) entry.otherLine = otherLine
    this.result.errors.push(entry)
  }

  nextRecordLine(): number {
    const { bytes } = this
    let at = this.lastEnd
    while (at < bytes.length && (bytes[at] === 10 || bytes[at] === 13)) at += 1
    return lineAt(this.lineStarts, at)
  }

  record(record: string[], end: number): void {
    const line = this.nextRecordLine()
    this.lastEnd = end
    if (this.columns === null) return this.header(record, line)
    if (allEmpty(record)) return
    const result = this.result
    result.rowCount += 1
    if (this.usable && !this.tooMany) {
      if (result.rowCount > MAX_IMPORT_ROWS) {
        this.tooMany = true
        this.error(line, 'tooManyRows', undefined, String(MAX_IMPORT_ROWS))
      } else {
        const row = this.row(record, line)
        if (row) this.batch.push(row)
      }
    }
    if (result.rowCount % BATCH === 0) this.flush(line)
  }

  /** Hands the rows read so far over, and says how far the file is read. */
  flush(line: number): void {
    if (this.options.onRows) {
      if (this.batch.length > 0) this.options.onRows(this.batch)
    } else for (const row of this.batch) this.result.rows.push(row)
    this.batch = []
    this.options.onProgress?.(line, this.totalLines)
  }

  failed(code: string, at: number | undefined): void {
    const line = this.nextRecordLine()
    const previous = this.result.errors[this.result.errors.length - 1]
    // One broken record is one error, even when the parser trips over it twice.
    if (!(previous && previous.problem === 'badCsv' && previous.line === line))
      this.error(line, 'badCsv', undefined, CSV_PROBLEMS[code] ?? code)
    // The parser reads on from the line after the one it failed on (a wrong field count is found at the record's end).
    const failedLine = lineAt(this.lineStarts, Math.max(this.lastEnd, (at ?? this.bytes.length) - 1))
    this.lastEnd = failedLine < this.lineStarts.length ? this.lineStarts[failedLine]! : this.bytes.length
  }

  header(record: string[], line: number): void {
    const columns = Object.fromEntries(CSV_COLUMNS.map((column) => [column, -1])) as ColumnIndexes
    for (const [index, raw] of record.entries()) {
      const name = raw.trim().toLowerCase()
      if (name === '' && record.length > 1 && index === record.length - 1) continue
      if (!(CSV_COLUMNS as readonly string[]).includes(name)) this.error(line, 'unknownColumn', raw.trim())
      else if (columns[name as CsvColumn] !== -1) this.error(line, 'duplicateColumn', raw.trim())
      else columns[name as CsvColumn] = index
    }
    this.columns = columns
    this.result.columns = CSV_COLUMNS.filter((column) => columns[column] !== -1)
    const missing = REQUIRED_COLUMNS.filter((column) => columns[column] === -1)
    for (const column of missing) this.error(line, 'missingColumn', column)
    this.usable = missing.length === 0
  }

  /** A text cell checked for its length and for control characters. */
  text(column: CsvColumn, value: string | undefined, max: number, line: number): string | undefined {
    if (value === undefined || value.length === 0) return value
    if (value.length > max) this.error(line, 'tooLong', column, value)
    else if (CONTROL_CHARACTERS.test(value)) this.error(line, 'badText', column, value)
    return value
  }

  count(column: 'stock' | 'low_stock', value: string | undefined, max: number, line: number): number | null | undefined {
    if (value === undefined || value === '') return value === undefined ? undefined : null
    const count = parseCount(value, max)
    if (count === null) {
      this.error(line, 'badNumber', column, value)
      return undefined
    }
    return count
  }

  row(record: string[], line: number): CsvRow | null {
    const columns = this.columns!
    const errorsBefore = this.result.errors.length
    const sku = this.text('sku', cellOf(record, columns.sku), CSV_LIMITS.sku, line)!
    if (sku === '') this.error(line, 'missing', 'sku')
    const name = this.text('name', cellOf(record, columns.name), CSV_LIMITS.name, line)!
    if (name === '') this.error(line, 'missing', 'name')

    const priceText = cellOf(record, columns.price)!
    let priceCents = 0
    if (priceText === '') this.error(line, 'missing', 'price')
    else {
      const parsed = parsePrice(priceText, this.options.currencyDecimals)
      if (parsed === null) this.error(line, 'badPrice', 'price', priceText)
      else priceCents = parsed
    }

    const barcodeText = this.text('barcode', cellOf(record, columns.barcode), CSV_LIMITS.barcode, line)
    const barcode = barcodeText === undefined ? undefined : barcodeText === '' ? null : barcodeText
    const categoryText = this.text('category', cellOf(record, columns.category), CSV_LIMITS.category, line)
    const category = categoryText === undefined ? undefined : categoryText === '' ? null : categoryText

    const tagsText = cellOf(record, columns.tags)
    let tags: string | null | undefined
    if (tagsText !== undefined) {
      let cell = this.tagsCells.get(tagsText)
      if (!cell) {
        cell = readTags(tagsText)
        this.tagsCells.set(tagsText, cell)
      }
      if (cell.problem) this.error(line, cell.problem, 'tags', cell.value)
      tags = cell.tags
    }

    const stock = this.count('stock', cellOf(record, columns.stock), CSV_LIMITS.stock, line) ?? undefined
    const lowStockAt = this.count('low_stock', cellOf(record, columns.low_stock), CSV_LIMITS.lowStock, line)

    const archivedText = cellOf(record, columns.archived)
    let archived: boolean | undefined
    if (archivedText !== undefined) {
      archived = BOOLEANS[archivedText.toLowerCase()]
      if (archived === undefined) this.error(line, 'badBoolean', 'archived', archivedText)
    }

    // A SKU or barcode on an earlier line makes this one a duplicate, whatever else is wrong with either.
    let duplicate = false
    if (sku !== '' && sku.length <= CSV_LIMITS.sku) {
      const first = this.skuLines.get(sku)
      if (first !== undefined) {
        this.error(line, 'duplicateInFile', 'sku', sku, first)
        duplicate = true
      } else this.skuLines.set(sku, line)
    }
    if (barcode) {
      const first = this.barcodeLines.get(barcode)
      if (first !== undefined) {
        this.error(line, 'duplicateInFile', 'barcode', barcode, first)
        duplicate = true
      } else this.barcodeLines.set(barcode, line)
    }
    if (duplicate || this.result.errors.length !== errorsBefore) return null
    return { line, sku, name, priceCents, barcode, category, tags, stock, lowStockAt, archived }
  }
}

/**
 * Reads a product CSV. The header names the columns (any case, spaces around ignored); `sku`,
 * `name` and `price` are required. Every cell is trimmed and a formula escape (`'=…`) undone.
 * Line numbers are the file's own: a record whose quoted field spans lines is reported at its
 * first line. A broken record (a stray or unclosed quote, a wrong number of fields) is a `badCsv`
 * error on its line, and reading goes on after it where the CSV allows.
 */
export function parseProductCsv(text: string, options: ParseOptions): ParsedCsv {
  const reader = new CsvReader(text, options)
  try {
    parse(reader.bytes, {
      bom: true,
      // Any line end, even mixed in one file (rows pasted together from two sources).
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: false,
      skip_empty_lines: true,
      skip_records_with_error: true,
      trim: true,
      on_skip: (failure: CsvError | undefined) => {
        const at = failure?.['bytes']
        reader.failed(failure?.code ?? 'CSV_UNKNOWN', typeof at === 'number' ? at : undefined)
        return undefined
      },
      on_record: (record: string[], context) => {
        reader.record(record, context.bytes)
        return null
      },
    })
  } catch (failure) {
    // skip_records_with_error turns record errors into on_skip calls; what is left is a file the parser cannot read at all.
    reader.error(reader.nextRecordLine(), 'badCsv', undefined, (failure as Partial<CsvError>).code ?? 'unreadable')
  }
  const { result } = reader
  if (reader.columns === null) for (const column of REQUIRED_COLUMNS) reader.error(1, 'missingColumn', column)
  reader.flush(reader.totalLines)
  result.errors.sort((a, b) => a.line - b.line)
  return result
}

/** One product as the export writes it. */
export interface CsvProduct {
  sku: string
  name: string
  priceCents: number
  barcode: string | null
  category: string | null
  /** `product.tags`: the tags joined by `|`. */
  tags: string | null
  stock: number
  lowStockAt: number | null
  archived: boolean
}

/**
 * The catalog as CSV, in the import's own format: every column, a UTF-8 BOM and CRLF line ends (as
 * spreadsheets expect), quotes only where a cell needs them, every text cell formula-escaped.
 * Reading it back with parseProductCsv gives the same products.
 */
export function formatProductCsv(products: readonly CsvProduct[], decimals: 0 | 2 | 3): string {
  const records = products.map((product) => [
    escapeFormula(product.sku),
    escapeFormula(product.name),
    formatPrice(product.priceCents, decimals),
    product.barcode === null ? '' : escapeFormula(product.barcode),
    product.category === null ? '' : escapeFormula(product.category),
    product.tags === null ? '' : escapeFormula(product.tags),
    String(product.stock),
    product.lowStockAt === null ? '' : String(product.lowStockAt),
    product.archived ? 'true' : 'false',
  ])
  return stringify(records, { bom: true, header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' })
}
