import type { Locator, Page } from 'playwright-core'
import { normalise } from './receipt.page'

/** The back office's Taxes section and its form, and the tax check boxes of the product form and the settings. */
export class TaxesPage {
  readonly main: Locator
  readonly table: Locator
  readonly rows: Locator
  readonly newButton: Locator
  readonly status: Locator
  readonly alert: Locator
  readonly dialog: Locator
  readonly name: Locator
  readonly rate: Locator
  readonly included: Locator
  readonly added: Locator
  readonly submit: Locator
  readonly dialogError: Locator

  constructor(readonly page: Page) {
    this.main = page.locator('main.back-office-main[data-section="taxes"]')
    this.table = this.main.locator('table.taxes-table')
    this.rows = this.table.locator('tbody tr')
    this.newButton = this.main.getByRole('button', { name: /^New tax/ })
    this.status = this.main.locator('.taxes > .feedback-area').getByRole('status')
    this.alert = this.main.locator('.taxes > .feedback-area').getByRole('alert')
    this.dialog = page.locator('dialog.tax-dialog')
    this.name = this.dialog.getByLabel('Name', { exact: true })
    this.rate = this.dialog.getByLabel('Rate (%)')
    this.included = this.dialog.getByRole('radio', { name: /^Include the tax/ })
    this.added = this.dialog.getByRole('radio', { name: /^Add the tax on top/ })
    this.submit = this.dialog.getByRole('button', { name: /^(Create tax|Save|Saving…)$/ })
    this.dialogError = this.dialog.locator('.form-error')
  }

  row(name: string): Locator {
    return this.table.locator(`tr[data-tax="${name}"]`)
  }

  /** A row as text: name, rate, prices, status, products. */
  async rowTexts(name: string): Promise<string[]> {
    const row = this.row(name)
    const cells = [await row.locator('th').innerText(), ...(await row.locator('td:not(.tax-actions)').allInnerTexts())]
    return cells.map(normalise)
  }

  /** A row's action by its accessible name (e.g. `Switch off VAT`). */
  action(label: string): Locator {
    return this.table.getByRole('button', { name: label, exact: true })
  }

  /** The error line under a field of the form. */
  fieldError(field: Locator): Locator {
    return field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field ")][1]').locator('.field-error')
  }
}

/** A group of tax check boxes (`product-taxes`, `settings-default-taxes`). */
export class TaxChoicesPart {
  readonly group: Locator

  constructor(page: Page, id: string) {
    this.group = page.getByTestId(id)
  }

  /** The box of the tax whose label starts with `name` (e.g. `VAT 13%`). */
  box(name: string): Locator {
    return this.group.getByRole('checkbox', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) })
  }

  /** The labels shown, in order, with whether each is ticked. */
  async choices(): Promise<[string, boolean][]> {
    const labels = await this.group.locator('label').allInnerTexts()
    const checked = await this.group
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((box) => (box as unknown as { checked: boolean }).checked))
    return labels.map((label, index) => [normalise(label), checked[index] ?? false])
  }
}
