import type { Locator, Page } from 'playwright-core'

/** The success and error screens after a payment, and the receipt they (and the finder) show. */
export class ReceiptPage {
  readonly receipt: Locator
  readonly message: Locator
  readonly paidTitle: Locator
  readonly failedTitle: Locator
  readonly unconfirmedTitle: Locator
  readonly newSale: Locator
  readonly backToCart: Locator

  constructor(
    readonly page: Page,
    scope: Page | Locator = page,
  ) {
    this.receipt = scope.getByRole('region', { name: 'Receipt' })
    this.message = page.getByTestId('result-message')
    this.paidTitle = page.getByRole('heading', { name: 'Payment complete' })
    this.failedTitle = page.getByRole('heading', { name: 'Payment not completed' })
    this.unconfirmedTitle = page.getByRole('heading', { name: 'Payment not confirmed' })
    this.newSale = page.getByRole('button', { name: 'New sale' })
    this.backToCart = page.getByRole('button', { name: 'Back to cart' })
  }

  async text(): Promise<string> {
    return normalise(await this.receipt.innerText())
  }

  /** The receipt's label → value pairs (date, cashier, payment, balance, change…). */
  async facts(): Promise<Record<string, string>> {
    const pairs = await this.receipt
      .locator('dl > div')
      .evaluateAll((rows) => rows.map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? '']))
    return Object.fromEntries(pairs.map(([k, v]) => [normalise(k ?? ''), normalise(v ?? '')]))
  }

  /** Receipt lines as [name, qty, unit price, amount]. */
  async lines(): Promise<string[][]> {
    const rows = await this.receipt
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')))
    return rows.map((cells) => cells.map(normalise))
  }

  async total(): Promise<string> {
    return normalise(await this.receipt.locator('.receipt-total-amount').innerText())
  }
}

/** Intl puts non-breaking spaces in some locales; compare text with plain spaces. */
export function normalise(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
