/**
 * `npm run bench:screen` (issue 4, point 3): what the cashier sees, timed in the real screen. The
 * BUILT renderer runs in Debian's Chromium through the e2e harness (tests/e2e/harness.ts) on a copy
 * of the 100k-product benchmark database, signed in as the cashier, and three things are timed in
 * the page itself (scripts/bench/screen-probe.ts): from the keydown, as the browser took it, to the
 * first animation frame after the DOM shows the result (the frame that paints it).
 *
 *   scan → line visible         a real barcode typed as a scanner does (2 ms a key) and Enter,
 *                               timed from Enter to the new cart line (carts of up to 20 lines)
 *   keystroke → results shown   queries typed a letter at a time, waiting for each letter's
 *                               results: from each keydown to the list answering that exact text
 *                               (the typing pause before a search is sent counts in it)
 *   pay → receipt shown         a 5-line cart, F9, F2 (token), the token typed, timed from the
 *                               confirming Enter to the receipt
 *
 *   npm run bench:screen                    100k products (the database is built once and cached)
 *   npm run bench:screen -- --products 250000
 *   options: --samples <factor>  --keep (keep the run's database copy)
 *
 * Prints p50/p95/p99/max per measure against the budgets of DESIGN.md §7 and writes JSON to
 * bench-results/. Expects a built renderer (the npm script builds first).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { SEARCH_DELAY_MS } from '../../src/renderer/src/features/scan/search-sequencer'
import { startHarness, type Harness, type Till } from '../../tests/e2e/harness'
import { LoginPage } from '../../tests/e2e/pages/login.page'
import { PayPage } from '../../tests/e2e/pages/pay.page'
import { RegisterPage } from '../../tests/e2e/pages/register.page'
import {
  BENCH_ENDS_AT,
  BENCH_TOKEN,
  benchCacheDir,
  buildBenchDatabase,
  copyBenchDatabase,
  type BenchDatabaseOptions,
} from './build-database'
import { createRng } from './prng'
import { addProbe, timeInPage, type ProbeSpec, type ProbeTiming } from './screen-probe'
import { formatMs, positiveNumber, percentiles, printTextTable, type Percentiles } from './stats'

interface Args {
  database: Partial<BenchDatabaseOptions>
  samples: number
  keep: boolean
}

function parseArgs(argv: string[]): Args {
  const args: Args = { database: {}, samples: 1, keep: false }
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!
    if (flag === '--products') args.database.products = Math.round(positiveNumber(flag, argv[++index]))
    else if (flag === '--samples') args.samples = positiveNumber(flag, argv[++index])
    else if (flag === '--keep') args.keep = true
    else throw new Error(`unknown option ${flag} (see the header of scripts/bench/screen.ts)`)
  }
  return args
}

/** A scanner's pace: about 2 ms a character, so a 13-digit code and Enter take ~30 ms. */
const SCANNER_KEY_DELAY_MS = 2
/** Lines per sale while timing scans; then the cart is cleared (untimed). */
const CART_LINES = 20
const PAY_LINES = 5

/**
 * Typed a letter at a time, each letter timed: one letter, prefixes, whole words, two words,
 * substrings (the search's fourth tier) and text nothing matches. 200 keystrokes.
 */
const WORDS = [
  'm',
  'milk',
  'choc',
  'basmati rice',
  'ilk',
  'ocola',
  'noodles',
  'green tea',
  'c',
  'shampoo',
  'b',
  'mango juice',
  'ampo',
  'oodle',
  'dark chocolate',
  't',
  'olive oil',
  'paneer',
  'ghee',
  's',
  'hair oil',
  'utter',
  'cornflakes',
  'p',
  'coffee',
  'soap',
  'biscuits',
  'zzqx',
  'tea',
  'rice',
  'baby wipes',
  'ashew',
  'dal',
  'r',
  'juice',
  'cola',
  'flake',
  'cream',
  'chicken noodles',
]
/** Typed first, untimed: Chromium, React and SQLite's caches warm up. */
const WARMUP_WORDS = ['mil', 'tomato', 'sugar', 'bread']

interface Target {
  p95?: number
}

interface Row {
  name: string
  /** Keydown → frame that paints it. */
  frame: Percentiles
  /** Keydown → DOM in the wanted state. */
  dom: Percentiles
  target: Target
  verdict: string
  samples: number[]
}

interface Product {
  id: number
  barcode: string
  name: string
}

function row(name: string, timings: ProbeTiming[], target: Target): Row {
  const frame = percentiles(timings.map((timing) => timing.frameMs))
  const dom = percentiles(timings.map((timing) => timing.domMs))
  const verdict = target.p95 === undefined ? '–' : frame.p95 <= target.p95 ? 'ok' : `MISS p95>${target.p95}`
  return { name, frame, dom, target, verdict, samples: timings.map((timing) => Math.round(timing.frameMs * 100) / 100) }
}

function printRows(rows: Row[]): void {
  const header = ['measure', 'n', 'p50', 'p95', 'p99', 'max', 'DOM p50', 'DOM p95', 'target', 'verdict']
  const lines = rows.map((r) => [
    r.name,
    String(r.frame.n),
    formatMs(r.frame.p50),
    formatMs(r.frame.p95),
    formatMs(r.frame.p99),
    formatMs(r.frame.max),
    formatMs(r.dom.p50),
    formatMs(r.dom.p95),
    r.target.p95 === undefined ? 'none set' : `p95≤${r.target.p95}`,
    r.verdict,
  ])
  printTextTable(header, lines, (column) => column === 0 || column >= 8)
  console.log(
    'times in ms, from the keydown (as Chromium took it) to the start of the frame that paints the result; "DOM" = until the DOM had it',
  )
}

/** Active, well-stocked products with barcodes and distinct names, drawn with a seeded PRNG. */
function pickProducts(dbPath: string, count: number, seed: number, productCount: number): Product[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    const byId = db.prepare('select id, barcode, name from product where id = ? and active and barcode is not null and stock >= 50')
    const rng = createRng(seed)
    const names = new Set<string>()
    const products: Product[] = []
    for (let attempt = 0; products.length < count && attempt < count * 50; attempt += 1) {
      const product = byId.get(rng.int(1, productCount)) as Product | undefined
      if (!product || names.has(product.name)) continue
      names.add(product.name)
      products.push(product)
    }
    if (products.length < count) throw new Error(`found only ${products.length} of ${count} products to scan`)
    return products
  } finally {
    db.close()
  }
}

async function clearCart(register: RegisterPage): Promise<void> {
  if ((await register.lines.count()) === 0) return
  await register.clearButton.click()
  await register.page.locator('.cart-empty').waitFor()
  await register.waitForScanFocus()
}

async function scan(register: RegisterPage, product: Product): Promise<void> {
  await register.page.keyboard.type(product.barcode, { delay: SCANNER_KEY_DELAY_MS })
  await register.page.keyboard.press('Enter')
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
    chromium: '',
    searchDelayMs: SEARCH_DELAY_MS,
  }
  const loadBefore = loadavg()[0]!
  const database = await buildBenchDatabase(args.database, (line) => console.log(line))
  const { manifest } = database
  const runDir = join(benchCacheDir(), 'runs', `screen-${process.pid}-${Date.now()}`)
  const dbPath = copyBenchDatabase(database, runDir)

  const scans = Math.max(10, Math.round(200 * args.samples))
  const scanWarmup = 20
  const payments = Math.max(5, Math.round(50 * args.samples))
  const payWarmup = 3
  const products = pickProducts(
    dbPath,
    scans + scanWarmup + (payments + payWarmup) * PAY_LINES,
    manifest.options.seed + 2,
    manifest.counts.products,
  )

  let harness: Harness | undefined
  let till: Till | undefined
  const rows: Row[] = []
  try {
    harness = await startHarness()
    environment.chromium = harness.browserVersion
    console.log(
      `Tillwise screen bench — Node ${environment.node}, ${environment.cores} cores (${environment.cpu}), ${environment.memoryGb} GB, ` +
        `${environment.platform}, Chromium ${environment.chromium}`,
    )
    console.log(`load average (1 min) at start: ${loadBefore.toFixed(2)}`)
    console.log(
      `database: ${manifest.counts.products.toLocaleString('en')} products, ${manifest.counts.invoiceLines.toLocaleString('en')} invoice lines; ` +
        (database.built ? `built in ${manifest.buildSeconds} s` : 'reused from cache'),
    )
    console.log(`renderer: search sent after a ${SEARCH_DELAY_MS} ms pause in typing`)

    till = await harness.openTill({ database: { path: dbPath, now: BENCH_ENDS_AT }, beforeLoad: addProbe })
    const { page } = till
    const register = new RegisterPage(page)
    await new LoginPage(page).signInWithKeyboard('cashier', 'cashier')
    await register.waitUntilShown()
    await register.waitForScanFocus()
    let next = 0

    console.log(`scan → line: ${scanWarmup} warm-up + ${scans} scans…`)
    const scanTimings: ProbeTiming[] = []
    let lines = 0
    for (let sample = 0; sample < scanWarmup + scans; sample += 1) {
      if (lines === CART_LINES) {
        await clearCart(register)
        lines = 0
      }
      const product = products[next++]!
      const spec: ProbeSpec = { key: 'Enter', state: { kind: 'line', name: product.name, lines: lines + 1 } }
      const timing = await timeInPage(page, spec, () => scan(register, product))
      lines += 1
      if (sample >= scanWarmup) scanTimings.push(timing)
    }
    rows.push(row('scan → line visible', scanTimings, { p95: 50 }))
    await clearCart(register)

    const keystrokes = WORDS.join('').length
    console.log(`keystroke → results: ${WARMUP_WORDS.length} warm-up words + ${WORDS.length} words, ${keystrokes} keystrokes…`)
    const searchTimings: ProbeTiming[] = []
    for (const [index, word] of [...WARMUP_WORDS, ...WORDS].entries()) {
      await page.keyboard.press('Escape')
      await page.locator('.scan-popup').waitFor({ state: 'detached' })
      for (let length = 1; length <= word.length; length += 1) {
        const key = word[length - 1]!
        const spec: ProbeSpec = { key, state: { kind: 'results', query: word.slice(0, length) } }
        const timing = await timeInPage(page, spec, () => page.keyboard.type(key))
        if (index >= WARMUP_WORDS.length) searchTimings.push(timing)
      }
    }
    await page.keyboard.press('Escape')
    rows.push(row('keystroke → results shown', searchTimings, { p95: 100 }))

    console.log(`pay → receipt: ${payWarmup} warm-up + ${payments} token payments of ${PAY_LINES}-line carts…`)
    const pay = new PayPage(page)
    const payTimings: ProbeTiming[] = []
    for (let sample = 0; sample < payWarmup + payments; sample += 1) {
      for (let line = 0; line < PAY_LINES; line += 1) {
        const product = products[next++]!
        await scan(register, product)
        await register.waitForLine(product.name, 1)
      }
      await pay.open()
      await page.keyboard.press('F2')
      await pay.waitForFocus('pay-token')
      await page.keyboard.type(BENCH_TOKEN.code)
      const timing = await timeInPage(page, { key: 'Enter', state: { kind: 'receipt' } }, () => page.keyboard.press('Enter'))
      if (sample >= payWarmup) payTimings.push(timing)
      // Enter on the receipt screen starts the next sale.
      await page.getByRole('button', { name: 'New sale' }).waitFor()
      await page.keyboard.press('Enter')
      await register.waitForScanFocus()
      await page.locator('.cart-empty').waitFor()
    }
    rows.push(row('pay → receipt shown', payTimings, {}))
    if (till.problems.length > 0) throw new Error(`the page reported problems:\n${till.problems.join('\n')}`)
  } finally {
    await harness?.close()
    if (!args.keep) rmSync(runDir, { recursive: true, force: true })
  }

  const loadAfter = loadavg()[0]!
  console.log('')
  console.log(
    `Screen latency at ${manifest.counts.products.toLocaleString('en')} products (built renderer in Chromium ${environment.chromium}, ` +
      `Node ${environment.node}, ${environment.cores} cores; search pause ${SEARCH_DELAY_MS} ms; load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)})`,
  )
  printRows(rows)

  const resultsDir = resolve(import.meta.dirname, '../../bench-results')
  mkdirSync(resultsDir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const file = join(resultsDir, `screen-${manifest.counts.products}p-${stamp}.json`)
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), environment: { ...environment, loadAverage: [loadBefore, loadAfter] }, database: manifest, samplesFactor: args.samples, rows, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`,
  )
  console.log('')
  console.log(`results: ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
}

await main()
