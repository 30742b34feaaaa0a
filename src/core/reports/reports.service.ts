/**
 * The reports themselves, on bound statements: the reports worker runs them on its read-only
 * connection (reports.worker.ts). Every figure is the one DESIGN §3.5 defines (report-figures.service.ts
 * for the summary); each row report reconciles with the summary.
 */
import type { ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { PeriodRowDto, ProductRowDto, ReportRange } from '#shared/contract/reports'
import { addDays, bucketsOf, firstDayOfWeek } from '#shared/reports/report-days'
import type { BoundStatements } from '#core/db/statements'
import { runOfSales, summaryOf, tenderTakings, tendersInOfDays, type REPORT_FIGURES_SQL } from './report-figures.service'
import type { KeyFiguresRow, KeyReturnsRow, KeyUnitsRow, REPORTS_SQL } from './reports.statements'

export type ReportsSql = BoundStatements<typeof REPORTS_SQL>
export type FiguresSql = BoundStatements<typeof REPORT_FIGURES_SQL>

/** What the reports need of the store's settings, handed over by core with every request. */
export interface ReportEnv {
  timeZone: string
  locale: string
  /** The store's day now, `YYYY-MM-DD`. */
  today: string
  currencyDecimals: 0 | 2 | 3
  /** A product without its own low-stock level is low at this many. */
  defaultLowStockAt: number
}

/** The reports the worker answers, by channel, with their inputs and outputs. */
export interface ReportKinds {
  summary: { input: ReportRange; output: ChannelOutput<'reports:summary'> }
  byPeriod: { input: ChannelInput<'reports:byPeriod'>; output: ChannelOutput<'reports:byPeriod'> }
  hourly: { input: ReportRange; output: ChannelOutput<'reports:hourly'> }
  byProduct: { input: ChannelInput<'reports:byProduct'>; output: ChannelOutput<'reports:byProduct'> }
  byCategory: { input: ReportRange; output: ChannelOutput<'reports:byCategory'> }
  byTag: { input: ReportRange; output: ChannelOutput<'reports:byTag'> }
  byCashier: { input: ReportRange; output: ChannelOutput<'reports:byCashier'> }
  byTender: { input: ReportRange; output: ChannelOutput<'reports:byTender'> }
  promos: { input: ReportRange; output: ChannelOutput<'reports:promos'> }
  tokenLiability: { input: Record<string, never>; output: ChannelOutput<'reports:tokenLiability'> }
}
export type ReportKind = keyof ReportKinds

export interface Lanes {
  sql: ReportsSql
  figures: FiguresSql
}

const range = (input: ReportRange) => ({ from: input.from, to: input.to })

/** The six columns every row report shares. */
interface Figures {
  grossCents: number
  discountCents: number
  returnsCents: number
  netCents: number
  unitsSold: number
  unitsReturned: number
}

const noFigures = (): Figures => ({ grossCents: 0, discountCents: 0, returnsCents: 0, netCents: 0, unitsSold: 0, unitsReturned: 0 })

function addFigures(into: Figures, from: Figures): void {
  into.grossCents += from.grossCents
  into.discountCents += from.discountCents
  into.returnsCents += from.returnsCents
  into.netCents += from.netCents
  into.unitsSold += from.unitsSold
  into.unitsReturned += from.unitsReturned
}

/** Sales' and returns' rows by the same key, joined: net = gross − discount − returns. */
function figuresByKey<K>(sales: readonly KeyFiguresRow<K>[], returns: readonly KeyReturnsRow<K>[]): Map<K, Figures> {
  const byKey = new Map<K, Figures>()
  const entry = (key: K) => {
    let found = byKey.get(key)
    if (!found) byKey.set(key, (found = noFigures()))
    return found
  }
  for (const row of sales) {
    const figures = entry(row.key)
    figures.grossCents += row.gross
    figures.discountCents += row.discount
    figures.unitsSold += row.units
  }
  for (const row of returns) {
    const figures = entry(row.key)
    figures.returnsCents += row.goods
    figures.unitsReturned += row.units
  }
  for (const figures of byKey.values()) figures.netCents = figures.grossCents - figures.discountCents - figures.returnsCents
  return byKey
}

const unitsByKey = <K>(rows: readonly KeyUnitsRow<K>[]) => new Map(rows.map((row) => [row.key, row.units]))

/** One collator for every sort by name: `localeCompare(…, 'en')` builds one per comparison. */
const byName = new Intl.Collator('en')

/** Net first, then by name: the rows that matter most on top. */
const byNetThenName = (a: Figures & { name: string | null }, b: Figures & { name: string | null }) =>
  b.netCents - a.netCents || byName.compare(a.name ?? '\uffff', b.name ?? '\uffff')

function byPeriod(lanes: Lanes, input: ChannelInput<'reports:byPeriod'>, env: ReportEnv): ChannelOutput<'reports:byPeriod'> {
  const { sql } = lanes
  const binding = range(input)
  type Day = Omit<PeriodRowDto, 'from' | 'to'>
  const days = new Map<string, Day>()
  const day = (key: string) => {
    let found = days.get(key)
    if (!found) days.set(key, (found = { ...noFigures(), taxCents: 0, invoices: 0, returns: 0 }))
    return found
  }
  const salesByDay = sql.salesByDay(binding)
  for (const row of salesByDay) {
    const figures = day(row.day)
    figures.invoices = row.invoices
    figures.grossCents = row.gross
    figures.discountCents = row.discount
    figures.taxCents += row.tax
    figures.unitsSold = row.units
  }
  for (const row of sql.returnsByDay(binding)) {
    const figures = day(row.day)
    figures.returns = row.returns
    figures.returnsCents = row.goods
    figures.taxCents -= row.tax
  }
  for (const row of sql.unitsReturnedByDay(binding)) day(row.key).unitsReturned = row.units
  const rows = bucketsOf(input.from, input.to, input.bucket, firstDayOfWeek(env.locale)).map((bucket) => {
    const row: PeriodRowDto = { ...bucket, ...noFigures(), taxCents: 0, invoices: 0, returns: 0 }
    // The range's days with anything in them are few next to a bucket's days only for short buckets: walk the days.
    for (let date = bucket.from; date <= bucket.to; date = addDays(date, 1)) {
      const found = days.get(date)
      if (!found) continue
      addFigures(row, found)
      row.taxCents += found.taxCents
      row.invoices += found.invoices
      row.returns += found.returns
    }
    row.netCents = row.grossCents - row.discountCents - row.returnsCents
    return row
  })
  return { rows }
}

const clockFormats = new Map<string, Intl.DateTimeFormat>()

/** Minutes past midnight on the store's wall clock at `instant`. */
function wallMinutes(instant: Date, timeZone: string): number {
  let format = clockFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
    clockFormats.set(timeZone, format)
  }
  const parts = format.formatToParts(instant)
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0)
  return (value('hour') % 24) * 60 + value('minute')
}

/**
 * The store's wall-clock hour of 15-minute UTC slots (`2026-03-15T04:30`). A UTC day whose first and
 * last slots are as far from UTC as each other has no change of clocks in it: its slots take that
 * offset, worked out twice a day instead of once a slot (a year has 35,000 slots).
 */
function slotHours(timeZone: string): (slot: string) => number {
  const offsets = new Map<string, number | null>()
  const utcMinutes = (slot: string) => Number(slot.slice(11, 13)) * 60 + Number(slot.slice(14, 16))
  const offsetAt = (slot: string) => (wallMinutes(new Date(`${slot}:00.000Z`), timeZone) - utcMinutes(slot) + 1440) % 1440
  return (slot) => {
    const day = slot.slice(0, 10)
    let offset = offsets.get(day)
    if (offset === undefined) {
      const first = offsetAt(`${day}T00:00`)
      offset = first === offsetAt(`${day}T23:45`) ? first : null
      offsets.set(day, offset)
    }
    const minutes = offset === null ? wallMinutes(new Date(`${slot}:00.000Z`), timeZone) : (utcMinutes(slot) + offset) % 1440
    return Math.floor(minutes / 60)
  }
}

function hourly(lanes: Lanes, input: ReportRange, env: ReportEnv): ChannelOutput<'reports:hourly'> {
  const { sql } = lanes
  const binding = range(input)
  const rows = Array.from({ length: 24 }, (_, hour) => ({ hour, invoices: 0, netCents: 0, unitsSold: 0 }))
  const hours = new Map<string, number>()
  const hourOfSlotIn = slotHours(env.timeZone)
  const hourOf = (slot: string) => {
    let hour = hours.get(slot)
    if (hour === undefined) hours.set(slot, (hour = hourOfSlotIn(slot)))
    return rows[hour]!
  }
  for (const row of sql.salesBySlot(binding)) {
    const hour = hourOf(row.slot)
    hour.invoices += row.invoices
    hour.netCents += row.net
    hour.unitsSold += row.units
  }
  for (const row of sql.returnsBySlot(binding)) hourOf(row.slot).netCents -= row.net
  return { rows }
}

interface ProductFigures extends ProductRowDto {
  categoryId: number | null
  category: string | null
}

/**
 * Past this many sales, a range's lines are read in product order from the index rather than sale by
 * sale: reading every line once costs less than sorting this many sales' lines.
 */
const MANY_SALES = 20_000

/** Every product sold or returned in the range, with its figures and its category as it is now. */
function productFigures(lanes: Lanes, input: ReportRange): ProductFigures[] {
  const { sql } = lanes
  const binding = range(input)
  const saleIds = lanes.figures.saleIdsOfDays(binding)!
  const run = runOfSales(saleIds)
  const sales =
    saleIds.count <= MANY_SALES
      ? sql.salesByProduct(binding)
      : run
        ? sql.salesByProductOfSaleIds(run)
        : sql.salesByProductOfManyDays(binding)
  const figures = figuresByKey(sales, sql.returnsByProduct(binding))
  const ids = JSON.stringify([...figures.keys()])
  return sql.products(ids).map((product) => ({
    productId: product.id,
    sku: product.sku,
    name: product.name,
    categoryId: product.categoryId,
    category: product.category,
    ...figures.get(product.id)!,
  }))
}

function byProduct(lanes: Lanes, input: ChannelInput<'reports:byProduct'>): ChannelOutput<'reports:byProduct'> {
  const products = productFigures(lanes, input)
  const measure = input.sort === 'units' ? (row: ProductRowDto) => row.unitsSold - row.unitsReturned : (row: ProductRowDto) => row.netCents
  products.sort((a, b) => measure(b) - measure(a) || byName.compare(a.name, b.name) || a.productId - b.productId)
  const offset = input.offset ?? 0
  const items = products
    .slice(offset, offset + (input.limit ?? 20))
    .map(({ categoryId: _categoryId, category: _category, ...row }): ProductRowDto => row)
  return { items, total: products.length }
}

function byCategory(lanes: Lanes, input: ReportRange): ChannelOutput<'reports:byCategory'> {
  const byCategory = new Map<number | null, { categoryId: number | null; name: string | null } & Figures>()
  for (const product of productFigures(lanes, input)) {
    let row = byCategory.get(product.categoryId)
    if (!row) byCategory.set(product.categoryId, (row = { categoryId: product.categoryId, name: product.category, ...noFigures() }))
    addFigures(row, product)
  }
  return { rows: [...byCategory.values()].sort(byNetThenName) }
}

function byTag(lanes: Lanes, input: ReportRange): ChannelOutput<'reports:byTag'> {
  const products = productFigures(lanes, input)
  const byId = new Map(products.map((product) => [product.productId, product]))
  const byTag = new Map<string, { tag: string } & Figures>()
  for (const { productId, tag } of lanes.sql.productTags(JSON.stringify([...byId.keys()]))) {
    const key = tag.toLowerCase()
    let row = byTag.get(key)
    if (!row) byTag.set(key, (row = { tag, ...noFigures() }))
    addFigures(row, byId.get(productId)!)
  }
  return { rows: [...byTag.values()].sort((a, b) => byNetThenName({ ...a, name: a.tag }, { ...b, name: b.tag })) }
}

function byCashier(lanes: Lanes, input: ReportRange): ChannelOutput<'reports:byCashier'> {
  const { sql } = lanes
  const binding = range(input)
  const sales = sql.salesByCashier(binding)
  const unitsReturned = unitsByKey(sql.unitsReturnedByCashier(binding))
  const returns = sql.returnsByCashier(binding)
  const figures = figuresByKey(
    sales,
    returns.map((row) => ({ ...row, units: unitsReturned.get(row.key) ?? 0 })),
  )
  const invoices = new Map(sales.map((row) => [row.key, row.invoices]))
  const returnCounts = new Map(returns.map((row) => [row.key, row.returns]))
  const names = new Map(sql.users(JSON.stringify([...figures.keys()])).map((user) => [user.id, user.name]))
  const rows = [...figures].map(([cashierId, row]) => ({
    cashierId,
    name: names.get(cashierId) ?? '',
    invoices: invoices.get(cashierId) ?? 0,
    returns: returnCounts.get(cashierId) ?? 0,
    ...row,
  }))
  return { rows: rows.sort(byNetThenName) }
}

function byTender(lanes: Lanes, input: ReportRange): ChannelOutput<'reports:byTender'> {
  const binding = range(input)
  const sales = lanes.figures.saleIdsOfDays(binding)!
  return { rows: tenderTakings(tendersInOfDays(lanes.figures, binding, sales), lanes.figures.tendersOutOfDays(binding)) }
}

/** Tokens expiring within this many days, today included, are listed. */
const EXPIRING_DAYS = 30

function tokenLiability(lanes: Lanes, env: ReportEnv): ChannelOutput<'reports:tokenLiability'> {
  const { sql } = lanes
  const live = sql.liveTokens({ today: env.today })!
  const expiring = sql.expiringTokens({ today: env.today, last: addDays(env.today, EXPIRING_DAYS - 1) })
  return {
    outstandingCents: live.outstanding,
    activeTokens: live.tokens,
    expiringSoon: expiring.map(({ code, ...token }) => ({ ...token, codeLast4: code.slice(-4) })),
    expiringSoonCents: expiring.reduce((sum, token) => sum + token.balanceCents, 0),
    lapsedCents: sql.lapsedTokens({ today: env.today }) ?? 0,
  }
}

/** One report, answered from the lanes' connection. */
export function runReport<K extends ReportKind>(
  lanes: Lanes,
  kind: K,
  input: ReportKinds[K]['input'],
  env: ReportEnv,
): ReportKinds[K]['output'] {
  const answer = (): ReportKinds[ReportKind]['output'] => {
    switch (kind) {
      case 'summary':
        return summaryOf(lanes.figures, range(input as ReportRange))
      case 'byPeriod':
        return byPeriod(lanes, input as ChannelInput<'reports:byPeriod'>, env)
      case 'hourly':
        return hourly(lanes, input as ReportRange, env)
      case 'byProduct':
        return byProduct(lanes, input as ChannelInput<'reports:byProduct'>)
      case 'byCategory':
        return byCategory(lanes, input as ReportRange)
      case 'byTag':
        return byTag(lanes, input as ReportRange)
      case 'byCashier':
        return byCashier(lanes, input as ReportRange)
      case 'byTender':
        return byTender(lanes, input as ReportRange)
      case 'promos':
        return { rows: lanes.sql.promos(range(input as ReportRange)) }
      case 'tokenLiability':
        return tokenLiability(lanes, env)
      default:
        throw new Error(`no report '${String(kind)}'`)
    }
  }
  return answer() as ReportKinds[K]['output']
}
