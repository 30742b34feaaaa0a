import type { Locator, Page } from 'playwright-core'
import { waitForFocusOn } from './focus.helper'

/** The little of the page's DOM these helpers read (the tests' tsconfig has no DOM types). */
interface Cells {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>
}

/** Waits until exactly `count` elements match `selector`. */
async function waitForCount(page: Page, selector: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([css, wanted]) => (globalThis as unknown as { document: Cells }).document.querySelectorAll(css).length === wanted,
    [selector, count] as const,
  )
}

/** The text a row's cells show, whitespace folded (Intl's no-break spaces included). */
async function rowTexts(rows: Locator): Promise<string[][]> {
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from((tr as unknown as Cells).querySelectorAll('th, td'), (cell) => cell.textContent ?? '')),
  )
  return cells.map((row) => row.map((text) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim()))
}

/** The back office's Tokens section: the list, the issue form and a token's page with its card. */
export class TokensPage {
  readonly main: Locator
  readonly issueButton: Locator
  readonly search: Locator
  readonly rows: Locator
  readonly range: Locator
  readonly empty: Locator
  readonly listError: Locator

  readonly issueHeading: Locator
  readonly balanceField: Locator
  readonly expiresField: Locator
  readonly holderField: Locator
  readonly noteField: Locator
  readonly issueSubmit: Locator

  readonly pageHeading: Locator
  readonly status: Locator
  readonly code: Locator
  readonly balance: Locator
  readonly issuedNotice: Locator
  readonly backToList: Locator
  readonly ledgerRows: Locator
  readonly topUpAmount: Locator
  readonly topUpNote: Locator
  readonly topUpSubmit: Locator
  readonly topUpSection: Locator
  readonly expirySection: Locator
  readonly expiryField: Locator
  readonly expirySubmit: Locator
  readonly holderSection: Locator
  readonly holderName: Locator
  readonly holderSubmit: Locator
  readonly activeSection: Locator
  readonly card: Locator
  readonly cardPanel: Locator
  readonly savePdf: Locator

  constructor(readonly page: Page) {
    this.main = page.locator('main.back-office-main')
    this.issueButton = this.main.getByRole('button', { name: 'Issue token', exact: true })
    this.search = this.main.getByRole('searchbox', { name: 'Search code or holder' })
    this.rows = this.main.locator('.tokens-table tbody tr')
    this.range = this.main.locator('.tokens-pager-range')
    this.empty = this.main.locator('.tokens-empty')
    this.listError = this.main.locator('.tokens-list .form-error')

    this.issueHeading = this.main.getByRole('heading', { name: 'Issue a token' })
    this.balanceField = this.main.getByLabel(/^Opening balance/)
    this.expiresField = this.main.getByLabel('Valid until (last day)')
    this.holderField = this.main.getByLabel(/^Holder’s name/)
    this.noteField = this.main.getByLabel(/^Note/)
    this.issueSubmit = this.main.locator('.tokens-form button[type="submit"]')

    this.pageHeading = this.main.getByRole('heading', { level: 2, name: /^Token ending / })
    this.status = this.main.locator('.token-title-row .token-status')
    this.code = this.main.getByTestId('token-code')
    this.balance = this.main.getByTestId('token-balance')
    this.issuedNotice = this.main.locator('.token-page > .feedback-ok')
    this.backToList = this.main.getByRole('button', { name: /All tokens/ })
    this.ledgerRows = this.main.locator('.ledger-table tbody tr')
    this.topUpSection = this.main.getByRole('region', { name: 'Top up' })
    this.topUpAmount = this.topUpSection.getByLabel(/^Amount/)
    this.topUpNote = this.topUpSection.getByLabel(/^Note/)
    this.topUpSubmit = this.topUpSection.getByRole('button', { name: 'Top up' })
    this.expirySection = this.main.getByRole('region', { name: 'Change expiry' })
    this.expiryField = this.expirySection.getByLabel('Valid until (last day)')
    this.expirySubmit = this.expirySection.getByRole('button', { name: 'Change expiry' })
    this.holderSection = this.main.getByRole('region', { name: 'Change holder' })
    this.holderName = this.holderSection.getByLabel(/^Holder’s name/)
    this.holderSubmit = this.holderSection.getByRole('button', { name: 'Change holder' })
    this.activeSection = this.main.getByRole('region', { name: 'Deactivate or reactivate' })
    this.cardPanel = this.main.getByRole('region', { name: 'Card', exact: true })
    this.card = this.cardPanel.getByRole('article', { name: 'Card' })
    this.savePdf = this.main.getByRole('button', { name: /^(Save card as PDF|Saving…)$/ })
  }

  filter(label: string): Locator {
    return this.main.getByRole('radio', { name: label, exact: true })
  }

  openButton(code: string): Locator {
    return this.main.getByRole('button', { name: `Open token ${code}` })
  }

  /** The list's rows as text: code, holder, balance, expiry, status. */
  async listRows(): Promise<string[][]> {
    return rowTexts(this.rows)
  }

  /** The ledger's rows as text, newest first: when, what, amount, balance after, by, invoice, note. */
  async ledger(): Promise<string[][]> {
    return rowTexts(this.ledgerRows)
  }

  /** Waits until the list shows `count` rows. */
  async waitForRows(count: number): Promise<void> {
    await waitForCount(this.page, '.tokens-table tbody tr', count)
  }

  /** Waits until the ledger has `count` rows. */
  async waitForLedger(count: number): Promise<void> {
    await waitForCount(this.page, '.ledger-table tbody tr', count)
  }

  /** A result line of the token page (a change's, or the card's). */
  feedback(section: Locator): Locator {
    return section.locator('.feedback')
  }

  fieldError(field: 'issue-balance' | 'issue-expires' | 'topup-amount'): Locator {
    return this.main.locator(`#${field}-error`)
  }

  /** Waits until focus is on the element with this id. */
  async waitForFocus(id: string): Promise<void> {
    await waitForFocusOn(this.page, id)
  }
}

/** The till's balance check (F1 or the header button). */
export class BalanceCheckPage {
  readonly dialog: Locator
  readonly field: Locator
  readonly answer: Locator
  readonly error: Locator
  readonly headerButton: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Token balance' })
    this.field = this.dialog.getByRole('textbox', { name: 'Token' })
    this.answer = this.dialog.getByTestId('balance-answer')
    this.error = this.dialog.getByRole('alert')
    this.headerButton = page.getByRole('button', { name: /^Token balance/ })
  }

  /** F1 from the register. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F1')
    await this.dialog.waitFor()
    await waitForFocusOn(this.page, 'balance-token')
  }

  /** The answer's facts: Balance, Valid until, Status. */
  async facts(): Promise<Record<string, string>> {
    const pairs = await this.answer.locator('dl > div').evaluateAll((divs) =>
      divs.map((div) => {
        const node = div as unknown as { querySelector(s: string): { textContent: string | null } | null }
        return [node.querySelector('dt')?.textContent ?? '', node.querySelector('dd')?.textContent ?? ''] as const
      }),
    )
    return Object.fromEntries(pairs.map(([key, value]) => [key.trim(), value.replace(/[\s\u00a0\u202f]+/g, ' ').trim()]))
  }
}
