import type { Locator, Page } from 'playwright-core'
import { waitForFocusOn } from './focus.helper'
import { normalise } from './receipt.page'

/** The invoice history: the till's recent sales (Ctrl+H) or the back office's Sales section, whichever `scope` holds. */
export class SalesHistoryPage {
  readonly grid: Locator
  readonly rows: Locator
  readonly count: Locator
  readonly tender: Locator
  readonly cashier: Locator
  readonly number: Locator
  readonly product: Locator
  readonly productChosen: Locator
  readonly detail: Locator
  readonly reprintDialog: Locator

  constructor(
    readonly page: Page,
    readonly scope: Locator,
  ) {
    this.grid = scope.getByRole('grid', { name: 'Sales' })
    this.rows = this.grid.locator('[role="row"][data-invoice-number]')
    this.count = scope.getByTestId('sales-count')
    this.tender = scope.getByLabel('Tender', { exact: true })
    this.cashier = scope.getByLabel('Cashier', { exact: true })
    this.number = scope.getByLabel('Invoice number', { exact: true })
    this.product = scope.getByRole('combobox', { name: 'Product' })
    this.productChosen = scope.getByTestId('sales-product-chosen')
    this.detail = scope.getByTestId('sale-detail')
    this.reprintDialog = page.getByRole('dialog', { name: /^Receipt of invoice/ })
  }

  /** The till's recent sales, with Ctrl+H from the register: waits for the dialog with its grid focused. */
  static async openOnTill(page: Page): Promise<SalesHistoryPage> {
    await page.keyboard.press('Control+H')
    const dialog = page.getByRole('dialog', { name: 'Recent sales' })
    await dialog.waitFor()
    await waitForFocusOn(page, 'sales-grid')
    return new SalesHistoryPage(page, dialog)
  }

  /** Waits until the count under the table says `text` ("2 sales") and no newer answer is on its way. */
  async waitForCount(text: string): Promise<void> {
    await this.count.filter({ hasText: text }).waitFor()
    await this.scope.locator('[role="grid"][aria-busy="false"]').waitFor()
  }

  /** The invoice numbers listed, top to bottom. */
  async numbers(): Promise<number[]> {
    return (await this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-invoice-number') ?? ''))).map(Number)
  }

  /** Each listed row as its cells' texts, with plain spaces. */
  async rowTexts(): Promise<string[][]> {
    const rows = await this.rows.evaluateAll((items) =>
      items.map((item) => [...item.querySelectorAll('[role="gridcell"]')].map((cell) => cell.textContent ?? '')),
    )
    return rows.map((cells) => cells.map(normalise))
  }

  /** Waits until the detail pane shows this invoice. */
  async waitForDetail(number: number): Promise<void> {
    await this.detail.getByRole('heading', { name: `Invoice ${number}`, exact: true }).waitFor()
  }

  /** The tenders the detail pane lists, as their texts. */
  async detailTenders(): Promise<string[]> {
    return (await this.detail.getByTestId('sale-tender').allInnerTexts()).map(normalise)
  }
}
