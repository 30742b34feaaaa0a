import { describe, expect, it } from 'vitest'
import type { Till } from './harness'
import { BackOfficePage } from './pages/back-office.page'
import { LoginPage } from './pages/login.page'
import { RegisterPage } from './pages/register.page'
import { useTills } from './till.fixture'

const currentTill = useTills()

async function signInAsManager(till: Till): Promise<void> {
  await new LoginPage(till.page).signInWithKeyboard('manager', 'manager')
  await new RegisterPage(till.page).waitUntilShown()
}

describe('updates in the back office', () => {
  it('are off until the store sets a folder: an address on the internet must be https, and a till without an updater says off', async () => {
    const till = currentTill()
    const { page } = till
    await signInAsManager(till)
    const backOffice = new BackOfficePage(page)
    await backOffice.open()
    const section = await backOffice.openSection('Settings')
    const group = section.locator('fieldset', { has: page.locator('legend', { hasText: /^Updates$/ }) })
    await group.scrollIntoViewIfNeeded()
    const url = page.locator('#settings-updates-url')
    expect(await url.inputValue()).toBe('')

    await url.fill('http://updates.example.com/tillwise/')
    await page.keyboard.press('Enter')
    await group.locator('.field-error').filter({ hasText: 'Use https://' }).waitFor()
    expect(await group.locator('.field-error').allInnerTexts()).toEqual([
      'Use https://. http:// is only for a computer on the shop’s own network (such as 192.168.1.20).',
    ])

    await url.fill('https://updates.example.com/tillwise/')
    await page.keyboard.press('Enter')
    await section.locator('.settings-footer').getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor()
    const manager = await till.signedInClient('manager')
    const saved = await manager.invoke('settings:get', {})
    expect(saved.ok && saved.data.updatesUrl).toBe('https://updates.example.com/tillwise/')

    // The harness gives core no updater, as a development run: the check says off, and nothing installs.
    await group.getByRole('button', { name: 'Check for updates' }).click()
    await group.getByText(/^Updates are off on this till/).waitFor()
    expect(await group.getByRole('button', { name: /^Install/ }).count()).toBe(0)
    await group.screenshot({ path: (await till.screenshot('updates-settings-page')).replace(/[^/]+$/, 'updates-settings.png') })
    expect(till.problems).toEqual([])
  })
})
