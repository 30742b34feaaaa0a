import type { Locator, Page } from 'playwright-core'
import { normalise } from './receipt.page'

/** The little of the page's DOM read here; the tests' tsconfig has no DOM types. */
interface FocusGlobals {
  document: { activeElement: { getAttribute(name: string): string | null } | null }
}

/** The manager tools dialog (F6): backups, unlocking a user, checking the audit trail. */
export class ManagerToolsPage {
  readonly dialog: Locator
  readonly headerButton: Locator
  readonly backups: Locator
  readonly backUpNow: Locator
  readonly backupRows: Locator
  readonly noBackups: Locator
  readonly unlock: Locator
  readonly username: Locator
  readonly unlockButton: Locator
  readonly audit: Locator
  readonly checkAudit: Locator
  readonly close: Locator
  readonly confirmation: Locator
  readonly confirmRestore: Locator
  readonly cancelRestore: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Manager tools' })
    this.headerButton = page.getByRole('button', { name: /^Manager tools/ })
    this.backups = this.dialog.getByRole('region', { name: 'Backups' })
    this.backUpNow = this.backups.getByRole('button', { name: /^(Back up now|Backing up…)$/ })
    this.backupRows = this.backups.locator('tbody tr')
    this.noBackups = this.backups.getByText('No backups yet.')
    this.unlock = this.dialog.getByRole('region', { name: 'Unlock a user' })
    this.username = this.unlock.getByRole('textbox', { name: 'Username' })
    this.unlockButton = this.unlock.getByRole('button', { name: /^(Unlock|Unlocking…)$/ })
    this.audit = this.dialog.getByRole('region', { name: 'Audit trail' })
    this.checkAudit = this.audit.getByRole('button', { name: /^(Check audit trail|Checking…)$/ })
    this.close = this.dialog.getByRole('button', { name: /^Close/ })
    this.confirmation = this.dialog.getByRole('region', { name: 'Restore this backup?' })
    this.confirmRestore = this.confirmation.getByRole('button', { name: /^(Restore backup|Restoring…)$/ })
    this.cancelRestore = this.confirmation.getByRole('button', { name: /^Cancel/ })
  }

  /** F6 from the register. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F6')
    await this.dialog.waitFor()
  }

  /** The success (status) or refusal (alert) line of a section, once it shows. */
  async result(section: Locator, role: 'status' | 'alert', text?: RegExp | string): Promise<string> {
    const line = section.locator('.feedback-area').getByRole(role)
    await (text === undefined ? line : line.filter({ hasText: text })).waitFor()
    return normalise(await line.innerText())
  }

  /** Backup rows as [taken, kind, size]. */
  async backupList(): Promise<string[][]> {
    const rows = await this.backupRows.evaluateAll((trs) =>
      trs.map((row) => [...row.querySelectorAll('th time, td:not(.backup-action)')].map((cell) => cell.textContent ?? '')),
    )
    return rows.map((cells) => cells.map(normalise))
  }

  /** The focused control's accessible label, for buttons whose text is the same on every row. */
  async focusedLabel(): Promise<string | null> {
    return this.page.evaluate(() => (globalThis as unknown as FocusGlobals).document.activeElement?.getAttribute('aria-label') ?? null)
  }

  restoreButton(date: string): Locator {
    return this.backups.getByRole('button', { name: `Restore the backup of ${date}` })
  }
}

/** Why the sign-in screen is showing: signed out after a restore, after idling, … */
export function signInNotice(page: Page): Locator {
  return page.getByTestId('sign-in-notice')
}
