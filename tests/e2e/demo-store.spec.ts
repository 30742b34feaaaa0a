import { describe, expect, it } from 'vitest'
import { focusedText } from './pages/focus.helper'
import { LoginPage } from './pages/login.page'
import { normalise } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { SetupPage } from './pages/setup.page'
import { signInAsCashier, useHarness } from './till.fixture'

const openTill = useHarness()

describe('the demo store', () => {
  it('says it is a demo on the sign-in screen and the till, and leaves it for a store of one’s own', async () => {
    const till = await openTill()
    const { page } = till
    const banner = page.getByTestId('demo-banner')
    await new LoginPage(page).waitUntilShown()
    expect(normalise(await banner.innerText())).toBe('Demo store — not for real money Everything here is practice. Start my own store')
    await till.screenshot('demo-sign-in')

    const register = await signInAsCashier(till)
    expect(await banner.isVisible()).toBe(true)
    await till.screenshot('demo-till')

    // Asked first; keeping the demo changes nothing and hands focus back to the scan field.
    const dialog = page.getByRole('dialog', { name: 'Start your own store?' })
    await banner.getByRole('button', { name: 'Start my own store' }).click()
    await dialog.waitFor()
    await expect.poll(() => focusedText(page)).toBe('Keep the demo Esc')
    await till.screenshot('demo-start-own-confirm')
    // The till's keys wait while the question is open.
    await page.keyboard.press('F9')
    expect(await page.getByRole('dialog', { name: /^Pay/ }).count()).toBe(0)
    await page.keyboard.press('Escape')
    await register.waitForScanFocus()
    expect(await dialog.count()).toBe(0)
    expect(till.calls.some((call) => call.channel === 'setup:startOwnStore')).toBe(false)

    await banner.getByRole('button', { name: 'Start my own store' }).click()
    await dialog.getByRole('button', { name: 'Start my own store' }).click()
    const setup = new SetupPage(page)
    await setup.form.waitFor()
    expect(normalise(await setup.notice.innerText())).toMatch(/^The demo store was kept aside as .+\. Set up your own store below\.$/)
    expect(await banner.count()).toBe(0)
    await till.screenshot('demo-left-for-setup')

    // The backend agrees: an empty store waiting for set-up, nobody signed in, the demo's sign-ins gone.
    const info = await till.backend.connect().invoke('app:info', {})
    expect(info.ok && info.data).toMatchObject({ setupRequired: true, demo: false })
    expect((await till.backend.connect().invoke('auth:login', { username: 'cashier', password: 'cashier' })).ok).toBe(false)
  })

  it('offers the demo from an empty database, then its sign-in', async () => {
    const till = await openTill({ seed: 'none' })
    const { page } = till
    const setup = new SetupPage(page)
    await setup.waitUntilShown()
    await setup.tryDemo.click()
    const login = new LoginPage(page)
    await login.waitUntilShown()
    await page.getByTestId('demo-banner').waitFor()
    expect(normalise(await login.demoHint.innerText())).toContain('Sign in as cashier')
    await login.signInWithKeyboard('cashier', 'cashier')
    await new RegisterPage(page).waitForScanFocus()
  })
})
