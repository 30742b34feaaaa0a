import type { Locator, Page } from 'playwright-core'

/** The till's shift dialogs, the header's shift status and the refusal of a payment without a shift. */
export class ShiftsPage {
  readonly status: Locator
  readonly openDialog: Locator
  readonly floatField: Locator
  readonly moveDialog: Locator
  readonly noSaleDialog: Locator
  readonly xDialog: Locator
  readonly closeDialog: Locator
  readonly countField: Locator
  readonly zDialog: Locator
  readonly refusal: Locator

  constructor(readonly page: Page) {
    this.status = page.getByTestId('shift-status')
    this.openDialog = page.getByRole('dialog', { name: 'Open a shift' })
    this.floatField = this.openDialog.getByRole('textbox', { name: /^Cash in the drawer \(float\)/ })
    this.moveDialog = page.getByRole('dialog', { name: 'Pay in or pay out' })
    this.noSaleDialog = page.getByRole('dialog', { name: 'Open the drawer' })
    this.xDialog = page.getByRole('dialog', { name: 'X report' })
    this.closeDialog = page.getByRole('dialog', { name: /^Close shift \d+$/ })
    this.countField = this.closeDialog.getByRole('textbox', { name: /^Cash counted in the drawer/ })
    this.zDialog = page.getByRole('dialog', { name: /^Shift \d+ is closed: Z report \d+\.$/ })
    this.refusal = page.locator('main.result').filter({ hasText: 'No shift is open' })
  }

  /** A figure of the report in `scope`, by its test id (`shift-expected`, `shift-variance`…). */
  figure(scope: Locator, testId: string): Locator {
    return scope.getByTestId(testId)
  }
}
