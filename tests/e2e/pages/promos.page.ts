import type { Locator, Page } from 'playwright-core'
import { normalise } from './receipt.page'

/** The back office's Promo codes section and its form. */
export class PromosPage {
  readonly main: Locator
  readonly table: Locator
  readonly newButton: Locator
  readonly search: Locator
  readonly statusFilter: Locator
  readonly status: Locator
  readonly dialog: Locator
  readonly code: Locator
  readonly name: Locator
  readonly value: Locator
  readonly minSpend: Locator
  readonly maxUses: Locator
  readonly startsOn: Locator
  readonly endsOn: Locator
  readonly productSearch: Locator
  readonly chosenProducts: Locator
  readonly dialogError: Locator

  constructor(readonly page: Page) {
    this.main = page.locator('main.back-office-main[data-section="promos"]')
    this.table = this.main.locator('table.promos-table')
    this.newButton = this.main.getByRole('button', { name: /^New promo code/ })
    this.search = this.main.getByLabel('Search codes and names')
    this.statusFilter = this.main.getByLabel('Show', { exact: true })
    this.status = this.main.locator('.promos > .feedback-area').getByRole('status')
    this.dialog = page.locator('dialog.promo-editor-dialog')
    this.code = this.dialog.getByLabel('Code', { exact: true })
    this.name = this.dialog.getByLabel('Name', { exact: true })
    this.value = this.dialog.locator('#promo-value')
    this.minSpend = this.dialog.locator('#promo-min-spend')
    this.maxUses = this.dialog.locator('#promo-max-uses')
    this.startsOn = this.dialog.locator('#promo-starts')
    this.endsOn = this.dialog.locator('#promo-ends')
    this.productSearch = this.dialog.getByLabel('Find a product to add')
    this.chosenProducts = this.dialog.getByRole('list', { name: 'Chosen products' })
    this.dialogError = this.dialog.locator('.form-error')
  }

  row(code: string): Locator {
    return this.table.locator(`tr[data-promo="${code}"]`)
  }

  /** A row as text: code, name, off, min. spend, valid, uses, status. */
  async rowTexts(code: string): Promise<string[]> {
    const row = this.row(code)
    const cells = [await row.locator('th').innerText(), ...(await row.locator('td:not(.promo-actions)').allInnerTexts())]
    return cells.map(normalise)
  }

  /** The error line under a field of the form. */
  fieldError(field: Locator): Locator {
    return field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field ")][1]').locator('.field-error')
  }
}
