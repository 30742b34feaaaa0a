import type { Locator, Page } from 'playwright-core'

export interface NewStaffDetails {
  displayName: string
  username: string
  role: 'cashier' | 'manager' | 'owner'
  password: string
}

/** The back office's Staff section and its forms, and everyone's My account dialog. */
export class StaffPage {
  readonly table: Locator
  readonly rows: Locator
  readonly add: Locator
  readonly showInactive: Locator
  readonly status: Locator
  readonly alert: Locator
  readonly dialog: Locator
  readonly dialogError: Locator

  constructor(readonly page: Page) {
    this.table = page.locator('table.staff-table')
    this.rows = this.table.locator('tbody tr')
    this.add = page.getByRole('button', { name: 'Add staff' })
    this.showInactive = page.getByRole('checkbox', { name: 'Show deactivated staff' })
    this.status = page.locator('.staff > .feedback-area').getByRole('status')
    this.alert = page.locator('.staff > .feedback-area').getByRole('alert')
    this.dialog = page.locator('dialog.form-dialog')
    this.dialogError = this.dialog.locator('.form-error')
  }

  row(username: string): Locator {
    return this.table.locator(`tr[data-username="${username}"]`)
  }

  /** A row as text: name, username, role, status (its labels), last sign-in. */
  async rowTexts(username: string): Promise<string[]> {
    const row = this.row(username)
    const tidy = (text: string) => text.replace(/\s+/g, ' ').trim()
    const [role = '', , lastSignIn = ''] = await row.locator('td:not(.staff-actions)').allInnerTexts()
    return [
      tidy(await row.locator('.staff-name').innerText()),
      tidy(await row.locator('.staff-username').innerText()),
      tidy(role),
      tidy((await row.locator('.pill').allInnerTexts()).join(' ')),
      tidy(lastSignIn),
    ]
  }

  /** A row's action by its accessible name (e.g. `Deactivate Ram Thapa`). */
  action(label: string): Locator {
    return this.table.getByRole('button', { name: label, exact: true })
  }

  async fillNew(details: NewStaffDetails): Promise<void> {
    await this.dialog.getByLabel('Name', { exact: true }).fill(details.displayName)
    await this.dialog.getByLabel('Username').fill(details.username)
    await this.dialog.getByLabel('Role').selectOption(details.role)
    await this.dialog.getByLabel('Password', { exact: true }).fill(details.password)
    await this.dialog.getByLabel('Password again').fill(details.password)
  }

  submit(): Locator {
    return this.dialog.getByRole('button', { name: /^(Add|Save|Saving…)$/ })
  }
}

/** "My account" from the header: one's own password and approval PIN. */
export class MyAccountPage {
  readonly headerButton: Locator
  readonly dialog: Locator
  readonly currentPassword: Locator
  readonly newPassword: Locator
  readonly confirm: Locator
  readonly changePassword: Locator
  readonly passwordSection: Locator
  readonly pinSection: Locator
  readonly pin: Locator
  readonly pinPassword: Locator
  readonly setPin: Locator
  readonly removePin: Locator
  readonly close: Locator

  constructor(readonly page: Page) {
    this.headerButton = page.locator('header').getByRole('button', { name: /My account$/ })
    this.dialog = page.getByRole('dialog', { name: 'My account' })
    this.passwordSection = this.dialog.getByRole('region', { name: 'Change my password' })
    this.pinSection = this.dialog.getByRole('region', { name: 'Approval PIN' })
    this.currentPassword = this.passwordSection.getByLabel('Current password')
    this.newPassword = this.passwordSection.getByLabel('New password', { exact: true })
    this.confirm = this.passwordSection.getByLabel('New password again')
    this.changePassword = this.passwordSection.getByRole('button', { name: /^(Change password|Changing…)$/ })
    this.pin = this.pinSection.getByLabel('New PIN')
    this.pinPassword = this.pinSection.getByLabel('Current password')
    this.setPin = this.pinSection.getByRole('button', { name: /^(Set PIN|Saving…)$/ })
    this.removePin = this.pinSection.getByRole('button', { name: 'Remove PIN' })
    this.close = this.dialog.getByRole('button', { name: /^Close/ })
  }

  async open(): Promise<void> {
    await this.headerButton.click()
    await this.dialog.waitFor()
  }

  /** A section's success (status) or refusal (alert) line, once it shows. */
  result(section: Locator, role: 'status' | 'alert'): Locator {
    return section.locator('.feedback-area').getByRole(role)
  }
}
