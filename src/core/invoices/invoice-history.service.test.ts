import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelInput } from '#shared/ipc/contract'
import { openDatabase } from '#core/db/database'
import type { TillDatabase } from '#core/db/entities'
import { nativeDatabase } from '#core/db/statements'
import type { BackendClient } from '#core/backend'
import {
  expectError,
  ok,
  openTestStore,
  productBySku,
  readState,
  signedInClient,
  TOKENS,
  withRawDb,
  type TestStore,
} from '#core/testing/test-store'
import { countQueries, filteredInvoices, pageOf, type InvoiceHistoryFilters } from './invoice-history.service'
import { INVOICE_HISTORY_SQL } from './invoice-history.statements'

/**
 * Six sales in the demo store (Kathmandu, +05:45), two of them a millisecond either side of a
 * store-local midnight that is not UTC's:
 *
 *   #1 Kiran, 13 Mar 23:59:59.999  cash                 DEMO-001
 *   #2 Kiran, 14 Mar 00:00         token                DEMO-002 ×2
 *   #3 Maya,  14 Mar 15:45         card, 5% off a line  DEMO-001, DEMO-003
 *   #4 Maya,  15 Mar 23:59:59.999  wallet               DEMO-003
 *   #5 Kiran, 16 Mar 00:00         token + cash         DEMO-001 ×3
 *   #6 Kiran, 16 Mar 14:45         card + wallet        DEMO-004
 */
const SALES = [
  { at: '2026-03-13T18:14:59.999Z', seller: 'cashier' },
  { at: '2026-03-13T18:15:00.000Z', seller: 'cashier' },
  { at: '2026-03-14T10:00:00.000Z', seller: 'manager' },
  { at: '2026-03-15T18:14:59.999Z', seller: 'manager' },
  { at: '2026-03-15T18:15:00.000Z', seller: 'cashier' },
  { at: '2026-03-16T09:00:00.000Z', seller: 'cashier' },
] as const

let store: TestStore
let manager: BackendClient
let cashier: BackendClient
const ids = { kiran: 0, maya: 0, olga: 0 }
const products = { milk: 0, curd: 0, butter: 0, paneer: 0, unsold: 0 }

type Payments = NonNullable<ChannelInput<'checkout:pay'>['payments']>

async function sell(
  seller: string,
  at: string,
  lines: [productId: number, quantity: number][],
  payments: (totalCents: number) => Payments,
  lineDiscountBps?: number,
): Promise<void> {
  store.clock.now = new Date(at)
  const client = await signedInClient(store.backend, seller)
  let cart = ok(await client.invoke('cart:get', {}))
  for (const [productId, quantity] of lines) cart = ok(await client.invoke('cart:add', { productId, quantity }))
  if (lineDiscountBps !== undefined) {
    cart = ok(
      await client.invoke('cart:setLineDiscount', {
        productId: lines[0]![0],
        discount: { kind: 'percent', bps: lineDiscountBps },
        reason: 'damaged box',
      }),
    )
  }
  ok(
    await client.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payments: payments(cart.totalCents),
    }),
  )
}

beforeAll(async () => {
  store = await openTestStore()
  const reader = await signedInClient(store.backend, 'manager')
  products.milk = (await productBySku(reader, 'DEMO-001')).id
  products.curd = (await productBySku(reader, 'DEMO-002')).id
  products.butter = (await productBySku(reader, 'DEMO-003')).id
  products.paneer = (await productBySku(reader, 'DEMO-004')).id
  products.unsold = (await productBySku(reader, 'DEMO-010')).id
  const users = ok(await reader.invoke('users:list', {})).items
  ids.kiran = users.find((user) => user.username === 'cashier')!.id
  ids.maya = users.find((user) => user.username === 'manager')!.id
  ids.olga = users.find((user) => user.username === 'owner')!.id

  const cash = (total: number): Payments => [{ method: 'cash', tenderedCents: total + 10_000 }]
  await sell(SALES[0].seller, SALES[0].at, [[products.milk, 1]], cash)
  await sell(SALES[1].seller, SALES[1].at, [[products.curd, 2]], () => [{ method: 'token', token: TOKENS.rich }])
  await sell(
    SALES[2].seller,
    SALES[2].at,
    [
      [products.milk, 1],
      [products.butter, 1],
    ],
    (total) => [{ method: 'card', amountCents: total, reference: 'AUTH-3' }],
    500,
  )
  await sell(SALES[3].seller, SALES[3].at, [[products.butter, 1]], (total) => [
    { method: 'wallet', wallet: 'eSewa', amountCents: total, reference: 'ESW-4' },
  ])
  await sell(SALES[4].seller, SALES[4].at, [[products.milk, 3]], (total) => [
    { method: 'token', token: TOKENS.rich, amountCents: 5_000 },
    { method: 'cash', tenderedCents: total },
  ])
  await sell(SALES[5].seller, SALES[5].at, [[products.paneer, 1]], (total) => [
    { method: 'card', amountCents: 10_000, reference: 'AUTH-6' },
    { method: 'wallet', wallet: 'Khalti', amountCents: total - 10_000, reference: 'KHL-6' },
  ])
  store.clock.now = new Date('2026-03-16T10:00:00.000Z')
  manager = await signedInClient(store.backend, 'manager')
  cashier = await signedInClient(store.backend, 'cashier')
}, 60_000)

afterAll(async () => {
  await store.cleanup()
})

/** The invoice numbers an answer lists, in its order. */
async function numbers(client: BackendClient, input: ChannelInput<'invoices:list'>): Promise<number[]> {
  const { items, total } = ok(await client.invoke('invoices:list', input))
  expect(total).toBe(items.length)
  return items.map((item) => item.number)
}

describe('the invoice history, for a manager', () => {
  it('lists every sale newest first, with what the table shows of each', async () => {
    const { items, total } = ok(await manager.invoke('invoices:list', {}))
    expect(total).toBe(6)
    expect(items.map((item) => item.number)).toEqual([6, 5, 4, 3, 2, 1])
    expect(items.map((item) => item.paidAt)).toEqual(SALES.map((sale) => sale.at).reverse())
    const byNumber = new Map(items.map((item) => [item.number, item]))
    expect(byNumber.get(5)).toMatchObject({
      cashier: 'Kiran Cashier',
      cashierId: ids.kiran,
      paymentMethod: 'split',
      tenderMethods: ['token', 'cash'],
      itemCount: 3,
      discountCents: 0,
    })
    expect(byNumber.get(6)).toMatchObject({ paymentMethod: 'split', tenderMethods: ['card', 'wallet'], itemCount: 1 })
    expect(byNumber.get(2)).toMatchObject({ paymentMethod: 'token', tenderMethods: ['token'], itemCount: 2 })
    const three = byNumber.get(3)!
    expect(three).toMatchObject({ cashier: 'Maya Manager', cashierId: ids.maya, paymentMethod: 'card', tenderMethods: ['card'] })
    // 5% off the milk line, as the invoice itself says.
    const invoice = ok(await manager.invoke('invoices:get', { number: 3 }))
    expect(three.discountCents).toBeGreaterThan(0)
    expect(three.discountCents).toBe(invoice.discountCents)
    expect(three.totalCents).toBe(invoice.totalCents)
  })

  it('pages in SQL: the pages put together are the whole answer, and the total is always the whole answer’s', async () => {
    const pages = []
    for (const offset of [0, 2, 4]) {
      const page = ok(await manager.invoke('invoices:list', { limit: 2, offset }))
      expect(page.total).toBe(6)
      expect(page.items).toHaveLength(2)
      pages.push(...page.items.map((item) => item.number))
    }
    expect(pages).toEqual([6, 5, 4, 3, 2, 1])
    expect(ok(await manager.invoke('invoices:list', { limit: 4, offset: 4 })).items.map((item) => item.number)).toEqual([2, 1])
    expect(ok(await manager.invoke('invoices:list', { limit: 2, offset: 6 }))).toEqual({ items: [], total: 6 })
    expect(ok(await manager.invoke('invoices:list', { method: 'card', limit: 1, offset: 1 }))).toMatchObject({ total: 2 })
  })

  it('takes days as the store’s own (Kathmandu, +05:45): both ends whole, a millisecond either side of midnight', async () => {
    expect(await numbers(manager, { from: '2026-03-13', to: '2026-03-13' })).toEqual([1])
    expect(await numbers(manager, { from: '2026-03-14', to: '2026-03-14' })).toEqual([3, 2])
    expect(await numbers(manager, { from: '2026-03-15', to: '2026-03-15' })).toEqual([4])
    expect(await numbers(manager, { from: '2026-03-16', to: '2026-03-16' })).toEqual([6, 5])
    expect(await numbers(manager, { from: '2026-03-14', to: '2026-03-15' })).toEqual([4, 3, 2])
    expect(await numbers(manager, { from: '2026-03-15' })).toEqual([6, 5, 4])
    expect(await numbers(manager, { to: '2026-03-13' })).toEqual([1])
    expect(await numbers(manager, { from: '2026-03-17' })).toEqual([])
  })

  it('follows the store’s time zone when it changes, not the machine’s', async () => {
    const owner = await signedInClient(store.backend, 'owner')
    ok(await owner.invoke('settings:update', { patch: { timeZone: 'America/New_York' } }))
    try {
      // New York is UTC−4 in mid-March: #1 and #2 (18:15 UTC) fall on its 13th, #5 (18:15 UTC on the 15th) on its 15th.
      expect(await numbers(manager, { from: '2026-03-13', to: '2026-03-13' })).toEqual([2, 1])
      expect(await numbers(manager, { from: '2026-03-15', to: '2026-03-15' })).toEqual([5, 4])
    } finally {
      ok(await owner.invoke('settings:update', { patch: { timeZone: 'Asia/Kathmandu' } }))
    }
    expect(await numbers(manager, { from: '2026-03-13', to: '2026-03-13' })).toEqual([1])
  })

  it('filters by cashier', async () => {
    expect(await numbers(manager, { cashierId: ids.kiran })).toEqual([6, 5, 2, 1])
    expect(await numbers(manager, { cashierId: ids.maya })).toEqual([4, 3])
    expect(await numbers(manager, { cashierId: ids.olga })).toEqual([])
    expect(await numbers(manager, { cashierId: 999_999 })).toEqual([])
  })

  it('filters by tender: every sale with a tender of that method, split sales included; split alone', async () => {
    expect(await numbers(manager, { method: 'cash' })).toEqual([5, 1])
    expect(await numbers(manager, { method: 'token' })).toEqual([5, 2])
    expect(await numbers(manager, { method: 'card' })).toEqual([6, 3])
    expect(await numbers(manager, { method: 'wallet' })).toEqual([6, 4])
    expect(await numbers(manager, { method: 'split' })).toEqual([6, 5])
  })

  it('filters by product: every sale with a line of it', async () => {
    expect(await numbers(manager, { productId: products.milk })).toEqual([5, 3, 1])
    expect(await numbers(manager, { productId: products.butter })).toEqual([4, 3])
    expect(await numbers(manager, { productId: products.unsold })).toEqual([])
    expect(await numbers(manager, { productId: 999_999 })).toEqual([])
  })

  it('finds an invoice by its number (a leading # allowed), or by part of the cashier’s name', async () => {
    expect(await numbers(manager, { query: '3' })).toEqual([3])
    expect(await numbers(manager, { query: ' #4 ' })).toEqual([4])
    expect(await numbers(manager, { query: '99' })).toEqual([])
    expect(await numbers(manager, { query: 'maya' })).toEqual([4, 3])
    expect(await numbers(manager, { query: '' })).toEqual([6, 5, 4, 3, 2, 1])
  })

  it('combines every filter', async () => {
    expect(await numbers(manager, { cashierId: ids.kiran, method: 'token' })).toEqual([5, 2])
    expect(await numbers(manager, { productId: products.milk, from: '2026-03-14' })).toEqual([5, 3])
    expect(await numbers(manager, { method: 'cash', to: '2026-03-15' })).toEqual([1])
    expect(await numbers(manager, { cashierId: ids.maya, method: 'wallet', productId: products.butter, from: '2026-03-15' })).toEqual([4])
    expect(await numbers(manager, { cashierId: ids.maya, query: '5' })).toEqual([])
  })
})

describe('a cashier’s own recent sales', () => {
  it('lists only their own sales, with every filter working within them', async () => {
    expect(await numbers(cashier, {})).toEqual([6, 5, 2, 1])
    expect(await numbers(cashier, { cashierId: ids.kiran })).toEqual([6, 5, 2, 1])
    expect(await numbers(cashier, { method: 'card' })).toEqual([6])
    expect(await numbers(cashier, { productId: products.butter })).toEqual([])
    expect(await numbers(cashier, { from: '2026-03-16' })).toEqual([6, 5])
    // Maya's invoice 3 is not theirs to find, by number or by name.
    expect(await numbers(cashier, { query: '3' })).toEqual([])
    expect(await numbers(cashier, { query: 'maya' })).toEqual([])
  })

  it('refuses another cashier’s sales as FORBIDDEN, and changes nothing', async () => {
    const before = storeSnapshot()
    const reply = await cashier.invoke('invoices:list', { cashierId: ids.maya })
    expectError(reply, 'FORBIDDEN')
    if (!reply.ok) expect(reply.error.params).toEqual({ permission: 'reports.view' })
    expectError(await cashier.invoke('invoices:list', { cashierId: 999_999, method: 'cash' }), 'FORBIDDEN')
    expect(storeSnapshot()).toEqual(before)
  })
})

/** What a refused list could have touched: the sale's tables and the audit trail. */
function storeSnapshot() {
  return {
    state: readState(store.dbPath),
    audit: withRawDb(store.dbPath, (db) => db.prepare('select count(*) as n from audit_entry').get()),
  }
}

describe('bad input', () => {
  const invalid: [string, unknown][] = [
    ['days in the wrong order', { from: '2026-03-16', to: '2026-03-15' }],
    ['a day that is not a date', { from: '2026-13-01' }],
    ['a day in words', { to: 'yesterday' }],
    ['an unknown tender', { method: 'cheque' }],
    ['a cashier id of 0', { cashierId: 0 }],
    ['a cashier id as text', { cashierId: '2' }],
    ['a fractional product id', { productId: 1.5 }],
    ['a negative product id', { productId: -1 }],
    ['a page of none', { limit: 0 }],
    ['a page too long', { limit: 201 }],
    ['a negative offset', { offset: -1 }],
    ['a query too long', { query: 'x'.repeat(101) }],
    ['a control character', { query: '1\u0000' }],
    ['a field it does not know', { tender: 'cash' }],
  ]

  it.each(invalid)('%s is VALIDATION_FAILED and changes nothing', async (_what, input) => {
    const before = storeSnapshot()
    expectError(await manager.invokeUnknown('invoices:list', input), 'VALIDATION_FAILED')
    expectError(await cashier.invokeUnknown('invoices:list', input), 'VALIDATION_FAILED')
    expect(storeSnapshot()).toEqual(before)
  })

  it('says which rule days in the wrong order break', async () => {
    const reply = await manager.invoke('invoices:list', { from: '2026-03-16', to: '2026-03-15' })
    expectError(reply, 'VALIDATION_FAILED')
    if (!reply.ok) expect(reply.error.params).toMatchObject({ rule: 'dateOrder', field: 'from' })
  })
})

describe('the history’s queries', () => {
  let dir: string
  let orm: Awaited<ReturnType<typeof openDatabase>>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tillwise-history-plan-'))
    orm = await openDatabase(join(dir, 'tillwise.sqlite'))
  })

  afterAll(async () => {
    await orm.close(true)
    rmSync(dir, { recursive: true, force: true })
  })

  /** SQLite's plan for a query: one line per step. */
  async function planOf(compiled: { sql: string; parameters: readonly unknown[] }): Promise<string[]> {
    const db = await nativeDatabase(orm.em.fork())
    return (db.prepare(`explain query plan ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]).map((row) => row.detail)
  }

  /** The count's and the first page's plans for these filters. */
  async function plansFor(filters: InvoiceHistoryFilters, cashierId?: number): Promise<string[]> {
    const kysely = orm.em.fork().getKysely<TillDatabase>()
    const filtered = filteredInvoices(kysely, filters, cashierId, 'Asia/Kathmandu')
    const plans: string[] = []
    for (const count of countQueries(kysely, filters, cashierId, 'Asia/Kathmandu')) plans.push(...(await planOf(count.compile())))
    return [...plans, ...(await planOf(pageOf(filtered, { limit: 50, offset: 0 }).compile()))]
  }

  // Plans depend on the schema alone here (the app never runs ANALYZE), so an empty database has the plans of a big one.
  const CASES: [string, InvoiceHistoryFilters, number | undefined, RegExp][] = [
    [
      'days',
      { from: '2026-03-01', to: '2026-03-31' },
      undefined,
      /^SEARCH i USING COVERING INDEX invoice_paid_at_index \(paid_at>\? AND paid_at<\?\)$/,
    ],
    ['a cashier', {}, 7, /^SEARCH i USING COVERING INDEX invoice_cashier_id_paid_at_index \(cashier_id=\?\)$/],
    [
      'a cashier’s days',
      { from: '2026-03-01', to: '2026-03-31' },
      7,
      /^SEARCH i USING COVERING INDEX invoice_cashier_id_paid_at_index \(cashier_id=\? AND paid_at>\? AND paid_at<\?\)$/,
    ],
    [
      'a tender',
      { method: 'card' },
      undefined,
      /^SEARCH i USING COVERING INDEX invoice_payment_method_paid_at_index \(payment_method=\?\)$/,
    ],
    [
      'a tender among split sales',
      { method: 'wallet' },
      undefined,
      /^SEARCH t USING COVERING INDEX invoice_tender_report_by_sale \(invoice_id=\? AND method=\?\)$/,
    ],
    [
      'split sales',
      { method: 'split' },
      undefined,
      /^SEARCH i USING COVERING INDEX invoice_payment_method_paid_at_index \(payment_method=\?\)$/,
    ],
    ['a product', { productId: 3 }, undefined, /^SEARCH l USING COVERING INDEX invoice_line_report_by_product \(product_id=\?\)$/],
    ['a number', { query: '1024' }, undefined, /^SEARCH i USING INDEX invoice_number_index \(number=\?\)$/],
    ['a product in days', { productId: 3, from: '2026-03-01' }, undefined, /invoice_line_report_by_product/],
    ['a cashier’s tender', { method: 'cash' }, 7, /invoice_cashier_id_paid_at_index|invoice_payment_method_paid_at_index/],
  ]

  it.each(CASES)('for %s start from an index, and never read invoice lines or tenders whole', async (_what, filters, cashierId, uses) => {
    const plans = await plansFor(filters, cashierId)
    expect(
      plans.some((step) => uses.test(step)),
      plans.join('\n'),
    ).toBe(true)
    // Every step searches: nothing walks all invoices, lines or tenders, not even along an index.
    expect(
      plans.filter((step) => /^SCAN /.test(step)),
      plans.join('\n'),
    ).toEqual([])
  })

  it('without a filter, walk the day index newest first and stop after the page', async () => {
    const plans = await plansFor({})
    expect(plans).toContain('SCAN i USING COVERING INDEX invoice_paid_at_index')
    expect(plans.join('\n')).not.toMatch(/TEMP B-TREE|SCAN (l|t)\b/)
  })

  it('read a page’s rows and tenders by id', async () => {
    const db = await nativeDatabase(orm.em.fork())
    const plan = (sql: string) => (db.prepare(`explain query plan ${sql}`).all('[1,2]') as { detail: string }[]).map((row) => row.detail)
    const rows = plan(INVOICE_HISTORY_SQL.rows.sql)
    expect(rows).toContain('SEARCH i USING INTEGER PRIMARY KEY (rowid=?)')
    // A page's lines by their sale, along the reports' index that starts with it.
    expect(
      rows.some((step) => /^SEARCH l USING (COVERING )?INDEX invoice_line_report_by_sale/.test(step)),
      rows.join('\n'),
    ).toBe(true)
    const tenders = plan(INVOICE_HISTORY_SQL.tenders.sql)
    expect(
      tenders.some((step) => /^SEARCH invoice_tender USING INDEX invoice_tender_invoice_id_position_unique/.test(step)),
      tenders.join('\n'),
    ).toBe(true)
    for (const step of [...rows, ...tenders]) expect(step).not.toMatch(/^SCAN (i|l|invoice|invoice_line|invoice_tender)\b/)
  })
})
