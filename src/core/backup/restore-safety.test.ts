import { randomUUID } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectError, ok, openTestStore, readState, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'
import { backupFileName } from './backup-files'

let store: TestStore

beforeEach(async () => {
  store = await openTestStore()
})

afterEach(async () => {
  await store.cleanup()
})

/** A backup file in the backups folder, made from the live books and then changed by `tamper`. */
async function tamperedBackup(tamper: (db: Database.Database) => void): Promise<string> {
  const manager = await signedInClient(store.backend, 'manager')
  const made = ok(await manager.invoke('backup:create', {}))
  const file = backupFileName('manual', new Date(2026, 0, 5))
  copyFileSync(join(store.backend.backupDir, made.file), join(store.backend.backupDir, file))
  withRawDb(join(store.backend.backupDir, file), tamper)
  return file
}

describe('a restore', () => {
  it('refuses a backup whose schema is not this version’s (a missing table), before touching the books', async () => {
    const file = await tamperedBackup((db) => {
      db.exec(
        'drop trigger audit_entry_no_update; drop trigger audit_entry_no_delete; drop trigger audit_entry_identity_required; drop table audit_entry',
      )
    })
    const manager = await signedInClient(store.backend, 'manager')
    const before = readState(store.dbPath)
    const reply = await manager.invoke('backup:restore', { file })
    expectError(reply, 'CONFLICT')
    expect(!reply.ok && reply.error.params).toMatchObject({ what: 'backup', problem: 'schema', detail: 'no table audit_entry' })
    expect(readState(store.dbPath)).toEqual(before)
    expect(existsSync(`${store.dbPath}.restoring`)).toBe(false)
    // Still signed in, still selling, and sign-ins still work after a restart.
    expect(ok(await manager.invoke('auth:session', {})).user?.username).toBe('manager')
    const backend = await store.reopen()
    ok(await (await signedInClient(backend)).invoke('cart:get', {}))
  })

  it('refuses a backup with a changed index or trigger', async () => {
    const file = await tamperedBackup((db) => db.exec('drop index invoice_paid_at_index'))
    const manager = await signedInClient(store.backend, 'manager')
    const reply = await manager.invoke('backup:restore', { file })
    expect(!reply.ok && reply.error.params).toMatchObject({ problem: 'schema', detail: 'no index invoice_paid_at_index' })
  })

  it('keeps every replaced database under its own name, even for two restores in the same millisecond', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    const { file } = ok(await manager.invoke('backup:create', {}))
    const first = ok(await (await signedInClient(store.backend, 'manager')).invoke('backup:restore', { file }))
    const second = ok(await (await signedInClient(store.backend, 'manager')).invoke('backup:restore', { file }))
    expect(second.previousSavedAs).not.toBe(first.previousSavedAs)
    const replaced = readdirSync(join(dirname(store.dbPath), 'replaced')).filter((name) => name.endsWith('.sqlite'))
    expect(replaced.sort()).toEqual([first.previousSavedAs, second.previousSavedAs].sort())
  })
})

describe('a restore cut short by a crash', () => {
  /** The files as a crash between the restore's two renames leaves them. */
  async function crashBetweenRenames(): Promise<{ aside: string; incoming: string; backupInvoices: number }> {
    const manager = await signedInClient(store.backend, 'manager')
    const { file } = ok(await manager.invoke('backup:create', {}))
    const cart = ok(await manager.invoke('cart:add', { productId: 1, quantity: 1 }))
    ok(
      await manager.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payment: { method: 'cash', tenderedCents: cart.totalCents },
      }),
    )
    await store.backend.close()
    const aside = join(dirname(store.dbPath), 'replaced', 'tillwise-before-restore-crash.sqlite')
    const incoming = `${store.dbPath}.restoring`
    copyFileSync(join(store.backend.backupDir, file), incoming)
    writeFileSync(`${store.dbPath}.restore.json`, JSON.stringify({ aside, incoming }))
    mkdirSync(dirname(aside), { recursive: true })
    renameSync(store.dbPath, aside)
    const backupInvoices = withRawDb(incoming, (db) => db.prepare('select count(*) from invoice').pluck().get() as number)
    return { aside, incoming, backupInvoices }
  }

  it('is finished at the next start: the confirmed backup is in place, the replaced books kept aside', async () => {
    const { aside, backupInvoices } = await crashBetweenRenames()
    const backend = await store.reopen()
    expect(readState(store.dbPath).invoices).toBe(backupInvoices)
    expect(existsSync(aside)).toBe(true)
    expect(existsSync(`${store.dbPath}.restore.json`)).toBe(false)
    ok(await (await signedInClient(backend)).invoke('cart:get', {}))
  })

  it('is rolled back when its copy did not survive, never opening an empty store', async () => {
    const { aside, incoming } = await crashBetweenRenames()
    const asideInvoices = withRawDb(aside, (db) => db.prepare('select count(*) from invoice').pluck().get() as number)
    rmSync(incoming)
    await store.reopen()
    expect(readState(store.dbPath).invoices).toBe(asideInvoices)
    expect(asideInvoices).toBeGreaterThan(0)
  })
})
