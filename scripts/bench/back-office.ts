/**
 * The back office's figures for `npm run bench`: the product table's first page at the bench
 * store's size (core next to hand-written SQL, like the till's figures), and the CSV import of
 * 100k rows (preview = parse + check, then apply) into an empty store and into the 100k store,
 * with what a till's scans meet meanwhile and the first search once the apply has answered (which
 * must find what was imported).
 *
 * Runnable on its own, for these figures only (on the same cached 100k store as the bench):
 *   npx tsx scripts/bench/back-office.ts [--products N] [--keep]
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { openBackend, type BackendClient } from '#core/backend'
import { formatProductCsv, parseProductCsv, type CsvProduct } from '#core/catalog/product-csv.rules'
import type { ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { IpcResult } from '#shared/ipc/errors'
import { BENCH_ENDS_AT, benchCacheDir, buildBenchDatabase, copyBenchDatabase, planProducts } from './build-database'
import { HandWritten } from './hand-written'
import { createRng } from './prng'
import { formatMs, measure, percentiles, positiveNumber, printTextTable, type Percentiles } from './stats'
import { DEPARTMENTS } from './word-lists'

type Invoke = <C extends Parameters<BackendClient['invoke']>[0]>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>

function unwrap<T>(reply: IpcResult<T>, what: string): T {
  if (!reply.ok) throw new Error(`${what}: ${reply.error.code} ${reply.error.message}`)
  return reply.data
}

function invoker(client: BackendClient): Invoke {
  return async (channel, input) => unwrap(await client.invoke(channel, input), channel)
}

const elapsedMs = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6

// ---------------------------------------------------------------------------------------------
// The first page of the product table
// ---------------------------------------------------------------------------------------------

interface AdminRow {
  id: number
  sku: string
  barcode: string | null
  name: string
  price_cents: number
  stock: number
  image_file: string | null
  tags: string | null
  low_stock_at: number | null
  active: number
  created_at: string
  updated_at: string
  category_id: number | null
  category_name: string | null
}

/** `products:list` with its defaults (active products by name, 50 a page) written by hand. */
export function firstPageByHand(hand: HandWritten, defaultLowStockAt: number, limit = 50): ChannelOutput<'products:list'> {
  const total = (hand.db.prepare('select count(*) as n from product where active').get() as { n: number }).n
  const rows = hand.db
    .prepare(
      `select p.id, p.sku, p.barcode, p.name, p.price_cents, p.stock, p.image_file, p.tags, p.low_stock_at, p.active, p.created_at,
         p.updated_at, p.category_id, c.name as category_name
       from product p left join category c on c.id = p.category_id where p.active order by p.name, p.id limit ?`,
    )
    .all(limit) as AdminRow[]
  const images = hand.db
    .prepare(
      'select id, product_id, file from product_image where product_id in (select value from json_each(?)) order by product_id, position, id',
    )
    .all(JSON.stringify(rows.map((row) => row.id))) as { id: number; product_id: number; file: string }[]
  const taxes = hand.db
    .prepare(
      'select product_id, tax_rate_id from product_tax where product_id in (select value from json_each(?)) order by product_id, tax_rate_id',
    )
    .all(JSON.stringify(rows.map((row) => row.id))) as { product_id: number; tax_rate_id: number }[]
  return {
    items: rows.map((row) => ({
      id: row.id,
      sku: row.sku,
      barcode: row.barcode,
      name: row.name,
      priceCents: row.price_cents,
      stock: row.stock,
      imageFile: row.image_file,
      category: row.category_id !== null && row.category_name !== null ? { id: row.category_id, name: row.category_name } : null,
      tags: row.tags ? row.tags.split('|') : [],
      taxRateIds: taxes.filter((tax) => tax.product_id === row.id).map((tax) => tax.tax_rate_id),
      images: images.filter((image) => image.product_id === row.id).map((image) => ({ id: image.id, file: image.file })),
      lowStockAt: row.low_stock_at,
      low: row.stock <= (row.low_stock_at ?? defaultLowStockAt),
      archived: !row.active,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    })),
    total,
  }
}

export interface FirstPageFigures {
  backend: Percentiles
  sql: Percentiles
  /** Core only: sorted by stock, and filtered to low stock. */
  byStock: Percentiles
  lowStock: Percentiles
}

export async function measureFirstPage(manager: BackendClient, hand: HandWritten, iterations: number): Promise<FirstPageFigures> {
  const invoke = invoker(manager)
  const { defaultLowStockAt } = await invoke('settings:get', {})
  const viaBackend = JSON.stringify(await invoke('products:list', { limit: 50 }))
  const viaSql = JSON.stringify(firstPageByHand(hand, defaultLowStockAt))
  if (viaBackend !== viaSql) {
    let at = 0
    while (viaBackend[at] === viaSql[at]) at += 1
    throw new Error(
      `products:list differs between core and SQL: …${viaBackend.slice(at - 80, at + 80)} vs …${viaSql.slice(at - 80, at + 80)}`,
    )
  }
  const warmup = Math.max(5, Math.round(iterations / 10))
  const corePage = async (input: ChannelInput<'products:list'>) =>
    percentiles(await measure(() => invoke('products:list', input), { warmup, iterations }))
  return {
    backend: await corePage({ limit: 50 }),
    sql: percentiles(await measure(() => firstPageByHand(hand, defaultLowStockAt), { warmup, iterations })),
    // No index on stock (a sale changes it on every line, migration 0020): these two read the table.
    byStock: await corePage({ limit: 50, sort: 'stock', direction: 'asc' }),
    lowStock: await corePage({ limit: 50, lowStock: true }),
  }
}

// ---------------------------------------------------------------------------------------------
// CSV import
// ---------------------------------------------------------------------------------------------

/** A catalog file like a shop's: the bench store's generator (names, categories, tags, barcodes), stock and thresholds. */
export function catalogCsv(count: number, seed: number): string {
  const rng = createRng(seed)
  const products: CsvProduct[] = planProducts(rng, count).map((product) => ({
    sku: product.sku,
    name: product.name,
    priceCents: product.priceCents,
    barcode: product.barcode,
    category: DEPARTMENTS[product.categoryId - 1]!.category,
    tags: product.tags.length > 0 ? product.tags.join('|') : null,
    stock: rng.int(0, 400),
    lowStockAt: rng.chance(0.2) ? rng.int(1, 20) : null,
    archived: !product.active,
  }))
  return formatProductCsv(products, 2)
}

export interface ImportRun {
  what: string
  rows: number
  creates: number
  updates: number
  unchanged: number
  /** The preview: parse in the worker, then the database checks. */
  previewMs: number
  applyMs: number
  totalMs: number
  /** catalog:lookup from a till while the preview ran (parsing off core's thread). */
  tillDuringPreview: Percentiles | null
  /** The till's longest stall in the preview and in the apply (whose transaction holds the database). */
  tillLongestStallInPreviewMs: number | null
  tillLongestStallInApplyMs: number | null
  /** The first catalog:search once the apply has answered (it must find a product the file names). */
  searchAfterApplyMs: number
}

/** The pause between a till's scans while an import runs: a scanner gun's pace, at most. */
const SCAN_PAUSE_MS = 5

/**
 * A till scanning in a loop until `work` ends: each lookup's time, and the till's longest stall (the
 * longest gap between two answers, less the pause), which also counts time core's thread was busy
 * before it could even take the lookup.
 */
async function whileScanning<T>(
  till: BackendClient | null,
  codes: readonly string[],
  work: Promise<T>,
): Promise<{ result: T; samples: number[]; longestStallMs: number }> {
  const samples: number[] = []
  if (!till) return { result: await work, samples, longestStallMs: 0 }
  let done = false
  const finished = work.finally(() => (done = true))
  let index = 0
  let lastAnswer = process.hrtime.bigint()
  let longestStallMs = 0
  while (!done) {
    const started = process.hrtime.bigint()
    unwrap(await till.invoke('catalog:lookup', { code: codes[index++ % codes.length]! }), 'catalog:lookup')
    samples.push(elapsedMs(started))
    longestStallMs = Math.max(longestStallMs, elapsedMs(lastAnswer) - (index > 1 ? SCAN_PAUSE_MS : 0))
    lastAnswer = process.hrtime.bigint()
    await new Promise((resolve) => setTimeout(resolve, SCAN_PAUSE_MS))
  }
  // A stall that lasted until the work ended counts too.
  const result = await finished
  longestStallMs = Math.max(longestStallMs, elapsedMs(lastAnswer) - SCAN_PAUSE_MS)
  return { result, samples, longestStallMs }
}

async function timedImport(
  manager: BackendClient,
  what: string,
  csv: string,
  till: BackendClient | null,
  codes: readonly string[],
): Promise<ImportRun> {
  const invoke = invoker(manager)
  let started = process.hrtime.bigint()
  const preview = await whileScanning(till, codes, invoke('products:import', { csv, apply: false }))
  const previewMs = elapsedMs(started)
  if (preview.result.errorCount > 0) throw new Error(`${what}: the file has errors: ${JSON.stringify(preview.result.errors.slice(0, 3))}`)
  started = process.hrtime.bigint()
  const applied = await whileScanning(till, codes, invoke('products:import', { csv, apply: true }))
  const applyMs = elapsedMs(started)
  // A word of a product the file names: the till must find it as soon as the import has answered.
  const firstName = parseProductCsv(csv.slice(0, csv.indexOf('\n', csv.indexOf('\n') + 1) + 1), { currencyDecimals: 2 }).rows[0]!.name
  const query = firstName.split(' ')[0]!
  started = process.hrtime.bigint()
  const found = await invoke('catalog:search', { query })
  const searchAfterApplyMs = elapsedMs(started)
  if (found.items.length === 0) throw new Error(`${what}: catalog:search '${query}' found nothing after the import`)
  return {
    what,
    rows: applied.result.rows,
    creates: applied.result.creates,
    updates: applied.result.updates,
    unchanged: applied.result.unchanged,
    previewMs,
    applyMs,
    totalMs: previewMs + applyMs,
    tillDuringPreview: till ? percentiles(preview.samples) : null,
    tillLongestStallInPreviewMs: till ? preview.longestStallMs : null,
    tillLongestStallInApplyMs: till ? applied.longestStallMs : null,
    searchAfterApplyMs,
  }
}

export interface ImportFigures {
  runs: ImportRun[]
  exportMs: number
}

/**
 * Imports of 100k rows: a new shop's whole catalog into an empty store (every row a create, with
 * categories, tags and opening stock), then, in the 100k store, its own export with every price
 * changed (every row an update) and the same file again (every row unchanged).
 */
export async function measureImports(options: {
  runDir: string
  rows: number
  seed: number
  /** The 100k store, signed in as a manager and as a cashier. */
  manager: BackendClient
  till: BackendClient
  codes: readonly string[]
  log: (line: string) => void
}): Promise<ImportFigures> {
  const { log } = options
  const runs: ImportRun[] = []

  log(`  ${options.rows.toLocaleString('en')} new products into an empty store…`)
  const empty = await openBackend({ dbPath: join(options.runDir, 'import-empty', 'tillwise.sqlite'), seed: 'none' })
  try {
    const owner = empty.connect()
    unwrap(
      await owner.invoke('setup:createStore', {
        store: { name: 'Bench Import', currency: 'NPR', currencyDecimals: 2, locale: 'en-IN', timeZone: 'Asia/Kathmandu' },
        owner: { username: 'owner', displayName: 'Bench Owner', password: 'bench import 2026' },
      }),
      'setup:createStore',
    )
    runs.push(await timedImport(owner, 'empty store: every row a create', catalogCsv(options.rows, options.seed), null, []))
  } finally {
    await empty.close()
  }

  const invoke = invoker(options.manager)
  log(`  the ${options.rows.toLocaleString('en')}-product store: export, every price changed, imported…`)
  const started = process.hrtime.bigint()
  const exported = await invoke('products:export', {})
  const exportMs = elapsedMs(started)
  const parsed = parseProductCsv(exported.csv, { currencyDecimals: 2 })
  const repriced = formatProductCsv(
    parsed.rows.map((row) => ({
      sku: row.sku,
      name: row.name,
      priceCents: row.priceCents + 500,
      barcode: row.barcode ?? null,
      category: row.category ?? null,
      tags: row.tags ?? null,
      stock: row.stock ?? 0,
      lowStockAt: row.lowStockAt ?? null,
      archived: row.archived ?? false,
    })),
    2,
  )
  runs.push(
    await timedImport(
      options.manager,
      `${Math.round(parsed.rows.length / 1000)}k store: every price changed`,
      repriced,
      options.till,
      options.codes,
    ),
  )
  runs.push(
    await timedImport(
      options.manager,
      `${Math.round(parsed.rows.length / 1000)}k store: the same file again`,
      repriced,
      options.till,
      options.codes,
    ),
  )
  return { runs, exportMs }
}

export function printBackOffice(firstPage: FirstPageFigures, products: number, imports: ImportFigures): void {
  console.log('')
  console.log(`Back office at ${products.toLocaleString('en')} products (times in ms)`)
  printTextTable(
    ['operation', 'n', 'core p50', 'p95', 'p99', 'SQL p50', 'p99', 'budget'],
    [
      [
        'products:list first page (50, by name)',
        String(firstPage.backend.n),
        formatMs(firstPage.backend.p50),
        formatMs(firstPage.backend.p95),
        formatMs(firstPage.backend.p99),
        formatMs(firstPage.sql.p50),
        formatMs(firstPage.sql.p99),
        firstPage.backend.p99 <= 100 ? '≤100 ok' : '≤100 MISS',
      ],
      ...(
        [
          ['products:list first page (50, by stock)', firstPage.byStock],
          ['products:list first page (50, low stock)', firstPage.lowStock],
        ] as const
      ).map(([what, figures]) => [
        what,
        String(figures.n),
        formatMs(figures.p50),
        formatMs(figures.p95),
        formatMs(figures.p99),
        '—',
        '—',
        figures.p99 <= 100 ? '≤100 ok' : '≤100 MISS',
      ]),
    ],
    (column) => column === 0 || column === 7,
  )
  console.log('')
  console.log('CSV import, preview (parse in a worker + checks) then apply (one transaction); budget: 100k rows ≤ 5000 ms')
  printTextTable(
    [
      'file',
      'rows',
      'creates',
      'updates',
      'unchanged',
      'preview',
      'apply',
      'total',
      'till lookup p50/p99 in preview',
      'till stall: in preview',
      'in apply',
      'first search after',
    ],
    imports.runs.map((run) => [
      run.what,
      run.rows.toLocaleString('en'),
      run.creates.toLocaleString('en'),
      run.updates.toLocaleString('en'),
      run.unchanged.toLocaleString('en'),
      formatMs(run.previewMs),
      formatMs(run.applyMs),
      formatMs(run.totalMs),
      run.tillDuringPreview ? `${formatMs(run.tillDuringPreview.p50)} / ${formatMs(run.tillDuringPreview.p99)}` : '–',
      run.tillLongestStallInPreviewMs === null ? '–' : formatMs(run.tillLongestStallInPreviewMs),
      run.tillLongestStallInApplyMs === null ? '–' : formatMs(run.tillLongestStallInApplyMs),
      formatMs(run.searchAfterApplyMs),
    ]),
    (column) => column === 0,
  )
  console.log(`products:export of the whole store: ${formatMs(imports.exportMs)} ms`)
}

async function runOnItsOwn(argv: string[]): Promise<void> {
  let products = 100_000
  let keep = false
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!
    if (flag === '--products') products = Math.round(positiveNumber(flag, argv[++index]))
    else if (flag === '--keep') keep = true
    else throw new Error(`unknown option ${flag} (see the header of scripts/bench/back-office.ts)`)
  }
  const database = await buildBenchDatabase({ products }, (line) => console.log(line))
  const runDir = join(benchCacheDir(), 'runs', `${process.pid}-${Date.now()}`)
  const dbPath = copyBenchDatabase(database, runDir)
  const clockStart = Date.now()
  const backend = await openBackend({ dbPath, now: () => new Date(BENCH_ENDS_AT.getTime() + (Date.now() - clockStart)) })
  const hand = new HandWritten(dbPath)
  try {
    const signIn = async (username: string) => {
      const client = backend.connect()
      unwrap(await client.invoke('auth:login', { username, password: username }), `${username} sign-in`)
      return client
    }
    const [manager, till] = [await signIn('manager'), await signIn('cashier')]
    const codes = (
      hand.db.prepare('select barcode from product where active and barcode is not null limit 1000').all() as { barcode: string }[]
    ).map((row) => row.barcode)
    const firstPage = await measureFirstPage(manager, hand, 200)
    const imports = await measureImports({
      runDir,
      rows: 100_000,
      seed: database.manifest.options.seed + 2,
      manager,
      till,
      codes,
      log: (line) => console.log(line),
    })
    printBackOffice(firstPage, database.manifest.counts.products, imports)
  } finally {
    hand.close()
    await backend.close()
    if (!keep) rmSync(runDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runOnItsOwn(process.argv.slice(2))
