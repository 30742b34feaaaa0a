/**
 * The invoice history's figures for `npm run bench`: `invoices:list` at 1M invoice lines, through
 * `openBackend` / `invoke` as the back office calls it — the first page unfiltered, a cashier's own
 * sales, by day range, by cashier, by tender, by product, by invoice number, all three of cashier,
 * tender and days together, and a page deep in the answer. Budget: every first page p99 ≤ 50 ms.
 *
 * The store is its own (the till's bench store has no split, card or wallet sales): a year of sales
 * by six people with every kind of tender, VAT on every line and a discount now and then, written
 * with plain inserts on the real schema and cached like the bench store (by its options, the
 * migrations' SQL and HISTORY_BUILDER_VERSION). Only what the history reads is written: no stock
 * movements, token ledger or audit trail.
 *
 * Runnable on its own, for these figures only:
 *   npx tsx scripts/bench/invoice-history.ts [--invoice-lines N] [--iterations <factor>] [--keep]
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { openBackend, type BackendClient } from '#core/backend'
import { storeDate } from '#core/common/store-day'
import { openDatabase } from '#core/db/database'
import { DEMO_USERS } from '#core/db/seed/demo-seed'
import type { PaymentMethod, TenderMethod } from '#shared/contract/invoices'
import type { ChannelInput } from '#shared/ipc/contract'
import { BENCH_ENDS_AT, benchCacheDir, migrationSql, planProducts } from './build-database'
import { createRng, type Rng } from './prng'
import { formatMs, measure, percentiles, positiveNumber, printTextTable, type Percentiles } from './stats'

/** Bump when the generator's output changes, so cached stores are rebuilt. */
export const HISTORY_BUILDER_VERSION = 1

export interface HistoryStoreOptions {
  invoiceLines: number
  products: number
  seed: number
}

export const DEFAULT_HISTORY_OPTIONS: HistoryStoreOptions = { invoiceLines: 1_000_000, products: 20_000, seed: 20_260_316 }

/** The store's time zone: its business days are Kathmandu's. */
const TIME_ZONE = 'Asia/Kathmandu'
const YEAR_MS = 365 * 24 * 60 * 60 * 1000
const WALLETS = ['eSewa', 'Khalti', 'Fonepay'] as const
/** Everyone who sells: the demo manager and cashier, and four more cashiers (signing in with the demo cashier's password). */
const EXTRA_CASHIERS = [
  ['asha', 'Asha Gurung'],
  ['bikash', 'Bikash Thapa'],
  ['sunita', 'Sunita Rai'],
  ['dipesh', 'Dipesh Shrestha'],
] as const

export interface HistoryStore {
  dbPath: string
  invoices: number
  invoiceLines: number
  buildSeconds: number
  built: boolean
}

interface HistoryManifest {
  key: string
  options: HistoryStoreOptions
  invoices: number
  invoiceLines: number
  buildSeconds: number
  fileBytes: number
}

/** The cached history store for these options, built first when missing. */
export async function buildHistoryStore(
  partial: Partial<HistoryStoreOptions> = {},
  log: (line: string) => void = () => undefined,
): Promise<HistoryStore> {
  const options = { ...DEFAULT_HISTORY_OPTIONS, ...partial }
  const key = createHash('sha256')
    .update(JSON.stringify({ HISTORY_BUILDER_VERSION, options, migrations: migrationSql() }))
    .digest('hex')
    .slice(0, 16)
  const folder = join(benchCacheDir(), `history-${options.invoiceLines}l-${options.products}p-${key}`)
  const manifestPath = join(folder, 'manifest.json')
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as HistoryManifest
    return { dbPath: join(folder, 'tillwise.sqlite'), ...manifestCounts(manifest), built: false }
  }
  // Built beside the cache entry and renamed into place, so an interrupted build is never reused.
  const building = `${folder}.building-${process.pid}`
  rmSync(building, { recursive: true, force: true })
  mkdirSync(building, { recursive: true })
  const dbPath = join(building, 'tillwise.sqlite')
  log(`building the history store: ${options.invoiceLines.toLocaleString('en')} invoice lines → ${folder}`)
  const started = process.hrtime.bigint()
  await (await openDatabase(dbPath)).close(true)
  const db = new Database(dbPath)
  let counts: { invoices: number; invoiceLines: number }
  try {
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -262144')
    db.pragma('foreign_keys = ON')
    counts = fillHistory(db, options, log)
    db.pragma('journal_mode = WAL')
  } finally {
    db.close()
  }
  const manifest: HistoryManifest = {
    key,
    options,
    ...counts,
    buildSeconds: Math.round((Number(process.hrtime.bigint() - started) / 1e9) * 10) / 10,
    fileBytes: statSync(dbPath).size,
  }
  writeFileSync(join(building, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  rmSync(folder, { recursive: true, force: true })
  renameSync(building, folder)
  log(`built in ${manifest.buildSeconds} s (${(manifest.fileBytes / 1e6).toFixed(0)} MB)`)
  return { dbPath: join(folder, 'tillwise.sqlite'), ...manifestCounts(manifest), built: true }
}

function manifestCounts(manifest: HistoryManifest): Omit<HistoryStore, 'dbPath' | 'built'> {
  return { invoices: manifest.invoices, invoiceLines: manifest.invoiceLines, buildSeconds: manifest.buildSeconds }
}

/** VAT 13% included in the price: the tax inside an amount, half-up. */
const includedVat = (amountCents: number) => Math.round((amountCents * 1300) / 11_300)

interface PlannedLine {
  product: { id: number; sku: string; name: string; priceCents: number }
  quantity: number
  subAmountCents: number
  discountCents: number
  netCents: number
  taxCents: number
  totalCents: number
}

interface PlannedTender {
  method: TenderMethod
  amountCents: number
  tenderedCents?: number
  changeCents?: number
  tokenLast4?: string
  tokenBalanceAfterCents?: number
  wallet?: string
  reference?: string
}

/** How a sale of `totalCents` was paid: mostly cash, then token, card, wallet, and a few split in two. */
function planTenders(rng: Rng, totalCents: number): { method: PaymentMethod; tenders: PlannedTender[] } {
  const tender = (method: TenderMethod, amountCents: number): PlannedTender => {
    switch (method) {
      case 'cash': {
        const tenderedCents = Math.ceil((amountCents + 1) / 50_000) * 50_000
        return { method, amountCents, tenderedCents, changeCents: tenderedCents - amountCents }
      }
      case 'token':
        return { method, amountCents, tokenLast4: rng.uuid().slice(-4), tokenBalanceAfterCents: rng.int(0, 400) * 1_000 }
      case 'card':
        return { method, amountCents, reference: `AUTH-${rng.int(100_000, 999_999)}` }
      case 'wallet':
        return { method, amountCents, wallet: rng.pick(WALLETS), reference: `W-${rng.int(10_000_000, 99_999_999)}` }
    }
  }
  const roll = rng.next()
  if (roll < 0.45 || totalCents < 200) return { method: 'cash', tenders: [tender('cash', totalCents)] }
  if (roll < 0.65) return { method: 'token', tenders: [tender('token', totalCents)] }
  if (roll < 0.8) return { method: 'card', tenders: [tender('card', totalCents)] }
  if (roll < 0.92) return { method: 'wallet', tenders: [tender('wallet', totalCents)] }
  const [first, second] = rng.pick<[TenderMethod, TenderMethod]>([
    ['token', 'cash'],
    ['card', 'cash'],
    ['wallet', 'card'],
    ['token', 'card'],
  ])
  const part = Math.floor(totalCents / 2)
  return { method: 'split', tenders: [tender(first, part), tender(second, totalCents - part)] }
}

function fillHistory(db: Database.Database, options: HistoryStoreOptions, log: (line: string) => void) {
  const rng = createRng(options.seed)
  const uid = (atIso: string): string => {
    const time = Date.parse(atIso).toString(16).padStart(12, '0')
    const random = rng.uuid()
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`
  }
  const tillId = db.prepare("select value from setting where key = 'tillId'").pluck().get() as string
  const startsAt = BENCH_ENDS_AT.getTime() - YEAR_MS
  const setupAt = new Date(startsAt - 30 * 24 * 60 * 60 * 1000).toISOString()

  const insertSetting = db.prepare('insert into setting (key, value) values (?, ?)')
  const insertUser = db.prepare(
    'insert into user (username, display_name, role, password_hash, active, created_at) values (?, ?, ?, ?, 1, ?)',
  )
  const cashierHash = DEMO_USERS.find((user) => user.username === 'cashier')!.passwordHash
  const sellers = db.transaction(() => {
    const settings = { storeName: 'Tillwise History Bench', currency: 'NPR', locale: 'en-IN', timeZone: TIME_ZONE }
    for (const [settingKey, value] of Object.entries(settings)) insertSetting.run(settingKey, value)
    insertSetting.run('wallets', JSON.stringify(WALLETS))
    insertSetting.run('sessionIdleMinutes', '480')
    const people = DEMO_USERS.map((user) => ({
      id: Number(insertUser.run(user.username, user.displayName, user.role, user.passwordHash, setupAt).lastInsertRowid),
      name: user.displayName,
      role: user.role,
    }))
    for (const [username, displayName] of EXTRA_CASHIERS) {
      const id = Number(insertUser.run(username, displayName, 'cashier', cashierHash, setupAt).lastInsertRowid)
      people.push({ id, name: displayName, role: 'cashier' })
    }
    // The owner sells nothing; the rest share the counter.
    return people.filter((person) => person.role !== 'owner')
  })()
  const vatId = Number(
    db
      .prepare(
        "insert into tax_rate (name, name_key, rate_bps, included, active, created_at, updated_at) values ('VAT', 'vat', 1300, 1, 1, ?, ?)",
      )
      .run(setupAt, setupAt).lastInsertRowid,
  )

  const products = planProducts(rng, options.products)
  const insertProduct = db.prepare(
    'insert into product (id, sku, barcode, name, price_cents, stock, active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  db.transaction(() => {
    for (const product of products) {
      insertProduct.run(product.id, product.sku, product.barcode, product.name, product.priceCents, 1_000, 1, setupAt, setupAt)
    }
  })()

  // Sales are planned first (1–8 distinct products each, a few products far more popular), so each
  // one's moment spreads evenly over the year.
  const invoiceFirstLine: number[] = []
  const lineProduct = new Int32Array(options.invoiceLines)
  const lineQuantity = new Int32Array(options.invoiceLines)
  for (let line = 0; line < options.invoiceLines;) {
    invoiceFirstLine.push(line)
    const size = Math.min(rng.int(1, 8), options.invoiceLines - line)
    const chosen = new Set<number>()
    while (chosen.size < size) chosen.add(Math.floor(products.length * rng.next() ** 2))
    for (const product of chosen) {
      lineProduct[line] = product
      lineQuantity[line] = rng.chance(0.75) ? 1 : rng.int(2, 5)
      line += 1
    }
  }

  const insertInvoice = db.prepare(
    `insert into invoice (uid, till_id, id, number, idempotency_key, cashier_id, cashier_name, payment_method, token_last4, paid_at,
       total_cents, tendered_cents, change_cents, token_balance_after_cents, subtotal_cents, discount_cents, tax_cents, rounding_cents)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  )
  const insertLine = db.prepare(
    `insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents, discount_cents, net_cents,
       tax_cents, total_cents) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertTax = db.prepare(
    "insert into invoice_tax (invoice_id, tax_rate_id, name, rate_bps, included, base_cents, tax_cents) values (?, ?, 'VAT', 1300, 1, ?, ?)",
  )
  const insertTender = db.prepare(
    `insert into invoice_tender (uid, till_id, invoice_id, position, method, amount_cents, tendered_cents, change_cents, token_last4,
       token_balance_after_cents, wallet, reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const count = invoiceFirstLine.length
  const batch = 20_000
  for (let from = 0; from < count; from += batch) {
    db.transaction(() => {
      for (let invoice = from; invoice < Math.min(from + batch, count); invoice += 1) {
        const id = invoice + 1
        const paidAt = new Date(startsAt + ((invoice + 0.5) / count) * YEAR_MS).toISOString()
        const firstLine = invoiceFirstLine[invoice]!
        const endLine = invoice + 1 < count ? invoiceFirstLine[invoice + 1]! : options.invoiceLines
        // One sale in twenty has 10% off its first line.
        const discounted = rng.chance(0.05)
        const lines: PlannedLine[] = []
        for (let line = firstLine; line < endLine; line += 1) {
          const product = products[lineProduct[line]!]!
          const quantity = lineQuantity[line]!
          const subAmountCents = product.priceCents * quantity
          const discountCents = discounted && line === firstLine ? Math.round(subAmountCents / 10) : 0
          const totalCents = subAmountCents - discountCents
          const taxCents = includedVat(totalCents)
          lines.push({ product, quantity, subAmountCents, discountCents, totalCents, taxCents, netCents: totalCents - taxCents })
        }
        const sum = (pick: (line: PlannedLine) => number) => lines.reduce((total, line) => total + pick(line), 0)
        const totalCents = sum((line) => line.totalCents)
        const taxCents = sum((line) => line.taxCents)
        const { method, tenders } = planTenders(rng, totalCents)
        const only = tenders.length === 1 ? tenders[0]! : undefined
        const seller = sellers[Math.floor(sellers.length * rng.next() ** 1.3)]!
        insertInvoice.run(
          uid(paidAt),
          tillId,
          id,
          id,
          rng.uuid(),
          seller.id,
          seller.name,
          method,
          only?.tokenLast4 ?? null,
          paidAt,
          totalCents,
          only?.tenderedCents ?? null,
          only?.changeCents ?? null,
          only?.tokenBalanceAfterCents ?? null,
          totalCents - taxCents,
          sum((line) => line.discountCents),
          taxCents,
        )
        for (const line of lines) {
          insertLine.run(
            id,
            line.product.id,
            line.product.sku,
            line.product.name,
            line.product.priceCents,
            line.quantity,
            line.subAmountCents,
            line.discountCents,
            line.netCents,
            line.taxCents,
            line.totalCents,
          )
        }
        insertTax.run(id, vatId, totalCents - taxCents, taxCents)
        tenders.forEach((tender, position) =>
          insertTender.run(
            uid(paidAt),
            tillId,
            id,
            position,
            tender.method,
            tender.amountCents,
            tender.tenderedCents ?? null,
            tender.changeCents ?? null,
            tender.tokenLast4 ?? null,
            tender.tokenBalanceAfterCents ?? null,
            tender.wallet ?? null,
            tender.reference ?? null,
          ),
        )
      }
    })()
    if (from > 0 && from % 100_000 === 0) log(`  invoices ${from.toLocaleString('en')} of ${count.toLocaleString('en')}`)
  }
  log(`  ${count.toLocaleString('en')} invoices, ${options.invoiceLines.toLocaleString('en')} lines`)
  return { invoices: count, invoiceLines: options.invoiceLines }
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

export interface HistoryRow {
  what: string
  /** The answers' totals, smallest and largest: how much each filter keeps. */
  totals: [number, number]
  core: Percentiles
}

export interface HistoryFigures {
  invoices: number
  invoiceLines: number
  rows: HistoryRow[]
}

/** A first page must come within this (p99, ms); a deep page is shown against it too. */
export const HISTORY_BUDGET_MS = 50

const PAGE = 50

async function signIn(backend: Awaited<ReturnType<typeof openBackend>>, username: string, password = username): Promise<BackendClient> {
  const client = backend.connect()
  const reply = await client.invoke('auth:login', { username, password })
  if (!reply.ok) throw new Error(`${username} sign-in: ${reply.error.code}`)
  return client
}

/** Each query of `inputs` in turn, as `client`: the time of each call and the totals it answered. */
async function timed(
  client: BackendClient,
  inputs: ChannelInput<'invoices:list'>[],
  iterations: number,
): Promise<Omit<HistoryRow, 'what'>> {
  const totals: number[] = []
  const samples = await measure(
    async (i) => {
      const reply = await client.invoke('invoices:list', inputs[i % inputs.length]!)
      if (!reply.ok)
        throw new Error(`invoices:list ${JSON.stringify(inputs[i % inputs.length])}: ${reply.error.code} ${reply.error.message}`)
      totals.push(reply.data.total)
      if (reply.data.items.length === 0 && reply.data.total > 0)
        throw new Error('invoices:list answered an empty page of a non-empty answer')
    },
    { warmup: Math.max(5, Math.round(iterations / 10)), iterations },
  )
  return { totals: [Math.min(...totals), Math.max(...totals)], core: percentiles(samples) }
}

/** Store-local days `days` long, ending at spread points of the year. */
function dayRanges(days: number, count: number): { from: string; to: string }[] {
  const dayMs = 24 * 60 * 60 * 1000
  return Array.from({ length: count }, (_, index) => {
    const to = new Date(BENCH_ENDS_AT.getTime() - ((index * 13) % 300) * dayMs)
    return { from: storeDate(new Date(to.getTime() - (days - 1) * dayMs), TIME_ZONE), to: storeDate(to, TIME_ZONE) }
  })
}

/** Measures the history on a private copy of the store in `runDir` (signing in writes to it). */
export async function measureInvoiceHistory(options: {
  store: HistoryStore
  runDir: string
  iterations: number
  seed: number
  log: (line: string) => void
}): Promise<HistoryFigures> {
  mkdirSync(options.runDir, { recursive: true })
  const dbPath = join(options.runDir, 'history.sqlite')
  copyFileSync(options.store.dbPath, dbPath)
  const clockStart = Date.now()
  const backend = await openBackend({ dbPath, now: () => new Date(BENCH_ENDS_AT.getTime() + (Date.now() - clockStart)) })
  const rows: HistoryRow[] = []
  try {
    const manager = await signIn(backend, 'manager')
    const cashier = await signIn(backend, 'cashier')
    const raw = new Database(dbPath, { readonly: true })
    const sellerIds = (raw.prepare("select id from user where role != 'owner' order by id").all() as { id: number }[]).map((row) => row.id)
    raw.close()
    const rng = createRng(options.seed)
    const n = options.iterations
    const record = async (what: string, client: BackendClient, inputs: ChannelInput<'invoices:list'>[]) => {
      const row = { what, ...(await timed(client, inputs, n)) }
      rows.push(row)
      options.log(`  ${what}: p50 ${formatMs(row.core.p50)} p99 ${formatMs(row.core.p99)} ms (totals ${row.totals[0]}–${row.totals[1]})`)
    }
    const methods: PaymentMethod[] = ['cash', 'token', 'card', 'wallet', 'split']
    // Products across the range of popularity: the first ids sell most (the generator's skew).
    const productIds = Array.from({ length: 40 }, (_, index) => 1 + Math.floor(DEFAULT_HISTORY_OPTIONS.products * (index / 40) ** 2))
    const numbers = Array.from({ length: 40 }, () => rng.int(1, options.store.invoices))

    await record('first page, no filter (manager)', manager, [{ limit: PAGE }])
    await record('first page, a cashier’s own sales', cashier, [{ limit: PAGE }])
    await record(
      'by days: 7 days',
      manager,
      dayRanges(7, 24).map((range) => ({ ...range, limit: PAGE })),
    )
    await record(
      'by days: 90 days',
      manager,
      dayRanges(90, 24).map((range) => ({ ...range, limit: PAGE })),
    )
    await record(
      'by cashier',
      manager,
      sellerIds.map((cashierId) => ({ cashierId, limit: PAGE })),
    )
    await record(
      'by tender (each method)',
      manager,
      methods.map((method) => ({ method, limit: PAGE })),
    )
    await record(
      'by product (popular to rare)',
      manager,
      productIds.map((productId) => ({ productId, limit: PAGE })),
    )
    await record(
      'by invoice number',
      manager,
      numbers.map((number) => ({ query: String(number), limit: PAGE })),
    )
    await record(
      'cashier + tender + 30 days',
      manager,
      dayRanges(30, 24).map((range, index) => ({
        ...range,
        cashierId: sellerIds[index % sellerIds.length]!,
        method: methods[index % methods.length]!,
        limit: PAGE,
      })),
    )
    await record('page 100, no filter (offset 4,950)', manager, [{ limit: PAGE, offset: 99 * PAGE }])
  } finally {
    await backend.close()
  }
  return { invoices: options.store.invoices, invoiceLines: options.store.invoiceLines, rows }
}

export function printInvoiceHistory(figures: HistoryFigures): void {
  console.log('')
  console.log(
    `Invoice history (invoices:list, ${PAGE} a page) at ${figures.invoiceLines.toLocaleString('en')} invoice lines in ` +
      `${figures.invoices.toLocaleString('en')} invoices (times in ms; budget: p99 ≤ ${HISTORY_BUDGET_MS})`,
  )
  printTextTable(
    ['query', 'n', 'answers', 'core p50', 'p95', 'p99', 'max', 'budget'],
    figures.rows.map((row) => [
      row.what,
      String(row.core.n),
      row.totals[0] === row.totals[1]
        ? row.totals[0].toLocaleString('en')
        : `${row.totals[0].toLocaleString('en')}–${row.totals[1].toLocaleString('en')}`,
      formatMs(row.core.p50),
      formatMs(row.core.p95),
      formatMs(row.core.p99),
      formatMs(row.core.max),
      row.core.p99 <= HISTORY_BUDGET_MS ? 'ok' : 'MISS',
    ]),
    (column) => column === 0 || column === 7,
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
    else throw new Error(`unknown option ${flag} (see the header of scripts/bench/invoice-history.ts)`)
  }
  const store = await buildHistoryStore(partial, (line) => console.log(line))
  console.log(
    `history store: ${store.invoiceLines.toLocaleString('en')} lines in ${store.invoices.toLocaleString('en')} invoices; ` +
      (store.built ? `built in ${store.buildSeconds} s` : `reused from cache (built in ${store.buildSeconds} s)`),
  )
  const runDir = join(benchCacheDir(), 'runs', `history-${process.pid}-${Date.now()}`)
  try {
    const figures = await measureInvoiceHistory({
      store,
      runDir,
      iterations: Math.max(10, Math.round(200 * iterations)),
      seed: DEFAULT_HISTORY_OPTIONS.seed + 1,
      log: (line) => console.log(line),
    })
    printInvoiceHistory(figures)
  } finally {
    if (!keep) rmSync(runDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runOnItsOwn(process.argv.slice(2))
