/**
 * Deterministic benchmark databases (issue 4): a store with N products (realistic names from word
 * lists and a seeded PRNG, a category per department, tags), a year of sales (invoice lines, their stock movements, token debits and
 * the audit trail, all consistent), and thousands of tokens.
 *
 * The schema comes from the real migrations (`openDatabase` once, then closed); the rows are bulk
 * inserted with better-sqlite3 in large transactions, so the FTS triggers of migration 0003 build
 * the search indexes exactly as the app would. Databases are cached by their parameters (and by the
 * list of migrations and BUILDER_VERSION) under the OS temp folder; a second run reuses them.
 *
 * Importable (the screen benchmark uses it) and runnable on its own:
 *   npx tsx scripts/bench/build-database.ts [--products 100000] [--invoice-lines 1000000] [--tokens 5000]
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { openDatabase } from '#core/db/database'
import { DEMO_USERS, ean13 } from '#core/db/seed/demo-seed'
import { MIGRATIONS } from '#core/db/migrations'
import { auditHash, GENESIS_HASH } from '#core/audit/audit.service'
import { createRng, type Rng } from './prng'
import { BRANDS, DEPARTMENTS, EXTRA_TAGS, VARIANTS } from './word-lists'

/** Bump when the generator's output changes, so cached databases are rebuilt. */
export const BUILDER_VERSION = 3

export interface BenchDatabaseOptions {
  products: number
  invoiceLines: number
  tokens: number
  seed: number
}

export const DEFAULT_BENCH_OPTIONS: BenchDatabaseOptions = {
  products: 100_000,
  invoiceLines: 1_000_000,
  tokens: 5_000,
  seed: 20_260_315,
}

/** The last instant of the generated year of sales; the benchmark's clock starts here. */
export const BENCH_ENDS_AT = new Date('2026-03-15T04:15:00.000Z')
const YEAR_MS = 365 * 24 * 60 * 60 * 1000

/** A token no generated sale touches, with a balance no benchmark run can exhaust. */
export const BENCH_TOKEN = { code: '11111111-1111-4111-8111-111111111111', balanceCents: 1_000_000_000_000, expiresOn: '2099-12-31' }

/** Sign-ins: the demo users, with the demo passwords (equal to the usernames). */
export const BENCH_USERS = DEMO_USERS.map(({ username, role }) => ({ username, password: username, role }))

export interface BenchManifest {
  builderVersion: number
  key: string
  options: BenchDatabaseOptions
  migrations: string[]
  endsAt: string
  counts: { products: number; activeProducts: number; invoices: number; invoiceLines: number; tokens: number }
  buildSeconds: number
  fileBytes: number
}

export interface BenchDatabase {
  /** The cached file. Treat it as read-only: copy it (copyBenchDatabase) before anything writes. */
  dbPath: string
  manifest: BenchManifest
  /** True when this call built it, false when the cache had it. */
  built: boolean
}

export function benchCacheDir(): string {
  return process.env['TILLWISE_BENCH_CACHE'] ?? join(tmpdir(), 'tillwise-bench')
}

function cacheKey(options: BenchDatabaseOptions): string {
  const identity = JSON.stringify({ BUILDER_VERSION, options, migrations: migrationSql() })
  return createHash('sha256').update(identity).digest('hex').slice(0, 16)
}

/**
 * The SQL of every migration, not only their names: a migration edited before its release changes
 * the schema. Collected without a database: these migrations only add SQL in `up()`.
 */
export function migrationSql(): string[] {
  return MIGRATIONS.map(({ name, class: MigrationClass }) => {
    const migration = new MigrationClass(null as never, null as never)
    // A migration that reads the database (0018 reads the time zone) fails here after its first SQL: that SQL is enough for the key.
    void Promise.resolve(migration.up()).catch(() => undefined)
    return `${name}:${migration.getQueries().map(String).join(';')}`
  })
}

/** Returns the cached database for these options, building it first when missing. */
export async function buildBenchDatabase(
  partial: Partial<BenchDatabaseOptions> = {},
  log: (line: string) => void = () => undefined,
): Promise<BenchDatabase> {
  const options = { ...DEFAULT_BENCH_OPTIONS, ...partial }
  const key = cacheKey(options)
  const folder = join(benchCacheDir(), `${options.products}p-${options.invoiceLines}l-${options.tokens}t-${key}`)
  const manifestPath = join(folder, 'manifest.json')
  if (existsSync(manifestPath)) {
    return {
      dbPath: join(folder, 'tillwise.sqlite'),
      manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as BenchManifest,
      built: false,
    }
  }

  // Built beside the cache entry and renamed into place, so an interrupted build is never reused.
  const building = `${folder}.building-${process.pid}`
  rmSync(building, { recursive: true, force: true })
  mkdirSync(building, { recursive: true })
  const dbPath = join(building, 'tillwise.sqlite')
  const started = process.hrtime.bigint()
  log(
    `building ${options.products.toLocaleString('en')} products, ${options.invoiceLines.toLocaleString('en')} invoice lines, ${options.tokens.toLocaleString('en')} tokens → ${folder}`,
  )

  const orm = await openDatabase(dbPath)
  await orm.close(true)

  const db = new Database(dbPath)
  let counts: BenchManifest['counts']
  try {
    // A build that fails is thrown away, so it needs no journal and no fsync.
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -262144')
    db.pragma('foreign_keys = ON')
    counts = fill(db, options, log)
    db.pragma('journal_mode = WAL')
  } finally {
    db.close()
  }
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9
  const manifest: BenchManifest = {
    builderVersion: BUILDER_VERSION,
    key,
    options,
    migrations: MIGRATIONS.map((migration) => migration.name),
    endsAt: BENCH_ENDS_AT.toISOString(),
    counts,
    buildSeconds: Math.round(buildSeconds * 10) / 10,
    fileBytes: readFileSize(dbPath),
  }
  writeFileSync(join(building, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  rmSync(folder, { recursive: true, force: true })
  renameSync(building, folder)
  log(`built in ${manifest.buildSeconds} s (${(manifest.fileBytes / 1e6).toFixed(0)} MB)`)
  return { dbPath: join(folder, 'tillwise.sqlite'), manifest, built: true }
}

/** A private, writable copy of a benchmark database in `dir` (the cache stays pristine). */
export function copyBenchDatabase(database: BenchDatabase, dir: string): string {
  mkdirSync(dir, { recursive: true })
  const target = join(dir, 'tillwise.sqlite')
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
  copyFileSync(database.dbPath, target)
  return target
}

function readFileSize(path: string): number {
  return statSync(path).size
}

export interface GeneratedProduct {
  id: number
  sku: string
  name: string
  priceCents: number
}

/** Inserts everything; returns the counts. */
function fill(db: Database.Database, options: BenchDatabaseOptions, log: (line: string) => void): BenchManifest['counts'] {
  const rng = createRng(options.seed)
  // Fact rows' uids come from a stream of their own, so the sales planned from \`rng\` stay the same.
  const uidRng = createRng(options.seed ^ 0x5eed)
  const uid = (atIso: string): string => {
    const time = Date.parse(atIso).toString(16).padStart(12, '0')
    const random = uidRng.uuid()
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`
  }
  const tillId = db.prepare("select value from setting where key = 'tillId'").pluck().get() as string
  const startsAt = BENCH_ENDS_AT.getTime() - YEAR_MS
  const setupAt = new Date(startsAt - 30 * 24 * 60 * 60 * 1000).toISOString()

  const insertSetting = db.prepare('insert into setting (key, value) values (?, ?)')
  const insertUser = db.prepare(
    'insert into user (username, display_name, role, password_hash, active, created_at) values (?, ?, ?, ?, 1, ?)',
  )
  const users = db.transaction(() => {
    for (const [key, value] of Object.entries({
      storeName: 'Tillwise Bench Store',
      currency: 'NPR',
      locale: 'en-IN',
      sessionIdleMinutes: '480',
    })) {
      insertSetting.run(key, value)
    }
    // The sales are the cashier's and the manager's; the demo owner sells nothing.
    return DEMO_USERS.filter((user) => user.role !== 'owner').map((user) => ({
      id: Number(insertUser.run(user.username, user.displayName, user.role, user.passwordHash, setupAt).lastInsertRowid),
      name: user.displayName,
    }))
  })()

  // The sales are planned first so each product's stock can end at a realistic shelf count.
  const products = planProducts(rng, options.products)
  const plan = planSales(rng, options, products.length)
  const sold = new Int32Array(products.length)
  for (let line = 0; line < plan.lineProduct.length; line += 1) sold[plan.lineProduct[line]!]! += plan.lineQuantity[line]!

  // One category per department, as a shop would set its shelves up.
  const insertCategory = db.prepare('insert into category (id, name, name_key, created_at) values (?, ?, ?, ?)')
  db.transaction(() =>
    DEPARTMENTS.forEach((department, index) =>
      insertCategory.run(index + 1, department.category, department.category.toLowerCase(), setupAt),
    ),
  )()
  const insertProduct = db.prepare(
    `insert into product (id, sku, barcode, name, tags, price_cents, stock, active, category_id, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertTag = db.prepare('insert into product_tag (product_id, tag) values (?, ?)')
  const insertMovement = db.prepare(
    'insert into stock_movement (uid, till_id, product_id, delta_qty, reason, invoice_id, at, stock_after) values (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  /** Each product's stock as the movements so far leave it. */
  const stock = new Int32Array(products.length)
  let activeProducts = 0
  const batch = 20_000
  for (let from = 0; from < products.length; from += batch) {
    db.transaction(() => {
      for (let index = from; index < Math.min(from + batch, products.length); index += 1) {
        const product = products[index]!
        const initial = sold[index]! + rng.int(5, 400)
        const active = product.active ? 1 : 0
        activeProducts += active
        insertProduct.run(
          product.id,
          product.sku,
          product.barcode,
          product.name,
          product.tags.length > 0 ? product.tags.join('|') : null,
          product.priceCents,
          initial - sold[index]!,
          active,
          product.categoryId,
          setupAt,
          setupAt,
        )
        for (const tag of product.tags) insertTag.run(product.id, tag)
        stock[index] = initial
        insertMovement.run(uid(setupAt), tillId, product.id, initial, 'initial', null, setupAt, initial)
      }
    })()
    if (from > 0 && from % 200_000 === 0) log(`  products ${from.toLocaleString('en')}`)
  }
  log(`  ${products.length.toLocaleString('en')} products`)

  const insertToken = db.prepare('insert into token (id, code, balance_cents, expires_on, created_at) values (?, ?, ?, ?, ?)')
  const insertLedger = db.prepare(
    'insert into token_ledger_entry (uid, till_id, token_id, delta_cents, balance_after_cents, reason, invoice_id, at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const tokens = planTokens(rng, options.tokens, startsAt)
  const tokenIssued = tokens.map((token) => token.balanceCents)
  // Balances are written after the sales, once the debits are known.
  db.transaction(() => {
    tokens.forEach((token, index) => insertToken.run(index + 1, token.code, token.balanceCents, token.expiresOn, setupAt))
    insertToken.run(tokens.length + 1, BENCH_TOKEN.code, BENCH_TOKEN.balanceCents, BENCH_TOKEN.expiresOn, setupAt)
    tokens.forEach((token, index) =>
      insertLedger.run(uid(setupAt), tillId, index + 1, token.balanceCents, token.balanceCents, 'issue', null, setupAt),
    )
    insertLedger.run(uid(setupAt), tillId, tokens.length + 1, BENCH_TOKEN.balanceCents, BENCH_TOKEN.balanceCents, 'issue', null, setupAt)
  })()

  const insertInvoice = db.prepare(
    `insert into invoice (uid, till_id, id, number, idempotency_key, cashier_id, cashier_name, payment_method, token_id, token_last4, paid_at,
       total_cents, tendered_cents, change_cents, token_balance_after_cents)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertLine = db.prepare(
    `insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents)
     values (?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertAudit = db.prepare(
    `insert into audit_entry (uid, till_id, at, action, actor_user_id, actor_name, subject, details, prev_hash, hash)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const balances = tokenIssued.slice()
  let prevHash = GENESIS_HASH
  const invoiceCount = plan.invoiceFirstLine.length
  for (let from = 0; from < invoiceCount; from += batch) {
    db.transaction(() => {
      for (let invoice = from; invoice < Math.min(from + batch, invoiceCount); invoice += 1) {
        const id = invoice + 1
        const paidAt = new Date(startsAt + ((invoice + 0.5) / invoiceCount) * YEAR_MS).toISOString()
        const firstLine = plan.invoiceFirstLine[invoice]!
        const endLine = invoice + 1 < invoiceCount ? plan.invoiceFirstLine[invoice + 1]! : plan.lineProduct.length
        let totalCents = 0
        for (let line = firstLine; line < endLine; line += 1) {
          totalCents += products[plan.lineProduct[line]!]!.priceCents * plan.lineQuantity[line]!
        }
        const cashier = users[invoice % 5 === 0 ? 0 : 1]!
        // About 40 % pay with a token, when the one offered is valid and covers the total.
        let tokenIndex = -1
        if (rng.chance(0.4)) {
          const candidate = rng.int(0, tokens.length - 1)
          if (tokens[candidate] && tokens[candidate].expiresOn >= paidAt.slice(0, 10) && balances[candidate]! >= totalCents)
            tokenIndex = candidate
        }
        if (tokenIndex >= 0) {
          balances[tokenIndex]! -= totalCents
          const token = tokens[tokenIndex]!
          insertInvoice.run(
            uid(paidAt),
            tillId,
            id,
            id,
            rng.uuid(),
            cashier.id,
            cashier.name,
            'token',
            tokenIndex + 1,
            token.code.slice(-4),
            paidAt,
            totalCents,
            null,
            null,
            balances[tokenIndex],
          )
          insertLedger.run(uid(paidAt), tillId, tokenIndex + 1, -totalCents, balances[tokenIndex], 'sale', id, paidAt)
        } else {
          const tenderedCents = Math.ceil((totalCents + 1) / 50_000) * 50_000
          insertInvoice.run(
            uid(paidAt),
            tillId,
            id,
            id,
            rng.uuid(),
            cashier.id,
            cashier.name,
            'cash',
            null,
            null,
            paidAt,
            totalCents,
            tenderedCents,
            tenderedCents - totalCents,
            null,
          )
        }
        for (let line = firstLine; line < endLine; line += 1) {
          const product = products[plan.lineProduct[line]!]!
          const quantity = plan.lineQuantity[line]!
          insertLine.run(id, product.id, product.sku, product.name, product.priceCents, quantity, product.priceCents * quantity)
          stock[product.id - 1]! -= quantity
          insertMovement.run(uid(paidAt), tillId, product.id, -quantity, 'sale', id, paidAt, stock[product.id - 1])
        }
        const fields = {
          prevHash,
          at: paidAt,
          action: 'sale',
          actorUserId: cashier.id,
          actorName: cashier.name,
          subject: `invoice ${id}`,
          details: JSON.stringify({ totalCents, method: tokenIndex >= 0 ? 'token' : 'cash', lines: endLine - firstLine }),
        }
        prevHash = auditHash(fields)
        insertAudit.run(
          uid(paidAt),
          tillId,
          fields.at,
          fields.action,
          fields.actorUserId,
          fields.actorName,
          fields.subject,
          fields.details,
          fields.prevHash,
          prevHash,
        )
      }
    })()
    if (from > 0 && from % 20_000 === 0) log(`  invoices ${from.toLocaleString('en')} of ${invoiceCount.toLocaleString('en')}`)
  }
  const updateBalance = db.prepare('update token set balance_cents = ? where id = ?')
  db.transaction(() => balances.forEach((balance, index) => updateBalance.run(balance, index + 1)))()
  log(`  ${invoiceCount.toLocaleString('en')} invoices, ${plan.lineProduct.length.toLocaleString('en')} lines`)

  return {
    products: products.length,
    activeProducts,
    invoices: invoiceCount,
    invoiceLines: plan.lineProduct.length,
    tokens: tokens.length + 1,
  }
}

export interface PlannedProduct extends GeneratedProduct {
  barcode: string | null
  categoryId: number
  tags: string[]
  active: boolean
}

/** The catalog of a bench store: names from the word lists, a category per department, tags, barcodes. */
export function planProducts(rng: Rng, count: number): PlannedProduct[] {
  const products: PlannedProduct[] = []
  const digits = Math.max(6, String(count).length)
  for (let index = 0; index < count; index += 1) {
    const department = rng.pick(DEPARTMENTS)
    const words = [rng.pick(BRANDS)]
    if (rng.chance(0.6)) words.push(rng.pick(VARIANTS))
    words.push(rng.pick(department.goods), rng.pick(department.sizes))
    const [low, high] = department.priceCents
    // Prices end in round rupees, as shelf labels do.
    const priceCents = Math.round(rng.int(low, high) / 500) * 500
    const tags = rng.chance(0.7) ? [...new Set([...department.tags, ...(rng.chance(0.3) ? [rng.pick(EXTRA_TAGS)] : [])])] : []
    // 429 is Nepal's GS1 prefix; multiplying by a number coprime to 10^9 spreads the item numbers
    // without repeating one.
    const item = String((index * 7_919 + 104_729) % 1_000_000_000).padStart(9, '0')
    products.push({
      id: index + 1,
      sku: `${department.code}-${String(index + 1).padStart(digits, '0')}`,
      barcode: rng.chance(0.97) ? ean13(`429${item}`) : null,
      name: words.join(' '),
      categoryId: DEPARTMENTS.indexOf(department) + 1,
      tags,
      priceCents,
      active: rng.chance(0.98),
    })
  }
  return products
}

interface SalesPlan {
  /** Index of each invoice's first line. */
  invoiceFirstLine: Int32Array
  lineProduct: Int32Array
  lineQuantity: Int32Array
}

/** 1–20 distinct products per invoice; a few products sell far more than the rest. */
function planSales(rng: Rng, options: BenchDatabaseOptions, productCount: number): SalesPlan {
  const lineProduct = new Int32Array(options.invoiceLines)
  const lineQuantity = new Int32Array(options.invoiceLines)
  const firsts: number[] = []
  let line = 0
  while (line < options.invoiceLines) {
    firsts.push(line)
    const size = Math.min(rng.int(1, 20), options.invoiceLines - line)
    const chosen = new Set<number>()
    while (chosen.size < size) chosen.add(Math.floor(productCount * rng.next() ** 2))
    for (const product of chosen) {
      lineProduct[line] = product
      const roll = rng.next()
      lineQuantity[line] = roll < 0.7 ? 1 : roll < 0.9 ? 2 : rng.int(3, 6)
      line += 1
    }
  }
  return { invoiceFirstLine: Int32Array.from(firsts), lineProduct, lineQuantity }
}

function planTokens(rng: Rng, count: number, startsAt: number): { code: string; balanceCents: number; expiresOn: string }[] {
  const tokens: { code: string; balanceCents: number; expiresOn: string }[] = []
  const dayMs = 24 * 60 * 60 * 1000
  for (let index = 0; index < count; index += 1) {
    // Most are valid past the end of the year; some expired during it.
    const expires = rng.chance(0.85) ? BENCH_ENDS_AT.getTime() + rng.int(30, 730) * dayMs : startsAt + rng.int(30, 360) * dayMs
    tokens.push({
      code: rng.uuid(),
      balanceCents: rng.int(100, 400) * 50_000,
      expiresOn: new Date(expires).toISOString().slice(0, 10),
    })
  }
  return tokens
}

function parseArgs(argv: string[]): Partial<BenchDatabaseOptions> {
  const options: Partial<BenchDatabaseOptions> = {}
  for (let index = 0; index < argv.length; index += 1) {
    const value = Number(argv[index + 1])
    if (argv[index] === '--products') options.products = value
    else if (argv[index] === '--invoice-lines') options.invoiceLines = value
    else if (argv[index] === '--tokens') options.tokens = value
    else if (argv[index] === '--seed') options.seed = value
    else continue
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${argv[index]} needs a positive integer`)
    index += 1
  }
  return options
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const database = await buildBenchDatabase(parseArgs(process.argv.slice(2)), (line) => console.log(line))
  console.log(JSON.stringify({ dbPath: database.dbPath, built: database.built, ...database.manifest }, null, 2))
}
