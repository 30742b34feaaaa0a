import { randomUUID } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { openBackend } from '#core/backend'
import { checkBooks, snapshotBooks } from '#core/testing/invariants'
import { MIGRATIONS, MIGRATIONS_TABLE } from '#core/db/migrations'
import { expectError, ok, openTestStore, readState, signedInClient, TOKENS, withRawDb, type TestStore } from '#core/testing/test-store'
import { backupFileName, RETENTION } from './backup-files'

const FIRST_SCHEMA_FIXTURE = join(import.meta.dirname, '../db/fixtures/schema-0001.sqlite')

let store: TestStore

beforeEach(async () => {
  store = await openTestStore()
})

afterEach(async () => {
  await store.cleanup()
})

async function sell(client: BackendClient, productId: number, quantity = 1) {
  const cart = ok(await client.invoke('cart:add', { productId, quantity }))
  return ok(
    await client.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payment: { method: 'cash', tenderedCents: cart.totalCents },
    }),
  ).invoice
}

function openCopy(path: string) {
  return new Database(path, { readonly: true, fileMustExist: true })
}

describe('a backup on demand', () => {
  it('is a complete, checked copy, listed for managers only', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    const invoice = await sell(manager, 1)
    const info = ok(await manager.invoke('backup:create', {}))
    expect(info).toMatchObject({ kind: 'manual', file: expect.stringMatching(/^tillwise-.*-manual\.sqlite$/) })
    expect(info.sizeBytes).toBeGreaterThan(0)
    expect(ok(await manager.invoke('backup:list', {})).items).toEqual([info])
    // No partial file is ever left where a backup is expected.
    expect(readdirSync(store.backend.backupDir)).toEqual([info.file])

    const copy = openCopy(join(store.backend.backupDir, info.file))
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.prepare('select number from invoice').all()).toEqual([{ number: invoice.number }])
    } finally {
      copy.close()
    }
    const cashier = await signedInClient(store.backend)
    expectError(await cashier.invoke('backup:create', {}), 'FORBIDDEN')
    expectError(await cashier.invoke('backup:list', {}), 'FORBIDDEN')
  })
})

describe('two backups at the same instant', () => {
  it('keeps the backup it just wrote, even when its name sorts before the ones rotation keeps', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    // On a clock that does not move, names are made unique by the millisecond: once rotation has
    // dropped the first ones, a new backup takes the oldest free name.
    for (let i = 0; i < RETENTION.manual + 2; i += 1) ok(await manager.invoke('backup:create', {}))
    const latest = ok(await manager.invoke('backup:create', {}))
    expect(ok(await manager.invoke('backup:list', {})).items.map((item) => item.file)).toContain(latest.file)
    expect(existsSync(join(store.backend.backupDir, latest.file))).toBe(true)
  })

  it('are both kept under different names', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    const [a, b] = await Promise.all([manager.invoke('backup:create', {}), manager.invoke('backup:create', {})])
    expect(ok(a).file).not.toBe(ok(b).file)
    expect(ok(await manager.invoke('backup:list', {})).items).toHaveLength(2)
  })
})

describe('the daily backup', () => {
  it('is taken on opening when there is none for today, once a day', async () => {
    await store.backend.close()
    const open = () => openBackend({ dbPath: store.dbPath, now: () => store.clock.now, autoBackup: true })
    const daily = () => readdirSync(store.backend.backupDir).filter((name) => name.endsWith('-daily.sqlite'))

    store.backend = await open()
    await store.backend.close()
    expect(daily()).toHaveLength(1)

    store.backend = await open()
    await store.backend.close()
    expect(daily()).toHaveLength(1)

    store.clock.now = new Date(store.clock.now.getTime() + 24 * 60 * 60 * 1000)
    store.backend = await open()
    await store.backend.close()
    expect(daily()).toHaveLength(2)
    store.backend = await open()
  })
})

describe('before a migration', () => {
  it('a copy of the old database is kept', async () => {
    await store.backend.close()
    // Replace the store with a database made by the first released schema.
    for (const suffix of ['', '-wal', '-shm']) rmSync(store.dbPath + suffix, { force: true })
    copyFileSync(FIRST_SCHEMA_FIXTURE, store.dbPath)
    store.backend = await openBackend({ dbPath: store.dbPath, now: () => store.clock.now })
    const copies = readdirSync(store.backend.backupDir).filter((name) => name.endsWith('-pre-migration.sqlite'))
    expect(copies).toHaveLength(1)
    const copy = openCopy(join(store.backend.backupDir, copies[0]!))
    try {
      expect(copy.prepare(`select name from ${MIGRATIONS_TABLE}`).all()).toEqual([{ name: MIGRATIONS[0]!.name }])
    } finally {
      copy.close()
    }
    // A database already at head gets no copy on the next start.
    await store.reopen()
    expect(readdirSync(store.backend.backupDir).filter((name) => name.endsWith('-pre-migration.sqlite'))).toHaveLength(1)
  })
})

describe('restoring a backup', () => {
  it('brings the books back to the backup, keeps the replaced database aside and signs everyone out', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    const before = await sell(manager, 1)
    const { file } = ok(await manager.invoke('backup:create', {}))
    const after = await sell(manager, 2)
    const cashier = await signedInClient(store.backend)

    const result = ok(await manager.invoke('backup:restore', { file }))
    expect(result.restoredFrom).toBe(file)

    expectError(await cashier.invoke('cart:get', {}), 'NOT_AUTHENTICATED', /restored from a backup/)
    const again = await signedInClient(store.backend, 'manager')
    ok(await again.invoke('invoices:get', { number: before.number }))
    expectError(await again.invoke('invoices:get', { number: after.number }), 'NOT_FOUND')
    expect(ok(await again.invoke('audit:verify', {})).ok).toBe(true)

    const aside = join(store.dir, 'replaced', result.previousSavedAs)
    expect(existsSync(aside)).toBe(true)
    const kept = openCopy(aside)
    try {
      expect(kept.prepare('select count(*) as n from invoice').get()).toEqual({ n: 2 })
    } finally {
      kept.close()
    }
    // The till sells on from the restored books.
    expect((await sell(again, 3)).number).toBe(after.number)
  })

  it('refuses names that are not backups, missing files and damaged copies, changing nothing', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    await sell(manager, 1)
    const state = readState(store.dbPath)
    expectError(await manager.invoke('backup:restore', { file: '../tillwise.sqlite' }), 'VALIDATION_FAILED')
    expectError(await manager.invoke('backup:restore', { file: store.dbPath }), 'VALIDATION_FAILED')
    expectError(await manager.invoke('backup:restore', { file: backupFileName('manual', new Date(2020, 0, 1)) }), 'NOT_FOUND')

    const damaged = backupFileName('manual', new Date(2026, 0, 1))
    mkdirSync(store.backend.backupDir, { recursive: true })
    writeFileSync(join(store.backend.backupDir, damaged), 'this is not a database')
    expectError(await manager.invoke('backup:restore', { file: damaged }), 'CONFLICT', /cannot|damaged|not a Tillwise/)

    const stranger = backupFileName('manual', new Date(2026, 0, 2))
    const db = new Database(join(store.backend.backupDir, stranger))
    db.exec('create table notes (text)')
    db.close()
    expectError(await manager.invoke('backup:restore', { file: stranger }), 'CONFLICT', /not a Tillwise database/)

    expect(readState(store.dbPath)).toEqual(state)
    expect(ok(await manager.invoke('auth:session', {})).user?.username).toBe('manager')
    expectError(await (await signedInClient(store.backend)).invoke('backup:restore', { file: damaged }), 'FORBIDDEN')
  })

  it('refuses a backup made by a newer version', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    const { file } = ok(await manager.invoke('backup:create', {}))
    const newer = backupFileName('manual', new Date(2027, 0, 1))
    copyFileSync(join(store.backend.backupDir, file), join(store.backend.backupDir, newer))
    withRawDb(join(store.backend.backupDir, newer), (db) =>
      db.prepare(`insert into ${MIGRATIONS_TABLE} (name, executed_at) values ('9999-future', 0)`).run(),
    )
    expectError(await manager.invoke('backup:restore', { file: newer }), 'CONFLICT', /newer version/)
  })
})

describe('a backup taken while the till keeps selling', () => {
  it('is consistent: every invoice whole, stock and balances add up', async () => {
    const till = await signedInClient(store.backend)
    const manager = await signedInClient(store.backend, 'manager')
    const initial = withRawDb(store.dbPath, snapshotBooks)
    let selling = true
    let sold = 0
    const stream = (async () => {
      while (selling) {
        // Cheap noodles (products 5–7), every fourth paid by token, so the demo token outlasts the stream.
        const cart = ok(await till.invoke('cart:add', { productId: 5 + (sold % 3), quantity: 1 }))
        ok(
          await till.invoke('checkout:pay', {
            idempotencyKey: randomUUID(),
            expectedTotalCents: cart.totalCents,
            payment: sold % 4 === 0 ? { method: 'token', token: TOKENS.rich } : { method: 'cash', tenderedCents: cart.totalCents },
          }),
        )
        sold += 1
      }
    })()
    const backups = []
    for (let i = 0; i < 3; i += 1) backups.push(ok(await manager.invoke('backup:create', {})))
    selling = false
    await stream
    expect(sold).toBeGreaterThan(0)
    console.log(`backups taken during a stream of ${sold} sales`)

    for (const { file } of backups) {
      const copy = openCopy(join(store.backend.backupDir, file))
      try {
        expect(checkBooks(copy, initial)).toEqual([])
      } finally {
        copy.close()
      }
    }
  })
})
