import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReportSummaryDto } from '#shared/contract/reports'
import type { Channel } from '#shared/ipc/contract'
import { en } from '../../app/catalogs'
import { CASHIER, fakeBackend, MANAGER, ok, type Reply } from '../../app/fake-backend.helper'
import { drainTasks } from '../../platform/lib/drain-tasks'
import { createTranslator, type Message } from '../../platform/i18n/translate'
import { DASHBOARD_PRODUCTS, TOP_PRODUCTS, TREND_DAYS } from './reports.slice'

const { render } = createTranslator(en, 'en')
const text = (message: Message | null | undefined) => (message ? render(message) : null)

// 20:00 UTC is 01:45 the next morning in Kathmandu: the store's day, not the machine's, is "today".
const NOW = new Date('2026-03-15T20:00:00Z')
const TODAY = '2026-03-16'

const summary = (netCents: number, invoices = 1): ReportSummaryDto => ({
  grossCents: netCents,
  discountCents: 0,
  returnsCents: 0,
  netCents,
  taxCents: 0,
  invoices,
  returns: 0,
  averageBasketCents: invoices ? Math.round(netCents / invoices) : 0,
  unitsSold: invoices,
  unitsReturned: 0,
  roundingCents: 0,
  takingsCents: netCents,
  tenders: [],
})

const figures = { grossCents: 1_000, discountCents: 0, returnsCents: 0, netCents: 1_000, unitsSold: 1, unitsReturned: 0 }
const milk = { productId: 7, sku: 'MILK-500', name: 'DDC Fresh Milk 500ml', ...figures }

/** A deferred reply: the test says when (and whether) it lands. */
function later() {
  let settle: (reply: Reply) => void = () => undefined
  const reply = new Promise<Reply>((resolve) => {
    settle = resolve
  })
  return { reply, settle }
}

async function reportsBackend(user = MANAGER, extra: Partial<Record<Channel, (input: unknown) => Reply | Promise<Reply>>> = {}) {
  const backend = fakeBackend(user, {
    'reports:summary': (input) => ok(summary((input as { from: string }).from === TODAY ? 15_000 : 10_000, 3)),
    'reports:byPeriod': () => ok({ rows: [{ from: TODAY, to: TODAY, ...figures, taxCents: 0, invoices: 1, returns: 0 }] }),
    'reports:hourly': () => ok({ rows: [] }),
    'reports:byProduct': () => ok({ items: [milk], total: 1 }),
    'reports:byCategory': () => ok({ rows: [] }),
    'reports:tokenLiability': () => ok({ outstandingCents: 0, activeTokens: 0, expiringSoon: [], expiringSoonCents: 0, lapsedCents: 0 }),
    'stock:low': () => ok({ items: [], total: 0 }),
    'invoices:list': () => ok({ items: [], total: 0 }),
    'users:list': () => ok({ items: [], total: 0 }),
    ...(extra as Partial<Record<Channel, (input: unknown) => Reply>>),
  })
  await backend.store.getState().session.appStarted()
  return { ...backend, reports: () => backend.store.getState().reports, state: () => backend.store.getState() }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the Reports section', () => {
  it('opens on the store’s today and shows its summary', async () => {
    const { reports, inputsOf } = await reportsBackend()
    reports().sectionOpened()
    expect(reports().answers.summary).toEqual({ status: 'loading' })
    await drainTasks()
    expect(inputsOf('reports:summary')).toEqual([{ from: TODAY, to: TODAY }])
    expect(reports()).toMatchObject({ today: TODAY, choice: 'today', range: { from: TODAY, to: TODAY }, tab: 'summary' })
    expect(reports().answers.summary).toEqual({ status: 'shown', data: summary(15_000, 3) })
  })

  it('turns each preset into business days, with the week starting on the store’s first day (Sunday in Nepal)', async () => {
    const { reports, inputsOf } = await reportsBackend()
    reports().sectionOpened()
    for (const preset of ['yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth'] as const) reports().presetChosen(preset)
    await drainTasks()
    expect(inputsOf('reports:summary').slice(1)).toEqual([
      { from: '2026-03-15', to: '2026-03-15' },
      // Monday the 16th: this week began on Sunday the 15th.
      { from: '2026-03-15', to: TODAY },
      { from: '2026-03-08', to: '2026-03-14' },
      { from: '2026-03-01', to: TODAY },
      { from: '2026-02-01', to: '2026-02-28' },
    ])
    expect(reports().choice).toBe('lastMonth')
  })

  it('shows only the answer for the days last chosen, whatever order the replies land in', async () => {
    const slow = later()
    let calls = 0
    const { reports } = await reportsBackend(MANAGER, {
      'reports:summary': () => (++calls === 1 ? slow.reply : ok(summary(2_000))),
    })
    reports().sectionOpened()
    reports().presetChosen('yesterday')
    await drainTasks()
    expect(reports().answers.summary).toEqual({ status: 'shown', data: summary(2_000) })
    slow.settle(ok(summary(99_000)))
    await drainTasks()
    expect(reports().answers.summary).toEqual({ status: 'shown', data: summary(2_000) })
  })

  it('asks for a tab’s report once per range, with its bucket or sort, and again when the days change', async () => {
    const { reports, inputsOf } = await reportsBackend()
    reports().sectionOpened()
    reports().tabChosen('periods')
    reports().bucketChosen('week')
    reports().tabChosen('products')
    reports().productSortChosen('revenue')
    reports().tabChosen('periods')
    await drainTasks()
    expect(inputsOf('reports:byPeriod')).toEqual([
      { from: TODAY, to: TODAY, bucket: 'day' },
      { from: TODAY, to: TODAY, bucket: 'week' },
    ])
    expect(inputsOf('reports:byProduct')).toEqual([
      { from: TODAY, to: TODAY, sort: 'units', limit: TOP_PRODUCTS },
      { from: TODAY, to: TODAY, sort: 'revenue', limit: TOP_PRODUCTS },
    ])
    expect(reports().answers.products).toEqual({ status: 'shown', data: { items: [milk], total: 1 } })

    // New days: only the panel shown is asked again; the others when chosen.
    reports().dayChanged('from', '2026-03-01')
    await drainTasks()
    expect(reports()).toMatchObject({ choice: 'custom', range: { from: '2026-03-01', to: TODAY } })
    expect(inputsOf('reports:byPeriod').at(-1)).toEqual({ from: '2026-03-01', to: TODAY, bucket: 'week' })
    expect(reports().answers.products).toBeUndefined()
    expect(inputsOf('reports:byProduct')).toHaveLength(2)
    // An emptied date field changes nothing and asks nothing.
    reports().dayChanged('to', '')
    await drainTasks()
    expect(reports().range).toEqual({ from: '2026-03-01', to: TODAY })
    expect(inputsOf('reports:byPeriod')).toHaveLength(3)
  })

  it('says why a report failed, and asks again on retry', async () => {
    let fail = true
    const { reports, inputsOf } = await reportsBackend(MANAGER, {
      'reports:byCategory': () =>
        fail
          ? { ok: false, error: { code: 'INTERNAL', message: 'worker stopped' } }
          : ok({ rows: [{ categoryId: null, name: null, ...figures }] }),
    })
    reports().sectionOpened()
    reports().tabChosen('categories')
    await drainTasks()
    expect(reports().answers.categories?.status).toBe('failed')
    fail = false
    reports().retried()
    await drainTasks()
    expect(inputsOf('reports:byCategory')).toHaveLength(2)
    expect(reports().answers.categories).toEqual({ status: 'shown', data: [{ categoryId: null, name: null, ...figures }] })
  })

  it('shows low stock only to a user who manages stock, without asking core otherwise', async () => {
    const reportsOnly = { ...CASHIER, permissions: ['reports.view' as const] }
    const { reports, inputsOf } = await reportsBackend(reportsOnly)
    reports().sectionOpened()
    reports().tabChosen('lowStock')
    await drainTasks()
    expect(inputsOf('stock:low')).toEqual([])
    expect(reports().answers.lowStock?.status).toBe('failed')

    const manager = await reportsBackend()
    manager.reports().sectionOpened()
    manager.reports().tabChosen('lowStock')
    await drainTasks()
    expect(manager.inputsOf('stock:low')).toHaveLength(1)
    expect(manager.reports().answers.lowStock).toEqual({ status: 'shown', data: { items: [], total: 0 } })
  })

  it('exports a table as CSV with the options it is shown with; a cancelled dialog says nothing', async () => {
    let answer: Reply = ok({ saved: true, fileName: 'report-by-period.csv', rows: 3, sizeBytes: 120 })
    const { reports, inputsOf } = await reportsBackend(MANAGER, { 'reports:exportCsv': () => answer })
    reports().sectionOpened()
    reports().tabChosen('periods')
    reports().bucketChosen('month')
    await reports().csvExportChosen('byPeriod')
    expect(text(reports().feedback?.message)).toBe('Saved report-by-period.csv (3 rows).')
    expect(reports().exportPending).toBeNull()

    answer = ok({ saved: false })
    await reports().csvExportChosen('byProduct')
    expect(reports().feedback).toBeNull()
    answer = { ok: false, error: { code: 'CONFLICT', message: 'disk full', params: { what: 'reportFile', detail: 'ENOSPC' } } }
    await reports().csvExportChosen('summary')
    expect(reports().feedback?.tone).toBe('error')
    expect(inputsOf('reports:exportCsv')).toEqual([
      { from: TODAY, to: TODAY, report: 'byPeriod', bucket: 'month' },
      { from: TODAY, to: TODAY, report: 'byProduct', sort: 'units' },
      { from: TODAY, to: TODAY, report: 'summary' },
    ])
  })

  it('saves the report as printed to PDF, named by its report and days', async () => {
    let answer: Reply = ok({ cancelled: true })
    const { reports, inputsOf } = await reportsBackend(MANAGER, { 'documents:savePdf': () => answer })
    reports().sectionOpened()
    await reports().pdfChosen()
    expect(reports().feedback).toBeNull()
    answer = ok({ cancelled: false, fileName: 'report.pdf', sizeBytes: 4_000 })
    reports().tabChosen('hourly')
    await reports().pdfChosen()
    expect(text(reports().feedback?.message)).toBe('Saved report.pdf.')
    expect(inputsOf('documents:savePdf')).toEqual([
      { suggestedName: `report-summary-${TODAY}-${TODAY}` },
      { suggestedName: `report-hourly-${TODAY}-${TODAY}` },
    ])
  })

  it('forgets everything at sign-out', async () => {
    const { reports, state } = await reportsBackend()
    reports().sectionOpened()
    reports().dashboardOpened()
    await drainTasks()
    await state().session.signOutChosen()
    expect(reports()).toMatchObject({ today: '', answers: {}, dashboard: null, feedback: null })
  })
})

describe('the Dashboard', () => {
  it('sets today beside the same weekday last week, and asks for the trend and the top products of the last days', async () => {
    const { reports, inputsOf } = await reportsBackend()
    reports().dashboardOpened()
    await drainTasks()
    const trend = { from: '2026-03-03', to: TODAY }
    expect(TREND_DAYS).toBe(14)
    expect(inputsOf('reports:summary')).toEqual([
      { from: TODAY, to: TODAY },
      { from: '2026-03-09', to: '2026-03-09' },
    ])
    expect(inputsOf('reports:byPeriod')).toEqual([{ ...trend, bucket: 'day' }])
    expect(inputsOf('reports:byProduct')).toEqual([{ ...trend, sort: 'revenue', limit: DASHBOARD_PRODUCTS }])
    expect(reports().dashboard).toMatchObject({
      today: TODAY,
      lastWeek: '2026-03-09',
      range: trend,
      current: { status: 'shown', data: summary(15_000, 3) },
      previous: { status: 'shown', data: summary(10_000, 3) },
      top: { status: 'shown', data: [milk] },
    })
  })

  it('opens the sales history on a product’s sales over the chart’s days', async () => {
    const { reports, state, inputsOf } = await reportsBackend()
    state().backOffice.backOfficeOpened()
    reports().dashboardOpened()
    await drainTasks()
    const { range } = reports().dashboard!
    reports().productHistoryOpened({ id: milk.productId, name: milk.name, sku: milk.sku }, range)
    expect(state().backOffice.section).toBe('sales')
    // The section, once drawn, opens with those filters.
    state().salesHistory.sectionOpened()
    await drainTasks()
    expect(state().salesHistory.filters).toMatchObject({ days: range, product: { id: 7, name: milk.name, sku: milk.sku } })
    expect(inputsOf('invoices:list').at(-1)).toMatchObject({ from: range.from, to: range.to, productId: 7 })
    // Only once: the next visit starts on its own days again.
    state().salesHistory.sectionOpened()
    expect(state().salesHistory.filters.product).toBeNull()
  })
})
