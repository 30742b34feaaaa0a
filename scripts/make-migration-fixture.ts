/**
 * Writes `src/core/db/fixtures/schema-0001.sqlite`: a till database as the first release left it —
 * migration 0001 only, the demo store, six sales (token and cash, by both users) and one open cart.
 * `migration-fixture.test.ts` migrates a copy to head and checks nothing was lost.
 *
 * The committed file is the record of that first schema; regenerate it only if it is lost, never
 * to make a test pass (`--force` overwrites). Sales are raw SQL mirroring what checkout wrote under
 * schema 0001, because today's services write today's schema. The demo rows are copied, column by
 * column of schema 0001, from a scratch database the current demo seed fills.
 *
 *   PATH=$PWD/node_modules/.bin:$PATH npx tsx scripts/make-migration-fixture.ts [--force]
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { Migrator } from '@mikro-orm/migrations'
import { MikroORM } from '@mikro-orm/sqlite'
import Database from 'better-sqlite3'
import { openBackend } from '#core/backend'
import { MIGRATIONS, MIGRATIONS_TABLE } from '#core/db/migrations'

const OUTPUT = resolve(import.meta.dirname, '../src/core/db/fixtures/schema-0001.sqlite')
const FIRST_MIGRATION = MIGRATIONS[0]!

/** The seed's clock, and the recorded migration time, so a rerun writes the same rows. */
const SEEDED_AT = new Date('2026-03-01T03:15:00.000Z')

/** Tables of schema 0001 the demo seed fills, parents first. */
const SEEDED_TABLES = ['setting', 'user', 'product', 'stock_movement', 'token', 'token_ledger_entry'] as const

interface FixtureSale {
  key: string
  username: 'cashier' | 'manager'
  paidAt: string
  lines: [sku: string, quantity: number][]
  payment: { method: 'token'; code: string } | { method: 'cash'; tenderedCents: number }
}

const GOOD_TOKEN = '11111111-1111-4111-8111-111111111111'

const SALES: FixtureSale[] = [
  {
    key: '00000001-0001-4001-8001-000000000001',
    username: 'cashier',
    paidAt: '2026-03-02T04:20:00.000Z',
    lines: [
      ['DEMO-005', 3],
      ['DEMO-021', 1],
    ],
    payment: { method: 'token', code: GOOD_TOKEN },
  },
  {
    key: '00000001-0001-4001-8001-000000000002',
    username: 'cashier',
    paidAt: '2026-03-02T09:05:00.000Z',
    lines: [
      ['DEMO-001', 2],
      ['DEMO-030', 1],
      ['DEMO-033', 2],
    ],
    payment: { method: 'cash', tenderedCents: 100_000 },
  },
  {
    key: '00000001-0001-4001-8001-000000000003',
    username: 'manager',
    paidAt: '2026-03-03T05:45:00.000Z',
    lines: [['DEMO-LAST-ONE', 1]],
    payment: { method: 'token', code: GOOD_TOKEN },
  },
  {
    key: '00000001-0001-4001-8001-000000000004',
    username: 'cashier',
    paidAt: '2026-03-04T11:30:00.000Z',
    lines: [['DEMO-024', 6]],
    payment: { method: 'cash', tenderedCents: 18_000 },
  },
  {
    key: '00000001-0001-4001-8001-000000000005',
    username: 'cashier',
    paidAt: '2026-03-05T06:10:00.000Z',
    lines: [
      ['DEMO-008', 1],
      ['DEMO-016', 2],
      ['DEMO-005', 1],
    ],
    payment: { method: 'token', code: GOOD_TOKEN },
  },
  {
    key: '00000001-0001-4001-8001-000000000006',
    username: 'manager',
    paidAt: '2026-03-06T12:00:00.000Z',
    lines: [['DEMO-035', 1]],
    payment: { method: 'cash', tenderedCents: 10_000 },
  },
]

/** A cart the manager left open: carts live in the database and must survive the upgrade. */
const OPEN_CART = { username: 'manager', sku: 'DEMO-002', quantity: 2, addedAt: '2026-03-06T12:05:00.000Z' } as const

/** Schema 0001 exactly as the first release created it: its one migration, through the migrator. */
async function createFirstSchema(dbPath: string): Promise<void> {
  const orm = await MikroORM.init({
    dbName: dbPath,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: { migrationsList: [FIRST_MIGRATION], tableName: MIGRATIONS_TABLE, snapshot: false, silent: true },
    allowGlobalContext: true,
    debug: false,
  })
  try {
    await orm.migrator.up()
  } finally {
    await orm.close(true)
  }
}

async function fillScratchDemoStore(scratchPath: string): Promise<void> {
  const backend = await openBackend({ dbPath: scratchPath, seed: 'demo', now: () => SEEDED_AT })
  await backend.close()
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`select name from pragma_table_info(?, 'main')`).all(table) as { name: string }[]).map((row) => row.name)
}

/** Copies the seeded rows, ids included, in one transaction (SQLite cannot detach inside one). */
function copySeed(db: Database.Database, scratchPath: string): void {
  db.prepare('attach database ? as scratch').run(scratchPath)
  try {
    db.transaction(() => {
      for (const table of SEEDED_TABLES) {
        const columns = columnsOf(db, table)
        if (columns.length === 0) throw new Error(`schema 0001 has no table ${table}`)
        const list = columns.map((column) => `\`${column}\``).join(', ')
        db.exec(`insert into main.\`${table}\` (${list}) select ${list} from scratch.\`${table}\` order by rowid`)
      }
    })()
  } finally {
    db.exec('detach database scratch')
  }
}

/** What checkout wrote under schema 0001, row for row, in one transaction per sale. */
function writeSale(db: Database.Database, sale: FixtureSale, number: number): void {
  const user = db.prepare('select id, display_name from user where username = ?').get(sale.username) as {
    id: number
    display_name: string
  }
  const lines = sale.lines.map(([sku, quantity]) => {
    const product = db.prepare('select id, sku, name, price_cents, stock from product where sku = ?').get(sku) as
      { id: number; sku: string; name: string; price_cents: number; stock: number } | undefined
    if (!product || product.stock < quantity) throw new Error(`fixture sale ${sale.key}: not enough ${sku}`)
    return { product, quantity, subAmountCents: product.price_cents * quantity }
  })
  const totalCents = lines.reduce((sum, line) => sum + line.subAmountCents, 0)

  let token: { id: number; code: string; balanceAfterCents: number } | null = null
  if (sale.payment.method === 'token') {
    const row = db.prepare('select id, code, balance_cents from token where code = ?').get(sale.payment.code) as {
      id: number
      code: string
      balance_cents: number
    }
    if (row.balance_cents < totalCents) throw new Error(`fixture sale ${sale.key}: token balance too low`)
    token = { id: row.id, code: row.code, balanceAfterCents: row.balance_cents - totalCents }
    db.prepare('update token set balance_cents = ? where id = ?').run(token.balanceAfterCents, token.id)
  }
  const tendered = sale.payment.method === 'cash' ? sale.payment.tenderedCents : null
  if (tendered !== null && tendered < totalCents) throw new Error(`fixture sale ${sale.key}: tender too low`)

  // Invoices are append-only (triggers refuse UPDATE): every column is known before the insert.
  const invoiceId = Number(
    db
      .prepare(
        `insert into invoice (number, idempotency_key, cashier_id, cashier_name, payment_method, token_id, token_last4,
           paid_at, total_cents, tendered_cents, change_cents, token_balance_after_cents)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        number,
        sale.key,
        user.id,
        user.display_name,
        sale.payment.method,
        token?.id ?? null,
        token ? token.code.slice(-4) : null,
        sale.paidAt,
        totalCents,
        tendered,
        tendered === null ? null : tendered - totalCents,
        token?.balanceAfterCents ?? null,
      ).lastInsertRowid,
  )
  if (token) {
    db.prepare(
      `insert into token_ledger_entry (token_id, delta_cents, balance_after_cents, reason, invoice_id, at)
       values (?, ?, ?, 'sale', ?, ?)`,
    ).run(token.id, -totalCents, token.balanceAfterCents, invoiceId, sale.paidAt)
  }
  for (const { product, quantity, subAmountCents } of lines) {
    db.prepare(
      `insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents)
       values (?, ?, ?, ?, ?, ?, ?)`,
    ).run(invoiceId, product.id, product.sku, product.name, product.price_cents, quantity, subAmountCents)
    db.prepare('update product set stock = stock - ?, updated_at = ? where id = ?').run(quantity, sale.paidAt, product.id)
    db.prepare(`insert into stock_movement (product_id, delta_qty, reason, invoice_id, at) values (?, ?, 'sale', ?, ?)`).run(
      product.id,
      -quantity,
      invoiceId,
      sale.paidAt,
    )
  }
}

function writeOpenCart(db: Database.Database): void {
  db.prepare(
    `insert into cart_line (user_id, product_id, quantity, added_at)
     select u.id, p.id, ?, ? from user u, product p where u.username = ? and p.sku = ?`,
  ).run(OPEN_CART.quantity, OPEN_CART.addedAt, OPEN_CART.username, OPEN_CART.sku)
}

async function main(): Promise<void> {
  if (existsSync(OUTPUT) && !process.argv.includes('--force')) {
    throw new Error(`${OUTPUT} exists: it is the committed record of schema 0001. Pass --force to overwrite it.`)
  }
  const work = mkdtempSync(join(tmpdir(), 'tillwise-fixture-'))
  try {
    const dbPath = join(work, 'schema-0001.sqlite')
    const scratchPath = join(work, 'scratch', 'demo.sqlite')
    await createFirstSchema(dbPath)
    await fillScratchDemoStore(scratchPath)

    const db = new Database(dbPath)
    try {
      // The pragmas every Tillwise connection sets: the fixture is a WAL database like a real one.
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = FULL')
      db.pragma('foreign_keys = ON')
      copySeed(db, scratchPath)
      SALES.forEach((sale, index) => db.transaction(() => writeSale(db, sale, index + 1))())
      db.transaction(() => writeOpenCart(db))()
      db.prepare(`update \`${MIGRATIONS_TABLE}\` set executed_at = ?`).run(SEEDED_AT.getTime())

      const integrity = db.pragma('integrity_check', { simple: true })
      const orphans = db.pragma('foreign_key_check') as unknown[]
      const applied = db.prepare(`select name from \`${MIGRATIONS_TABLE}\``).pluck().all()
      if (integrity !== 'ok' || orphans.length > 0 || applied.join() !== FIRST_MIGRATION.name) {
        throw new Error(`fixture failed its own checks: ${JSON.stringify({ integrity, orphans, applied })}`)
      }
      // Everything into the main file, so the fixture is one self-contained file.
      db.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      db.close()
    }
    if (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0) throw new Error('WAL not checkpointed')
    mkdirSync(dirname(OUTPUT), { recursive: true })
    copyFileSync(dbPath, OUTPUT)
    console.log(`wrote ${OUTPUT} (${statSync(OUTPUT).size} bytes, ${SALES.length} sales, schema ${FIRST_MIGRATION.name})`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

await main()
