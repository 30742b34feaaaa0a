import type { Locator, Page } from 'playwright-core'
import { normalise } from './receipt.page'

/** The back office's Products section: the catalog table, the product panel and CSV import. */
export class ProductsPage {
  readonly main: Locator
  readonly search: Locator
  readonly category: Locator
  readonly tag: Locator
  readonly status: Locator
  readonly lowStock: Locator
  readonly newButton: Locator
  readonly importButton: Locator
  readonly exportButton: Locator
  readonly feedback: Locator
  readonly grid: Locator
  readonly rows: Locator
  readonly count: Locator

  readonly panel: Locator
  readonly sku: Locator
  readonly name: Locator
  readonly price: Locator
  readonly barcode: Locator
  readonly categoryField: Locator
  readonly newCategory: Locator
  readonly newCategoryName: Locator
  readonly addCategory: Locator
  readonly tags: Locator
  readonly lowStockAt: Locator
  readonly openingStock: Locator
  readonly create: Locator
  readonly save: Locator
  readonly archive: Locator
  readonly unarchive: Locator
  readonly addImages: Locator
  readonly images: Locator
  readonly panelFeedback: Locator
  readonly close: Locator

  readonly importDialog: Locator
  readonly importFile: Locator
  readonly importPaste: Locator
  readonly preview: Locator
  readonly apply: Locator
  readonly importErrors: Locator
  readonly importStatus: Locator
  readonly closeImport: Locator

  constructor(readonly page: Page) {
    this.main = page.locator('main.back-office-main[data-section="products"]')
    this.search = this.main.getByRole('searchbox', { name: 'Search products' })
    this.category = this.main.getByLabel('Category', { exact: true }).first()
    this.tag = this.main.getByLabel('Tag', { exact: true })
    this.status = this.main.getByLabel('Status', { exact: true })
    this.lowStock = this.main.getByRole('checkbox', { name: 'Low stock only' })
    this.newButton = this.main.getByRole('button', { name: /^New product/ })
    this.importButton = this.main.getByRole('button', { name: 'Import CSV' })
    this.exportButton = this.main.getByRole('button', { name: /^(Export CSV|Exporting…)$/ })
    this.feedback = this.main.locator('.products-feedback .feedback')
    this.grid = this.main.getByRole('grid', { name: 'Products' })
    this.rows = this.grid.locator('[role="row"][data-product-id]')
    this.count = this.main.getByTestId('products-count')

    this.panel = this.main.locator('.product-panel')
    this.sku = this.panel.getByLabel('SKU', { exact: true })
    this.name = this.panel.getByLabel('Name', { exact: true })
    this.price = this.panel.getByLabel(/^Price/)
    this.barcode = this.panel.getByLabel(/^Barcode/)
    this.categoryField = this.panel.locator('#product-category')
    this.newCategory = this.panel.getByRole('button', { name: 'New category…' })
    this.newCategoryName = this.panel.getByLabel('Name of the new category')
    this.addCategory = this.panel.getByRole('button', { name: 'Add category' })
    this.tags = this.panel.getByLabel(/^Tags/)
    this.lowStockAt = this.panel.getByLabel(/^Low-stock threshold/)
    this.openingStock = this.panel.getByLabel(/^Opening stock/)
    this.create = this.panel.getByRole('button', { name: /^(Create product|Saving…)$/ })
    this.save = this.panel.getByRole('button', { name: /^(Save changes|Saving…)$/ })
    this.archive = this.panel.getByRole('button', { name: 'Archive', exact: true })
    this.unarchive = this.panel.getByRole('button', { name: 'Unarchive', exact: true })
    this.addImages = this.panel.getByRole('button', { name: /^(Add images…|Adding…)$/ })
    this.images = this.panel.locator('.product-image img')
    this.panelFeedback = this.panel.locator('.feedback')
    this.close = this.panel.getByRole('button', { name: /^Close/ })

    this.importDialog = page.getByRole('dialog', { name: 'Import products from CSV' })
    this.importFile = this.importDialog.getByLabel('CSV file')
    this.importPaste = this.importDialog.getByLabel('Or paste the CSV')
    this.preview = this.importDialog.getByRole('button', { name: 'Preview' })
    this.apply = this.importDialog.getByRole('button', { name: 'Apply import' })
    this.importErrors = this.importDialog.locator('.import-errors tbody tr')
    this.importStatus = this.importDialog.locator('.import-result .feedback')
    this.closeImport = this.importDialog.getByRole('button', { name: /^Close/ })
  }

  /** Waits until the table's count line reads `text` (e.g. "3 products"). */
  async waitForCount(text: string | RegExp): Promise<void> {
    await this.count.filter({ hasText: text }).waitFor()
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.locator('.product-name', { hasText: name }) })
  }

  selectedRow(): Locator {
    return this.grid.locator('[role="row"][aria-selected="true"]')
  }

  sortBy(column: 'Name' | 'SKU' | 'Price' | 'Stock'): Locator {
    return this.grid.getByRole('button', { name: `Sort by ${column}` })
  }

  /** The rows' cells as shown (image cell left out), whitespace folded. */
  async rowTexts(): Promise<string[][]> {
    const rows = await this.rows.evaluateAll((elements) =>
      elements.map((row) =>
        Array.from((row as unknown as ParentLike).querySelectorAll('[role="gridcell"]'))
          .slice(1)
          .map((cell) => cell.textContent ?? ''),
      ),
    )
    return rows.map((cells) => cells.map(normalise))
  }

  /** The error line under a field of the panel. */
  fieldError(field: Locator): Locator {
    return field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field ")][1]').locator('.field-error')
  }

  /** The import preview's counts: rows, new, changed, unchanged. */
  async importCounts(): Promise<Record<'rows' | 'creates' | 'updates' | 'unchanged', number>> {
    const read = async (id: string) =>
      Number((await this.importDialog.getByTestId(`import-${id}`).locator('dd').innerText()).replace(/\D/g, ''))
    return { rows: await read('rows'), creates: await read('creates'), updates: await read('updates'), unchanged: await read('unchanged') }
  }

  /** The import preview's problems as [line, column, problem]. */
  async importProblems(): Promise<string[][]> {
    const rows = await this.importErrors.evaluateAll((elements) =>
      elements.map((row) => Array.from((row as unknown as ParentLike).querySelectorAll('td'), (cell) => cell.textContent ?? '')),
    )
    return rows.map((cells) => cells.map(normalise))
  }
}

/** The little of the DOM read here (the tests' tsconfig has no DOM types). */
interface ParentLike {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>
}
