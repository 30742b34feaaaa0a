import { describe, expect, it } from 'vitest'
import { lockName } from '#core/testing/test-store'
import { FIXED_NOW, type Till } from './harness'
import { BackOfficePage } from './pages/back-office.page'
import { focusedText } from './pages/focus.helper'
import { LoginPage } from './pages/login.page'
import { normalise } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { MyAccountPage, StaffPage } from './pages/staff.page'
import { useTills } from './till.fixture'

const currentTill = useTills()

/** How the demo store (en-IN, Kathmandu) shows the harness's fixed "now". */
const NOW_ON_SCREEN = '15 Mar 2026, 10:00 am'

const RAM = { displayName: 'Ram Thapa', username: 'ram', role: 'cashier', password: 'ram-secret-1' } as const

/** Every back-office channel, each behind a permission a cashier lacks. */
const BACK_OFFICE_CHANNELS = [
  'users:list',
  'users:create',
  'users:update',
  'users:setPassword',
  'users:unlock',
  'settings:update',
  'products:create',
  'products:update',
  'products:archive',
  'stock:adjust',
  'stock:movements',
  'tokens:issue',
  'tokens:list',
  'backup:list',
] as const

async function signIn(till: Till, username: string, password: string): Promise<RegisterPage> {
  await new LoginPage(till.page).signInWithKeyboard(username, password)
  const register = new RegisterPage(till.page)
  await register.waitUntilShown()
  await register.waitForScanFocus()
  return register
}

describe('staff', () => {
  it('lists staff and adds, edits, deactivates, reactivates and unlocks them, with refusals said', async () => {
    const till = currentTill()
    const { page } = till
    lockName(till.dbPath, 'cashier', new Date(FIXED_NOW).toISOString())
    await signIn(till, 'manager', 'manager')
    await till.screenshot('till-manager')
    const backOffice = new BackOfficePage(page)
    await backOffice.headerButton.click()
    await backOffice.openSection('Staff')
    const staff = new StaffPage(page)
    await staff.row('cashier').waitFor()
    expect(await staff.rowTexts('manager')).toEqual(['Maya Manager you', 'manager', 'Manager', 'Active', NOW_ON_SCREEN])
    expect(await staff.rowTexts('cashier')).toEqual(['Kiran Cashier', 'cashier', 'Cashier', 'Active Locked', 'Never'])
    // A manager manages cashiers and managers, not the owner.
    expect(normalise(await staff.row('owner').locator('.staff-actions').innerText())).toBe('Only the owner manages an owner.')
    await till.screenshot('back-office-staff')

    await staff.action('Unlock Kiran Cashier').click()
    await staff.status.filter({ hasText: 'Kiran Cashier is unlocked and can sign in again.' }).waitFor()
    expect(await staff.rowTexts('cashier')).toEqual(['Kiran Cashier', 'cashier', 'Cashier', 'Active', 'Never'])
    expect((await till.backend.connect().invoke('auth:login', { username: 'cashier', password: 'cashier' })).ok).toBe(true)

    // A taken username is refused in the form, which stays open with what was typed.
    await staff.add.click()
    await staff.dialog.waitFor()
    await staff.fillNew({ ...RAM, username: 'cashier' })
    await till.screenshot('staff-create')
    await staff.submit().click()
    await staff.dialogError.filter({ hasText: "The username 'cashier' is taken." }).waitFor()
    await till.screenshot('staff-create-refused')
    await staff.dialog.getByLabel('Username').fill(RAM.username)
    await staff.submit().click()
    await staff.status.filter({ hasText: 'Added Ram Thapa (ram). They can sign in now.' }).waitFor()
    expect(await staff.dialog.count()).toBe(0)
    await expect.poll(() => focusedText(page)).toBe('Add staff')
    expect(await staff.rowTexts('ram')).toEqual(['Ram Thapa', 'ram', 'Cashier', 'Active', 'Never'])

    await staff.action('Edit Ram Thapa').click()
    await staff.dialog.getByLabel('Name', { exact: true }).fill('Ram Bahadur Thapa')
    await staff.submit().click()
    await staff.status.filter({ hasText: 'Saved the changes to Ram Bahadur Thapa.' }).waitFor()

    await staff.action('Deactivate Kiran Cashier').click()
    await staff.status.filter({ hasText: 'Kiran Cashier is deactivated and can no longer sign in.' }).waitFor()
    expect(await staff.row('cashier').count()).toBe(0)
    expect((await till.backend.connect().invoke('auth:login', { username: 'cashier', password: 'cashier' })).ok).toBe(false)
    await staff.showInactive.check()
    await staff.row('cashier').waitFor()
    expect(await staff.rowTexts('cashier')).toEqual(['Kiran Cashier', 'cashier', 'Cashier', 'Deactivated', NOW_ON_SCREEN])
    await staff.action('Reactivate Kiran Cashier').click()
    await staff.status.filter({ hasText: 'Kiran Cashier is active again and can sign in.' }).waitFor()

    // The manager sets Ram a new password; the old one stops working.
    await staff.action('Set a new password for Ram Bahadur Thapa').click()
    await staff.dialog.getByLabel('Password', { exact: true }).fill('short')
    await staff.submit().click()
    await staff.dialog.locator('.field-error').first().waitFor()
    expect(normalise(await staff.dialog.locator('.field-error').first().innerText())).toBe('Use at least 8 characters.')
    await staff.dialog.getByLabel('Password', { exact: true }).fill('ram-secret-2')
    await staff.dialog.getByLabel('Password again').fill('ram-secret-2')
    await staff.submit().click()
    await staff.status.filter({ hasText: 'Set a new password for Ram Bahadur Thapa.' }).waitFor()
    expect((await till.backend.connect().invoke('auth:login', { username: 'ram', password: 'ram-secret-2' })).ok).toBe(true)
  })

  it('the owner cannot deactivate the last owner', async () => {
    const till = currentTill()
    const owner = till.backend.connect()
    expect((await owner.invoke('auth:login', { username: 'owner', password: 'owner' })).ok).toBe(true)
    await signIn(till, 'owner', 'owner')
    const backOffice = new BackOfficePage(till.page)
    await backOffice.open()
    await backOffice.openSection('Staff')
    const staff = new StaffPage(till.page)
    await staff.action('Deactivate Olga Owner').click()
    await staff.alert.filter({ hasText: 'The store must keep at least one active owner.' }).waitFor()
    expect(await staff.rowTexts('owner')).toEqual(['Olga Owner you', 'owner', 'Owner', 'Active', NOW_ON_SCREEN])
  })

  it('a cashier sees no back office, F8 does nothing, and every back-office channel refuses them; they change their own password', async () => {
    const till = currentTill()
    const { page } = till
    const manager = await till.signedInClient('manager')
    const created = await manager.invoke('users:create', RAM)
    expect(created.ok).toBe(true)

    const register = await signIn(till, RAM.username, RAM.password)
    const backOffice = new BackOfficePage(page)
    expect(await backOffice.headerButton.count()).toBe(0)
    expect(normalise(await page.locator('.key-hints').innerText())).not.toContain('F8')
    await page.keyboard.press('F8')
    // The key went nowhere: typing still lands in the scan field, and no back office was drawn.
    await page.keyboard.type('milk')
    expect(await register.scanField.inputValue()).toBe('milk')
    expect(await page.locator('.back-office').count()).toBe(0)
    await page.keyboard.press('Escape')

    const cashier = till.backend.connect()
    expect((await cashier.invoke('auth:login', { username: RAM.username, password: RAM.password })).ok).toBe(true)
    for (const channel of BACK_OFFICE_CHANNELS) {
      const reply = await cashier.invokeUnknown(channel, {})
      expect(reply.ok ? 'ok' : reply.error.code, channel).toBe('FORBIDDEN')
    }

    // Everyone has My account: a wrong current password is refused, then the change goes through.
    const account = new MyAccountPage(page)
    await account.open()
    await till.screenshot('my-account')
    await account.currentPassword.fill('not-my-password')
    await account.newPassword.fill('ram-better-secret')
    await account.confirm.fill('ram-better-secret')
    await account.changePassword.click()
    await account.result(account.passwordSection, 'alert').waitFor()
    expect((await cashier.invoke('auth:logout', {})).ok).toBe(true)
    expect((await till.backend.connect().invoke('auth:login', { username: RAM.username, password: RAM.password })).ok).toBe(true)
    await account.currentPassword.fill(RAM.password)
    await account.newPassword.fill('ram-better-secret')
    await account.confirm.fill('ram-better-secret')
    await account.changePassword.click()
    await account.result(account.passwordSection, 'status').filter({ hasText: 'Your password was changed.' }).waitFor()

    await account.pin.fill('12a4')
    await account.pinPassword.fill('ram-better-secret')
    await account.setPin.click()
    await account.pinSection.locator('.field-error').filter({ hasText: 'Use 4 to 6 digits.' }).waitFor()
    await account.pin.fill('2468')
    await account.setPin.click()
    await account.result(account.pinSection, 'status').filter({ hasText: 'Your PIN was set.' }).waitFor()
    await till.screenshot('my-account-done')
    await page.keyboard.press('Escape')
    await register.waitForScanFocus()

    expect((await till.backend.connect().invoke('auth:login', { username: RAM.username, password: RAM.password })).ok).toBe(false)
    expect((await till.backend.connect().invoke('auth:login', { username: RAM.username, password: 'ram-better-secret' })).ok).toBe(true)
    const listed = await manager.invoke('users:list', {})
    expect(listed.ok && listed.data.items.find((member) => member.username === RAM.username)?.hasPin).toBe(true)
  })
})
