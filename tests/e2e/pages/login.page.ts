import type { Locator, Page } from 'playwright-core'
import { waitForFocusOn } from './focus.helper'

export class LoginPage {
  readonly username: Locator
  readonly password: Locator
  readonly submit: Locator
  readonly error: Locator
  readonly demoHint: Locator

  constructor(readonly page: Page) {
    this.username = page.getByLabel('Username', { exact: true })
    this.password = page.getByLabel('Password', { exact: true })
    this.submit = page.getByRole('button', { name: 'Sign in' })
    this.error = page.getByRole('alert')
    this.demoHint = page.getByTestId('demo-hint')
  }

  async waitUntilShown(): Promise<void> {
    await this.username.waitFor()
  }

  /** Types into whatever has focus, Tab, Enter: no clicks. The screen focuses Username itself. */
  async signInWithKeyboard(username: string, password: string): Promise<void> {
    await this.waitUntilShown()
    await waitForFocusOn(this.page, 'sign-in-username')
    await this.page.keyboard.type(username)
    await this.page.keyboard.press('Tab')
    await this.page.keyboard.type(password)
    await this.page.keyboard.press('Enter')
  }
}
