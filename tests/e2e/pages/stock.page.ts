import type { Locator, Page } from 'playwright-core'
import { normalise } from './receipt.page'

/** The back office's Stock section: the finder, the adjust form, a product's movements and the low-stock list. */
export class StockPage {
  readonly main: Locator
  readonly finder: Locator
  readonly matches: Locator
  readonly chosen: Locator
  readonly current: Locator
  readonly changeProduct: Locator
  readonly reason: Locator
  readonly mode: Locator
  readonly quantity: Locator
  readonly note: Locator
  readonly record: Locator
  readonly feedback: Locator
  readonly quantityError: Locator
  readonly history: Locator
  readonly historyRows: Locator
  readonly low: Locator
  readonly lowRows: Locator

  constructor(readonly page: Page) {
    this.main = page.locator('main.back-office-main[data-section="stock"]')
    this.finder = this.main.getByRole('combobox', { name: 'Product' })
    this.matches = this.main.getByRole('listbox', { name: 'Matching products' })
    this.chosen = this.main.getByTestId('stock-chosen')
    this.current = this.main.getByTestId('stock-current')
    this.changeProduct = this.main.getByRole('button', { name: 'Choose another product' })
    this.reason = this.main.getByLabel('Reason', { exact: true })
    this.mode = this.main.getByLabel('How', { exact: true })
    this.quantity = this.main.locator('#stock-quantity')
    this.note = this.main.getByLabel(/^Note/)
    this.record = this.main.getByRole('button', { name: /^(Record|Recording…)$/ })
    this.feedback = this.main.locator('.stock-adjust .feedback')
    this.quantityError = this.main.locator('#stock-quantity-error')
    this.history = this.main.getByRole('region', { name: /^Movements of / })
    this.historyRows = this.history.locator('tbody tr')
    this.low = this.main.getByRole('region', { name: 'Low stock' })
    this.lowRows = this.low.locator('tbody tr')
  }

  /** Types into the finder and takes the match with this name. */
  async choose(query: string, name: string): Promise<void> {
    await this.finder.fill(query)
    await this.matches.getByRole('option', { name: new RegExp(`^${escape(name)} ·`) }).click()
    await this.chosen.waitFor()
  }

  adjustButton(name: string): Locator {
    return this.low.getByRole('button', { name: `Adjust the stock of ${name}` })
  }

  /** A table's rows as their cells' text, whitespace folded. */
  async texts(rows: Locator): Promise<string[][]> {
    const cells = await rows.evaluateAll((elements) =>
      elements.map((row) => Array.from((row as unknown as ParentLike).querySelectorAll('th, td'), (cell) => cell.textContent ?? '')),
    )
    return cells.map((row) => row.map(normalise))
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

interface ParentLike {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>
}
