import type { Locator, Page } from 'playwright-core'
import { waitForFocusOn } from './focus.helper'
import { normalise } from './receipt.page'

/** The till's discount dialog (Ctrl+D a line, Ctrl+Shift+D the sale) with its approval step, the promo-code dialog (Ctrl+K), and what the cart shows of them. */
export class DiscountsPage {
  readonly dialog: Locator
  readonly summary: Locator
  readonly current: Locator
  readonly value: Locator
  readonly reason: Locator
  readonly error: Locator
  readonly approvalTitle: Locator
  readonly approvalRequest: Locator
  readonly approver: Locator
  readonly secret: Locator
  readonly promoDialog: Locator
  readonly promoCode: Locator
  readonly promoError: Locator
  readonly promoCurrent: Locator
  readonly orderDiscount: Locator
  readonly cartPromo: Locator
  readonly figureDiscount: Locator

  constructor(readonly page: Page) {
    this.dialog = page.locator('dialog.discount-dialog')
    this.summary = this.dialog.getByTestId('discount-summary')
    this.current = this.dialog.getByTestId('discount-current')
    this.value = this.dialog.locator('#discount-value')
    this.reason = this.dialog.getByLabel('Reason', { exact: true })
    this.error = this.dialog.getByRole('alert')
    this.approvalTitle = this.dialog.getByRole('heading', { name: 'Manager approval' })
    this.approvalRequest = this.dialog.locator('.approval-request')
    this.approver = this.dialog.getByLabel('Manager’s username')
    this.secret = this.dialog.getByLabel('Password or PIN')
    this.promoDialog = page.getByRole('dialog', { name: 'Promo code' })
    this.promoCode = this.promoDialog.getByLabel('Code', { exact: true })
    this.promoError = this.promoDialog.getByRole('alert')
    this.promoCurrent = this.promoDialog.getByTestId('promo-current')
    this.orderDiscount = page.getByTestId('order-discount')
    this.cartPromo = page.getByTestId('cart-promo')
    this.figureDiscount = page.locator('.total-panel').getByTestId('sale-discount')
  }

  /** Ctrl+D (or Ctrl+Shift+D for the whole sale); resolves once the value field has focus. */
  async open(which: 'line' | 'sale'): Promise<void> {
    await this.page.keyboard.press(which === 'line' ? 'Control+D' : 'Control+Shift+D')
    await this.dialog.waitFor()
    await waitForFocusOn(this.page, 'discount-value')
  }

  /** Ctrl+K; resolves once the code field has focus. */
  async openPromo(): Promise<void> {
    await this.page.keyboard.press('Control+K')
    await this.promoDialog.waitFor()
    await waitForFocusOn(this.page, 'promo-code')
  }

  /** A cart line's discount note ("−10% off · Dented box"). */
  lineDiscount(row: Locator): Locator {
    return row.getByTestId('line-discount')
  }

  async lineAmount(row: Locator): Promise<string> {
    return normalise(await row.getByTestId('line-amount').innerText())
  }
}
