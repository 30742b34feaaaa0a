import type { Locator, Page } from 'playwright-core'
import { waitForFocusOn, waitForInputValue } from './focus.helper'

export class RegisterPage {
  readonly scanField: Locator
  readonly results: Locator
  readonly lines: Locator
  readonly total: Locator
  readonly itemCount: Locator
  readonly notice: Locator
  readonly payButton: Locator
  readonly clearButton: Locator
  readonly signOutButton: Locator
  readonly header: Locator

  constructor(readonly page: Page) {
    this.scanField = page.getByRole('combobox', { name: 'Scan or search' })
    this.results = page.getByRole('listbox', { name: 'Matching products' })
    this.lines = page.locator('.cart-table tbody tr')
    this.total = page.getByTestId('cart-total')
    this.itemCount = page.getByTestId('cart-count')
    this.notice = page.locator('.notice')
    this.payButton = page.getByRole('button', { name: 'Pay' })
    this.clearButton = page.getByRole('button', { name: 'Clear cart' })
    this.signOutButton = page.getByRole('button', { name: 'Sign out' })
    this.header = page.locator('.till-header')
  }

  async waitUntilShown(): Promise<void> {
    await this.scanField.waitFor()
  }

  /** Resolves once the scan field has focus (the register's resting state). */
  async waitForScanFocus(): Promise<void> {
    await waitForFocusOn(this.page, 'scan-field')
  }

  /** What a barcode scanner does: the code's characters as fast as possible, then Enter. */
  async scan(code: string): Promise<void> {
    await this.page.keyboard.type(code)
    await this.page.keyboard.press('Enter')
  }

  line(name: string): Locator {
    return this.lines.filter({ has: this.page.getByRole('rowheader', { name }) })
  }

  quantityOf(name: string): Locator {
    return this.page.getByRole('textbox', { name: `Quantity of ${name}`, exact: true })
  }

  option(name: string): Locator {
    return this.results.getByRole('option', { name })
  }

  selectedOption(): Locator {
    return this.results.locator('[role="option"][aria-selected="true"]')
  }

  /** Waits until the line shows this quantity. */
  async waitForLine(name: string, quantity: number): Promise<void> {
    await waitForInputValue(this.page, `input[aria-label="Quantity of ${name}"]`, String(quantity))
  }

  /** Waits until the total reads `text` (compared with plain spaces, as `normalise` gives). */
  async waitForTotal(text: string): Promise<void> {
    const pattern = escapeRegExp(text).replace(/ /g, '[\\s\\u00a0\\u202f]')
    await this.total.filter({ hasText: new RegExp(`^${pattern}$`) }).waitFor()
  }

  async lineNames(): Promise<string[]> {
    return this.lines.locator('.cart-line-title').allTextContents()
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
