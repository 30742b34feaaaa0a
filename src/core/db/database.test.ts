import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatabaseSchema } from '@mikro-orm/sqlite'
import { openBackend } from '#core/backend'
import { withRawDb } from '#core/testing/test-store'
import { DatabaseTooNewError, DatabaseUnreadableError, MIGRATIONS_TABLE, openDatabase } from './database'
import { DEMO_LAST_ONE_SKU, DEMO_TOKENS, DEMO_USERS, ean13 } from '#core/db/seed/demo-seed'
import { MIGRATIONS } from '#core/db/migrations'
import { PRODUCT_SEARCH_TABLES, PRODUCT_SEARCH_TRIGGERS } from './search-index'

let dir: string
let dbPath: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-db-'))
  dbPath = join(dir, 'tillwise.sqlite')
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('every connection', () => {
  it('runs in WAL mode with synchronous=FULL, foreign keys on and a busy timeout', async () => {
    const orm = await openDatabase(dbPath)
    try {
      const connection = orm.em.getConnection()
      const pragma = async (name: string) => Object.values((await connection.execute(`pragma ${name}`))[0] ?? {})[0]
      expect(await pragma('journal_mode')).toBe('wal')
      // 2 = FULL. better-sqlite3 defaults WAL databases to NORMAL (1), which can lose commits on power loss.
      expect(await pragma('synchronous')).toBe(2)
      expect(await pragma('foreign_keys')).toBe(1)
      expect(await pragma('busy_timeout')).toBeGreaterThanOrEqual(1000)
    } finally {
      await orm.close(true)
    }
  })
})

describe('migrations', () => {
  it('create the schema on a new file and record each migration by its stable name', async () => {
    const orm = await openDatabase(dbPath)
    await orm.close(true)
    const applied = withRawDb(dbPath, (db) => db.prepare(`select name from ${MIGRATIONS_TABLE} order by id`).all())
    expect(applied).toEqual(MIGRATIONS.map(({ name }) => ({ name })))
  })

  it('running them again is a no-op', async () => {
    await (await openDatabase(dbPath)).close(true)
    const schema = () => withRawDb(dbPath, (db) => db.prepare('select type, name, sql from sqlite_master order by name').all())
    const before = schema()
    const orm = await openDatabase(dbPath)
    expect(await orm.migrator.getPending()).toEqual([])
    await orm.close(true)
    expect(schema()).toEqual(before)
  })

  it('agree with the entities (the ORM sees nothing to change)', async () => {
    const orm = await openDatabase(dbPath)
    try {
      // The product search indexes (migration 0003) are FTS5 tables kept by triggers, not entities:
      // MikroORM cannot introspect a virtual table, so they are left out of the comparison.
      const connection = orm.em.getConnection()
      const fromSchema = await DatabaseSchema.create(
        connection,
        orm.em.getDriver().getPlatform(),
        orm.config,
        undefined,
        undefined,
        undefined,
        [...PRODUCT_SEARCH_TABLES],
      )
      const diff = await orm.schema.getUpdateSchemaSQL({ fromSchema })
      // MikroORM cannot read SQLite trigger bodies back, so it always proposes to recreate them;
      // everything else must match exactly. The triggers themselves are tested below.
      const statements = diff
        .split(';')
        .map((statement) => statement.trim())
        .filter((statement) => statement && !/^pragma foreign_keys/i.test(statement))
        .filter(
          (statement) =>
            !/^(drop trigger if exists|create trigger) `((invoice|invoice_line|invoice_tax|invoice_promo|invoice_tender|audit_entry|sale_return|return_line|return_refund|cash_move|z_report|shift)_no_(update|delete)|(invoice|invoice_tender|audit_entry|stock_movement|token_ledger_entry|sale_return|return_refund|shift|cash_move|z_report)_identity_required|shift_closed_is_final|product_price_cap_(insert|update)|return_line_within_sale)`/i.test(
              statement,
            ),
        )
        .filter((statement) => !/^(end|select raise)/i.test(statement))
        // The triggers that keep the search indexes in step are not on the entity, so it proposes dropping them.
        .filter((statement) => !PRODUCT_SEARCH_TRIGGERS.some((name) => statement === `drop trigger if exists \`${name}\``))
      expect(statements).toEqual([])
    } finally {
      await orm.close(true)
    }
  })

  it('keep invoices and their lines append-only', async () => {
    const backend = await openBackend({ dbPath, seed: 'demo' })
    const client = backend.connect()
    await client.invoke('auth:login', { username: 'cashier', password: 'cashier' })
    const cart = await client.invoke('cart:add', { productId: 1, quantity: 1 })
    expect(cart.ok).toBe(true)
    const paid = await client.invoke('checkout:pay', {
      idempotencyKey: '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b',
      expectedTotalCents: cart.ok ? cart.data.totalCents : 0,
      payment: { method: 'cash', tenderedCents: 100_000 },
    })
    expect(paid.ok).toBe(true)
    await backend.close()
    withRawDb(dbPath, (db) => {
      expect(() => db.prepare('update invoice set total_cents = 0').run()).toThrow(/append-only/)
      expect(() => db.prepare('delete from invoice').run()).toThrow(/append-only/)
      expect(() => db.prepare('update invoice_line set quantity = 9').run()).toThrow(/append-only/)
      expect(() => db.prepare('delete from invoice_line').run()).toThrow(/append-only/)
      expect(() => db.prepare('update token set balance_cents = -1 where code = ?').run(DEMO_TOKENS[0]!.code)).toThrow(/CHECK/)
      expect((db.prepare('select count(*) as n from invoice').get() as { n: number }).n).toBe(1)
    })
  })

  it('refuse a database made by a newer version of the app, and leave it untouched', async () => {
    await (await openDatabase(dbPath)).close(true)
    withRawDb(dbPath, (db) => {
      db.prepare(`insert into ${MIGRATIONS_TABLE} (name, executed_at) values (?, ?)`).run('0099-from-the-future', Date.now())
      db.pragma('wal_checkpoint(TRUNCATE)')
    })
    const before = readFileSync(dbPath)
    const opening = openDatabase(dbPath)
    await expect(opening).rejects.toBeInstanceOf(DatabaseTooNewError)
    await expect(opening).rejects.toThrow(/newer version of Tillwise.*0099-from-the-future/)
    expect(readFileSync(dbPath).equals(before)).toBe(true)
    await expect(openBackend({ dbPath, seed: 'demo' })).rejects.toThrow(/newer version/)
  })
})

describe('the demo seed', () => {
  it('holds the documented users, 50+ products with valid EAN-13 barcodes, DEMO-LAST-ONE and three tokens', async () => {
    const backend = await openBackend({ dbPath, seed: 'demo' })
    await backend.close()
    withRawDb(dbPath, (db) => {
      const users = db.prepare('select username, role from user order by username').all()
      expect(users).toEqual([
        { username: 'cashier', role: 'cashier' },
        { username: 'manager', role: 'manager' },
        { username: 'owner', role: 'owner' },
      ])
      // Only the owner has a recovery code (the README prints the demo's).
      expect(db.prepare('select username from user where recovery_hash is not null').pluck().all()).toEqual(['owner'])
      const products = db.prepare('select sku, barcode, stock, price_cents from product').all() as {
        sku: string
        barcode: string
        stock: number
        price_cents: number
      }[]
      expect(products.length).toBeGreaterThanOrEqual(50)
      for (const product of products) {
        expect(product.barcode).toMatch(/^\d{13}$/)
        expect(ean13(product.barcode.slice(0, 12))).toBe(product.barcode)
        expect(Number.isSafeInteger(product.price_cents)).toBe(true)
      }
      expect(new Set(products.map((product) => product.barcode)).size).toBe(products.length)
      expect(products.find((product) => product.sku === DEMO_LAST_ONE_SKU)?.stock).toBe(1)
      expect(db.prepare('select code, balance_cents, expires_on from token order by code').all()).toEqual([
        { code: '11111111-1111-4111-8111-111111111111', balance_cents: 1_000_000, expires_on: '2099-12-31' },
        { code: '22222222-2222-4222-8222-222222222222', balance_cents: 500, expires_on: '2099-12-31' },
        { code: '33333333-3333-4333-8333-333333333333', balance_cents: 1_000_000, expires_on: '2020-01-01' },
      ])
      // Every balance is explained by its ledger.
      const unexplained = db
        .prepare(
          `select t.code from token t
           where t.balance_cents != (select coalesce(sum(delta_cents), 0) from token_ledger_entry e where e.token_id = t.id)`,
        )
        .all()
      expect(unexplained).toEqual([])
    })
  })

  it('is loaded only into an empty database', async () => {
    await (await openBackend({ dbPath, seed: 'demo' })).close()
    await (await openBackend({ dbPath, seed: 'demo' })).close()
    const count = withRawDb(dbPath, (db) => (db.prepare('select count(*) as n from user').get() as { n: number }).n)
    expect(count).toBe(DEMO_USERS.length)
  })

  it('is not loaded without the demo option', async () => {
    const backend = await openBackend({ dbPath, seed: 'none' })
    const reply = await backend.connect().invoke('auth:login', { username: 'cashier', password: 'cashier' })
    await backend.close()
    expect(reply.ok).toBe(false)
  })

  it('computes EAN-13 check digits', () => {
    expect(ean13('400638133393')).toBe('4006381333931')
    expect(ean13('590123412345')).toBe('5901234123457')
  })
})

describe('a data file that is not a database', () => {
  it('is refused with the file and the backups folder named and what to do, and left as it was', async () => {
    writeFileSync(dbPath, 'these are not the books you are looking for\n'.repeat(200))
    const before = readFileSync(dbPath)
    const opening = openBackend({ dbPath, seed: 'demo' })
    await expect(opening).rejects.toBeInstanceOf(DatabaseUnreadableError)
    const message = await opening.catch((error: Error) => error.message)
    expect(message).toContain(dbPath)
    expect(message).toContain(join(dirname(dbPath), 'backups'))
    expect(message).toMatch(/nothing was changed.*Copy the newest backup.*or move the file away/)
    expect(readFileSync(dbPath).equals(before)).toBe(true)
    // The data folder's lock was given back: a second start says the same, not "in use".
    await expect(openBackend({ dbPath, seed: 'demo' })).rejects.toBeInstanceOf(DatabaseUnreadableError)
  })
})
