/**
 * The product CSV, as pure functions: reading a file into rows and per-line errors, and writing the
 * catalog in the same format. No database: what a row means for the catalog (create, update,
 * unchanged, a barcode another product has) is decided by product-import.rules.ts.
 *
 * A file is read in two halves: its records (readCsvRecords, in the import worker,
 * product-csv.worker.ts) and the checks of each record (CsvChecker, in core's thread as the
 * records come); parseProductCsv does both in one thread. The worker imports this file, so it
 * imports no zod: the limits below are the contract's, and product-csv.rules.test.ts checks that
 * they agree with its schemas.
 */
import { createRequire } from 'node:module'
import type * as CsvParse from 'csv-parse/sync'
import type * as CsvStringify from 'csv-stringify/sync'
import { looksLikeTokenCode } from '#shared/codes/token-code'
import type { ImportErrorDto } from '#shared/contract/catalog'
import { joinTags, normalizeTags } from './products.rules'

/**
 * csv-parse and csv-stringify, loaded the first time they are needed: most files are read by
 * quickRecords alone, so the import worker starts without loading either (loading them was most of
 * its start).
 */
const requireHere = createRequire(import.meta.url)
let csvParse: typeof CsvParse | undefined
let csvStringify: typeof CsvStringify | undefined
const csvParser = () => (csvParse ??= requireHere('csv-parse/sync') as typeof CsvParse)
const csvWriter = () => (csvStringify ??= requireHere('csv-stringify/sync') as typeof CsvStringify)
type CsvError = CsvParse.CsvError

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

export interface CheckOptions {
  currencyDecimals: 0 | 2 | 3
  /** Sees the rows in batches as they are checked (they are in the result's `rows` too). */
  onRows?: (rows: CsvRow[]) => void
}

export interface ParseOptions extends CheckOptions {
  /** Called every few thousand records with the lines read so far and the file's lines. */
  onProgress?: (doneLines: number, totalLines: number) => void
  /** False: always read with csv-parse, never with quickRecords (the tests compare the two). */
  quick?: boolean
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

/** How many lines lineStartsOf finds, counted on the text itself. */
function lineCountOf(text: string): number {
  const length = text.length
  if (length === 0) return 0
  let count = 1
  for (let at = text.indexOf('\n'); at !== -1 && at + 1 < length; at = text.indexOf('\n', at + 1)) count += 1
  if (text.includes('\r')) {
    for (let at = text.indexOf('\r'); at !== -1 && at + 1 < length; at = text.indexOf('\r', at + 1)) {
      if (text.charCodeAt(at + 1) !== 10) count += 1
    }
  }
  return count
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

const QUOTE = 34
const COMMA = 44
const LF = 10
const CR = 13
const LONE_CR = /\r(?!\n)/

/** What csv-parse's `trim` takes off a field (String.prototype.trim's white space), less the line ends that end a record. */
function isBlank(code: number): boolean {
  if (code < 0xa0) return code === 32 || code === 9 || code === 11 || code === 12
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** Records of a file, each with the line it starts on. */
export interface CsvRecords {
  records: string[][]
  lines: number[]
}

/** The records of a plain file (see scanQuickly), or null for one that is not. */
export function quickRecords(text: string): CsvRecords | null {
  const all: CsvRecords = { records: [], lines: [] }
  const plain = scanQuickly(text, (batch) => {
    for (const record of batch.records) all.records.push(record)
    for (const line of batch.lines) all.lines.push(line)
  })
  return plain ? all : null
}

/**
 * Reads the records of a well-formed file several times faster than csv-parse reads them, handing
 * them over a batch at a time: exactly what csv-parse makes of it with the options parseProductCsv
 * gives it. Answers false at the first thing that is not plain (a lone CR, a quote out of place, an
 * unclosed quote, a record of another width, a line of only spaces), having handed over the records
 * before it: csv-parse then reads the whole file, with its own errors and recovery. Lines are split
 * at LF (a CRLF is one line end, inside quotes too); an unquoted field is trimmed; a quoted one keeps
 * what is between its quotes, with `""` read as `"`, and may span lines.
 */
function scanQuickly(text: string, onRecords: (batch: CsvRecords) => void): boolean {
  if (LONE_CR.test(text)) return false
  const length = text.length
  let records: string[][] = []
  let lines: number[] = []
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  let width = -1
  let quote = text.indexOf('"')
  while (at < length) {
    let lineEnd = text.indexOf('\n', at)
    if (lineEnd === -1) lineEnd = length
    const contentEnd = lineEnd > at && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd
    if (contentEnd === at) {
      at = lineEnd + 1
      line += 1
      continue
    }
    const recordLine = line
    let fields: string[]
    // The next quote in the file, found again only once the reading is past it (a search per line would be quadratic).
    if (quote !== -1 && quote < at) quote = text.indexOf('"', at)
    if (quote === -1 || quote >= contentEnd) {
      // The common record: one line, no quotes.
      fields = text.slice(at, contentEnd).split(',')
      for (let index = 0; index < fields.length; index += 1) fields[index] = fields[index]!.trim()
      at = lineEnd + 1
      line += 1
    } else {
      fields = []
      let pos = at
      for (;;) {
        let start = pos
        while (start < length && isBlank(text.charCodeAt(start))) start += 1
        if (start < length && text.charCodeAt(start) === QUOTE) {
          let value = ''
          let from = start + 1
          for (;;) {
            const close = text.indexOf('"', from)
            if (close === -1) return false
            if (text.charCodeAt(close + 1) === QUOTE) {
              value += text.slice(from, close + 1)
              from = close + 2
              continue
            }
            value += text.slice(from, close)
            pos = close + 1
            break
          }
          for (let feed = text.indexOf('\n', start); feed !== -1 && feed < pos; feed = text.indexOf('\n', feed + 1)) line += 1
          // After a closing quote csv-parse steps over a blank of one byte only: a wider one there is its error.
          for (let code = text.charCodeAt(pos); pos < length && isBlank(code); code = text.charCodeAt(pos)) {
            if (code >= 0x80) return false
            pos += 1
          }
          fields.push(value)
        } else {
          let end = start
          for (; end < length; end += 1) {
            const code = text.charCodeAt(end)
            if (code === COMMA || code === LF || code === CR) break
            if (code === QUOTE) return false
          }
          fields.push(text.slice(start, end).trim())
          pos = end
        }
        const code = pos < length ? text.charCodeAt(pos) : -1
        if (code === COMMA) {
          pos += 1
          continue
        }
        if (code === -1) at = length
        else if (code === LF) at = pos + 1
        else if (code === CR && text.charCodeAt(pos + 1) === LF) at = pos + 2
        else return false
        line += 1
        break
      }
    }
    // A line of only spaces: csv-parse skips it as empty, and a quoted empty field alone it does not.
    if (fields.length === 1 && fields[0] === '') return false
    if (width === -1) width = fields.length
    else if (fields.length !== width) return false
    records.push(fields)
    lines.push(recordLine)
    if (records.length === BATCH) {
      onRecords({ records, lines })
      records = []
      lines = []
    }
  }
  if (records.length > 0) onRecords({ records, lines })
  return true
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

/** An error entry as the result lists it (the value clipped). */
function errorEntry(line: number, problem: Problem, column?: string, value?: string, otherLine?: number): ImportErrorDto {
  const entry: ImportErrorDto = { line, problem }
  if (column !== undefined) entry.column = column
  if (value !== undefined) entry.value = clip(value)
  if (otherLine !== undefined) entry.otherLine = otherLine
  return entry
}

/** What reading a file hands over, in file order: its records a batch at a time, and each broken one. */
export interface RecordSink {
  records(batch: CsvRecords): void
  broken(error: ImportErrorDto): void
}

/** csv-parse reading a file: where each record starts, and one `badCsv` error per broken record. */
class CsvParseReader {
  readonly bytes: Buffer
  readonly lineStarts: number[]
  /** Where the last record read (or broken record skipped) ended: the next one starts after it, past blank lines. */
  lastEnd: number
  lastBrokenLine = 0
  batch: CsvRecords = { records: [], lines: [] }

  constructor(
    text: string,
    readonly sink: RecordSink,
  ) {
    this.bytes = Buffer.from(text, 'utf8')
    this.lineStarts = lineStartsOf(this.bytes, text)
    // The first record starts after the BOM (and any blank lines after it).
    this.lastEnd = text.charCodeAt(0) === 0xfeff ? 3 : 0
  }

  nextRecordLine(): number {
    const { bytes } = this
    let at = this.lastEnd
    while (at < bytes.length && (bytes[at] === 10 || bytes[at] === 13)) at += 1
    return lineAt(this.lineStarts, at)
  }

  /** A record csv-parse read, ending at byte `end`. */
  record(record: string[], end: number): void {
    this.batch.records.push(record)
    this.batch.lines.push(this.nextRecordLine())
    this.lastEnd = end
    if (this.batch.records.length === BATCH) this.flush()
  }

  flush(): void {
    if (this.batch.records.length === 0) return
    this.sink.records(this.batch)
    this.batch = { records: [], lines: [] }
  }

  broken(line: number, problem: string): void {
    this.flush()
    this.lastBrokenLine = line
    this.sink.broken(errorEntry(line, 'badCsv', undefined, problem))
  }

  failed(code: string, at: number | undefined): void {
    const line = this.nextRecordLine()
    // One broken record is one error, even when the parser trips over it twice.
    if (this.lastBrokenLine !== line) this.broken(line, CSV_PROBLEMS[code] ?? code)
    // The parser reads on from the line after the one it failed on (a wrong field count is found at the record's end).
    const failedLine = lineAt(this.lineStarts, Math.max(this.lastEnd, (at ?? this.bytes.length) - 1))
    this.lastEnd = failedLine < this.lineStarts.length ? this.lineStarts[failedLine]! : this.bytes.length
  }
}

/** Reads a file with csv-parse, whose errors and recovery a broken file needs. */
function readWithCsvParse(text: string, sink: RecordSink): void {
  const reader = new CsvParseReader(text, sink)
  try {
    csvParser().parse(reader.bytes, {
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
    reader.broken(reader.nextRecordLine(), (failure as Partial<CsvError>).code ?? 'unreadable')
  }
  reader.flush()
}

/**
 * Reads a file's records for a CsvChecker in another thread, handing them over as they are read:
 * quickly while the file is plain (scanQuickly); at the first thing that is not, `restart` says to
 * forget what came so far, and csv-parse reads the whole file. `progress` counts lines read.
 */
export function readCsvRecords(text: string, sink: RecordSink & { restart(): void; progress(done: number, total: number): void }): void {
  const total = lineCountOf(text)
  const counting: RecordSink = {
    records: (batch) => {
      sink.records(batch)
      sink.progress(batch.lines[batch.lines.length - 1]!, total)
    },
    broken: (error) => sink.broken(error),
  }
  if (!scanQuickly(text, (batch) => counting.records(batch))) {
    sink.restart()
    readWithCsvParse(text, counting)
  }
  sink.progress(total, total)
}

/**
 * Checks a file's records as a product import reads them: the header, then each row on its own
 * (its cells, and a SKU or barcode an earlier line has). Records come in file order, from
 * quickRecords, from csv-parse, or from the worker that read them (readCsvRecords).
 */
export class CsvChecker implements RecordSink {
  readonly result: ParsedCsv = { columns: [], rowCount: 0, rows: [], errors: [] }
  columns: ColumnIndexes | null = null
  usable = false
  tooMany = false
  readonly skuLines = new Map<string, number>()
  readonly barcodeLines = new Map<string, number>()
  readonly tagsCells = new Map<string, TagsCell>()
  batch: CsvRow[] = []

  /** `totalLines`: the file's, for `onProgress`. */
  constructor(
    readonly options: ParseOptions,
    readonly totalLines = 0,
  ) {}

  error(line: number, problem: Problem, column?: string, value?: string, otherLine?: number): void {
    this.result.errors.push(errorEntry(line, problem, column, value, otherLine))
  }

  records(batch: CsvRecords): void {
    const { records, lines } = batch
    for (let index = 0; index < records.length; index += 1) this.take(records[index]!, lines[index]!)
  }

  broken(error: ImportErrorDto): void {
    this.result.errors.push(error)
  }

  /** A record that starts on `line`. */
  take(record: string[], line: number): void {
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

  /** Hands the rows checked so far over, and says how far the file is read. */
  flush(line: number): void {
    const { batch } = this
    if (batch.length > 0) {
      for (const row of batch) this.result.rows.push(row)
      this.options.onRows?.(batch)
      this.batch = []
    }
    this.options.onProgress?.(line, this.totalLines)
  }

  /** The result, once every record is in. */
  finish(): ParsedCsv {
    if (this.columns === null) for (const column of REQUIRED_COLUMNS) this.error(1, 'missingColumn', column)
    this.flush(this.totalLines)
    this.result.errors.sort((a, b) => a.line - b.line)
    return this.result
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
    else if (looksLikeTokenCode(sku)) this.error(line, 'tokenShaped', 'sku', sku)
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
    if (barcode && looksLikeTokenCode(barcode)) this.error(line, 'tokenShaped', 'barcode', barcode)
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
  const checker = new CsvChecker(options, lineCountOf(text))
  const quick = options.quick === false ? null : quickRecords(text)
  if (quick) checker.records(quick)
  else readWithCsvParse(text, checker)
  return checker.finish()
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
  return csvWriter().stringify(records, { bom: true, header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' })
}
