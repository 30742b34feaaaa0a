import type { Locator, Page } from 'playwright-core'

/** The back office (F8 or the header button): its navigation and the chosen section. */
export class BackOfficePage {
  readonly headerButton: Locator
  readonly nav: Locator
  readonly main: Locator
  readonly heading: Locator
  readonly backToTill: Locator
  readonly myAccount: Locator

  constructor(readonly page: Page) {
    this.headerButton = page.getByRole('button', { name: /^Back office/ })
    this.nav = page.getByRole('navigation', { name: 'Back-office sections' })
    this.main = page.locator('main.back-office-main')
    this.heading = this.main.locator('#back-office-section-title')
    this.backToTill = page.getByRole('button', { name: /^Back to till/ })
    this.myAccount = page.locator('.back-office-header').getByRole('button', { name: /My account$/ })
  }

  /** F8 from the register; waits for the back office. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F8')
    await this.nav.waitFor()
  }

  /** The navigation's entry for a section, by its label (Products, Stock, Tokens, Staff, Settings). */
  navItem(name: string): Locator {
    return this.nav.getByRole('button', { name, exact: true })
  }

  /** Chooses a section by its label and waits for its heading. */
  async openSection(name: string): Promise<Locator> {
    await this.navItem(name).click()
    await this.heading.filter({ hasText: name }).waitFor()
    return this.main
  }

  /** The labels of the sections shown, in order. */
  async sectionNames(): Promise<string[]> {
    return (await this.nav.getByRole('button').allInnerTexts()).map((name) => name.trim())
  }
}
