import type { Locator, Page } from 'playwright-core'
import { waitForFocusOn } from './focus.helper'

/** The park prompt (F5), the list of parked sales (F7) and the note a recall leaves above the cart. */
export class ParkedPage {
  readonly parkDialog: Locator
  readonly parkSummary: Locator
  readonly listDialog: Locator
  readonly list: Locator
  readonly note: Locator

  constructor(readonly page: Page) {
    this.parkDialog = page.getByRole('dialog', { name: 'Park this sale' })
    this.parkSummary = this.parkDialog.getByTestId('park-summary')
    this.listDialog = page.getByRole('dialog', { name: 'Parked sales' })
    this.list = this.listDialog.getByRole('listbox', { name: 'Parked sales, newest first' })
    this.note = page.getByTestId('recall-note')
  }

  /** F5 from the register; resolves once the label field has focus. */
  async openPark(): Promise<void> {
    await this.page.keyboard.press('F5')
    await this.parkDialog.waitFor()
    await waitForFocusOn(this.page, 'park-label')
  }

  /** F7 from the register; resolves once the list has loaded and holds focus. */
  async openList(): Promise<void> {
    await this.page.keyboard.press('F7')
    await this.list.waitFor()
    await this.page.waitForFunction(() => {
      const { document } = globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }
      return document.activeElement?.getAttribute('role') === 'listbox'
    })
  }

  option(title: string): Locator {
    return this.list.getByRole('option').filter({ hasText: title })
  }

  selectedOption(): Locator {
    return this.list.locator('[role="option"][aria-selected="true"]')
  }
}
