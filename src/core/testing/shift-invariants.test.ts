import { randomUUID } from 'node:crypto'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type Database from 'better-sqlite3'
import { checkShifts } from './shift-invariants'
import { fillCart, ok, openTestStore, signedInClient, withRawDb, type TestStore } from './test-store'

/**
 * Two closed shifts of the demo store (a cash sale, a refund, a pay-in, a pay-out and a no-sale in
 * the first) hold every rule; each tamper below breaks one, as an edit of the file by hand would.
 */
let store: TestStore
/** The books as the till left them (made once), and the copy each test tampers with. */
let template: string
let dbPath: string

beforeAll(async () => {
  store = await openTestStore()
  const cashier = await signedInClient(store.backend)
  const manager = await signedInClient(store.backend, 'manager')
  ok(await manager.invoke('settings:update', { patch: { shiftsEnabled: true } }))
  ok(await cashier.invoke('shift:open', { openingFloatCents: 10_000 }))
  const cart = await fillCart(cashier, [['DEMO-001', 2]])
  const { invoice } = ok(
    await cashier.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payments: [{ method: 'cash', tenderedCents: cart.totalCents + 1_000 }],
    }),
  )
  ok(
    await manager.invoke('returns:create', {
      invoiceId: invoice.id,
      lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1, restock: true }],
      reason: 'sour',
      idempotencyKey: randomUUID(),
    }),
  )
  ok(await cashier.invoke('shift:cashMove', { kind: 'payIn', amountCents: 500, reason: 'coins' }))
  ok(await cashier.invoke('shift:cashMove', { kind: 'payOut', amountCents: 300, reason: 'stamps' }))
  ok(await manager.invoke('drawer:noSale', { reason: 'change' }))
  ok(await cashier.invoke('shift:close', { countedCashCents: 12_000, idempotencyKey: randomUUID() }))
  ok(await cashier.invoke('shift:open', { openingFloatCents: 12_000 }))
  ok(await cashier.invoke('shift:close', { countedCashCents: 12_000, idempotencyKey: randomUUID() }))
  template = join(store.dir, 'books.sqlite')
  withRawDb(store.dbPath, (db) => db.prepare('vacuum into ?').run(template))
})

beforeEach(() => {
  dbPath = join(store.dir, `tampered-${randomUUID()}.sqlite`)
  copyFileSync(template, dbPath)
})

afterAll(async () => {
  await store.cleanup()
})

const rules = () => withRawDb(dbPath, (db) => checkShifts(db).map((violation) => violation.rule))
const tamper = (work: (db: Database.Database) => void) => withRawDb(dbPath, work)

describe('the shift invariants', () => {
  it('hold for shifts the till opened, worked in and closed', () => {
    expect(withRawDb(dbPath, checkShifts)).toEqual([])
  })

  it('find a Z whose variance is not counted − expected', () => {
    tamper((db) => db.exec('drop trigger z_report_no_update; update z_report set variance_cents = variance_cents + 1 where number = 1'))
    expect(rules()).toEqual(['z-variance'])
  })

  it('find a gap in the Z numbers (and the figures naming another number)', () => {
    tamper((db) => db.exec('drop trigger z_report_no_update; update z_report set number = 3 where number = 2'))
    expect(rules()).toEqual(['z-number-gap', 'z-figures'])
  })

  it('find a gap in the shift numbers', () => {
    tamper((db) => db.exec('drop trigger shift_closed_is_final; update shift set number = 5 where number = 2'))
    expect(rules()).toContain('shift-number-gap')
  })

  it('find two open shifts on a till, which the database refuses unless its index is dropped', () => {
    const reopen = `insert into shift (uid, till_id, number, opened_at, opened_by_id, opened_by_name, opening_float_cents)
      select '0190aaaa-0000-7000-8000-0000000000%', till_id, %, opened_at, opened_by_id, opened_by_name, 0 from shift where number = 1`
    tamper((db) => db.prepare(reopen.replaceAll('%', '3')).run())
    expect(() => tamper((db) => db.prepare(reopen.replaceAll('%', '4')).run())).toThrow(/UNIQUE constraint failed/)
    tamper((db) => {
      db.exec('drop index shift_one_open_per_till')
      db.prepare(reopen.replaceAll('%', '4')).run()
    })
    expect(rules()).toEqual(['shift-open-twice'])
  })

  it('find a closed shift without its Z report, and a Z whose shift was opened again', () => {
    tamper((db) =>
      db.exec(`insert into shift (uid, till_id, number, opened_at, opened_by_id, opened_by_name, opening_float_cents, closed_at)
        select '0190aaaa-0000-7000-8000-000000000009', till_id, 3, opened_at, opened_by_id, opened_by_name, 0, closed_at from shift where number = 2`),
    )
    expect(rules()).toEqual(['shift-closed-without-z'])
    tamper((db) => db.exec('drop trigger shift_closed_is_final; update shift set closed_at = null where number = 2'))
    expect(rules()).toEqual(['shift-closed-without-z', 'z-of-open-shift'])
  })

  it('find cash moved in a closed shift, before its close (the frozen drawer disagrees) or after it', () => {
    const move = (at: string) =>
      `insert into cash_move (uid, till_id, shift_id, kind, amount_cents, reason, user_id, user_name, at)
        select '${randomUUID()}', till_id, id, 'payOut', 100, 'taken', opened_by_id, opened_by_name, ${at} from shift where number = 1`
    tamper((db) => db.exec(move('opened_at')))
    expect(rules()).toEqual(['z-drawer'])
    tamper((db) => db.exec(move("strftime('%Y-%m-%dT%H:%M:%fZ', closed_at, '+1 minute')")))
    expect(rules()).toEqual(['cash-move-outside-shift', 'z-drawer'])
  })

  it('find cash moved into a shift by another till', () => {
    tamper((db) =>
      db.exec(`insert into cash_move (uid, till_id, shift_id, kind, amount_cents, reason, user_id, user_name, at)
        select '${randomUUID()}', 'another-till', id, 'noSale', 0, '', opened_by_id, opened_by_name, opened_at from shift where number = 2`),
    )
    expect(rules()).toEqual(['cash-move-till', 'z-drawer'])
  })

  it('find a no-sale that moved money and a Z whose figures do not reconcile', () => {
    tamper((db) => {
      db.exec("drop trigger cash_move_no_update; update cash_move set amount_cents = 1 where kind = 'noSale'")
      db.exec(
        "drop trigger z_report_no_update; update z_report set figures = json_set(figures, '$.summary.netCents', json_extract(figures, '$.summary.netCents') + 1) where number = 1",
      )
    })
    expect(rules()).toEqual(['no-sale-amount', 'z-figures', 'z-figures'])
  })
})
