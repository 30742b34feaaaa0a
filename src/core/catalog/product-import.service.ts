import { Worker } from 'node:worker_threads'
import { sql as rawSql } from 'kysely'
import type { ImportResultDto } from '#shared/contract/catalog'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { DbContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { uuidv7 } from '#core/common/ids'
import { workerEntry } from '#core/common/worker-entry'
import type { BoundStatements } from '#core/db/statements'
import { read, write, type Writer } from '#core/db/tx'
import { CsvChecker, formatProductCsv, parseProductCsv, type CsvRecords, type CsvRow, type ParsedCsv } from './product-csv.rules'
import {
  categoryIdOf,
  ImportPlanner,
  mergeErrors,
  type ExistingProduct,
  type ImportPlan,
  type ProductValues,
  type WorkerReply,
  type WorkerRequest,
} from './product-import.rules'
import { PRODUCT_IMPORT_SQL, SEARCH_INSERT_TRIGGER, type ImportProductRow } from './product-import.statements'
import { splitTags } from './products.rules'
import { activeTaxRateIds } from './taxes.service'

type ImportSql = BoundStatements<typeof PRODUCT_IMPORT_SQL>
type Decimals = 0 | 2 | 3
export type ImportProgress = ChannelOutput<'products:importProgress'>

/** Errors a result lists; `errorCount` has them all. */
const LISTED_ERRORS = 500
/** Rows per set statement, and per look-up read of a preview (the till's calls go in between). */
const CHUNK = 5_000
/**
 * The page cache while a big file is imported, in KiB (SQLite's negative cache_size): its look-ups
 * and the search indexes' pages stay in memory instead of being read again from the file or the WAL
 * (the README's Speed table).
 */
const IMPORT_CACHE_KIB = 262_144
/** A job's progress stays readable this long after it is done. */
const FORGET_AFTER_MS = 60_000
/** A preview's parse is kept this long for the apply of the same file. */
const PARSE_KEPT_MS = 10 * 60_000
/** A file this small is read in core's thread: it takes less time than starting a worker. */
const IN_THREAD_MAX_CHARS = 200_000

// ---------------------------------------------------------------------------------------------
// Jobs: one import at a time, its progress kept in memory (a till process runs one backend).
// ---------------------------------------------------------------------------------------------

interface Job extends ImportProgress {
  finishedAt: number | null
}

const jobs = new Map<string, Job>()
/** Lets the event loop run (a till's call, a progress call) before going on. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
let running = false

function forgetOldJobs(): void {
  const now = Date.now()
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > FORGET_AFTER_MS) jobs.delete(id)
}

function step(job: Job, phase: ImportProgress['phase'], total: number): void {
  job.phase = phase
  job.done = 0
  job.total = total
}

/** Where the import with this id is (`products:importProgress`). */
export function importProgress(jobId: string): ImportProgress {
  forgetOldJobs()
  const job = jobs.get(jobId)
  if (!job) throw new DomainError('NOT_FOUND', 'No import with that id is running or just done.', { what: 'importJob' })
  return { phase: job.phase, done: job.done, total: job.total }
}

// ---------------------------------------------------------------------------------------------
// Parsing, in a worker thread
// ---------------------------------------------------------------------------------------------

const WORKER_NAME = 'product-csv.worker'

/**
 * Reads the CSV with a worker thread, reporting its progress and handing its rows over as they come.
 * The worker reads the records (product-csv.worker.ts) and sends them a batch at a time as JSON
 * text, which crosses threads as one copy; here they are checked (CsvChecker), one batch a turn,
 * so the till's calls are answered between batches (a port hands every waiting message over at
 * once). Reading and checking run side by side, on the two threads.
 */
export function parseInWorker(
  csv: string,
  currencyDecimals: Decimals,
  onProgress: (done: number, total: number) => void,
  onRows?: (rows: readonly CsvRow[]) => void,
): Promise<ParsedCsv> {
  const { url, execArgv } = workerEntry(WORKER_NAME, import.meta.url)
  const request: WorkerRequest = { csv }
  const worker = new Worker(url, { workerData: request, ...(execArgv ? { execArgv } : {}) })
  const newChecker = () => new CsvChecker({ currencyDecimals, ...(onRows ? { onRows } : {}) })
  let checker = newChecker()
  /** What the worker said, checked in order. */
  const pending: Exclude<WorkerReply, { kind: 'progress' | 'failed' }>[] = []
  let draining = false
  let answered = false
  return new Promise((resolve, reject) => {
    let settled = false
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      outcome()
    }
    // Set and cleared inside: a drain may finish without awaiting anything (a restart alone).
    const drain = async () => {
      draining = true
      try {
        for (let reply = pending.shift(); reply !== undefined && !settled; reply = pending.shift()) {
          if (reply.kind === 'records') {
            checker.records(JSON.parse(reply.json) as CsvRecords)
            await nextTurn()
          } else if (reply.kind === 'broken') checker.broken(reply.error)
          else if (reply.kind === 'restart') checker = newChecker()
          else {
            const parsed = checker.finish()
            settle(() => resolve(parsed))
          }
        }
      } catch (error) {
        settle(() => reject(error))
      } finally {
        draining = false
      }
    }
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'progress') onProgress(reply.done, reply.total)
      else if (reply.kind === 'failed') settle(() => reject(new Error(`the CSV worker failed: ${reply.message}`)))
      else {
        if (reply.kind === 'done') answered = true
        pending.push(reply)
        if (!draining) void drain()
      }
    })
    worker.on('error', (error) => settle(() => reject(error)))
    worker.on('exit', (code) => {
      if (!answered) settle(() => reject(new Error(`the CSV worker stopped (exit ${code}) before answering`)))
    })
  })
}

/** The last file read, so applying a file just previewed does not read it again. */
let lastParse: { csv: string; decimals: Decimals; parsed: ParsedCsv; at: number } | null = null

/**
 * Reads the file, or takes the last reading of the same file. `onRows` sees the rows as the worker
 * hands them over (a preview looks them up meanwhile); it is not called for a file read otherwise,
 * which `streamed: false` says.
 */
async function parseFile(
  csv: string,
  decimals: Decimals,
  job: Job,
  onRows?: (rows: readonly CsvRow[]) => void,
): Promise<{ parsed: ParsedCsv; streamed: boolean }> {
  // The text itself is the key: comparing it is cheaper than hashing it.
  if (lastParse && lastParse.csv === csv && lastParse.decimals === decimals && Date.now() - lastParse.at < PARSE_KEPT_MS) {
    return { parsed: lastParse.parsed, streamed: false }
  }
  lastParse = null
  step(job, 'parsing', 0)
  const progress = (done: number, total: number) => {
    job.done = done
    job.total = total
  }
  const streamed = csv.length > IN_THREAD_MAX_CHARS
  const parsed = streamed
    ? await parseInWorker(csv, decimals, progress, onRows)
    : parseProductCsv(csv, { currencyDecimals: decimals, onProgress: progress })
  lastParse = { csv, decimals, parsed, at: Date.now() }
  return { parsed, streamed }
}

// ---------------------------------------------------------------------------------------------
// Checking against the database
// ---------------------------------------------------------------------------------------------

interface Lookups {
  productsBySku: Map<string, ExistingProduct>
  barcodeOwners: Map<string, { id: number; sku: string }>
  categoriesByKey: Map<string, number>
}

function existing(row: ImportProductRow): ExistingProduct {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    priceCents: row.price_cents,
    barcode: row.barcode,
    categoryId: row.category_id,
    tags: row.tags,
    stock: row.stock,
    lowStockAt: row.low_stock_at,
    active: Boolean(row.active),
  }
}

/**
 * Adds what the database holds for these rows to the look-ups. A barcode the row's own product
 * already has is not looked up (the unique index says no other product has it), so a file that
 * keeps its barcodes, as an export edited and imported back does, reads each product once; in a
 * store without products (a new shop's first import) nothing is looked up.
 */
function lookUp(sql: ImportSql, rows: readonly CsvRow[], lookups: Lookups): void {
  if (sql.productRowsUpTo(1) === 0) return
  const { productsBySku } = lookups
  for (const row of sql.productsBySku(JSON.stringify(rows.map((r) => r.sku)))) productsBySku.set(row.sku, existing(row))
  const barcodes = rows.flatMap((r) => (r.barcode && productsBySku.get(r.sku)?.barcode !== r.barcode ? [r.barcode] : []))
  if (barcodes.length > 0) {
    for (const owner of sql.barcodeOwners(JSON.stringify(barcodes)))
      lookups.barcodeOwners.set(owner.barcode!, { id: owner.id, sku: owner.sku })
  }
}

function newLookups(sql: ImportSql): Lookups {
  return {
    productsBySku: new Map(),
    barcodeOwners: new Map(),
    categoriesByKey: new Map(sql.categories().map((category) => [category.name_key, category.id])),
  }
}

/**
 * A preview's look-ups, one read per batch of rows, so the till's own calls are answered in
 * between; batches are looked up while the worker is still reading the rest of the file.
 */
class PreviewLookups {
  #lookups: Lookups | null = null
  #chain: Promise<void> = Promise.resolve()
  #failure: unknown = null
  /** Rows looked up so far (some twice, when the worker read the file again). */
  looked = 0

  constructor(
    readonly ctx: DbContext,
    readonly job: Job,
  ) {}

  add(rows: readonly CsvRow[]): void {
    this.#chain = this.#chain
      .then(() =>
        read(this.ctx, PRODUCT_IMPORT_SQL, ({ sql }) => {
          this.#lookups ??= newLookups(sql)
          lookUp(sql, rows, this.#lookups)
          this.looked += rows.length
          // A file read again after it turned out not to be plain is looked up again too.
          if (this.job.phase === 'checking') this.job.done = Math.min(this.looked, this.job.total)
        }),
      )
      // Kept for done(): a failure must not go unhandled while the file is still being read.
      .catch((error: unknown) => {
        this.#failure ??= error
      })
  }

  async done(): Promise<Lookups> {
    await this.#chain
    if (this.#failure) throw this.#failure
    this.#lookups ??= await read(this.ctx, PRODUCT_IMPORT_SQL, ({ sql }) => newLookups(sql))
    return this.#lookups
  }
}

/** Previews a file: reads it (looking its rows up as they come) and plans it against the database. */
async function previewFile(ctx: DbContext, csv: string, decimals: Decimals, job: Job): Promise<{ parsed: ParsedCsv; plan: ImportPlan }> {
  const lookups = new PreviewLookups(ctx, job)
  const { parsed, streamed } = await parseFile(csv, decimals, job, (rows) => lookups.add(rows))
  const { rows } = parsed
  if (!streamed) for (let start = 0; start < rows.length; start += CHUNK) lookups.add(rows.slice(start, start + CHUNK))
  step(job, 'checking', rows.length)
  job.done = Math.min(lookups.looked, rows.length)
  return { parsed, plan: await planInSteps(rows, await lookups.done()) }
}

/** Plans the rows a chunk at a time, letting other calls in between. */
async function planInSteps(rows: readonly CsvRow[], lookups: Lookups): Promise<ImportPlan> {
  const planner = new ImportPlanner(rows, lookups)
  for (let start = 0; start < rows.length; start += CHUNK) {
    planner.planRows(start, start + CHUNK)
    await nextTurn()
  }
  return planner.plan
}

function resultOf(parsed: ParsedCsv, plan: ImportPlan, applied: boolean): ImportResultDto {
  const errors = mergeErrors(parsed.errors, plan.errors)
  return {
    rows: parsed.rowCount,
    creates: plan.creates.length,
    updates: plan.updates.length,
    unchanged: plan.unchanged,
    errors: errors.slice(0, LISTED_ERRORS),
    errorCount: errors.length,
    newCategories: plan.newCategories.size,
    applied,
  }
}

function refuseErrors(errorCount: number): DomainError<'CONFLICT'> {
  return new DomainError('CONFLICT', `The file has ${errorCount} error(s); nothing was imported.`, { what: 'importErrors', errorCount })
}

// ---------------------------------------------------------------------------------------------
// Import: preview or apply
// ---------------------------------------------------------------------------------------------

export interface ImportRequest {
  csv: string
  apply: boolean
  jobId?: string | undefined
}

/**
 * Previews or applies a product CSV. Reading the file runs in a worker; looking its rows up and
 * writing them run in core's database queue. Apply is one transaction that checks the file against
 * the database again (it may have changed since the preview) and refuses it while any error is
 * left; it writes every create and update, their tags, new categories, a stock movement `import`
 * for every count it changes, and one audit entry. A file that changes nothing writes nothing.
 */
export async function importProducts(
  ctx: DbContext,
  actor: SessionUser,
  store: { decimals: Decimals; defaultTaxRateIds: readonly number[] },
  request: ImportRequest,
): Promise<ImportResultDto> {
  const { decimals } = store
  if (running) throw new DomainError('CONFLICT', 'Another import is running.', { what: 'importRunning' })
  running = true
  forgetOldJobs()
  const job: Job = { phase: 'parsing', done: 0, total: 0, finishedAt: null }
  if (request.jobId) jobs.set(request.jobId, job)
  try {
    return await (request.csv.length > IN_THREAD_MAX_CHARS ? withImportPragmas(ctx, run) : run())
  } finally {
    job.phase = 'done'
    job.done = job.total
    job.finishedAt = Date.now()
    running = false
  }

  async function run(): Promise<ImportResultDto> {
    if (!request.apply) {
      const { parsed, plan } = await previewFile(ctx, request.csv, decimals, job)
      return resultOf(parsed, plan, false)
    }
    const { parsed } = await parseFile(request.csv, decimals, job)
    if (parsed.errors.length > 0) {
      // The count includes what the database says about the other rows (barcodes other products have).
      const { plan } = await previewFile(ctx, request.csv, decimals, job)
      throw refuseErrors(mergeErrors(parsed.errors, plan.errors).length)
    }
    return await applyFile(ctx, actor, parsed, store.defaultTaxRateIds, job)
  }
}

function applyFile(
  ctx: DbContext,
  actor: SessionUser,
  parsed: ParsedCsv,
  defaultTaxRateIds: readonly number[],
  job: Job,
): Promise<ImportResultDto> {
  const at = ctx.now()
  step(job, 'waiting', parsed.rows.length)
  return write(ctx, PRODUCT_IMPORT_SQL, async (tx) => {
    job.phase = 'checking'
    const lookups = newLookups(tx.sql)
    for (let start = 0; start < parsed.rows.length; start += CHUNK) {
      lookUp(tx.sql, parsed.rows.slice(start, start + CHUNK), lookups)
      job.done = Math.min(parsed.rows.length, start + CHUNK)
      await nextTurn()
    }
    const plan = await planInSteps(parsed.rows, lookups)
    if (plan.errors.length > 0) throw refuseErrors(plan.errors.length)
    if (plan.creates.length + plan.updates.length > 0) {
      step(job, 'applying', plan.creates.length + plan.updates.length)
      // New products start with the store's default taxes, as products:create gives them (switched-off ones left out).
      const taxes = plan.creates.length > 0 ? await activeTaxRateIds(tx, defaultTaxRateIds) : []
      await writePlan(tx, plan, lookups.categoriesByKey, taxes, actor, at, job)
      tx.audit({
        action: 'products.imported',
        actor: { id: actor.id, name: actor.displayName },
        details: {
          rows: parsed.rowCount,
          creates: plan.creates.length,
          updates: plan.updates.length,
          unchanged: plan.unchanged,
          newCategories: plan.newCategories.size,
        },
      })
    }
    if (lastParse?.parsed === parsed) lastParse = null
    return resultOf(parsed, plan, true)
  })
}

/**
 * Runs `work` with a page cache of IMPORT_CACHE_KIB on core's connection and no automatic
 * checkpoint, then puts both back. Set and reset in the database queue, each in a read of its own:
 * the calls in between (a till's scans) only find more pages in memory. SQLite checkpoints in the
 * commit that takes the WAL past 1000 pages, and an apply of 100k new products writes some 100 MB
 * to it (a quarter of a second to copy into the database): that checkpoint runs after the import
 * has answered instead, once its commit is durable (synchronous = FULL as always), and after the
 * calls that waited for the import.
 */
async function withImportPragmas<T>(ctx: DbContext, work: () => Promise<T>): Promise<T> {
  const previous = await read(ctx, async ({ kysely }) => {
    const cache = await rawSql<{ cache_size: number }>`pragma cache_size`.execute(kysely)
    const checkpoint = await rawSql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(kysely)
    await rawSql.raw(`pragma cache_size = -${IMPORT_CACHE_KIB}`).execute(kysely)
    await rawSql.raw('pragma wal_autocheckpoint = 0').execute(kysely)
    return { cacheSize: Number(cache.rows[0]?.cache_size), autoCheckpoint: Number(checkpoint.rows[0]?.wal_autocheckpoint) }
  })
  let failed = false
  try {
    return await work()
  } catch (error) {
    failed = true
    throw error
  } finally {
    const restored = read(ctx, async ({ kysely }) => {
      if (Number.isSafeInteger(previous.cacheSize)) await rawSql.raw(`pragma cache_size = ${previous.cacheSize}`).execute(kysely)
      const pages = Number.isSafeInteger(previous.autoCheckpoint) ? previous.autoCheckpoint : 1000
      await rawSql.raw(`pragma wal_autocheckpoint = ${pages}`).execute(kysely)
    })
    // After a failure that failure is the one to report (a till shutting down refuses this read too).
    await (failed ? restored.catch(() => undefined) : restored)
    // Queued once the import has answered, after the calls that came meanwhile (a till shutting down refuses it; closing
    // the database checkpoints, and a crash leaves a WAL the next open replays).
    setImmediate(() => void read(ctx, ({ kysely }) => rawSql.raw('pragma wal_checkpoint(PASSIVE)').execute(kysely)).catch(() => undefined))
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let start = 0; start < items.length; start += CHUNK) out.push(items.slice(start, start + CHUNK))
  return out
}

/**
 * Writes a plan in the open transaction, a chunk of rows per statement. Between chunks it lets
 * other JavaScript run (a progress call is answered); nothing else reaches the database, which
 * this transaction holds.
 */
async function writePlan(
  tx: Writer<typeof PRODUCT_IMPORT_SQL>,
  plan: ImportPlan,
  categories: Map<string, number>,
  taxRateIds: readonly number[],
  actor: SessionUser,
  at: Date,
  job: Job,
): Promise<void> {
  const { sql } = tx
  const atIso = at.toISOString()
  const movements: [number, number, string, number][] = []
  const tagRows: [number, string][] = []
  const tagsCleared: number[] = []
  const movement = (productId: number, delta: number, stockAfter: number) => movements.push([productId, delta, uuidv7(at), stockAfter])

  if (plan.newCategories.size > 0) {
    const rows = [...plan.newCategories].map(([key, name]) => [name, key])
    for (const category of sql.insertCategories({ rows: JSON.stringify(rows), at: atIso })) categories.set(category.name_key, category.id)
  }
  // Barcodes moving between products of the file leave their old owners first (the unique index checks every row).
  if (plan.barcodeReleases.length > 0) for (const ids of chunks(plan.barcodeReleases)) sql.releaseBarcodes(JSON.stringify(ids))

  // Each changed column by its own statement (see PRODUCT_IMPORT_SQL): a new price re-indexes nothing.
  const changes = {
    indexed: [] as unknown[][],
    prices: [] as unknown[][],
    stock: [] as unknown[][],
    categories: [] as unknown[][],
    thresholds: [] as unknown[][],
  }
  for (const { product, values, indexed, tagsChanged } of plan.updates) {
    const { id } = product
    if (indexed) {
      changes.indexed.push([id, values.name, values.barcode, values.tags === undefined ? product.tags : values.tags, values.active ? 1 : 0])
    }
    if (tagsChanged) {
      tagsCleared.push(id)
      for (const tag of splitTags(values.tags ?? null)) tagRows.push([id, tag])
    }
    if (values.priceCents !== product.priceCents) changes.prices.push([id, values.priceCents])
    if (values.stock !== product.stock) {
      changes.stock.push([id, values.stock])
      movement(id, values.stock - product.stock, values.stock)
    }
    const categoryId = categoryIdOf(values, categories, product.categoryId)
    if (categoryId !== product.categoryId) changes.categories.push([id, categoryId])
    if (values.lowStockAt !== product.lowStockAt) changes.thresholds.push([id, values.lowStockAt])
  }
  job.total = plan.creates.length + Object.values(changes).reduce((sum, rows) => sum + rows.length, 0)
  const statements = {
    indexed: sql.updateIndexed,
    prices: sql.updatePrices,
    stock: sql.updateStock,
    categories: sql.updateCategories,
    thresholds: sql.updateThresholds,
  } as const
  for (const [column, rows] of Object.entries(changes) as [keyof typeof changes, unknown[][]][]) {
    for (const batch of chunks(rows)) {
      statements[column]({ rows: JSON.stringify(batch), at: atIso })
      job.done += batch.length
      await nextTurn()
    }
  }

  if (plan.creates.length > 0) {
    // New ids are above every id there is (AUTOINCREMENT, and this transaction holds the database).
    const lastBefore = sql.lastProductId()!
    const ids = await insertProducts(tx, plan.creates, categories, atIso, job)
    if (taxRateIds.length > 0) sql.insertNewProductTaxes({ taxes: JSON.stringify(taxRateIds), after: lastBefore })
    // A catalog repeats a few combinations of tags: each is split once.
    const tagLists = new Map<string, string[]>()
    plan.creates.forEach((values, index) => {
      const id = ids[index]!
      if (values.stock > 0) movement(id, values.stock, values.stock)
      if (!values.tags) return
      let tags = tagLists.get(values.tags)
      if (!tags) tagLists.set(values.tags, (tags = splitTags(values.tags)))
      for (const tag of tags) tagRows.push([id, tag])
    })
  }

  for (const ids of chunks(tagsCleared)) sql.clearTags(JSON.stringify(ids))
  for (const rows of chunks(tagRows)) sql.insertTags(JSON.stringify(rows))
  inUidOrder(movements)
  for (const rows of chunks(movements)) sql.insertMovements({ rows: JSON.stringify(rows), at: atIso, tillId: tx.tillId, userId: actor.id })
}

/**
 * Puts movements in the order of their uids. One import's movements share their time, so their
 * uids differ only in the random part: in that order they go to the end of the uid index one after
 * another instead of all over it. Ordered by the first 28 random bits, as numbers (a tenth of the
 * cost of comparing the strings); a tie costs only a little of that order.
 */
function inUidOrder(movements: [number, number, string, number][]): void {
  const count = movements.length
  const uids = movements.map((row) => row[2])
  if (count > UID_ORDER_SLOTS) {
    uids.sort()
    movements.forEach((row, index) => (row[2] = uids[index]!))
    return
  }
  const keys = new Float64Array(count)
  for (let index = 0; index < count; index += 1) {
    const uid = uids[index]!
    keys[index] = Number.parseInt(uid.slice(15, 18) + uid.slice(19, 23), 16) * UID_ORDER_SLOTS + index
  }
  keys.sort()
  for (let index = 0; index < count; index += 1) movements[index]![2] = uids[keys[index]! % UID_ORDER_SLOTS]!
}

/** More than an import has rows (MAX_IMPORT_ROWS): a row's index fits beside 28 bits of its uid in a double's 53. */
const UID_ORDER_SLOTS = 2 ** 20

/**
 * Runs `insert` of `adding` new products without the product's indexes when that at least doubles
 * the catalog, building them again after: one sort each instead of every row put in at a random
 * place (names, prices, SKUs and barcodes come in any order; a tag's or a movement's rows already
 * go in at the end of their indexes, and those tables are left alone). A unique index built again
 * checks the rows as it would have checked each insert, and fails the whole import if not. In the
 * import's transaction: a failure or a crash leaves the schema as it was.
 */
async function withIndexesRebuilt(tx: Writer<typeof PRODUCT_IMPORT_SQL>, adding: number, insert: () => Promise<void>): Promise<void> {
  const { sql } = tx
  // Counted up to one more than `adding`: a catalog that big is not doubled.
  const doubled = adding > 0 && adding >= sql.productRowsUpTo(adding + 1)!
  const indexes = doubled ? sql.productIndexes() : []
  for (const index of indexes) await execute(tx, `drop index "${index.name.replaceAll('"', '""')}"`)
  await insert()
  for (const index of indexes) {
    await execute(tx, index.sql)
    await nextTurn()
  }
}

/** New products per search-index statement: a few statements, so progress moves while they run. */
const INDEX_CHUNK = 25_000
/** FTS5's own default `hashsize`, and the import's while it indexes new products. */
const FTS5_HASH_SIZE = 1_048_576
const BULK_HASH_SIZE = 8 * FTS5_HASH_SIZE

/** Runs SQL text that is not a named statement: schema the database itself hands back. */
async function execute(tx: Writer<typeof PRODUCT_IMPORT_SQL>, text: string): Promise<void> {
  await rawSql.raw(text).execute(tx.kysely)
}

/**
 * Inserts new products a chunk per statement and answers their ids, in order. Row by row the
 * search trigger of migration 0003 costs more than the rows themselves (two FTS5 indexes, each
 * statement's rows flushed as a segment to merge later), so it is dropped while the rows go in and
 * created again, and the new rows go into both indexes by range, a few statements each: what the
 * trigger would have written, far faster. A file that at least doubles the catalog goes in without
 * the product's indexes too (withIndexesRebuilt; the plan has already refused a SKU or barcode
 * twice). All of it is in the import's transaction: a failure or a crash leaves the schema as it
 * was, and the products are searchable when the import answers.
 */
async function insertProducts(
  tx: Writer<typeof PRODUCT_IMPORT_SQL>,
  creates: readonly ProductValues[],
  categories: Map<string, number>,
  atIso: string,
  job: Job,
): Promise<number[]> {
  const { sql } = tx
  // Another trigger (a later migration's) is left to index the rows itself.
  const trigger = sql.searchInsertTrigger()
  const bulkIndexing = trigger === SEARCH_INSERT_TRIGGER
  if (bulkIndexing) sql.dropSearchInsertTrigger()

  // Progress: half a row when it is written, half when it is indexed.
  const inserted = job.done
  const ids: number[] = []
  // New ids are above every id there is (AUTOINCREMENT, and this transaction holds the database).
  let after = sql.lastProductId()!
  await withIndexesRebuilt(tx, creates.length, async () => {
    for (const batch of chunks(creates)) {
      const rows = batch.map((values) => [
        values.sku,
        values.barcode,
        values.name,
        values.tags ?? null,
        values.priceCents,
        values.stock,
        values.active ? 1 : 0,
        categoryIdOf(values, categories, null),
        values.lowStockAt,
      ])
      sql.insertProducts({ rows: JSON.stringify(rows), at: atIso })
      const bySku = new Map<string, number>()
      for (const row of sql.productsAfter(after)) {
        bySku.set(row.sku, row.id)
        if (row.id > after) after = row.id
      }
      for (const values of batch) ids.push(bySku.get(values.sku)!)
      job.done = inserted + Math.floor(ids.length / 2)
      await nextTurn()
    }
  })

  if (bulkIndexing) {
    await execute(tx, trigger)
    // FTS5 writes its new terms out as a segment each time they fill `hashsize` (1 MB unless set), and
    // merges the segments as they pile up: 8 MB makes a few big ones instead of dozens to merge. Set
    // back before the commit.
    const hashSize = sql.searchHashSize()!
    sql.setSearchHashSize({ words: BULK_HASH_SIZE })
    sql.setSubstringHashSize({ substrings: BULK_HASH_SIZE })
    // The new ids are above every id there was and no other row is among them (AUTOINCREMENT, and this
    // transaction holds the database); an archived one is left out, as the trigger leaves it.
    let first = ids[0]!
    let last = first
    for (const id of ids) {
      if (id < first) first = id
      if (id > last) last = id
    }
    for (let from = first; from <= last; from += INDEX_CHUNK) {
      const range = { from, to: Math.min(last, from + INDEX_CHUNK - 1) }
      sql.indexWords(range)
      sql.indexSubstrings(range)
      job.done = inserted + Math.floor(ids.length / 2) + Math.floor((ids.length * (range.to - first + 1)) / (2 * (last - first + 1)))
      await nextTurn()
    }
    sql.setSearchHashSize({ words: hashSize.words ?? FTS5_HASH_SIZE })
    sql.setSubstringHashSize({ substrings: hashSize.substrings ?? FTS5_HASH_SIZE })
  }
  job.done = inserted + ids.length
  return ids
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/** The whole catalog, archived products too, by SKU, in the import's format: importing it back changes nothing. */
export async function exportProducts(ctx: DbContext, decimals: Decimals): Promise<{ csv: string; rows: number }> {
  const rows = await read(ctx, PRODUCT_IMPORT_SQL, ({ sql }) => sql.exportRows())
  const csv = formatProductCsv(
    rows.map((row) => ({
      sku: row.sku,
      name: row.name,
      priceCents: row.price_cents,
      barcode: row.barcode,
      category: row.category,
      tags: row.tags || null,
      stock: row.stock,
      lowStockAt: row.low_stock_at,
      archived: !row.active,
    })),
    decimals,
  )
  return { csv, rows: rows.length }
}
