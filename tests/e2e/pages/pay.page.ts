import type { Locator, Page } from 'playwright-core'
import { waitForFocusOn } from './focus.helper'

export class PayPage {
  readonly dialog: Locator
  readonly amountDue: Locator
  readonly tokenMethod: Locator
  readonly cashMethod: Locator
  readonly tokenField: Locator
  readonly cashField: Locator
  readonly change: Locator
  readonly submit: Locator
  readonly formError: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Take payment' })
    this.amountDue = this.dialog.getByTestId('amount-due')
    this.tokenMethod = this.dialog.getByRole('radio', { name: 'Token' })
    this.cashMethod = this.dialog.getByRole('radio', { name: 'Cash' })
    this.tokenField = this.dialog.getByRole('textbox', { name: 'Token', exact: true })
    this.cashField = this.dialog.getByRole('textbox', { name: 'Cash tendered' })
    this.change = this.dialog.getByTestId('pay-change')
    this.submit = this.dialog.locator('button[type="submit"]')
    this.formError = this.dialog.getByRole('alert')
  }

  /** F9 from the register. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F9')
    await this.dialog.waitFor()
  }

  async waitForFocus(id: 'pay-token' | 'pay-cash'): Promise<void> {
    await waitForFocusOn(this.page, id)
  }

  /** Types (or scans) a token into the focused Token field and presses Enter. */
  async payByToken(token: string): Promise<void> {
    await this.waitForFocus('pay-token')
    await this.page.keyboard.type(token)
    await this.page.keyboard.press('Enter')
  }
}
