/**
 * The reports' figures for `npm run bench`: every `reports:*` channel over a whole year of 1M
 * invoice lines, end to end through `openBackend` / `invoke` (the handler, the worker thread and its
 * read-only connection, the reply), and the till's `catalog:lookup` while reports run without a
 * pause. Budgets: a year's report p99 ≤ 500 ms; the look-up p99 ≤ 5 ms meanwhile.
 *
 * The store is the invoice history's (a year of sales by six people with every kind of tender),
 * copied once and given what the reports read beyond it: each sale's business day (Kathmandu has
 * no summer time: the day is the UTC instant plus 5:45), categories and tags, and a return of one
 * line on every 40th sale the day after it. Cached like the history store.
 *
 * Runnable on its own, for these figures only:
 *   npx tsx scripts/bench/reports.ts [--invoice-lines N] [--iterations <factor>] [--keep]
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { openBackend, type BackendClient } from '#core/backend'
import { storeDate } from '#core/common/store-day'
import type { Channel, ChannelInput } from '#shared/ipc/contract'
import { BENCH_ENDS_AT, benchCacheDir } from './build-database'
import { buildHistoryStore, DEFAULT_HISTORY_OPTIONS, type HistoryStoreOptions } from './invoice-history'
import { createRng } from './prng'
import { formatMs, measure, percentiles, positiveNumber, printTextTable, type Percentiles } from './stats'

/** Bump when what is added to the history store changes. */
export const REPORTS_BUILDER_VERSION = 2
export const REPORTS_BUDGET_MS = 500
export const LOOKUP_BUDGET_MS = 5

const TIME_ZONE = 'Asia/Kathmandu'
const DAY_MS = 24 * 60 * 60 * 1000
const CATEGORIES = 24
const TAGS = ['organic', 'imported', 'local', 'offer', 'fragile'] as const

export interface ReportsStore {
  dbPath: string
  invoices: number
  invoiceLines: number
  returns: number
}

/** The history store with business days, categories, tags and returns, built first when missing. */
export async function buildReportsStore(
  partial: Partial<HistoryStoreOptions> = {},
  log: (line: string) => void = () => undefined,
): Promise<ReportsStore> {
  const history = await buildHistoryStore(partial, log)
  const folder = join(benchCacheDir(), `reports-${basename(dirname(history.dbPath))}-v${REPORTS_BUILDER_VERSION}`)
  const manifestPath = join(folder, 'manifest.json')
  if (existsSync(manifestPath))
    return { dbPath: join(folder, 'tillwise.sqlite'), ...(JSON.parse(readFileSync(manifestPath, 'utf8')) as Omit<ReportsStore, 'dbPath'>) }
  const building = `${folder}.building-${process.pid}`
  rmSync(building, { recursive: true, force: true })
  mkdirSync(building, { recursive: true })
  const dbPath = join(building, 'tillwise.sqlite')
  copyFileSync(history.dbPath, dbPath)
  log(`adding days, categories, tags and returns for the reports → ${folder}`)
  const db = new Database(dbPath)
  let returns: number
  try {
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -262144')
    returns = addReportData(db)
    db.pragma('journal_mode = WAL')
  } finally {
    db.close()
  }
  const manifest = { invoices: history.invoices, invoiceLines: history.invoiceLines, returns }
  writeFileSync(join(building, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  rmSync(folder, { recursive: true, force: true })
  renameSync(building, folder)
  return { dbPath: join(folder, 'tillwise.sqlite'), ...manifest }
}

function addReportData(db: Database.Database): number {
  const rng = createRng(DEFAULT_HISTORY_OPTIONS.seed + 7)
  const tillId = db.prepare("select value from setting where key = 'tillId'").pluck().get() as string
  const at = BENCH_ENDS_AT.toISOString()
  let returns = 0
  db.transaction(() => {
    // Sales are append-only: the day goes in with the update trigger lifted, as migration 0018 does.
    const noUpdate = db.prepare("select sql from sqlite_master where name = 'invoice_no_update'").pluck().get() as string
    db.exec('drop trigger invoice_no_update')
    db.exec("update invoice set business_day = strftime('%Y-%m-%d', paid_at, '+345 minutes') where business_day is null")
    // The history's generator writes no units: each sale's, as checkout keeps them.
    db.exec('update invoice set units = (select coalesce(sum(l.quantity), 0) from invoice_line l where l.invoice_id = invoice.id)')
    db.exec(noUpdate)

    const insertCategory = db.prepare('insert into category (name, name_key, created_at) values (?, ?, ?)')
    for (let index = 1; index <= CATEGORIES; index += 1) insertCategory.run(`Aisle ${index}`, `aisle ${index}`, at)
    db.prepare('update product set category_id = (select min(id) from category) + (id % ?) where id % 17 != 0').run(CATEGORIES)
    const insertTag = db.prepare('insert or ignore into product_tag (product_id, tag) values (?, ?)')
    const productIds = db.prepare('select id from product').pluck().all() as number[]
    for (const id of productIds) if (id % 3 === 0) insertTag.run(id, TAGS[id % TAGS.length]!)

    // A return of the first line of every 40th sale, the next day, to the sale's first tender.
    const sales = db
      .prepare(
        `select i.id, i.cashier_id as cashierId, i.cashier_name as cashierName, i.paid_at as paidAt, l.id as lineId, l.product_id as productId,
           l.quantity, l.total_cents as total, l.tax_cents as tax, t.id as tenderId, t.method
         from invoice i join invoice_line l on l.id = (select min(id) from invoice_line where invoice_id = i.id)
           join invoice_tender t on t.invoice_id = i.id and t.position = 0
         where i.id % 40 = 0 and t.amount_cents >= l.total_cents`,
      )
      .all() as {
      id: number
      cashierId: number
      cashierName: string
      paidAt: string
      lineId: number
      productId: number
      quantity: number
      total: number
      tax: number
      tenderId: number
      method: string
    }[]
    const insertReturn = db.prepare(
      `insert into sale_return (uid, till_id, number, idempotency_key, invoice_id, kind, cashier_id, cashier_name, reason, returned_at,
         goods_cents, tax_cents, rounding_cents, refund_cents, business_day)
       values (?, ?, ?, ?, ?, 'return', ?, ?, 'bench', ?, ?, ?, 0, ?, ?)`,
    )
    const insertLine = db.prepare(
      'insert into return_line (sale_return_id, invoice_line_id, product_id, quantity, refund_cents, tax_cents, restock) values (?, ?, ?, ?, ?, ?, 1)',
    )
    const insertRefund = db.prepare(
      `insert into return_refund (uid, till_id, sale_return_id, position, invoice_tender_id, method, amount_cents)
       values (?, ?, ?, 0, ?, ?, ?)`,
    )
    for (const sale of sales) {
      const returnedAt = new Date(Date.parse(sale.paidAt) + DAY_MS)
      if (returnedAt > BENCH_ENDS_AT) continue
      returns += 1
      const id = Number(
        insertReturn.run(
          rng.uuid(),
          tillId,
          returns,
          rng.uuid(),
          sale.id,
          sale.cashierId,
          sale.cashierName,
          returnedAt.toISOString(),
          sale.total,
          sale.tax,
          sale.total,
          storeDate(returnedAt, TIME_ZONE),
        ).lastInsertRowid,
      )
      insertLine.run(id, sale.lineId, sale.productId, sale.quantity, sale.total, sale.tax)
      insertRefund.run(rng.uuid(), tillId, id, sale.tenderId, sale.method, sale.total)
    }
  })()
  db.exec('analyze')
  return returns
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

type ReportChannel = Extract<Channel, `reports:${string}`>

export interface ReportRow {
  what: string
  core: Percentiles
}

export interface ReportsFigures {
  invoices: number
  invoiceLines: number
  returns: number
  rows: ReportRow[]
  /** `catalog:lookup` while reports ran in a loop, and how many reports finished meanwhile. */
  lookup: Percentiles
  reportsDuringLookups: number
}

async function signIn(backend: Awaited<ReturnType<typeof openBackend>>, username: string): Promise<BackendClient> {
  const client = backend.connect()
  const reply = await client.invoke('auth:login', { username, password: username })
  if (!reply.ok) throw new Error(`${username} sign-in: ${reply.error.code}`)
  return client
}

async function call<C extends ReportChannel | 'catalog:lookup'>(client: BackendClient, channel: C, input: ChannelInput<C>): Promise<void> {
  const reply = await client.invoke(channel, input)
  if (!reply.ok) throw new Error(`${channel} ${JSON.stringify(input)}: ${reply.error.code} ${reply.error.message}`)
}

/** Measures every report over the year, then the look-up under a loop of reports, on a private copy in `runDir`. */
export async function measureReports(options: {
  store: ReportsStore
  runDir: string
  iterations: number
  log: (line: string) => void
}): Promise<ReportsFigures> {
  mkdirSync(options.runDir, { recursive: true })
  const dbPath = join(options.runDir, 'reports.sqlite')
  copyFileSync(options.store.dbPath, dbPath)
  const clockStart = Date.now()
  const backend = await openBackend({ dbPath, now: () => new Date(BENCH_ENDS_AT.getTime() + (Date.now() - clockStart)) })
  const rows: ReportRow[] = []
  try {
    const manager = await signIn(backend, 'manager')
    const cashier = await signIn(backend, 'cashier')
    const year = { from: storeDate(new Date(BENCH_ENDS_AT.getTime() - 364 * DAY_MS), TIME_ZONE), to: storeDate(BENCH_ENDS_AT, TIME_ZONE) }
    const reports: [string, () => Promise<void>][] = [
      ['summary', () => call(manager, 'reports:summary', year)],
      ['byPeriod (day)', () => call(manager, 'reports:byPeriod', { ...year, bucket: 'day' })],
      ['byPeriod (month)', () => call(manager, 'reports:byPeriod', { ...year, bucket: 'month' })],
      ['hourly', () => call(manager, 'reports:hourly', year)],
      ['byProduct (revenue, top 20)', () => call(manager, 'reports:byProduct', { ...year, sort: 'revenue' })],
      ['byProduct (units, page 50)', () => call(manager, 'reports:byProduct', { ...year, sort: 'units', limit: 20, offset: 980 })],
      ['byCategory', () => call(manager, 'reports:byCategory', year)],
      ['byTag', () => call(manager, 'reports:byTag', year)],
      ['byCashier', () => call(manager, 'reports:byCashier', year)],
      ['byTender', () => call(manager, 'reports:byTender', year)],
      ['promos', () => call(manager, 'reports:promos', year)],
      ['tokenLiability', () => call(manager, 'reports:tokenLiability', {})],
      ['csv (byProduct, every product)', () => call(manager, 'reports:csv', { ...year, report: 'byProduct', sort: 'revenue' })],
    ]
    for (const [what, run] of reports) {
      const core = percentiles(await measure(run, { warmup: 1, iterations: options.iterations }))
      rows.push({ what, core })
      options.log(`  ${what}: p50 ${formatMs(core.p50)} p99 ${formatMs(core.p99)} ms`)
    }

    // The till looks products up while the back office runs one report after another.
    const raw = new Database(dbPath, { readonly: true })
    const skus = raw.prepare('select sku from product where active = 1 order by id limit 2000').pluck().all() as string[]
    raw.close()
    const rng = createRng(DEFAULT_HISTORY_OPTIONS.seed + 11)
    let running = true
    let reportsDone = 0
    const loop = (async () => {
      for (let index = 0; running; index += 1) {
        await reports[index % (reports.length - 1)]![1]()
        reportsDone += 1
      }
    })()
    // Until several reports have run start to end alongside (a look-up takes far less than a report).
    const lookups: number[] = []
    const enough = Math.max(5, Math.round(options.iterations / 2))
    while (lookups.length < 200 || reportsDone < enough) {
      // Each look-up waits for the next turn of the event loop, as a scan from the window does: a look-up
      // answers without one, and back to back they would starve the worker's replies.
      const samples = await measure(() => call(cashier, 'catalog:lookup', { code: rng.pick(skus) }), {
        warmup: 0,
        iterations: 50,
        before: () => new Promise<void>((resolve) => setImmediate(resolve)),
      })
      lookups.push(...samples)
    }
    running = false
    await loop
    const lookup = percentiles(lookups)
    options.log(
      `  catalog:lookup during reports: p50 ${formatMs(lookup.p50)} p99 ${formatMs(lookup.p99)} ms (${reportsDone} reports meanwhile)`,
    )
    return { ...options.store, rows, lookup, reportsDuringLookups: reportsDone }
  } finally {
    await backend.close()
  }
}

export function printReports(figures: ReportsFigures): void {
  console.log('')
  console.log(
    `Reports over a year (${figures.invoiceLines.toLocaleString('en')} invoice lines, ${figures.invoices.toLocaleString('en')} invoices, ` +
      `${figures.returns.toLocaleString('en')} returns), end to end through the worker (ms; budget: p99 ≤ ${REPORTS_BUDGET_MS})`,
  )
  const line = (what: string, core: Percentiles, budget: number) => [
    what,
    String(core.n),
    formatMs(core.p50),
    formatMs(core.p95),
    formatMs(core.p99),
    formatMs(core.max),
    core.p99 <= budget ? 'ok' : 'MISS',
  ]
  printTextTable(
    ['report', 'n', 'p50', 'p95', 'p99', 'max', 'budget'],
    [
      ...figures.rows.map((row) => line(row.what, row.core, REPORTS_BUDGET_MS)),
      line(
        `catalog:lookup while reports run (${figures.reportsDuringLookups} reports; budget ${LOOKUP_BUDGET_MS})`,
        figures.lookup,
        LOOKUP_BUDGET_MS,
      ),
    ],
    (column) => column === 0 || column === 6,
  )
}

async function runOnItsOwn(argv: string[]): Promise<void> {
  const partial: Partial<HistoryStoreOptions> = {}
  let iterations = 1
  let keep = false
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!
    if (flag === '--invoice-lines') partial.invoiceLines = Math.round(positiveNumber(flag, argv[++index]))
    else if (flag === '--iterations') iterations = positiveNumber(flag, argv[++index])
    else if (flag === '--keep') keep = true
    else throw new Error(`unknown option ${flag} (see the header of scripts/bench/reports.ts)`)
  }
  const store = await buildReportsStore(partial, (line) => console.log(line))
  const runDir = join(benchCacheDir(), 'runs', `reports-${process.pid}-${Date.now()}`)
  try {
    const figures = await measureReports({
      store,
      runDir,
      iterations: Math.max(5, Math.round(10 * iterations)),
      log: (line) => console.log(line),
    })
    printReports(figures)
  } finally {
    if (!keep) rmSync(runDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runOnItsOwn(process.argv.slice(2))
