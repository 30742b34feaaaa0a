import type { Locator, Page } from 'playwright-core'
import { normalise } from './receipt.page'

/** The back office's Dashboard: today's key figures beside last week's, the trend and top-products charts, the products as buttons. */
export class DashboardPage {
  readonly root: Locator
  readonly figures: Locator
  readonly trendChart: Locator
  readonly topChart: Locator
  /** The bars of the top-products chart, in the chart's order (best first). */
  readonly productBars: Locator
  readonly productButtons: Locator

  constructor(readonly page: Page) {
    this.root = page.locator('main.back-office-main .dashboard')
    this.figures = this.root.getByRole('definition')
    this.trendChart = this.root.locator('figure.dashboard-trend')
    this.topChart = this.root.locator('figure.dashboard-top')
    this.productBars = this.topChart.locator('.recharts-bar-rectangle path')
    this.productButtons = this.root.getByRole('navigation', { name: 'Top products' }).getByRole('button')
  }

  /** One key figure's card ("net", "invoices", "averageBasket", "unitsSold") as its text, with plain spaces. */
  async figure(name: string): Promise<string> {
    return normalise(await this.root.locator(`.dashboard-figure[data-figure="${name}"] dd`).innerText())
  }
}

/** The back office's Reports: the days, the tabs and the panel shown. */
export class ReportsPage {
  readonly root: Locator
  readonly tabs: Locator
  readonly panel: Locator
  readonly feedback: Locator
  readonly savePdf: Locator
  readonly from: Locator
  readonly to: Locator

  constructor(readonly page: Page) {
    this.root = page.locator('main.back-office-main .reports-section')
    this.tabs = this.root.getByRole('tablist', { name: 'Reports' })
    this.panel = this.root.getByRole('tabpanel')
    this.feedback = this.root.locator('.reports-feedback .feedback')
    this.savePdf = this.root.getByRole('button', { name: /^Save PDF/ })
    this.from = this.root.getByLabel('From', { exact: true })
    this.to = this.root.getByLabel('To', { exact: true })
  }

  preset(name: string): Locator {
    return this.root.getByRole('group', { name: 'Days' }).getByRole('button', { name, exact: true })
  }

  tab(name: string): Locator {
    return this.tabs.getByRole('tab', { name, exact: true })
  }

  /** The panel's export button for one CSV table (`summary`, `byTender`, `byProduct`…). */
  exportButton(table: string): Locator {
    return this.panel.locator(`button.report-export[data-report="${table}"]`)
  }

  /** A summary figure's value ("net", "takings"…), with plain spaces. */
  async summaryFigure(name: string): Promise<string> {
    return normalise(await this.panel.locator(`.report-figure[data-figure="${name}"] dd`).innerText())
  }

  /** Waits for the panel of `tab` (its data-tab) to have its figures in. */
  async waitForPanel(tab: string): Promise<void> {
    await this.root.locator(`[role="tabpanel"][data-tab="${tab}"]`).waitFor()
    await this.panel.locator('.report-status[role="status"]').waitFor({ state: 'detached' })
  }

  /** The rows of the panel's first table, each as its cells' texts. */
  async tableRows(): Promise<string[][]> {
    const rows = await this.panel
      .locator('table')
      .first()
      .locator('tbody tr')
      .evaluateAll((items) => items.map((item) => [...item.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')))
    return rows.map((cells) => cells.map(normalise))
  }
}
