import type { Locator, Page } from 'playwright-core'
import { waitForFocusOn } from './focus.helper'

export class PayPage {
  readonly dialog: Locator
  readonly amountDue: Locator
  readonly tokenMethod: Locator
  readonly cashMethod: Locator
  readonly cardMethod: Locator
  readonly walletMethod: Locator
  readonly tokenField: Locator
  readonly cashField: Locator
  readonly amountField: Locator
  readonly referenceField: Locator
  readonly change: Locator
  /** Split tenders: one row per tender, what is still due, the cash rounding and the change. */
  readonly tenders: Locator
  readonly due: Locator
  readonly dueInCash: Locator
  readonly rounding: Locator
  readonly changeTotal: Locator
  readonly submit: Locator
  readonly formError: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Take payment' })
    this.amountDue = this.dialog.getByTestId('amount-due')
    this.tokenMethod = this.dialog.getByRole('radio', { name: 'Token' })
    this.cashMethod = this.dialog.getByRole('radio', { name: 'Cash' })
    this.cardMethod = this.dialog.getByRole('radio', { name: 'Card' })
    this.walletMethod = this.dialog.getByRole('radio', { name: 'Wallet' })
    this.tokenField = this.dialog.getByRole('textbox', { name: 'Token', exact: true })
    this.cashField = this.dialog.getByRole('textbox', { name: 'Cash tendered' })
    this.amountField = this.dialog.getByRole('textbox', { name: 'Amount', exact: true })
    this.referenceField = this.dialog.getByRole('textbox', { name: 'Reference' })
    this.change = this.dialog.getByTestId('pay-change')
    this.tenders = this.dialog.getByTestId('pay-tender')
    this.due = this.dialog.getByTestId('pay-due')
    this.dueInCash = this.dialog.getByTestId('pay-due-cash')
    this.rounding = this.dialog.getByTestId('pay-rounding')
    this.changeTotal = this.dialog.getByTestId('pay-change-total')
    this.submit = this.dialog.locator('button[type="submit"]')
    this.formError = this.dialog.getByRole('alert')
  }

  /** F9 from the register. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F9')
    await this.dialog.waitFor()
  }

  /** F9 then F3: the dialog open on cash, the cursor in Cash tendered. */
  async openForCash(): Promise<void> {
    await this.open()
    await this.page.keyboard.press('F3')
    await this.waitForFocus('pay-cash')
  }

  async waitForFocus(id: 'pay-token' | 'pay-cash' | 'pay-amount' | 'pay-reference'): Promise<void> {
    await waitForFocusOn(this.page, id)
  }

  /** Types (or scans) a token into the focused Token field and presses Enter. */
  async payByToken(token: string): Promise<void> {
    await this.waitForFocus('pay-token')
    await this.page.keyboard.type(token)
    await this.page.keyboard.press('Enter')
  }

  /** Alt+A: the tender typed joins the payment (a token once its balance is looked up). */
  async addTender(): Promise<void> {
    // A tender being typed is shown already, in its own style; an added one loses it.
    const added = this.dialog.locator('[data-testid="pay-tender"]:not(.pay-tender-typing)')
    const before = await added.count()
    await this.page.keyboard.press('Alt+A')
    await added.nth(before).waitFor()
  }

  /** Each tender row as [what, detail, amount], with plain spaces. */
  async tenderRows(): Promise<string[][]> {
    const rows = await this.tenders.evaluateAll((items) => items.map((item) => [...item.children].map((cell) => cell.textContent ?? '')))
    return rows.map((cells) =>
      cells.map((cell) =>
        cell
          .replace(/[\u00a0\u202f]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    )
  }
}
