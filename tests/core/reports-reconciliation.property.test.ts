import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TenderInput } from '#shared/contract/checkout'
import type { ReportSummaryDto } from '#shared/contract/reports'
import { storeDate } from '#core/common/store-day'
import { bindStatements } from '#core/db/statements'
import { REPORT_FIGURES_SQL, summaryOf } from '#core/reports/report-figures.service'
import { ok, openTestStore, TOKENS, withRawDb, type TestStore } from '#core/testing/test-store'
import { at, priceDemoProducts, returnLines, sell, voidSale } from './reports-fixtures'

/**
 * The reconciliation property (DESIGN §3.5): whatever the mix of sales (discounts, promos, split
 * tenders, cash rounding), returns and voids over whatever days, the reports agree with each other
 * and with the rows on record, and one shift's figures are those of the days it covers.
 */

const SKUS = ['DEMO-001', 'DEMO-002', 'DEMO-003'] as const
const START = new Date('2026-03-10T03:00:00Z')
const TIME_ZONE = 'Asia/Kathmandu'

type Step =
  | {
      kind: 'sale'
      items: [string, number][]
      lineDiscount: boolean
      orderDiscount: boolean
      promo: boolean
      tender: 'cash' | 'card' | 'walletAndCash' | 'tokenAndCard'
    }
  | { kind: 'return'; pick: number; quantity: number }
  | { kind: 'void'; pick: number }
  | { kind: 'advance'; hours: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      items: fc.array(fc.tuple(fc.constantFrom(...SKUS), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 }),
      lineDiscount: fc.boolean(),
      orderDiscount: fc.boolean(),
      promo: fc.boolean(),
      tender: fc.constantFrom('cash' as const, 'card' as const, 'walletAndCash' as const, 'tokenAndCard' as const),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('return' as const), pick: fc.nat(), quantity: fc.integer({ min: 1, max: 2 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }), weight: 1 },
  // Now and then the clock goes back (a till's clock put right): a day's sales are then not one run of ids.
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: -20, max: 30 }) }), weight: 2 },
)

function tenders(kind: Extract<Step, { kind: 'sale' }>['tender'], total: number): TenderInput[] {
  switch (kind) {
    case 'cash':
      // Over what the rounded total can be: the change is given back.
      return [{ method: 'cash', tenderedCents: total + 100 }]
    case 'card':
      return [{ method: 'card', amountCents: total, reference: 'C' }]
    case 'walletAndCash': {
      const wallet = Math.max(1, Math.floor(total / 3))
      return [
        { method: 'wallet', wallet: total % 2 === 0 ? 'eSewa' : 'Khalti', amountCents: wallet, reference: 'W' },
        { method: 'cash', tenderedCents: total - wallet + 100 },
      ]
    }
    case 'tokenAndCard': {
      const token = Math.max(1, Math.floor(total / 2))
      return [
        { method: 'token', token: TOKENS.rich, amountCents: token },
        { method: 'card', amountCents: total - token, reference: 'C' },
      ]
    }
  }
}

interface Sold {
  id: number
  lines: { id: number; quantity: number; returned: number }[]
  /** Nothing returned of it yet: a void would take it all back. */
  voidable: boolean
  /** Its business day: only a sale of the current one can be voided. */
  day: string
}

/** The demo store's business day of an instant (its time zone, Kathmandu). */
const businessDay = (at: Date) => storeDate(at, 'Asia/Kathmandu')

async function play(store: TestStore, steps: Step[]): Promise<void> {
  let now = START
  let manager = await at(store, now, 'manager')
  const sold: Sold[] = []
  for (const next of steps) {
    if (next.kind === 'advance') {
      now = new Date(Math.max(START.getTime(), now.getTime() + next.hours * 3_600_000))
      manager = await at(store, now, 'manager')
    } else if (next.kind === 'sale') {
      const sku = next.items[0]![0]
      const invoice = await sell(manager, next.items, (total) => tenders(next.tender, total), {
        ...(next.lineDiscount ? { lineDiscounts: [{ sku, cents: 7 }] } : {}),
        ...(next.orderDiscount ? { orderDiscountCents: 13 } : {}),
        ...(next.promo ? { promo: 'TEN' } : {}),
      })
      sold.push({
        id: invoice.id,
        lines: invoice.lines.map((line) => ({ id: line.id, quantity: line.quantity, returned: 0 })),
        voidable: true,
        day: businessDay(now),
      })
    } else if (sold.length > 0) {
      const sale = sold[next.pick % sold.length]!
      if (next.kind === 'void') {
        if (!sale.voidable || sale.day !== businessDay(now)) continue
        await voidSale(manager, sale.id)
        sale.voidable = false
        for (const line of sale.lines) line.returned = line.quantity
      } else {
        const line = sale.lines.find((candidate) => candidate.returned < candidate.quantity)
        if (!line) continue
        const quantity = Math.min(next.quantity, line.quantity - line.returned)
        await returnLines(manager, sale.id, [{ invoiceLineId: line.id, quantity, restock: next.pick % 2 === 0 }])
        line.returned += quantity
        sale.voidable = false
      }
    }
  }
}

const FIELDS = [
  'grossCents',
  'discountCents',
  'returnsCents',
  'netCents',
  'taxCents',
  'invoices',
  'returns',
  'unitsSold',
  'unitsReturned',
] as const

const sumOf = <T>(rows: readonly T[], field: (row: T) => number) => rows.reduce((total, row) => total + field(row), 0)

async function checkReconciles(store: TestStore): Promise<void> {
  const manager = await at(store, store.clock.now, 'manager')
  // To the last day anything happened on: after the clock went back, that can be after today.
  const lastDay = withRawDb(store.dbPath, (db) =>
    db
      .prepare('select max(day) from (select max(business_day) as day from invoice union all select max(business_day) from sale_return)')
      .pluck()
      .get(),
  ) as string | null
  const today = storeDate(store.clock.now, TIME_ZONE)
  const range = { from: storeDate(START, TIME_ZONE), to: lastDay !== null && lastDay > today ? lastDay : today }
  const summary = ok(await manager.invoke('reports:summary', range))

  // The summary reconciles with itself…
  expect(summary.netCents).toBe(summary.grossCents - summary.discountCents - summary.returnsCents)
  expect(summary.takingsCents).toBe(summary.netCents + summary.roundingCents)
  expect(sumOf(summary.tenders, (row) => row.netCents)).toBe(summary.takingsCents)

  // …and with the rows on record, read through a connection of the test's own.
  const raw = new Database(store.dbPath, { readonly: true })
  try {
    const value = (sql: string) => raw.prepare(sql).pluck().get() as number
    expect(summary.invoices).toBe(value('select count(*) from invoice'))
    expect(summary.returns).toBe(value('select count(*) from sale_return'))
    expect(summary.takingsCents).toBe(
      value('select coalesce(sum(amount_cents), 0) from invoice_tender') -
        value('select coalesce(sum(amount_cents), 0) from return_refund'),
    )
    expect(summary.unitsSold).toBe(value('select coalesce(sum(quantity), 0) from invoice_line'))
    // One shift covers every day here: its figures are the days'.
    const shiftId = value('select id from shift')
    const shift: ReportSummaryDto = summaryOf(bindStatements(raw, REPORT_FIGURES_SQL), { shiftId })
    expect(shift).toEqual(summary)
  } finally {
    raw.close()
  }

  // Σ of the days is the summary, field by field.
  const days = ok(await manager.invoke('reports:byPeriod', { ...range, bucket: 'day' })).rows
  for (const field of FIELDS)
    expect(
      sumOf(days, (row) => row[field]),
      field,
    ).toBe(summary[field])
  const weeks = ok(await manager.invoke('reports:byPeriod', { ...range, bucket: 'week' })).rows
  expect(sumOf(weeks, (row) => row.netCents)).toBe(summary.netCents)

  const tenders = ok(await manager.invoke('reports:byTender', range)).rows
  expect(sumOf(tenders, (row) => row.netCents)).toBe(summary.takingsCents)

  const products = ok(await manager.invoke('reports:byProduct', { ...range, sort: 'revenue', limit: 1000 }))
  expect(products.items).toHaveLength(products.total)
  expect(sumOf(products.items, (row) => row.netCents)).toBe(summary.netCents)
  expect(sumOf(products.items, (row) => row.unitsReturned)).toBe(summary.unitsReturned)

  const cashiers = ok(await manager.invoke('reports:byCashier', range)).rows
  expect(sumOf(cashiers, (row) => row.netCents)).toBe(summary.netCents)
  expect(sumOf(cashiers, (row) => row.invoices)).toBe(summary.invoices)

  const categories = ok(await manager.invoke('reports:byCategory', range)).rows
  expect(sumOf(categories, (row) => row.netCents)).toBe(summary.netCents)

  const hours = ok(await manager.invoke('reports:hourly', range)).rows
  expect(sumOf(hours, (row) => row.netCents)).toBe(summary.netCents)
  expect(sumOf(hours, (row) => row.invoices)).toBe(summary.invoices)
}

describe('the reports reconcile', () => {
  it('for random sales, returns and voids over random days', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), async (steps) => {
        const store = await openTestStore({ now: START })
        try {
          priceDemoProducts(store)
          const owner = await at(store, START, 'owner')
          ok(await owner.invoke('settings:update', { patch: { shiftsEnabled: true } }))
          ok(await owner.invoke('promos:create', { code: 'TEN', name: 'Ten off', kind: 'percent', value: 1_000, active: true }))
          ok(await owner.invoke('shift:open', { openingFloatCents: 10_000 }))
          await play(store, steps)
          await checkReconciles(store)
        } finally {
          await store.cleanup()
        }
      }),
      { numRuns: 6 },
    )
  })
})
