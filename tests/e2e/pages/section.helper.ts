import type { Page } from 'playwright-core'
import { BackOfficePage } from './back-office.page'
import { LoginPage } from './login.page'
import { RegisterPage } from './register.page'

/** Signs in as the demo manager with the keyboard and opens a back-office section by its label. */
export async function openSectionAsManager(page: Page, section: string): Promise<void> {
  await new LoginPage(page).signInWithKeyboard('manager', 'manager')
  await new RegisterPage(page).waitForScanFocus()
  const backOffice = new BackOfficePage(page)
  await backOffice.open()
  await backOffice.openSection(section)
}
