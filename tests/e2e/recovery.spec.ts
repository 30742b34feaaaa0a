import { describe, expect, it } from 'vitest'
import { waitForFocusOn } from './pages/focus.helper'
import { LoginPage } from './pages/login.page'
import { normalise } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { SetupPage } from './pages/setup.page'
import { useHarness } from './till.fixture'

const openTill = useHarness()

const OWNER = { username: 'hari', displayName: 'Hari Prasad', password: 'first-password-1' }

describe('owner recovery', () => {
  it('sets a new password with the recovery code from the sign-in screen and shows the code that replaces it', async () => {
    const till = await openTill({ seed: 'none' })
    const { page } = till
    // The store set up elsewhere, as on another day.
    const created = await till.backend.connect().invoke('setup:createStore', {
      store: { name: 'Hari Hardware', currency: 'NPR', currencyDecimals: 2, locale: 'en-IN', timeZone: 'Asia/Kathmandu' },
      owner: OWNER,
    })
    if (!created.ok) throw new Error(created.error.message)
    const firstCode = created.data.recoveryCode
    await page.reload()

    const login = new LoginPage(page)
    await login.waitUntilShown()
    await page.getByRole('button', { name: 'Forgot the owner’s password?' }).click()
    const form = page.getByRole('form', { name: 'Reset the owner’s password' })
    await form.waitFor()
    await waitForFocusOn(page, 'recover-username')
    await till.screenshot('recovery-form')

    // A wrong code changes nothing.
    await form.getByLabel('Owner’s username').fill(OWNER.username)
    await form.getByLabel('Recovery code').fill('NOT-THE-CODE')
    await form.getByLabel('New password', { exact: true }).fill('second-password-2')
    await form.getByLabel('New password again').fill('second-password-2')
    await form.getByRole('button', { name: 'Set new password' }).click()
    await form
      .locator('.form-error')
      .filter({ hasText: 'That username and recovery code do not go together. Check both and try again.' })
      .waitFor()
    await till.screenshot('recovery-form-refused')
    expect((await till.backend.connect().invoke('auth:login', { username: OWNER.username, password: OWNER.password })).ok).toBe(true)

    await form.getByLabel('Recovery code').fill(firstCode)
    await form.getByLabel('New password', { exact: true }).fill('second-password-2')
    await form.getByLabel('New password again').fill('second-password-2')
    await form.getByRole('button', { name: 'Set new password' }).click()
    const setup = new SetupPage(page)
    await setup.recoveryCode.waitFor()
    expect(normalise(await page.getByRole('heading', { level: 1 }).innerText())).toBe('The owner’s new recovery code')
    const newCode = (await setup.recoveryCode.innerText()).trim()
    expect(newCode).not.toBe(firstCode)
    await till.screenshot('recovery-new-code')

    await setup.acknowledgeCode()
    await page.getByTestId('sign-in-notice').filter({ hasText: 'The owner’s password was changed. Sign in with the new one.' }).waitFor()
    expect(await login.username.inputValue()).toBe(OWNER.username)
    await waitForFocusOn(page, 'sign-in-password')
    await page.keyboard.type('second-password-2')
    await page.keyboard.press('Enter')
    await new RegisterPage(page).waitForScanFocus()

    // The old password and the old code are spent; the new code works.
    const elsewhere = till.backend.connect()
    expect((await elsewhere.invoke('auth:login', { username: OWNER.username, password: OWNER.password })).ok).toBe(false)
    expect(
      (await elsewhere.invoke('auth:recover', { username: OWNER.username, recoveryCode: firstCode, newPassword: 'third-password-3' })).ok,
    ).toBe(false)
    expect(
      (await elsewhere.invoke('auth:recover', { username: OWNER.username, recoveryCode: newCode, newPassword: 'third-password-3' })).ok,
    ).toBe(true)
  })
})
