/**
 * A report's table as CSV, the way the products' export writes one: a UTF-8 BOM, CRLF line ends,
 * English headers, amounts as decimals of the store's currency, every text cell formula-escaped.
 */
import { createRequire } from 'node:module'
import type * as CsvStringify from 'csv-stringify/sync'
import type { ReportTable, TenderTakingsDto } from '#shared/contract/reports'
import { escapeFormula, formatPrice } from '#core/catalog/csv-cells.service'
import { runReport, type Lanes, type ReportEnv } from './reports.service'

const requireHere = createRequire(import.meta.url)
let csvStringify: typeof CsvStringify | undefined
const csvWriter = () => (csvStringify ??= requireHere('csv-stringify/sync') as typeof CsvStringify)

export interface CsvRequest {
  report: ReportTable
  from: string
  to: string
  bucket?: 'day' | 'week' | 'month' | undefined
  sort?: 'units' | 'revenue' | undefined
}

type Cell = string | number | null
type Column<Row> = readonly [header: string, cell: (row: Row) => Cell, kind?: 'money' | 'text']

interface Table<Row> {
  columns: readonly Column<Row>[]
  rows: readonly Row[]
}

const table = <Row>(columns: readonly Column<Row>[], rows: readonly Row[]): Table<Row> => ({ columns, rows })

interface FigureColumns {
  grossCents: number
  discountCents: number
  returnsCents: number
  netCents: number
  unitsSold: number
  unitsReturned: number
}

const FIGURES: readonly Column<FigureColumns>[] = [
  ['Gross', (row) => row.grossCents, 'money'],
  ['Discounts', (row) => row.discountCents, 'money'],
  ['Returns', (row) => row.returnsCents, 'money'],
  ['Net', (row) => row.netCents, 'money'],
  ['Units sold', (row) => row.unitsSold],
  ['Units returned', (row) => row.unitsReturned],
]

const TENDERS: readonly Column<TenderTakingsDto>[] = [
  ['Tender', (row) => row.method, 'text'],
  ['Wallet', (row) => row.wallet, 'text'],
  ['In', (row) => row.inCents, 'money'],
  ['Out', (row) => row.outCents, 'money'],
  ['Net', (row) => row.netCents, 'money'],
]

/** Every product, for a file: the screen pages them, a CSV holds them all. */
const ALL_PRODUCTS = Number.MAX_SAFE_INTEGER

function tableOf(lanes: Lanes, request: CsvRequest, env: ReportEnv): Table<never> {
  const range = { from: request.from, to: request.to }
  const run = <K extends Parameters<typeof runReport>[1]>(kind: K, input: Parameters<typeof runReport<K>>[2]) =>
    runReport(lanes, kind, input, env)
  const erase = <Row>(value: Table<Row>) => value as unknown as Table<never>
  switch (request.report) {
    case 'summary': {
      const summary = run('summary', range)
      return erase(
        table(
          [
            ['From', () => request.from],
            ['To', () => request.to],
            ['Gross', (row) => row.grossCents, 'money'],
            ['Discounts', (row) => row.discountCents, 'money'],
            ['Returns', (row) => row.returnsCents, 'money'],
            ['Net', (row) => row.netCents, 'money'],
            ['Tax', (row) => row.taxCents, 'money'],
            ['Rounding', (row) => row.roundingCents, 'money'],
            ['Takings', (row) => row.takingsCents, 'money'],
            ['Invoices', (row) => row.invoices],
            ['Returns made', (row) => row.returns],
            ['Average basket', (row) => row.averageBasketCents, 'money'],
            ['Units sold', (row) => row.unitsSold],
            ['Units returned', (row) => row.unitsReturned],
          ],
          [summary],
        ),
      )
    }
    case 'byPeriod':
      return erase(
        table(
          [
            ['From', (row) => row.from],
            ['To', (row) => row.to],
            ['Invoices', (row) => row.invoices],
            ['Returns made', (row) => row.returns],
            ...FIGURES,
            ['Tax', (row) => row.taxCents, 'money'],
          ],
          run('byPeriod', { ...range, bucket: request.bucket ?? 'day' }).rows,
        ),
      )
    case 'hourly':
      return erase(
        table(
          [
            ['Hour', (row) => `${String(row.hour).padStart(2, '0')}:00`],
            ['Invoices', (row) => row.invoices],
            ['Net', (row) => row.netCents, 'money'],
            ['Units sold', (row) => row.unitsSold],
          ],
          run('hourly', range).rows,
        ),
      )
    case 'byProduct':
      return erase(
        table(
          [['SKU', (row) => row.sku, 'text'], ['Product', (row) => row.name, 'text'], ...FIGURES],
          run('byProduct', { ...range, sort: request.sort ?? 'revenue', limit: ALL_PRODUCTS }).items,
        ),
      )
    case 'byCategory':
      return erase(table([['Category', (row) => row.name, 'text'], ...FIGURES], run('byCategory', range).rows))
    case 'byTag':
      return erase(table([['Tag', (row) => row.tag, 'text'], ...FIGURES], run('byTag', range).rows))
    case 'byCashier':
      return erase(
        table(
          [['Cashier', (row) => row.name, 'text'], ['Invoices', (row) => row.invoices], ['Returns made', (row) => row.returns], ...FIGURES],
          run('byCashier', range).rows,
        ),
      )
    case 'byTender':
      return erase(table(TENDERS, run('byTender', range).rows))
    case 'tokenLiability':
      return erase(
        table(
          [
            ['Token', (row) => `…${row.codeLast4}`, 'text'],
            ['Holder', (row) => row.holderName, 'text'],
            ['Balance', (row) => row.balanceCents, 'money'],
            ['Expires', (row) => row.expiresOn],
          ],
          run('tokenLiability', {}).expiringSoon,
        ),
      )
    case 'lowStock':
      return erase(
        table(
          [
            ['SKU', (row) => row.sku, 'text'],
            ['Product', (row) => row.name, 'text'],
            ['Stock', (row) => row.stock],
            ['Low at', (row) => row.lowStockAt ?? env.defaultLowStockAt],
          ],
          lanes.sql.lowStock(env.defaultLowStockAt),
        ),
      )
    case 'promos':
      return erase(
        table(
          [
            ['Code', (row) => row.code, 'text'],
            ['Promo', (row) => row.name, 'text'],
            ['Uses', (row) => row.uses],
            ['Discounts', (row) => row.discountCents, 'money'],
            ['Sales', (row) => row.salesCents, 'money'],
          ],
          run('promos', range).rows,
        ),
      )
  }
}

/** An amount in minor units as a decimal of the currency; negatives keep their sign. */
export function formatAmount(cents: number, decimals: 0 | 2 | 3): string {
  return cents < 0 ? `-${formatPrice(-cents, decimals)}` : formatPrice(cents, decimals)
}

/** The report's CSV and how many data rows it has. */
export function reportCsv(lanes: Lanes, request: CsvRequest, env: ReportEnv): { csv: string; rows: number } {
  const { columns, rows } = tableOf(lanes, request, env)
  const cellOf = (column: Column<never>, row: never): string => {
    const value = column[1](row)
    if (value === null) return ''
    if (column[2] === 'money') return formatAmount(Number(value), env.currencyDecimals)
    return column[2] === 'text' ? escapeFormula(String(value)) : String(value)
  }
  const records = rows.map((row) => columns.map((column) => cellOf(column, row)))
  const csv = csvWriter().stringify(records, {
    bom: true,
    header: true,
    columns: columns.map((column) => column[0]),
    record_delimiter: 'windows',
  })
  return { csv, rows: rows.length }
}
