import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TenderInput } from '#shared/contract/checkout'
import { DEFAULT_PRINTER, type PrinterSettings } from '#shared/contract/printing'
import type { BackendClient } from '#core/backend'
import { bindStatements } from '#core/db/statements'
import { REPORT_FIGURES_SQL, summaryOf } from '#core/reports/report-figures.service'
import { auditOf } from '#core/testing/audit-trail'
import { expectError, fillCart, ok, openTestStore, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'

/**
 * Shifts on the demo store, which rounds cash to NPR 1.00 half-up. DEMO-001 is priced at NPR 104.60
 * so that cash parts round; DEMO-002 at NPR 50.00.
 */
const PRICE = 10_460
const OTHER_PRICE = 5_000

let store: TestStore
let cashier: BackendClient
let manager: BackendClient

beforeEach(async () => {
  store = await openTestStore()
  withRawDb(store.dbPath, (db) => {
    db.prepare("update product set price_cents = ?, stock = 50 where sku = 'DEMO-001'").run(PRICE)
    db.prepare("update product set price_cents = ?, stock = 50 where sku = 'DEMO-002'").run(OTHER_PRICE)
  })
  cashier = await signedInClient(store.backend)
  manager = await signedInClient(store.backend, 'manager')
})

afterEach(async () => {
  await store.cleanup()
})

async function shiftsOn() {
  ok(await manager.invoke('settings:update', { patch: { shiftsEnabled: true } }))
}

async function sell(client: BackendClient, items: readonly (readonly [string, number])[], payments: TenderInput[]) {
  const cart = await fillCart(client, items)
  return ok(await client.invoke('checkout:pay', { idempotencyKey: randomUUID(), expectedTotalCents: cart.totalCents, payments })).invoice
}

const close = (client: BackendClient, countedCashCents: number, idempotencyKey: string = randomUUID()) =>
  client.invoke('shift:close', { countedCashCents, idempotencyKey })

/** The rows a shift's work writes: a refusal must leave every one as it was. */
const counts = () =>
  withRawDb(store.dbPath, (db) =>
    Object.fromEntries(
      ['shift', 'cash_move', 'z_report', 'audit_entry', 'invoice'].map((table) => [
        table,
        db.prepare(`select count(*) from ${table}`).pluck().get() as number,
      ]),
    ),
  )
const closedShifts = () =>
  withRawDb(store.dbPath, (db) => db.prepare('select count(*) from shift where closed_at is not null').pluck().get() as number)

async function usePrinter(printer: Partial<PrinterSettings>) {
  ok(await manager.invoke('settings:update', { patch: { printer: { ...DEFAULT_PRINTER, ...printer } } }))
}

describe('opening a shift', () => {
  it('is refused while shifts are off, and changes nothing', async () => {
    const before = counts()
    const reply = await cashier.invoke('shift:open', { openingFloatCents: 10_000 })
    expectError(reply, 'CONFLICT')
    expect(!reply.ok && reply.error.params).toEqual({ what: 'shiftsOff' })
    expect(counts()).toEqual(before)
    expect(ok(await cashier.invoke('shift:current', {}))).toEqual({ enabled: false, shift: null, lastCountedCashCents: null })
  })

  it('opens the till’s shift 1 with its float, audited; a second open is CONFLICT shiftOpen and changes nothing', async () => {
    await shiftsOn()
    const shift = ok(await cashier.invoke('shift:open', { openingFloatCents: 10_000 }))
    expect(shift).toMatchObject({
      number: 1,
      openingFloatCents: 10_000,
      openedByName: 'Kiran Cashier',
      closedAt: null,
      closedByName: null,
      zReportId: null,
      zNumber: null,
    })
    expect(ok(await manager.invoke('shift:current', {}))).toEqual({ enabled: true, shift, lastCountedCashCents: null })
    expect(auditOf(store.dbPath, 'shift.open')).toEqual([
      { actor_name: 'Kiran Cashier', subject: 'shift 1', details: { shiftId: shift.id, openingFloatCents: 10_000 } },
    ])

    const before = counts()
    const second = await manager.invoke('shift:open', { openingFloatCents: 500 })
    expectError(second, 'CONFLICT')
    expect(!second.ok && second.error.params).toEqual({ what: 'shiftOpen', number: 1 })
    expect(counts()).toEqual(before)
  })

  it('lets only one of two opens racing from two windows through', async () => {
    await shiftsOn()
    const replies = await Promise.all([
      cashier.invoke('shift:open', { openingFloatCents: 1_000 }),
      manager.invoke('shift:open', { openingFloatCents: 2_000 }),
    ])
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1)
    const refused = replies.find((reply) => !reply.ok)!
    expectError(refused, 'CONFLICT')
    expect(withRawDb(store.dbPath, (db) => db.prepare('select count(*) from shift').pluck().get())).toBe(1)
  })

  it('cannot have a second open shift on the till even written by hand: the partial unique index refuses it', async () => {
    await shiftsOn()
    ok(await cashier.invoke('shift:open', { openingFloatCents: 1_000 }))
    expect(() =>
      withRawDb(store.dbPath, (db) =>
        db
          .prepare(
            `insert into shift (uid, till_id, number, opened_at, opened_by_id, opened_by_name, opening_float_cents)
             select '0190aaaa-0000-7000-8000-000000000001', till_id, 2, opened_at, opened_by_id, opened_by_name, 0 from shift`,
          )
          .run(),
      ),
    ).toThrow(/UNIQUE constraint failed/)
  })
})

describe('cash in and out', () => {
  it('needs an open shift: SHIFT_CLOSED changes nothing', async () => {
    await shiftsOn()
    const before = counts()
    expectError(await cashier.invoke('shift:cashMove', { kind: 'payIn', amountCents: 100, reason: 'coins' }), 'SHIFT_CLOSED')
    expectError(await cashier.invoke('shift:xReport', {}), 'FORBIDDEN')
    expectError(await manager.invoke('shift:xReport', {}), 'SHIFT_CLOSED')
    expectError(await close(cashier, 0), 'SHIFT_CLOSED')
    expect(counts()).toEqual(before)
  })

  it('refuses an amount of zero or no reason at the door', async () => {
    await shiftsOn()
    ok(await cashier.invoke('shift:open', { openingFloatCents: 0 }))
    const before = counts()
    expectError(await cashier.invoke('shift:cashMove', { kind: 'payOut', amountCents: 0, reason: 'nothing' }), 'VALIDATION_FAILED')
    expectError(await cashier.invoke('shift:cashMove', { kind: 'payOut', amountCents: 100, reason: '' }), 'VALIDATION_FAILED')
    expect(counts()).toEqual(before)
  })

  it('records a pay-in and a pay-out with their reasons, each audited, and counts them in the X report', async () => {
    await shiftsOn()
    const shift = ok(await cashier.invoke('shift:open', { openingFloatCents: 10_000 }))
    const payIn = ok(await cashier.invoke('shift:cashMove', { kind: 'payIn', amountCents: 2_000, reason: 'change from the bank' }))
    const payOut = ok(await cashier.invoke('shift:cashMove', { kind: 'payOut', amountCents: 1_500, reason: 'milk delivery' }))
    expect(payIn).toMatchObject({ kind: 'payIn', amountCents: 2_000, reason: 'change from the bank', userName: 'Kiran Cashier' })
    expect(payOut).toMatchObject({ kind: 'payOut', amountCents: 1_500, reason: 'milk delivery' })
    expect(auditOf(store.dbPath, 'shift.cash-move').map((entry) => entry.details)).toEqual([
      { shiftId: shift.id, kind: 'payIn', amountCents: 2_000, reason: 'change from the bank' },
      { shiftId: shift.id, kind: 'payOut', amountCents: 1_500, reason: 'milk delivery' },
    ])
    const x = ok(await manager.invoke('shift:xReport', {}))
    expect(x.cashMoves).toEqual([payIn, payOut])
    expect(x.drawer).toEqual({
      openingFloatCents: 10_000,
      cashSalesCents: 0,
      cashRefundsCents: 0,
      payInsCents: 2_000,
      payOutsCents: 1_500,
      expectedCashCents: 10_500,
      noSales: 0,
    })
  })
})

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('a no-sale', () => {
  const noSales = () =>
    withRawDb(store.dbPath, (db) => db.prepare("select shift_id, reason, user_name from cash_move where kind = 'noSale'").all())

  it('is recorded in the open shift and audited, then pulses the drawer through a file printer', async () => {
    await shiftsOn()
    await usePrinter({ kind: 'file' })
    const shift = ok(await cashier.invoke('shift:open', { openingFloatCents: 0 }))
    expect(ok(await manager.invoke('drawer:noSale', { reason: 'change for a note' }))).toEqual({ drawerOpened: true })
    expect(noSales()).toEqual([{ shift_id: shift.id, reason: 'change for a note', user_name: 'Maya Manager' }])
    expect(auditOf(store.dbPath, 'drawer.noSale')).toEqual([
      { actor_name: 'Maya Manager', subject: 'shift 1', details: { shiftId: shift.id, reason: 'change for a note' } },
    ])
    const dir = join(store.dir, 'printed-receipts')
    const [bin] = readdirSync(dir).filter((file) => file.endsWith('.bin'))
    expect(bin).toMatch(/^2026-03-15-drawer-\d{9}\.bin$/)
    // The reset (and the encoder's font and character set), then ESC p, pin 2: the pulse, and nothing printed or cut.
    expect(readFileSync(join(dir, bin!)).toString('hex')).toBe('1b401c2e1b4d001b700032fa')
    expect(ok(await manager.invoke('shift:xReport', {})).drawer.noSales).toBe(1)
  })

  it('with no printer set up, is still recorded and says the drawer did not open', async () => {
    await shiftsOn()
    ok(await cashier.invoke('shift:open', { openingFloatCents: 0 }))
    expect(ok(await manager.invoke('drawer:noSale', {}))).toEqual({
      drawerOpened: false,
      printError: { kind: 'none', detail: 'notConfigured' },
    })
    expect(noSales()).toHaveLength(1)
    expect(auditOf(store.dbPath, 'drawer.noSale')).toHaveLength(1)
  })

  it('with a printer that fails, keeps the record and reports the printer’s error', async () => {
    await shiftsOn()
    await usePrinter({ kind: 'network', host: '127.0.0.1', port: await closedPort() })
    ok(await cashier.invoke('shift:open', { openingFloatCents: 0 }))
    expect(ok(await manager.invoke('drawer:noSale', { reason: 'jammed' }))).toEqual({
      drawerOpened: false,
      printError: { kind: 'network', detail: 'ECONNREFUSED' },
    })
    expect(noSales()).toHaveLength(1)
  })

  it('with shifts off is only audited; a system printer cannot pulse', async () => {
    await usePrinter({ kind: 'system', systemName: 'Receipts' })
    const before = counts()
    expect(ok(await manager.invoke('drawer:noSale', {}))).toEqual({
      drawerOpened: false,
      printError: { kind: 'system', detail: 'cannotPulse' },
    })
    expect(noSales()).toEqual([])
    expect(counts()).toEqual({ ...before, audit_entry: before['audit_entry']! + 1 })
    expect(auditOf(store.dbPath, 'drawer.noSale')).toEqual([
      { actor_name: 'Maya Manager', subject: null, details: { shiftId: null, reason: null } },
    ])
  })

  it('is not a cashier’s: FORBIDDEN, and nothing recorded', async () => {
    const before = counts()
    expectError(await cashier.invoke('drawer:noSale', {}), 'FORBIDDEN')
    expect(counts()).toEqual(before)
  })
})

describe('closing a shift', () => {
  /**
   * Shift 1: a cash sale of one DEMO-001 (NPR 104.60, paid 105.00). Shift 2, float 50.00: a split
   * sale of two DEMO-001 (209.20: card 100.00, cash 109.20 rounded to 109.00), a cash sale of one
   * DEMO-002 (50.00), the refund of shift 1's sale in cash (105.00), a pay-in of 20.00 and a pay-out
   * of 15.00. Expected = 50.00 + (109.00 + 50.00) − 105.00 + 20.00 − 15.00 = 109.00.
   */
  it('writes the Z report: expected cash by hand, a short count’s variance negative, the sales figures of the shift alone', async () => {
    await shiftsOn()
    ok(await cashier.invoke('shift:open', { openingFloatCents: 10_000 }))
    const earlier = await sell(cashier, [['DEMO-001', 1]], [{ method: 'cash', tenderedCents: 20_000 }])
    expect(earlier.tenders).toEqual([{ method: 'cash', amountCents: 10_500, tenderedCents: 20_000, changeCents: 9_500 }])
    const first = ok(await close(cashier, 20_500))
    expect(first).toMatchObject({ number: 1, expectedCashCents: 20_500, countedCashCents: 20_500, varianceCents: 0 })

    const shift = ok(await cashier.invoke('shift:open', { openingFloatCents: 5_000 }))
    expect(shift.number).toBe(2)
    const split = await sell(
      cashier,
      [['DEMO-001', 2]],
      [
        { method: 'card', amountCents: 10_000, reference: 'AUTH-1' },
        { method: 'cash', tenderedCents: 12_000 },
      ],
    )
    expect(split.tenders.find((tender) => tender.method === 'cash')).toMatchObject({ amountCents: 10_900, changeCents: 1_100 })
    expect(split.roundingCents).toBe(-20)
    await sell(cashier, [['DEMO-002', 1]], [{ method: 'cash', tenderedCents: 5_000 }])
    const refund = ok(
      await manager.invoke('returns:create', {
        invoiceId: earlier.id,
        lines: [{ invoiceLineId: earlier.lines[0]!.id, quantity: 1, restock: true }],
        reason: 'sour',
        idempotencyKey: randomUUID(),
      }),
    )
    expect(refund.refunds).toEqual([{ method: 'cash', amountCents: 10_500 }])
    ok(await cashier.invoke('shift:cashMove', { kind: 'payIn', amountCents: 2_000, reason: 'change from the bank' }))
    ok(await cashier.invoke('shift:cashMove', { kind: 'payOut', amountCents: 1_500, reason: 'milk delivery' }))

    // The count is blind: nothing the cashier can ask names the expected cash before the close.
    const current = ok(await cashier.invoke('shift:current', {}))
    expect(JSON.stringify(current)).not.toContain('expected')
    expectError(await cashier.invoke('shift:xReport', {}), 'FORBIDDEN')

    store.clock.now = new Date(store.clock.now.getTime() + 600_000)
    const z = ok(await close(cashier, 10_800))
    expect(z).toMatchObject({
      number: 2,
      closedByName: 'Kiran Cashier',
      countedCashCents: 10_800,
      expectedCashCents: 10_900,
      varianceCents: -100,
    })
    expect(z.closedAt).toBe(store.clock.now.toISOString())
    expect(z.figures.drawer).toEqual({
      openingFloatCents: 5_000,
      cashSalesCents: 15_900,
      cashRefundsCents: 10_500,
      payInsCents: 2_000,
      payOutsCents: 1_500,
      expectedCashCents: 10_900,
      noSales: 0,
    })
    expect(z.figures.shift).toMatchObject({
      id: shift.id,
      number: 2,
      closedAt: z.closedAt,
      closedByName: 'Kiran Cashier',
      zReportId: z.id,
      zNumber: 2,
    })
    expect(z.figures.asOf).toBe(z.closedAt)
    expect(z.figures.summary).toMatchObject({
      grossCents: 25_920,
      discountCents: 0,
      returnsCents: 10_460,
      netCents: 15_460,
      invoices: 2,
      returns: 1,
      unitsSold: 3,
      unitsReturned: 1,
      // The split sale's −0.20, minus the refund's +0.40.
      roundingCents: -60,
      takingsCents: 15_400,
      tenders: [
        { method: 'cash', wallet: null, inCents: 15_900, outCents: 10_500, netCents: 5_400 },
        { method: 'card', wallet: null, inCents: 10_000, outCents: 0, netCents: 10_000 },
      ],
    })
    expect(auditOf(store.dbPath, 'shift.close').at(-1)).toEqual({
      actor_name: 'Kiran Cashier',
      subject: 'shift 2, Z 2',
      details: { shiftId: shift.id, zReportId: z.id, countedCashCents: 10_800, expectedCashCents: 10_900, varianceCents: -100 },
    })
    expect(ok(await cashier.invoke('shift:current', {}))).toEqual({ enabled: true, shift: null, lastCountedCashCents: 10_800 })
    // With the shift closed the till takes no payment.
    const cart = await fillCart(cashier, [['DEMO-002', 1]])
    expectError(
      await cashier.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: cart.totalCents,
        payments: [{ method: 'cash', tenderedCents: 5_000 }],
      }),
      'SHIFT_CLOSED',
    )
  })

  it('counts the sales of both days in a shift that crosses midnight in the store’s time zone', async () => {
    // A shift of 12 hours, with nobody signed out for being idle meanwhile.
    ok(await manager.invoke('settings:update', { patch: { shiftsEnabled: true, timeZone: 'Asia/Kathmandu', sessionIdleMinutes: 720 } }))
    // 22:45 on 15 March in Kathmandu (+05:45).
    store.clock.now = new Date('2026-03-15T17:00:00.000Z')
    ok(await cashier.invoke('shift:open', { openingFloatCents: 0 }))
    await sell(cashier, [['DEMO-002', 1]], [{ method: 'cash', tenderedCents: 5_000 }])
    // 00:15 on 16 March.
    store.clock.now = new Date('2026-03-15T18:30:00.000Z')
    await sell(cashier, [['DEMO-002', 2]], [{ method: 'cash', tenderedCents: 10_000 }])
    expect(
      withRawDb(store.dbPath, (db) => db.prepare('select business_day from invoice where shift_id is not null order by id').pluck().all()),
    ).toEqual(['2026-03-15', '2026-03-16'])
    const z = ok(await close(cashier, 15_000))
    expect(z.figures.summary).toMatchObject({ invoices: 2, unitsSold: 3, grossCents: 15_000 })
    expect(z).toMatchObject({ expectedCashCents: 15_000, varianceCents: 0 })
  })

  it('numbers Z reports 1, 2, 3 without gaps, a refused close taking no number', async () => {
    await shiftsOn()
    const numbers: number[] = []
    for (const float of [1_000, 2_000, 3_000]) {
      ok(await cashier.invoke('shift:open', { openingFloatCents: float }))
      numbers.push(ok(await close(cashier, float)).number)
      expectError(await close(cashier, float), 'SHIFT_CLOSED')
    }
    expect(numbers).toEqual([1, 2, 3])
    const list = ok(await manager.invoke('shift:list', {}))
    expect(list.total).toBe(3)
    expect(list.items.map((item) => [item.number, item.zNumber, item.openingFloatCents, item.varianceCents])).toEqual([
      [3, 3, 3_000, 0],
      [2, 2, 2_000, 0],
      [1, 1, 1_000, 0],
    ])
    expect(ok(await manager.invoke('shift:list', { limit: 1, offset: 1 })).items.map((item) => item.number)).toEqual([2])
  })

  it('closes once when two windows close at the same time: the other is SHIFT_CLOSED', async () => {
    await shiftsOn()
    ok(await cashier.invoke('shift:open', { openingFloatCents: 1_000 }))
    const replies = await Promise.all([close(cashier, 1_000), close(manager, 1_000)])
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1)
    expectError(
      replies.find((reply) => !reply.ok)!,
      'SHIFT_CLOSED',
    )
    expect(withRawDb(store.dbPath, (db) => db.prepare('select number from z_report').pluck().all())).toEqual([1])
  })

  it('answers a retry with the same key with the same Z report; the key from someone else is CONFLICT and changes nothing', async () => {
    await shiftsOn()
    ok(await cashier.invoke('shift:open', { openingFloatCents: 1_000 }))
    const key = randomUUID()
    const z = ok(await close(cashier, 900, key))
    const after = counts()
    expect(ok(await close(cashier, 900, key))).toEqual(z)
    expect(counts()).toEqual(after)

    ok(await cashier.invoke('shift:open', { openingFloatCents: 1_000 }))
    const before = counts()
    const other = await close(manager, 900, key)
    expectError(other, 'CONFLICT')
    expect(!other.ok && other.error.params).toEqual({ what: 'idempotencyKey' })
    expect(counts()).toEqual(before)
    expect(auditOf(store.dbPath, 'shift.close')).toHaveLength(1)
  })

  it('keeps the Z and the closed shift as they were written: raw updates and deletes are refused', async () => {
    await shiftsOn()
    const shift = ok(await cashier.invoke('shift:open', { openingFloatCents: 1_000 }))
    const z = ok(await close(cashier, 1_000))
    withRawDb(store.dbPath, (db) => {
      expect(() => db.prepare('update z_report set counted_cash_cents = 5 where id = ?').run(z.id)).toThrow(/append-only/)
      expect(() => db.prepare('delete from z_report where id = ?').run(z.id)).toThrow(/append-only/)
      expect(() => db.prepare('update shift set opening_float_cents = 0 where id = ?').run(shift.id)).toThrow(/never changes/)
      expect(() => db.prepare('update shift set closed_at = null where id = ?').run(shift.id)).toThrow(/never changes/)
      expect(() => db.prepare('delete from shift where id = ?').run(shift.id)).toThrow(/kept/)
    })
    expect(ok(await manager.invoke('shift:get', { id: shift.id }))).toEqual(z)
  })

  it('keeps the Z’s figures equal to the shift’s summary computed again later, after sales in the next shift', async () => {
    await shiftsOn()
    const shift = ok(await cashier.invoke('shift:open', { openingFloatCents: 0 }))
    const sale = await sell(cashier, [['DEMO-001', 2]], [{ method: 'cash', tenderedCents: 30_000 }])
    ok(
      await manager.invoke('returns:create', {
        invoiceId: sale.id,
        lines: [{ invoiceLineId: sale.lines[0]!.id, quantity: 1, restock: false }],
        reason: 'dented',
        idempotencyKey: randomUUID(),
      }),
    )
    const z = ok(await close(cashier, 10_000))
    ok(await cashier.invoke('shift:open', { openingFloatCents: 0 }))
    await sell(cashier, [['DEMO-002', 3]], [{ method: 'cash', tenderedCents: 15_000 }])

    const again = withRawDb(store.dbPath, (db) => summaryOf(bindStatements(db, REPORT_FIGURES_SQL), { shiftId: shift.id }))
    const stored = ok(await manager.invoke('shift:get', { id: shift.id }))
    expect(stored).toEqual(z)
    expect(stored.figures.summary).toEqual(again)
    expect(stored.figures.summary.invoices).toBe(1)
  })

  it('has no Z report for an open or an unknown shift: NOT_FOUND zReport', async () => {
    await shiftsOn()
    const shift = ok(await cashier.invoke('shift:open', { openingFloatCents: 0 }))
    for (const id of [shift.id, 999]) {
      const reply = await manager.invoke('shift:get', { id })
      expectError(reply, 'NOT_FOUND')
      expect(!reply.ok && reply.error.params).toEqual({ what: 'zReport', id })
    }
  })

  it('is a cashier’s to open, move cash in and close, but the X report, the list and a Z are a manager’s', async () => {
    await shiftsOn()
    ok(await cashier.invoke('shift:open', { openingFloatCents: 0 }))
    ok(await cashier.invoke('shift:cashMove', { kind: 'payIn', amountCents: 100, reason: 'coins' }))
    expectError(await cashier.invoke('shift:xReport', {}), 'FORBIDDEN')
    const z = ok(await close(cashier, 100))
    expect(closedShifts()).toBe(1)
    expectError(await cashier.invoke('shift:list', {}), 'FORBIDDEN')
    expectError(await cashier.invoke('shift:get', { id: z.figures.shift.id }), 'FORBIDDEN')
  })

  it('shows a cashier the X report once, with a manager’s approval', async () => {
    await shiftsOn()
    ok(await cashier.invoke('shift:open', { openingFloatCents: 700 }))
    const { approvalId } = ok(await cashier.invoke('auth:approve', { username: 'manager', secret: 'manager', permission: 'reports.view' }))
    expect(ok(await cashier.invoke('shift:xReport', { approvalId })).drawer.expectedCashCents).toBe(700)
    expectError(await cashier.invoke('shift:xReport', { approvalId }), 'APPROVAL_REQUIRED')
  })
})
