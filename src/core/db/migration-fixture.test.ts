/**
 * Upgrading a till from the first release: a committed database made by schema 0001 (the demo
 * store, six sales, an open cart; see scripts/make-migration-fixture.ts) is migrated to head and
 * must keep every sale, balance and stock figure, record every migration, and keep working. Head is
 * whatever MIGRATIONS lists, so each new migration is tested against this file without edits here.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '#core/backend'
import { FIXED_NOW, ok, signedInClient, TOKENS, withRawDb } from '#core/testing/test-store'
import { MIGRATIONS, MIGRATIONS_TABLE } from '#core/db/migrations'

const FIXTURE = resolve(import.meta.dirname, 'fixtures/schema-0001.sqlite')
const FIRST_MIGRATION = '0001-initial'

/** The figures an upgrade must conserve, read with plain SQL so no entity mapping is involved. */
interface Books {
  invoiceCount: number
  invoiceTotalCents: number
  totalByInvoice: Record<number, number>
  lineSumByInvoice: Record<number, number>
  tokenBalance: Record<string, number>
  ledgerSumByToken: Record<string, number>
  stockBySku: Record<string, number>
  movementSumBySku: Record<string, number>
  cartLines: unknown[]
  users: unknown[]
}

function pairs(rows: unknown[]): Record<string, number> {
  return Object.fromEntries((rows as { k: string | number; v: number }[]).map(({ k, v }) => [k, v]))
}

function readBooks(dbPath: string): Books {
  return withRawDb(dbPath, (db) => {
    const all = (sql: string) => db.prepare(sql).all()
    const invoices = db.prepare('select count(*) as n, coalesce(sum(total_cents), 0) as total from invoice').get() as {
      n: number
      total: number
    }
    return {
      invoiceCount: invoices.n,
      invoiceTotalCents: invoices.total,
      totalByInvoice: pairs(all('select number as k, total_cents as v from invoice')),
      lineSumByInvoice: pairs(
        all(
          `select i.number as k, sum(l.sub_amount_cents) as v
           from invoice i join invoice_line l on l.invoice_id = i.id group by i.number`,
        ),
      ),
      tokenBalance: pairs(all('select code as k, balance_cents as v from token')),
      ledgerSumByToken: pairs(
        all(
          `select t.code as k, sum(e.delta_cents) as v
           from token t join token_ledger_entry e on e.token_id = t.id group by t.code`,
        ),
      ),
      stockBySku: pairs(all('select sku as k, stock as v from product')),
      movementSumBySku: pairs(
        all(
          `select p.sku as k, sum(m.delta_qty) as v
           from product p join stock_movement m on m.product_id = p.id group by p.sku`,
        ),
      ),
      cartLines: all('select user_id, product_id, quantity, added_at from cart_line order by id'),
      users: all('select id, username, display_name, role, password_hash, active from user order by id'),
    }
  })
}

/** Schema and every row of every table: what "nothing changed" means, byte for byte. */
function readEverything(dbPath: string): { schema: unknown[]; rows: Record<string, unknown[]> } {
  return withRawDb(dbPath, (db) => {
    const schema = db.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all() as {
      type: string
      name: string
    }[]
    // WITHOUT ROWID tables (FTS5 keeps two beside each index) read in primary-key order.
    const withoutRowid = new Set(
      (db.pragma('table_list') as { name: string; wr: number }[]).filter((table) => table.wr).map((table) => table.name),
    )
    const rows = Object.fromEntries(
      schema
        .filter((entry) => entry.type === 'table')
        .map((table) => [
          table.name,
          db.prepare(`select * from \`${table.name}\`${withoutRowid.has(table.name) ? '' : ' order by rowid'}`).all(),
        ]),
    )
    return { schema, rows }
  })
}

/** Tables and columns of schema 0001 with their rows: a later migration may add, never rewrite. */
function readFirstSchemaRows(dbPath: string, columns: Record<string, string[]>): Record<string, unknown[]> {
  return withRawDb(dbPath, (db) =>
    Object.fromEntries(
      Object.entries(columns).map(([table, names]) => [
        table,
        db.prepare(`select ${names.map((name) => `\`${name}\``).join(', ')} from \`${table}\` order by rowid`).all(),
      ]),
    ),
  )
}

function columnsByTable(dbPath: string): Record<string, string[]> {
  return withRawDb(dbPath, (db) => {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != ?")
      .pluck()
      .all(MIGRATIONS_TABLE) as string[]
    return Object.fromEntries(
      tables.map((table) => [table, db.prepare('select name from pragma_table_info(?)').pluck().all(table) as string[]]),
    )
  })
}

function appliedMigrations(dbPath: string): string[] {
  return withRawDb(dbPath, (db) => db.prepare(`select name from \`${MIGRATIONS_TABLE}\` order by id`).pluck().all() as string[])
}

/** A private copy of the fixture: opening the committed file itself would leave -wal/-shm beside it. */
function copyFixture(): { dir: string; dbPath: string } {
  if (!existsSync(FIXTURE)) throw new Error(`${FIXTURE} is missing: it is committed; see scripts/make-migration-fixture.ts`)
  const dir = mkdtempSync(join(tmpdir(), 'tillwise-migration-'))
  const dbPath = join(dir, 'tillwise.sqlite')
  copyFileSync(FIXTURE, dbPath)
  return { dir, dbPath }
}

async function openAndClose(dbPath: string): Promise<void> {
  const backend = await openBackend({ dbPath, now: () => FIXED_NOW })
  await backend.close()
}

describe('a database from the first release, migrated to head', () => {
  const dirs: string[] = []
  let dbPath: string
  let before: Books
  let firstSchemaColumns: Record<string, string[]>
  let firstSchemaRows: Record<string, unknown[]>

  beforeAll(async () => {
    const copy = copyFixture()
    dirs.push(copy.dir)
    dbPath = copy.dbPath
    before = readBooks(dbPath)
    firstSchemaColumns = columnsByTable(dbPath)
    firstSchemaRows = readFirstSchemaRows(dbPath, firstSchemaColumns)
    expect(appliedMigrations(dbPath)).toEqual([FIRST_MIGRATION])
    await openAndClose(dbPath)
  })

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('starts from consistent books with token and cash sales and an open cart', () => {
    expect(before.invoiceCount).toBeGreaterThanOrEqual(4)
    expect(before.lineSumByInvoice).toEqual(before.totalByInvoice)
    expect(before.ledgerSumByToken).toEqual(before.tokenBalance)
    expect(before.movementSumBySku).toEqual(before.stockBySku)
    expect(before.tokenBalance[TOKENS.rich]).toBeLessThan(1_000_000)
    expect(before.cartLines).not.toEqual([])
    const methods = withRawDb(dbPath, (db) => db.prepare('select distinct payment_method from invoice order by 1').pluck().all())
    expect(methods).toEqual(['cash', 'token'])
  })

  it('passes integrity_check and has no orphan rows', () => {
    withRawDb(dbPath, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('foreign_key_check')).toEqual([])
    })
  })

  it('records every migration, in order', () => {
    expect(MIGRATIONS[0]?.name).toBe(FIRST_MIGRATION)
    expect(appliedMigrations(dbPath)).toEqual(MIGRATIONS.map((migration) => migration.name))
  })

  it('conserves invoices and their totals, line sums, token balances and ledgers, and stock', () => {
    expect(readBooks(dbPath)).toEqual(before)
  })

  it('keeps every row of schema 0001, column for column', () => {
    const columnsNow = columnsByTable(dbPath)
    for (const [table, columns] of Object.entries(firstSchemaColumns)) {
      expect(columnsNow[table], `table ${table}`).toEqual(expect.arrayContaining(columns))
    }
    const rowsNow = readFirstSchemaRows(dbPath, firstSchemaColumns)
    // A migration may add settings of its own (the till's identity); every other table keeps
    // exactly its rows, and every setting that was there stays as it was.
    const { setting: settingsNow, ...restNow } = rowsNow
    const { setting: settingsBefore, ...restBefore } = firstSchemaRows
    expect(restNow).toEqual(restBefore)
    expect(settingsNow).toEqual(expect.arrayContaining(settingsBefore ?? []))
  })

  it('changes nothing when opened again', async () => {
    const migrated = readEverything(dbPath)
    expect(Object.keys(migrated.rows)).toEqual(expect.arrayContaining(Object.keys(firstSchemaColumns)))
    await openAndClose(dbPath)
    expect(readEverything(dbPath)).toEqual(migrated)
  })

  it('keeps working: the cashier signs in, reads an old invoice and makes a sale', async () => {
    const copy = copyFixture()
    dirs.push(copy.dir)
    const oldInvoice = withRawDb(copy.dbPath, (db) =>
      db.prepare("select number, total_cents, cashier_name from invoice where payment_method = 'cash' order by number").get(),
    ) as { number: number; total_cents: number; cashier_name: string }
    const backend = await openBackend({ dbPath: copy.dbPath, now: () => FIXED_NOW })
    try {
      const cashier = await signedInClient(backend, 'cashier')

      const read = ok(await cashier.invoke('invoices:get', { number: oldInvoice.number }))
      expect(read).toMatchObject({ number: oldInvoice.number, totalCents: oldInvoice.total_cents, cashier: oldInvoice.cashier_name })
      expect(read.lines.reduce((sum, line) => sum + line.subAmountCents, 0)).toBe(oldInvoice.total_cents)

      const product = ok(await cashier.invoke('catalog:lookup', { code: 'DEMO-010' }))
      const cart = ok(await cashier.invoke('cart:add', { productId: product.id, quantity: 2 }))
      const paid = ok(
        await cashier.invoke('checkout:pay', {
          idempotencyKey: '7e570000-0000-4000-8000-000000000001',
          expectedTotalCents: cart.totalCents,
          payment: { method: 'token', token: TOKENS.rich },
        }),
      )
      expect(paid.invoice.number).toBe(Math.max(...Object.keys(before.totalByInvoice).map(Number)) + 1)
      expect(paid.tokenBalanceCents).toBe(before.tokenBalance[TOKENS.rich]! - cart.totalCents)
    } finally {
      await backend.close()
    }
    const after = readBooks(copy.dbPath)
    expect(after.invoiceCount).toBe(before.invoiceCount + 1)
    expect(after.lineSumByInvoice).toEqual(after.totalByInvoice)
    expect(after.ledgerSumByToken).toEqual(after.tokenBalance)
    expect(after.movementSumBySku).toEqual(after.stockBySku)
    expect(after.stockBySku['DEMO-010']).toBe(before.stockBySku['DEMO-010']! - 2)
  })
})
