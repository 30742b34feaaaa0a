import type { Locator, Page } from 'playwright-core'

/** The back office's Settings section. */
export class SettingsPage {
  readonly form: Locator
  readonly storeName: Locator
  readonly phone: Locator
  readonly currency: Locator
  readonly decimals: Locator
  readonly currencyHint: Locator
  readonly receiptFooter: Locator
  readonly idleMinutes: Locator
  readonly save: Locator
  readonly status: Locator
  readonly alert: Locator

  constructor(readonly page: Page) {
    this.form = page.locator('form.settings-form')
    this.storeName = this.form.getByLabel('Store name')
    this.phone = this.form.getByLabel(/^Phone/)
    this.currency = this.form.getByLabel('Currency')
    this.decimals = this.form.getByLabel('Decimal places')
    this.currencyHint = page.getByTestId('currency-hint')
    this.receiptFooter = this.form.getByLabel(/^Receipt footer/)
    this.idleMinutes = this.form.getByLabel(/^Sign out after/)
    this.save = this.form.getByRole('button', { name: /^(Save settings|Saving…)$/ })
    this.status = this.form.locator('.settings-footer').getByRole('status')
    this.alert = this.form.locator('.settings-footer').getByRole('alert')
  }

  async waitUntilShown(): Promise<void> {
    await this.storeName.waitFor()
  }

  fieldError(field: Locator): Locator {
    return field.locator('xpath=..').locator('.field-error')
  }
}
