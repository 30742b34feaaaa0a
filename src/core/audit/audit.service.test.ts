import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditRows } from '#core/testing/audit-trail'
import { expectError, ok, openTestStore, signedInClient, TOKENS, withRawDb, type TestStore } from '#core/testing/test-store'
import { auditHash, GENESIS_HASH, verifyAuditRows } from './audit.service'

let store: TestStore

beforeEach(async () => {
  store = await openTestStore()
})

afterEach(async () => {
  await store.cleanup()
})

/** A realistic day: failed and good sign-ins, a sale, a refused payment, a cleared cart, manager actions. */
async function busyDay(): Promise<void> {
  const anonymous = store.backend.connect()
  expectError(await anonymous.invoke('auth:login', { username: 'cashier', password: 'nope' }), 'INVALID_CREDENTIALS')
  const till = await signedInClient(store.backend)
  let cart = ok(await till.invoke('cart:add', { productId: 1, quantity: 2 }))
  ok(
    await till.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payment: { method: 'token', token: TOKENS.rich },
    }),
  )
  cart = ok(await till.invoke('cart:add', { productId: 2, quantity: 1 }))
  expectError(
    await till.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payment: { method: 'token', token: TOKENS.expired },
    }),
    'TOKEN_EXPIRED',
  )
  ok(await till.invoke('cart:clear', {}))
  ok(await till.invoke('auth:logout', {}))
  const manager = await signedInClient(store.backend, 'manager')
  ok(await manager.invoke('users:unlock', { username: 'cashier' }))
  ok(await manager.invoke('backup:create', {}))
}

describe('the audit trail', () => {
  it('records sign-ins, sales, refused payments, cleared carts and manager actions, in order', async () => {
    await busyDay()
    const rows = auditRows(store.dbPath)
    expect(rows.map((row) => row.action)).toEqual([
      'auth.sign-in-failed',
      'auth.sign-in',
      'sale',
      'payment.refused',
      'cart.cleared',
      'auth.sign-out',
      'auth.sign-in',
      'user.unlocked',
      'backup.created',
    ])
    const sale = rows.find((row) => row.action === 'sale')!
    expect(sale).toMatchObject({ actor_name: 'Kiran Cashier', subject: 'invoice 1' })
    expect(JSON.parse(sale.details)).toEqual({ totalCents: 11_000, method: 'token', tenders: 1, roundingCents: 0, lines: 1 })
    expect(JSON.parse(rows.find((row) => row.action === 'payment.refused')!.details)).toMatchObject({ code: 'TOKEN_EXPIRED' })
  })

  it('writes a sale and its audit entry in one transaction', async () => {
    await busyDay()
    withRawDb(store.dbPath, (db) => {
      const invoices = (db.prepare('select number from invoice').all() as { number: number }[]).map((row) => `invoice ${row.number}`)
      const audited = (db.prepare("select subject from audit_entry where action = 'sale'").all() as { subject: string }[]).map(
        (row) => row.subject,
      )
      expect(audited).toEqual(invoices)
    })
  })

  it('refuses UPDATE and DELETE', async () => {
    await busyDay()
    withRawDb(store.dbPath, (db) => {
      expect(() => db.prepare("update audit_entry set actor_name = 'x'").run()).toThrow(/append-only/)
      expect(() => db.prepare('delete from audit_entry').run()).toThrow(/append-only/)
    })
  })

  it('verifies clean, and finds the first row edited behind the app', async () => {
    await busyDay()
    const manager = await signedInClient(store.backend, 'manager')
    const clean = ok(await manager.invoke('audit:verify', {}))
    expect(clean.ok).toBe(true)
    expect(clean.entries).toBeGreaterThan(8)

    const target = auditRows(store.dbPath).find((row) => row.action === 'sale')!
    // Someone with the file drops the guard, edits a sale's figures, restores the guard.
    withRawDb(store.dbPath, (db) => {
      db.exec('drop trigger audit_entry_no_update')
      db.prepare('update audit_entry set details = ? where id = ?').run('{"totalCents":1,"method":"token","lines":1}', target.id)
      db.exec(
        "create trigger `audit_entry_no_update` BEFORE UPDATE on `audit_entry` for each ROW begin select raise(abort, 'audit_entry rows are append-only'); end",
      )
    })
    const verdict = ok(await manager.invoke('audit:verify', {}))
    expect(verdict).toMatchObject({ ok: false, firstBadId: target.id })
    expect(verdict.reason).toMatch(/changed/)
    expectError(await (await signedInClient(store.backend)).invoke('audit:verify', {}), 'FORBIDDEN')
  })

  it('finds a removed row', () => {
    const rows = [0, 1, 2].reduce<
      {
        id: number
        at: string
        action: string
        actor_user_id: null
        actor_name: string
        subject: null
        details: string
        prev_hash: string
        hash: string
      }[]
    >((acc, id) => {
      const fields = {
        prevHash: acc.at(-1)?.hash ?? GENESIS_HASH,
        at: `2026-01-0${id + 1}T00:00:00.000Z`,
        action: 'sale',
        actorUserId: null,
        actorName: 'A',
        subject: null,
        details: '{}',
      }
      return [
        ...acc,
        {
          id: id + 1,
          at: fields.at,
          action: 'sale',
          actor_user_id: null,
          actor_name: 'A',
          subject: null,
          details: '{}',
          prev_hash: fields.prevHash,
          hash: auditHash(fields),
        },
      ]
    }, [])
    expect(verifyAuditRows(rows)).toEqual({ ok: true, entries: 3 })
    expect(verifyAuditRows([rows[0]!, rows[2]!])).toMatchObject({ ok: false, firstBadId: 3, reason: expect.stringMatching(/removed/) })
  })
})
