import { randomBytes, randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { auditHash } from '#core/db/audit-chain'
import { ok, openTestStore, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'
import { anchorsPath } from '#core/backup/audit-anchors'

let store: TestStore | undefined

afterEach(async () => {
  await store?.cleanup()
  store = undefined
})

async function cashSale(client: BackendClient) {
  const cart = ok(await client.invoke('cart:add', { productId: 1, quantity: 1 }))
  return ok(
    await client.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payment: { method: 'cash', tenderedCents: cart.totalCents },
    }),
  ).invoice
}

const verify = async (client: BackendClient) => ok(await client.invoke('audit:verify', {}))

/** What someone with the file and a SQLite shell can do: the append-only triggers go first. */
function tamper(dbPath: string, work: (db: Database.Database) => void): void {
  withRawDb(dbPath, (db) => {
    for (const table of ['audit_entry', 'invoice', 'invoice_line', 'invoice_tax', 'invoice_tender', 'invoice_promo']) {
      db.exec(`drop trigger if exists ${table}_no_update; drop trigger if exists ${table}_no_delete`)
    }
    work(db)
  })
}

/** Recomputes the chain from `fromId` on, as a careful forger would after changing a row. */
function rehashFrom(db: Database.Database, fromId: number): void {
  const rows = db
    .prepare('select id, at, action, actor_user_id, actor_name, subject, details from audit_entry where id >= ? order by id')
    .all(fromId) as {
    id: number
    at: string
    action: string
    actor_user_id: number | null
    actor_name: string
    subject: string | null
    details: string
  }[]
  let prev =
    (db.prepare('select hash from audit_entry where id < ? order by id desc limit 1').pluck().get(fromId) as string | undefined) ??
    '0'.repeat(64)
  for (const row of rows) {
    const hash = auditHash({
      prevHash: prev,
      at: row.at,
      action: row.action,
      actorUserId: row.actor_user_id,
      actorName: row.actor_name,
      subject: row.subject,
      details: row.details,
    })
    db.prepare('update audit_entry set prev_hash = ?, hash = ? where id = ?').run(prev, hash, row.id)
    prev = hash
  }
}

/** Removes an invoice and every row that belongs to it, as a forger with the file would. */
function eraseInvoice(db: Database.Database, invoiceId: number): void {
  db.prepare('delete from stock_movement where invoice_id = ?').run(invoiceId)
  db.prepare('delete from token_ledger_entry where invoice_id = ?').run(invoiceId)
  for (const table of ['invoice_line', 'invoice_tax', 'invoice_tender', 'invoice_promo']) {
    const exists = db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table)
    if (exists) db.prepare(`delete from ${table} where invoice_id = ?`).run(invoiceId)
  }
  db.prepare('delete from invoice where id = ?').run(invoiceId)
}

/** Removes the last cash sale with its invoice, lines, stock movements and every audit row from its own on. */
function eraseLastSale(db: Database.Database): void {
  const invoice = db.prepare('select id, number from invoice order by id desc limit 1').get() as { id: number; number: number }
  const firstRow = db
    .prepare("select id from audit_entry where action = 'sale' and subject = ?")
    .pluck()
    .get(`invoice ${invoice.number}`) as number
  db.prepare('delete from audit_entry where id >= ?').run(firstRow)
  eraseInvoice(db, invoice.id)
}

describe('audit:verify, anchored', () => {
  it('finds a sale erased with its tail of audit rows, once a backup recorded the head', async () => {
    store = await openTestStore()
    const manager = await signedInClient(store.backend, 'manager')
    await cashSale(manager)
    ok(await manager.invoke('backup:create', {}))
    expect(await verify(manager)).toMatchObject({ ok: true })
    const dbPath = store.dbPath
    tamper(dbPath, eraseLastSale)
    const verdict = await verify(await signedInClient(store.backend, 'manager'))
    expect(verdict).toMatchObject({ ok: false, problem: 'anchor' })
    expect(verdict.detail).toMatch(/^tillwise-.*-manual\.sqlite$/)
  })

  it('finds a rewritten row with every later one re-hashed, once a backup recorded the head', async () => {
    store = await openTestStore()
    const manager = await signedInClient(store.backend, 'manager')
    await cashSale(manager)
    ok(await manager.invoke('backup:create', {}))
    tamper(store.dbPath, (db) => {
      const row = db.prepare("select id from audit_entry where action = 'sale'").pluck().get() as number
      db.prepare('update audit_entry set details = \'{"totalCents":1}\' where id = ?').run(row)
      rehashFrom(db, row)
    })
    expect(await verify(manager)).toMatchObject({ ok: false, problem: 'anchor' })
  })

  it('finds a missing invoice number, and an invoice whose sale entry was erased and the chain re-hashed', async () => {
    store = await openTestStore()
    const manager = await signedInClient(store.backend, 'manager')
    await cashSale(manager)
    const second = await cashSale(manager)
    await cashSale(manager)
    tamper(store.dbPath, (db) => {
      const row = db.prepare('select id from audit_entry where subject = ?').pluck().get(`invoice ${second.number}`) as number
      db.prepare('delete from audit_entry where id = ?').run(row)
      rehashFrom(db, row)
    })
    expect(await verify(manager)).toMatchObject({ ok: false, problem: 'missingSale', detail: String(second.number) })
    tamper(store.dbPath, (db) => eraseInvoice(db, second.id))
    expect(await verify(manager)).toMatchObject({ ok: false, problem: 'numberGap', detail: '3' })
  })

  it('is not fooled by a restore: the anchors start again from the restored books', async () => {
    store = await openTestStore()
    const manager = await signedInClient(store.backend, 'manager')
    const { file } = ok(await manager.invoke('backup:create', {}))
    await cashSale(manager)
    ok(await manager.invoke('backup:create', {}))
    ok(await manager.invoke('backup:restore', { file }))
    expect(await verify(await signedInClient(store.backend, 'manager'))).toMatchObject({ ok: true })
  })

  it('reports an anchor log that was edited by hand', async () => {
    store = await openTestStore()
    const manager = await signedInClient(store.backend, 'manager')
    ok(await manager.invoke('backup:create', {}))
    appendFileSync(anchorsPath(store.dbPath), 'not an anchor\n')
    expect(await verify(manager)).toMatchObject({ ok: false, problem: 'anchor', detail: 'audit-anchors.jsonl' })
  })
})

describe('audit:verify, signed', () => {
  it('signs every entry with the key kept outside the database, and finds a row rewritten without it', async () => {
    const key = randomBytes(32)
    store = await openTestStore({ auditKey: key })
    const manager = await signedInClient(store.backend, 'manager')
    await cashSale(manager)
    expect(await verify(manager)).toMatchObject({ ok: true, signed: true })
    expect(withRawDb(store.dbPath, (db) => db.prepare('select count(*) from audit_entry where mac is null').pluck().get())).toBe(0)
    // No backup yet, so no anchor: the signature alone finds the forgery.
    tamper(store.dbPath, (db) => {
      const row = db.prepare("select id from audit_entry where action = 'sale'").pluck().get() as number
      db.prepare("update audit_entry set actor_name = 'Someone Else' where id = ?").run(row)
      rehashFrom(db, row)
    })
    expect(await verify(manager)).toMatchObject({ ok: false, problem: 'badMac' })
  })

  it('finds signatures stripped from a tail of the trail, and from all of it once a backup recorded a signed head', async () => {
    const key = randomBytes(32)
    store = await openTestStore({ auditKey: key })
    const manager = await signedInClient(store.backend, 'manager')
    await cashSale(manager)
    ok(await manager.invoke('backup:create', {}))
    await cashSale(manager)
    const dbPath = store.dbPath
    tamper(dbPath, (db) => db.exec('update audit_entry set mac = null where id > (select max(id) - 3 from audit_entry)'))
    expect(await verify(manager)).toMatchObject({ ok: false, problem: 'badMac' })
    tamper(dbPath, (db) => db.exec('update audit_entry set mac = null'))
    expect(await verify(manager)).toMatchObject({ ok: false, problem: 'anchor' })
  })
})
