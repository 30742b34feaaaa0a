/**
 * What a sale writes: the database pages a 20-line token sale puts in the WAL (each one written and
 * synced before the sale is answered, under synchronous=FULL), and its time, on the benchmark
 * store as it is and with the indexes migration 0020 dropped put back. Hand-written SQL on both, so
 * the difference is the schema's alone.
 *
 *   npx tsx scripts/bench/sale-pages.ts [--sales N]
 */
import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { BENCH_ENDS_AT, BENCH_TOKEN, benchCacheDir, buildBenchDatabase } from './build-database'
import { HandWritten } from './hand-written'
import { createRng } from './prng'
import { formatMs, percentiles, positiveNumber, printTextTable } from './stats'

/** The indexes migration 0020 dropped, as the migrations before it made them. */
const BEFORE_0020 = [
  'create index `product_stock_index` on `product` (`stock`, `low_stock_at`, `active`)',
  'create index `invoice_line_invoice_id_index` on `invoice_line` (`invoice_id`)',
  'create index `invoice_line_product_id_index` on `invoice_line` (`product_id`)',
  'create index `invoice_line_product_id_invoice_id_index` on `invoice_line` (`product_id`, `invoice_id`)',
  'create index `invoice_cashier_id_index` on `invoice` (`cashier_id`)',
  'create index `invoice_tender_invoice_id_index` on `invoice_tender` (`invoice_id`)',
  'create index `invoice_tender_invoice_id_method_index` on `invoice_tender` (`invoice_id`, `method`)',
  'create index `audit_entry_action_index` on `audit_entry` (`action`)',
  'create index `cart_line_user_id_index` on `cart_line` (`user_id`)',
]
/** The WAL's frame: a 24-byte header and the page. */
const FRAME_HEADER = 24

const argv = process.argv.slice(2)
const sales = argv[0] === '--sales' ? Math.round(positiveNumber('--sales', argv[1])) : 150

const database = await buildBenchDatabase({}, (line) => console.log(line))
const rows: string[][] = []
for (const [variant, extra] of [
  ['now (after migration 0020)', []],
  ['with the dropped indexes back', BEFORE_0020],
] as const) {
  const runDir = join(benchCacheDir(), 'runs', `pages-${process.pid}-${Date.now()}`)
  mkdirSync(runDir, { recursive: true })
  const dbPath = join(runDir, 'tillwise.sqlite')
  copyFileSync(database.dbPath, dbPath)
  const hand = new HandWritten(dbPath)
  try {
    for (const sql of extra) hand.db.exec(sql)
    const pageSize = hand.db.pragma('page_size', { simple: true }) as number
    const manager = hand.db.prepare("select id, display_name as displayName from user where username = 'manager'").get() as {
      id: number
      displayName: string
    }
    const rng = createRng(database.manifest.options.seed + 7)
    const active = hand.db.prepare('select id from product where id = ? and active and stock >= 50').pluck()
    const pool: number[] = []
    while (pool.length < 20 * (sales + 20) * 2) {
      const id = active.get(rng.int(1, database.manifest.counts.products)) as number | undefined
      if (id !== undefined && !pool.includes(id)) pool.push(id)
    }
    let next = 0
    const clockStart = Date.now()
    const now = () => new Date(BENCH_ENDS_AT.getTime() + (Date.now() - clockStart))
    /** One sale of 20 fresh products; answers its time and the WAL's growth in bytes. */
    const sell = () => {
      let total = 0
      for (let line = 0; line < 20; line += 1) total = hand.cartAdd(manager.id, pool[next++]!, 1, now()).totalCents
      const walBefore = statSync(`${dbPath}-wal`).size
      const started = process.hrtime.bigint()
      hand.checkoutWithToken(manager, { idempotencyKey: randomUUID(), expectedTotalCents: total, token: BENCH_TOKEN.code }, now())
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      return { ms, walBytes: statSync(`${dbPath}-wal`).size - walBefore }
    }
    // Pages: the WAL only grows while nothing checkpoints it.
    hand.db.pragma('wal_checkpoint(TRUNCATE)')
    hand.db.pragma('wal_autocheckpoint = 0')
    for (let i = 0; i < 10; i += 1) sell()
    const pages: number[] = []
    for (let i = 0; i < sales; i += 1) pages.push(sell().walBytes / (pageSize + FRAME_HEADER))
    // Time: with the default checkpoints, as the app runs.
    hand.db.pragma('wal_checkpoint(TRUNCATE)')
    hand.db.pragma('wal_autocheckpoint = 1000')
    for (let i = 0; i < 10; i += 1) sell()
    const times = percentiles(Array.from({ length: sales }, () => sell().ms))
    const pageFigures = percentiles(pages)
    rows.push([
      variant,
      String(sales),
      pageFigures.p50.toFixed(0),
      ((pageFigures.p50 * pageSize) / 1024).toFixed(0),
      formatMs(times.p50),
      formatMs(times.p95),
      formatMs(times.p99),
    ])
  } finally {
    hand.close()
    rmSync(runDir, { recursive: true, force: true })
  }
}
console.log('')
console.log(
  `A 20-line token sale, hand-written SQL, on ${database.manifest.counts.products.toLocaleString('en')} products (synchronous=FULL, WAL)`,
)
printTextTable(['schema', 'sales', 'pages written p50', 'KiB', 'p50 ms', 'p95', 'p99'], rows, (column) => column === 0)
