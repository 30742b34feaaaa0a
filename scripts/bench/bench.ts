/**
 * `npm run bench` (issue 4): core latency of the till's hot paths on a big store, measured through
 * `openBackend` / `invoke` exactly as the app calls them, next to the same work in hand-written SQL
 * on the same file in the same run. Prints a table and writes JSON to bench-results/.
 *
 *   npm run bench                          100k products, 1M invoice lines, 5k tokens; then start-up
 *   npm run bench -- --big                 1M products (first build takes several minutes)
 *   npm run bench -- --products 250000     any catalog size
 *   options: --iterations <factor>  --no-startup  --no-back-office  --no-history  --no-reports  --keep (keep the run's database copy)
 *
 * Databases are built once per parameter set and cached (scripts/bench/build-database.ts); each run
 * works on a fresh copy, so sales made by one run never change the next.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { openBackend, type BackendClient } from '#core/backend'
import type { CheckoutResultDto } from '#shared/contract/checkout'
import type { ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { IpcResult } from '#shared/ipc/errors'
import {
  BENCH_ENDS_AT,
  BENCH_TOKEN,
  benchCacheDir,
  buildBenchDatabase,
  copyBenchDatabase,
  type BenchDatabaseOptions,
} from './build-database'
import { HandWritten, type HandStore } from './hand-written'
import { SEARCH_TOTAL_CAP } from '#core/catalog/catalog.service'
import { createRng } from './prng'
import { formatMs, positiveNumber, measure, percentiles, printTextTable, type Percentiles } from './stats'
import { measureStartup, printStartup, type StartupReport } from './startup'
import { measureFirstPage, measureImports, printBackOffice, type FirstPageFigures, type ImportFigures } from './back-office'
import { buildHistoryStore, measureInvoiceHistory, printInvoiceHistory, type HistoryFigures } from './invoice-history'
import { buildReportsStore, measureReports, printReports, type ReportsFigures } from './reports'

interface Args {
  database: Partial<BenchDatabaseOptions>
  iterations: number
  startup: boolean
  backOffice: boolean
  history: boolean
  reports: boolean
  keep: boolean
}

function parseArgs(argv: string[]): Args {
  const args: Args = { database: {}, iterations: 1, startup: true, backOffice: true, history: true, reports: true, keep: false }
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!
    if (flag === '--big') args.database.products = 1_000_000
    else if (flag === '--products') args.database.products = Math.round(positiveNumber(flag, argv[++index]))
    else if (flag === '--invoice-lines') args.database.invoiceLines = Math.round(positiveNumber(flag, argv[++index]))
    else if (flag === '--tokens') args.database.tokens = Math.round(positiveNumber(flag, argv[++index]))
    else if (flag === '--iterations') args.iterations = positiveNumber(flag, argv[++index])
    else if (flag === '--no-startup') args.startup = false
    else if (flag === '--no-back-office') args.backOffice = false
    else if (flag === '--no-history') args.history = false
    else if (flag === '--no-reports') args.reports = false
    else if (flag === '--keep') args.keep = true
    else throw new Error(`unknown option ${flag} (see the header of scripts/bench/bench.ts)`)
  }
  return args
}

interface Target {
  p50?: number
  p99?: number
  /** Backend p50 over hand-written SQL p50. */
  ratio?: number
}

interface Row {
  name: string
  backend: Percentiles
  sql: Percentiles
  ratioP50: number
  ratioP99: number
  target: Target
  verdict: string
}

const SEARCHES: Record<string, string[]> = {
  '1 letter': ['m', 'c', 's', 'b', 'p', 'g', 't', 'r'],
  prefix: ['mil', 'cho', 'bas', 'noo', 'sha', 'tom', 'ghe', 'cof'],
  'full word': ['rice', 'milk', 'noodles', 'shampoo', 'chocolate', 'tea', 'soap', 'juice'],
  'two words': ['basmati rice', 'green tea', 'chicken noodles', 'dark chocolate', 'mango juice', 'hair oil', 'baby wipes', 'olive oil'],
  substring: ['ilk', 'ocola', 'ampo', 'oodle', 'ream', 'utter', 'flake', 'ashew'],
  'no match': ['zzqx', 'qwerty', 'xylophone', 'kryptonite', 'zzz top', 'blorf', 'quux', 'vvvv'],
}

function unwrap<T>(reply: IpcResult<T>, what: string): T {
  if (!reply.ok) throw new Error(`${what}: ${reply.error.code} ${reply.error.message}`)
  return reply.data
}

function verdictOf(row: Omit<Row, 'verdict'>): string {
  const misses: string[] = []
  if (row.target.p50 !== undefined && row.backend.p50 > row.target.p50) misses.push(`p50>${row.target.p50}`)
  if (row.target.p99 !== undefined && row.backend.p99 > row.target.p99) misses.push(`p99>${row.target.p99}`)
  if (row.target.ratio !== undefined && row.ratioP50 > row.target.ratio) misses.push(`ratio>${row.target.ratio}`)
  return misses.length ? `MISS ${misses.join(' ')}` : 'ok'
}

function printRows(rows: Row[]): void {
  const header = ['operation', 'n', 'core p50', 'p95', 'p99', 'SQL p50', 'p95', 'p99', 'ratio p50', 'p99', 'target', 'verdict']
  const describeTarget = (target: Target) =>
    [
      target.p50 !== undefined ? `p50≤${target.p50}` : '',
      target.p99 !== undefined ? `p99≤${target.p99}` : '',
      target.ratio !== undefined ? `≤${target.ratio}×` : '',
    ]
      .filter(Boolean)
      .join(' ')
  const lines = rows.map((row) => [
    row.name,
    String(row.backend.n),
    formatMs(row.backend.p50),
    formatMs(row.backend.p95),
    formatMs(row.backend.p99),
    formatMs(row.sql.p50),
    formatMs(row.sql.p95),
    formatMs(row.sql.p99),
    `${row.ratioP50.toFixed(1)}×`,
    `${row.ratioP99.toFixed(1)}×`,
    describeTarget(row.target),
    row.verdict,
  ])
  printTextTable(header, lines, (column) => column === 0 || column >= 10)
  console.log(
    'times in ms; "core" = openBackend/invoke (dispatcher, validation, ORM), "SQL" = hand-written better-sqlite3 on the same file',
  )
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const started = Date.now()
  const environment = {
    node: process.version,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    platform: `${platform()} ${release()}`,
  }
  console.log(
    `Tillwise bench — Node ${environment.node}, ${environment.cores} cores (${environment.cpu}), ${environment.memoryGb} GB, ${environment.platform}`,
  )
  // Other work on the machine shows up in the tails; the load is printed so a noisy run is recognised.
  const loadBefore = loadavg()[0]!
  console.log(`load average (1 min) at start: ${loadBefore.toFixed(2)}`)

  const database = await buildBenchDatabase(args.database, (line) => console.log(line))
  const { manifest } = database
  console.log(
    `database: ${manifest.counts.products.toLocaleString('en')} products (${manifest.counts.activeProducts.toLocaleString('en')} active), ` +
      `${manifest.counts.invoiceLines.toLocaleString('en')} invoice lines in ${manifest.counts.invoices.toLocaleString('en')} invoices over a year, ` +
      `${manifest.counts.tokens.toLocaleString('en')} tokens; ${(manifest.fileBytes / 1e6).toFixed(0)} MB; ` +
      (database.built ? `built in ${manifest.buildSeconds} s` : `reused from cache (built in ${manifest.buildSeconds} s)`),
  )

  const runDir = join(benchCacheDir(), 'runs', `${process.pid}-${Date.now()}`)
  const dbPath = copyBenchDatabase(database, runDir)
  const clockStart = Date.now()
  const now = () => new Date(BENCH_ENDS_AT.getTime() + (Date.now() - clockStart))
  const backend = await openBackend({ dbPath, now })
  const hand = new HandWritten(dbPath)
  const rows: Row[] = []
  const big = manifest.counts.products > 100_000
  const times = (count: number) => Math.max(10, Math.round(count * args.iterations))
  let firstPage: FirstPageFigures | null = null
  let imports: ImportFigures | null = null

  try {
    const client = backend.connect()
    unwrap(await client.invoke('auth:login', { username: 'cashier', password: 'cashier' }), 'sign-in')
    const manager = hand.db.prepare("select id, display_name as displayName from user where username = 'manager'").get() as {
      id: number
      displayName: string
    }
    const invoke = async <C extends Parameters<BackendClient['invoke']>[0]>(
      channel: C,
      input: ChannelInput<C>,
    ): Promise<ChannelOutput<C>> => unwrap(await client.invoke(channel, input), channel)

    const record = (name: string, backendSamples: number[], sqlSamples: number[], target: Target) => {
      const backendStats = percentiles(backendSamples)
      const sqlStats = percentiles(sqlSamples)
      const row = {
        name,
        backend: backendStats,
        sql: sqlStats,
        ratioP50: backendStats.p50 / sqlStats.p50,
        ratioP99: backendStats.p99 / sqlStats.p99,
        target,
      }
      rows.push({ ...row, verdict: verdictOf(row) })
      console.log(
        `  ${name}: core p50 ${formatMs(backendStats.p50)} p99 ${formatMs(backendStats.p99)} ms; SQL p50 ${formatMs(sqlStats.p50)} p99 ${formatMs(sqlStats.p99)} ms`,
      )
    }

    // Inputs, drawn with a seeded PRNG from the store itself.
    const rng = createRng(manifest.options.seed + 1)
    const active = hand.db.prepare('select id, sku, barcode, stock from product where id = ? and active')
    const codes: string[] = []
    while (codes.length < 1_000) {
      const product = active.get(rng.int(1, manifest.counts.products)) as { sku: string; barcode: string | null } | undefined
      if (!product) continue
      codes.push(product.barcode && rng.chance(0.7) ? product.barcode : rng.chance(0.5) ? product.sku : product.sku.toLowerCase())
    }
    // Products to sell: well stocked, and enough of them that none runs out during the run.
    const pool = new Set<number>()
    for (let attempt = 0; pool.size < 4_000 && attempt < 40_000; attempt += 1) {
      const product = active.get(rng.int(1, manifest.counts.products)) as { id: number; stock: number } | undefined
      if (product && product.stock >= 50) pool.add(product.id)
    }
    if (pool.size < 100) throw new Error('the store has too few products in stock to benchmark sales')
    const poolIds = [...pool]
    let poolNext = 0
    const nextProducts = (count: number) => Array.from({ length: count }, () => poolIds[poolNext++ % poolIds.length]!)

    // Both sides must give the same answers before their speed is compared.
    for (const code of codes.slice(0, 50)) {
      const viaBackend = await invoke('catalog:lookup', { code })
      if (JSON.stringify(viaBackend) !== JSON.stringify(hand.lookup(code))) throw new Error(`lookup '${code}' differs between core and SQL`)
    }
    for (const query of Object.values(SEARCHES).flat()) {
      const { totalIsCapped, ...viaBackend } = await invoke('catalog:search', { query, limit: 20 })
      const viaSql = hand.search(query, 20, 0)
      if (JSON.stringify(viaBackend) !== JSON.stringify(viaSql) || totalIsCapped !== viaSql.total >= SEARCH_TOTAL_CAP) {
        throw new Error(`search '${query}' differs between core and SQL`)
      }
    }
    console.log('measuring…')
    record(
      'catalog:lookup',
      await measure((i) => invoke('catalog:lookup', { code: codes[i % codes.length]! }), { warmup: times(200), iterations: times(2_000) }),
      await measure((i) => hand.lookup(codes[i % codes.length]!), { warmup: times(200), iterations: times(2_000) }),
      { p99: 1, ratio: 3 },
    )

    const searchTarget: Target = { p99: big ? 20 : 5, ratio: 3 }
    for (const [kind, queries] of Object.entries(SEARCHES)) {
      record(
        `catalog:search ${kind}`,
        await measure((i) => invoke('catalog:search', { query: queries[i % queries.length]!, limit: 20 }), {
          warmup: times(40),
          iterations: times(400),
        }),
        await measure((i) => hand.search(queries[i % queries.length]!, 20, 0), { warmup: times(40), iterations: times(400) }),
        searchTarget,
      )
    }

    // cart:add into a cart of 0–19 lines (each call answers the whole cart), emptied every 20 adds.
    const cartIterations = times(400)
    const cartWarmup = times(20)
    const cartProducts = nextProducts(cartIterations + cartWarmup)
    record(
      'cart:add',
      await measure((i) => invoke('cart:add', { productId: cartProducts[i]!, quantity: 1 }), {
        warmup: cartWarmup,
        iterations: cartIterations,
        before: async (i) => (i % 20 === 0 ? invoke('cart:clear', {}) : undefined),
      }),
      await measure((i) => hand.cartAdd(manager.id, cartProducts[i]!, 1, now()), {
        warmup: cartWarmup,
        iterations: cartIterations,
        before: (i) => (i % 20 === 0 ? hand.clearCart(manager.id) : undefined),
      }),
      { ratio: 3 },
    )
    await invoke('cart:clear', {})
    hand.clearCart(manager.id)

    // checkout:pay of a 20-line cart with a token; the cart is filled (untimed) before each payment.
    const checkoutIterations = times(150)
    const checkoutWarmup = times(10)
    let expectedTotalCents = 0
    record(
      'checkout:pay 20 lines',
      await measure(
        () =>
          invoke('checkout:pay', {
            idempotencyKey: randomUUID(),
            expectedTotalCents,
            payment: { method: 'token', token: BENCH_TOKEN.code },
          }),
        {
          warmup: checkoutWarmup,
          iterations: checkoutIterations,
          before: async () => {
            for (const productId of nextProducts(20)) expectedTotalCents = (await invoke('cart:add', { productId, quantity: 1 })).totalCents
          },
        },
      ),
      await measure(
        () => hand.checkoutWithToken(manager, { idempotencyKey: randomUUID(), expectedTotalCents, token: BENCH_TOKEN.code }, now()),
        {
          warmup: checkoutWarmup,
          iterations: checkoutIterations,
          before: () => {
            for (const productId of nextProducts(20)) expectedTotalCents = hand.cartAdd(manager.id, productId, 1, now()).totalCents
          },
        },
      ),
      { p50: 5, p99: 50, ratio: 3 },
    )

    // The same sale as a real shop rings it up: VAT 13% included on every product of the pool, a 5%
    // discount on one line, a 5% promo code, half paid by the token and the rest in cash rounded to
    // NPR 1 (half-up). Set up once, untimed, through the channels a manager uses (the product taxes by SQL).
    const managerClient = backend.connect()
    unwrap(await managerClient.invoke('auth:login', { username: 'manager', password: 'manager' }), 'manager sign-in')
    const manage = async <C extends Parameters<BackendClient['invoke']>[0]>(
      channel: C,
      input: ChannelInput<C>,
    ): Promise<ChannelOutput<C>> => unwrap(await managerClient.invoke(channel, input), channel)
    const vat = await manage('taxes:create', { name: 'VAT', rateBps: 1300, included: true })
    const taxPool = hand.db.prepare('insert or ignore into product_tax (product_id, tax_rate_id) select value, ? from json_each(?)')
    taxPool.run(vat.id, JSON.stringify(poolIds))
    const promo = await manage('promos:create', { code: 'BENCH5', name: 'Bench 5% off', kind: 'percent', value: 500, active: true })
    const settings = await manage('settings:update', { patch: { cashRoundingIncrementCents: 100, cashRoundingMode: 'halfUp' } })
    const store: HandStore = {
      currencyDecimals: settings.currencyDecimals,
      taxRounding: settings.taxRounding,
      timeZone: settings.timeZone,
      cashRounding: { incrementCents: settings.cashRoundingIncrementCents, mode: settings.cashRoundingMode },
    }
    const lineDiscount = { kind: 'percent', bps: 500 } as const
    if (lineDiscount.bps > settings.discountLimitBps) throw new Error('the bench line discount is over the store limit')
    /** Half by the token; the rest in cash, handed over as the next NPR 10 note above it. */
    const tendersFor = (totalCents: number) => {
      const tokenAmountCents = Math.floor(totalCents / 2)
      return { tokenAmountCents, tenderedCents: Math.ceil((totalCents - tokenAmountCents + 100) / 1_000) * 1_000 }
    }
    const payViaBackend = (totalCents: number) => {
      const { tokenAmountCents, tenderedCents } = tendersFor(totalCents)
      return invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: totalCents,
        payments: [
          { method: 'token', token: BENCH_TOKEN.code, amountCents: tokenAmountCents },
          { method: 'cash', tenderedCents },
        ],
      })
    }
    const payViaSql = (totalCents: number) =>
      hand.checkoutTokenAndCash(
        manager,
        { idempotencyKey: randomUUID(), expectedTotalCents: totalCents, token: BENCH_TOKEN.code, ...tendersFor(totalCents) },
        store,
        now(),
      )
    const fillViaBackend = async (products: number[]) => {
      for (const productId of products) await invoke('cart:add', { productId, quantity: 1 })
      await invoke('cart:setLineDiscount', { productId: products[0]!, discount: lineDiscount, reason: 'bench' })
      return (await invoke('cart:applyPromo', { code: promo.code })).totalCents
    }
    const fillViaSql = (products: number[]) => {
      for (const productId of products) hand.cartAdd(manager.id, productId, 1, now())
      hand.setLineDiscount(manager.id, products[0]!, lineDiscount.bps, 'bench')
      hand.applyPromo(manager.id, promo.code)
      return hand.cartTotal(manager.id, store, now())
    }
    // Both sides sell the same cart and must write the same figures (the token's balance after aside: both spend it).
    const figuresOf = ({ invoice, method, amountCents, changeCents, tenders, roundingCents }: CheckoutResultDto) => ({
      method,
      amountCents,
      changeCents,
      roundingCents,
      tenders: tenders.map(({ tokenBalanceAfterCents: _spent, ...tender }) => tender),
      invoice: {
        paymentMethod: invoice.paymentMethod,
        subtotalCents: invoice.subtotalCents,
        discountCents: invoice.discountCents,
        taxCents: invoice.taxCents,
        totalCents: invoice.totalCents,
        roundingCents: invoice.roundingCents,
        tenderedCents: invoice.tenderedCents,
        changeCents: invoice.changeCents,
        taxes: invoice.taxes,
        promo: invoice.promo,
        tenders: invoice.tenders.map(({ tokenBalanceAfterCents: _spent, ...tender }) => tender),
        // Each sale's lines are its own rows: their ids differ, everything else must not.
        lines: invoice.lines.map(({ id: _own, ...line }) => line),
        returns: invoice.returns,
      },
    })
    const sameCart = nextProducts(20)
    const viaBackend = figuresOf(await payViaBackend(await fillViaBackend(sameCart)))
    const viaSql = figuresOf(payViaSql(fillViaSql(sameCart)))
    if (JSON.stringify(viaBackend) !== JSON.stringify(viaSql)) {
      throw new Error(
        `checkout with VAT, discount, promo and two tenders differs between core and SQL:\n${JSON.stringify(viaBackend)}\n${JSON.stringify(viaSql)}`,
      )
    }
    if (
      viaBackend.invoice.taxCents === 0 ||
      viaBackend.invoice.promo === undefined ||
      viaBackend.invoice.lines[0]!.discountCents === 0 ||
      viaBackend.tenders.length !== 2
    ) {
      throw new Error('the bench sale lacks its tax, discount, promo or second tender')
    }
    let splitTotalCents = 0
    record(
      'checkout:pay 20 lines, VAT + discount + promo + token & cash',
      await measure(() => payViaBackend(splitTotalCents), {
        warmup: checkoutWarmup,
        iterations: checkoutIterations,
        before: async () => {
          splitTotalCents = await fillViaBackend(nextProducts(20))
        },
      }),
      await measure(() => payViaSql(splitTotalCents), {
        warmup: checkoutWarmup,
        iterations: checkoutIterations,
        before: () => {
          splitTotalCents = fillViaSql(nextProducts(20))
        },
      }),
      { p50: 5, p99: 50, ratio: 3 },
    )
    // The rest of the bench measures the store as before: no product keeps the tax.
    hand.db.prepare('delete from product_tax where tax_rate_id = ?').run(vat.id)

    if (args.backOffice) {
      console.log('back office…')
      firstPage = await measureFirstPage(managerClient, hand, times(200))
      console.log(`  products:list first page: core p50 ${formatMs(firstPage.backend.p50)} p99 ${formatMs(firstPage.backend.p99)} ms`)
      // Last: it reprices every product of this run's copy.
      imports = await measureImports({
        runDir,
        rows: 100_000,
        seed: manifest.options.seed + 2,
        manager: managerClient,
        till: client,
        codes,
        log: (line) => console.log(line),
      })
    }
  } finally {
    hand.close()
    await backend.close()
    if (!args.keep) rmSync(runDir, { recursive: true, force: true })
  }

  // The history on a store of its own (every kind of tender), once the till's backend is closed.
  let history: HistoryFigures | null = null
  if (args.history) {
    console.log('invoice history…')
    const historyStore = await buildHistoryStore({ invoiceLines: manifest.options.invoiceLines }, (line) => console.log(line))
    const historyDir = join(benchCacheDir(), 'runs', `history-${process.pid}-${Date.now()}`)
    try {
      history = await measureInvoiceHistory({
        store: historyStore,
        runDir: historyDir,
        iterations: times(200),
        seed: manifest.options.seed + 3,
        log: (line) => console.log(line),
      })
    } finally {
      if (!args.keep) rmSync(historyDir, { recursive: true, force: true })
    }
  }

  // The reports over the same year, with days, categories and returns added (scripts/bench/reports.ts).
  let reports: ReportsFigures | null = null
  if (args.reports) {
    console.log('reports…')
    const reportsStore = await buildReportsStore({ invoiceLines: manifest.options.invoiceLines }, (line) => console.log(line))
    const reportsDir = join(benchCacheDir(), 'runs', `reports-${process.pid}-${Date.now()}`)
    try {
      reports = await measureReports({ store: reportsStore, runDir: reportsDir, iterations: times(10), log: (line) => console.log(line) })
    } finally {
      if (!args.keep) rmSync(reportsDir, { recursive: true, force: true })
    }
  }

  const loadAfter = loadavg()[0]!
  console.log('')
  console.log(
    `Core latency at ${manifest.counts.products.toLocaleString('en')} products, ${manifest.counts.invoiceLines.toLocaleString('en')} invoice lines ` +
      `(synchronous=FULL, WAL; Node ${environment.node}, ${environment.cores} cores; load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)})`,
  )
  printRows(rows)
  if (firstPage && imports) printBackOffice(firstPage, manifest.counts.products, imports)
  if (history) printInvoiceHistory(history)
  if (reports) printReports(reports)

  let startup: StartupReport | null = null
  if (args.startup) {
    console.log('')
    startup = await measureStartup({ log: (line) => console.log(line) })
    printStartup(startup)
  }

  const resultsDir = resolve(import.meta.dirname, '../../bench-results')
  mkdirSync(resultsDir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const file = join(resultsDir, `bench-${manifest.counts.products}p-${stamp}.json`)
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), environment: { ...environment, loadAverage: [loadBefore, loadAfter] }, database: manifest, iterationsFactor: args.iterations, rows, backOffice: { firstPage, imports }, history, reports, startup, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`,
  )
  console.log('')
  console.log(`results: ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
}

await main()
