import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import type { ReportSummaryDto } from '#shared/contract/reports'
import { FIXED_NOW, type Till } from './harness'
import { BackOfficePage } from './pages/back-office.page'
import { waitForFocusOn } from './pages/focus.helper'
import { LoginPage } from './pages/login.page'
import { pdfText } from './pages/pdf-text.helper'
import { normalise } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { watchContext, type PageWatch } from './pages/page-watch.helper'
import { DashboardPage, ReportsPage } from './pages/reports.page'
import { SalesHistoryPage } from './pages/sales-history.page'
import { demoProduct, npr, useHarness } from './till.fixture'

const openTill = useHarness()

/** A demo till whose page is watched from its first byte: the scripts it loads, any CSP violation. */
async function watchedTill(): Promise<{ till: Till; watch: PageWatch }> {
  let watch: PageWatch | undefined
  const till = await openTill({
    beforeLoad: async (context) => {
      watch = await watchContext(context)
    },
  })
  if (!watch) throw new Error('the page watch was not installed')
  return { till, watch }
}

const WEEK_MS = 7 * 86_400_000
/** FIXED_NOW is Sunday 15 March 2026 in Kathmandu; the reports' "today" is a week on. */
const LAST_WEEK = '2026-03-15'
const TODAY = '2026-03-22'

type Tender = { method: 'card'; amountCents: number; reference: string } | { method: 'cash'; tenderedCents: number }

/** A sale rung up through the backend, as at another till: `quantity` of one product, paid by card or in cash. */
async function sale(client: BackendClient, productId: number, quantity: number, tender: 'card' | 'cash') {
  const cart = await client.invoke('cart:add', { productId, quantity })
  if (!cart.ok) throw new Error(cart.error.message)
  const total = cart.data.totalCents
  const payment: Tender =
    tender === 'card' ? { method: 'card', amountCents: total, reference: 'AUTH-1' } : { method: 'cash', tenderedCents: total + 100_000 }
  const paid = await client.invoke('checkout:pay', { idempotencyKey: crypto.randomUUID(), expectedTotalCents: total, payments: [payment] })
  if (!paid.ok) throw new Error(paid.error.message)
  const invoice = await client.invoke('invoices:get', { id: paid.data.invoice.id })
  if (!invoice.ok) throw new Error(invoice.error.message)
  return invoice.data
}

async function summaryOf(client: BackendClient, from: string, to: string): Promise<ReportSummaryDto> {
  const reply = await client.invoke('reports:summary', { from, to })
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.data
}

/**
 * Last week one card sale of milk; today two of milk by card (one unit of it returned) and one of
 * noodles in cash. The page's clock is today's, as the till's own is.
 */
async function aWeekOfSales(till: Till) {
  const before = await till.signedInClient('manager')
  const milk = await demoProduct(before, 'milk')
  const noodles = await demoProduct(before, 'noodles')
  const lastWeek = await sale(before, milk.id, 1, 'card')
  till.advanceClock(WEEK_MS)
  await till.page.clock.setFixedTime(new Date(Date.parse(FIXED_NOW) + WEEK_MS))
  const manager = await till.signedInClient('manager')
  const milkSale = await sale(manager, milk.id, 2, 'card')
  const noodleSale = await sale(manager, noodles.id, 1, 'cash')
  const [milkLine] = milkSale.lines
  if (!milkLine) throw new Error('the milk sale has no line')
  const returned = await manager.invoke('returns:create', {
    invoiceId: milkSale.id,
    lines: [{ invoiceLineId: milkLine.id, quantity: 1, restock: true }],
    reason: 'Damaged carton',
    idempotencyKey: crypto.randomUUID(),
  })
  if (!returned.ok) throw new Error(returned.error.message)
  return { manager, milk, noodles, lastWeek, milkSale, noodleSale, refundCents: returned.data.refundCents }
}

async function signInToBackOffice(till: Till): Promise<BackOfficePage> {
  await new LoginPage(till.page).signInWithKeyboard('manager', 'manager')
  await new RegisterPage(till.page).waitForScanFocus()
  const backOffice = new BackOfficePage(till.page)
  await backOffice.open()
  return backOffice
}

describe('the dashboard and the reports', () => {
  it('opens on today beside last week, draws its charts under the CSP, and a product’s bar opens its sales', async () => {
    const { till, watch } = await watchedTill()
    const { page } = till
    const { manager, milk, noodles, lastWeek, milkSale, noodleSale, refundCents } = await aWeekOfSales(till)
    const today = await summaryOf(manager, TODAY, TODAY)
    // Core's figures are the sales' own: two sales, one refund (by card, so no rounding) today.
    expect(today.invoices).toBe(2)
    expect(today.netCents).toBe(milkSale.totalCents + noodleSale.totalCents - refundCents)
    expect((await summaryOf(manager, LAST_WEEK, LAST_WEEK)).netCents).toBe(lastWeek.totalCents)

    // recharts is a chunk of its own, not loaded by the till.
    const charts = () => watch.requests.filter((request) => /\/dashboard-charts-[\w-]+\.js$/.test(request.url))
    expect(watch.requests.some((request) => /\/index-[\w-]+\.js$/.test(request.url))).toBe(true)
    expect(charts()).toEqual([])

    // The back office opens on the dashboard.
    const backOffice = await signInToBackOffice(till)
    await backOffice.heading.filter({ hasText: 'Dashboard' }).waitFor()
    const dashboard = new DashboardPage(page)
    await dashboard.productBars.nth(1).waitFor()
    expect(charts()).toHaveLength(1)
    expect(await dashboard.figure('net')).toContain(npr(today.netCents))
    expect(await dashboard.figure('net')).toContain(`Last week: ${npr(lastWeek.totalCents)}`)
    expect(await dashboard.figure('invoices')).toMatch(/^2 Up 100% Last week: 1$/)
    expect(await dashboard.figure('averageBasket')).toContain(npr(today.averageBasketCents))
    // The trend has a bar for each of its days that sold (last week's day and today).
    expect(await dashboard.trendChart.locator('.recharts-bar-rectangle path').count()).toBe(2)
    expect(await dashboard.productBars.count()).toBe(2)
    const names = (await dashboard.productButtons.allInnerTexts()).map(normalise)
    expect(names).toHaveLength(2)
    await till.screenshot('reports-dashboard')
    await dashboard.topChart.scrollIntoViewIfNeeded()
    await till.screenshot('reports-dashboard-top-products')
    expect(await watch.violations(page)).toEqual([])
    expect(watch.cspConsole).toEqual([])
    expect(till.problems).toEqual([])

    // A click on the milk bar: the history of milk's sales over the chart's days.
    const milkIndex = names.findIndex((name) => name.startsWith(milk.name))
    expect(milkIndex).toBeGreaterThanOrEqual(0)
    await dashboard.productBars.nth(milkIndex).click()
    await backOffice.heading.filter({ hasText: 'Sales' }).waitFor()
    const history = new SalesHistoryPage(page, backOffice.main)
    await history.productChosen.filter({ hasText: milk.name }).waitFor()
    await history.waitForCount('2 sales')
    expect((await history.numbers()).sort()).toEqual([lastWeek.number, milkSale.number].sort())
    expect(await history.scope.getByLabel('From', { exact: true }).inputValue()).toBe('2026-03-09')
    expect(await history.scope.getByLabel('To', { exact: true }).inputValue()).toBe(TODAY)
    await till.screenshot('reports-dashboard-product-history')

    // The keyboard's way: the list beside the chart, Enter on noodles.
    await backOffice.openSection('Dashboard')
    const noodleButton = dashboard.productButtons.filter({ hasText: noodles.name })
    await noodleButton.focus()
    await page.keyboard.press('Enter')
    await history.productChosen.filter({ hasText: noodles.name }).waitFor()
    // The keyboard goes on in the history's list.
    await waitForFocusOn(page, 'sales-grid')
    await history.waitForCount('1 sale')
    expect(await history.numbers()).toEqual([noodleSale.number])
  })

  it('shows a store with no sale yet as zeros, without a change to compare, and says there is nothing to rank', async () => {
    const till = await openTill()
    await till.page.clock.setFixedTime(new Date(FIXED_NOW))
    const backOffice = await signInToBackOffice(till)
    await backOffice.heading.filter({ hasText: 'Dashboard' }).waitFor()
    const dashboard = new DashboardPage(till.page)
    await dashboard.root.getByText('Nothing sold on these days yet.').waitFor()
    await dashboard.trendChart.locator('.recharts-cartesian-axis').first().waitFor({ state: 'attached' })
    expect(await dashboard.figure('net')).toBe(`${npr(0)} No change Last week: ${npr(0)}`)
    expect(await dashboard.figure('invoices')).toBe('0 No change Last week: 0')
    expect(await dashboard.topChart.count()).toBe(0)
    expect(await dashboard.trendChart.locator('.recharts-bar-rectangle path').count()).toBe(0)
    await till.screenshot('reports-dashboard-empty')
    expect(till.problems).toEqual([])
  })

  it('shows a preset’s summary, each report’s panel, saves a table as CSV and the report as PDF', async () => {
    const till = await openTill()
    const { page } = till
    const { manager, milk, lastWeek, milkSale } = await aWeekOfSales(till)
    const backOffice = await signInToBackOffice(till)
    await backOffice.openSection('Reports')
    const reports = new ReportsPage(page)
    await reports.waitForPanel('summary')
    // Today, to begin with.
    expect(await reports.preset('Today').getAttribute('aria-pressed')).toBe('true')
    expect(await reports.from.inputValue()).toBe(TODAY)
    const today = await summaryOf(manager, TODAY, TODAY)
    expect(await reports.summaryFigure('net')).toBe(npr(today.netCents))

    // This month: both weeks' sales.
    await reports.preset('This month').click()
    await page.locator('.reports-range-shown[data-range="2026-03-01/2026-03-22"]').waitFor()
    await reports.waitForPanel('summary')
    const month = await summaryOf(manager, '2026-03-01', TODAY)
    expect(month.invoices).toBe(3)
    expect(await reports.summaryFigure('net')).toBe(npr(month.netCents))
    expect(await reports.summaryFigure('gross')).toBe(npr(month.grossCents))
    expect(await reports.summaryFigure('returns')).toBe(npr(month.returnsCents))
    expect(await reports.summaryFigure('invoices')).toBe('3')
    expect(await reports.summaryFigure('takings')).toBe(npr(month.takingsCents))
    const tenders = await reports.panel.locator('table.report-tenders tbody tr').allInnerTexts()
    expect(tenders.map(normalise).sort()).toEqual(
      month.tenders
        .map((row) =>
          normalise(`${row.method === 'card' ? 'Card' : 'Cash'}\t${npr(row.inCents)}\t${npr(row.outCents)}\t${npr(row.netCents)}`),
        )
        .sort(),
    )
    await till.screenshot('reports-summary')

    // Every tab, with the arrow keys, each panel drawn and screenshotted.
    await reports.tab('Summary').focus()
    for (const [name, tab] of [
      ['Periods', 'periods'],
      ['Hours', 'hourly'],
      ['Products', 'products'],
      ['Categories', 'categories'],
      ['Tags', 'tags'],
      ['Cashiers', 'cashiers'],
      ['Promo codes', 'promos'],
      ['Tokens', 'tokens'],
      ['Low stock', 'lowStock'],
    ] as const) {
      await page.keyboard.press('ArrowRight')
      expect(await reports.tab(name).getAttribute('aria-selected')).toBe('true')
      await reports.waitForPanel(tab)
      await till.screenshot(`reports-${tab}`)
      // The sales were all paid at ten on the store's clock.
      if (tab === 'hourly') expect((await reports.tableRows()).find((cells) => cells[0] === '10:00–11:00')?.slice(1, 2)).toEqual(['3'])
    }
    expect(till.problems).toEqual([])

    // The products' table to CSV, where main's dialog points; a cancel first says nothing.
    await reports.tab('Products').click()
    await reports.waitForPanel('products')
    const rows = await reports.tableRows()
    const milkRow = rows.find((cells) => cells[1] === milk.name)
    expect(milkRow?.slice(0, 2)).toEqual([milk.sku, milk.name])
    await reports.exportButton('byProduct').click()
    await till.waitForDelivered('reports:exportCsv', 1)
    expect(await reports.feedback.count()).toBe(0)
    const file = join(dirname(till.dbPath), 'exports', 'products.csv')
    await mkdir(dirname(file), { recursive: true })
    till.dialogs.csvFile = file
    await reports.exportButton('byProduct').click()
    await reports.feedback.filter({ hasText: 'Saved products.csv' }).waitFor()
    const csv = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').split('\r\n')
    expect(csv[0]).toBe('SKU,Product,Gross,Discounts,Returns,Net,Units sold,Units returned')
    const products = await manager.invoke('reports:byProduct', { from: '2026-03-01', to: TODAY, sort: 'units' })
    if (!products.ok) throw new Error(products.error.message)
    const milkFigures = products.data.items.find((item) => item.productId === milk.id)
    // Three sold over the two weeks, one back today.
    expect(milkFigures).toMatchObject({ unitsSold: 3, unitsReturned: 1 })
    expect(milkFigures?.grossCents).toBe(lastWeek.totalCents + milkSale.totalCents)
    const milkCsv = csv.find((line) => line.startsWith(`${milk.sku},`))
    expect(milkCsv?.split(',').slice(-2)).toEqual(['3', '1'])
    expect(milkCsv).toContain(((milkFigures?.netCents ?? 0) / 100).toFixed(2))
    await till.screenshot('reports-csv-saved')

    // The report as printed: the app's chrome gone, the figures kept; then saved as PDF.
    await reports.tab('Summary').click()
    await reports.waitForPanel('summary')
    await page.emulateMedia({ media: 'print' })
    expect(await backOffice.nav.isVisible()).toBe(false)
    expect(await page.locator('.reports-print-title').innerText()).toContain('Summary')
    await till.screenshot('reports-print')
    // Back to no emulation at all: the PDF below is printed as a window prints, with its print styles.
    await page.emulateMedia({ media: null })
    const pdf = join(dirname(till.dbPath), 'exports', 'summary.pdf')
    till.dialogs.pdfFile = pdf
    await reports.savePdf.click()
    await reports.feedback.filter({ hasText: 'Saved summary.pdf' }).waitFor()
    expect(existsSync(pdf)).toBe(true)
    const bytes = await readFile(pdf)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // What the paper says: the report's title and this month's figures, and none of the app around it.
    const text = (await pdfText(bytes)).join(' ').replace(/\s+/g, ' ')
    expect(text).toContain('Summary')
    expect(text).toContain(npr(month.netCents))
    expect(text).toContain(npr(month.grossCents))
    expect(text).not.toMatch(/Back to till|Products Taxes Stock/)
  })
})
