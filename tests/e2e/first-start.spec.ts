import { describe, expect, it } from 'vitest'
import { BackOfficePage } from './pages/back-office.page'
import { focusedText } from './pages/focus.helper'
import { normalise } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { SettingsPage } from './pages/settings.page'
import { SetupPage } from './pages/setup.page'
import { findProducts, TOKENS, useHarness } from './till.fixture'
import { LoginPage } from './pages/login.page'

/** The little of the DOM the screenshot needs; the tests' tsconfig has no DOM types. */
interface ScrollsIntoView {
  scrollIntoView(options: { block: 'center' }): void
}

const openTill = useHarness()

const OWNER = { displayName: 'Sita Sharma', username: 'sita', password: 'pokhara-lakeside' }
const STORE = { name: 'Sita General Store', address: 'Lakeside 6, Pokhara', phone: '061-460000', taxNumber: '301234567' }

describe('first start', () => {
  it('sets up a store from an empty database, shows the recovery code once, and lands on the till as the owner', async () => {
    const till = await openTill({ seed: 'none' })
    const { page } = till
    const setup = new SetupPage(page)
    await setup.waitUntilShown()
    // Nothing but set-up answers before it.
    expect((await till.backend.connect().invoke('catalog:search', { query: 'milk' })).ok).toBe(false)
    await expect.poll(() => focusedText(page)).toMatch(/^Set up my store/)
    await till.screenshot('setup-choices')

    await page.keyboard.press('Enter')
    await setup.form.waitFor()
    // The machine's zone and NPR are the defaults; the decimals follow the currency.
    expect(await setup.timeZone.inputValue()).toBe('Asia/Kathmandu')
    expect(await setup.currency.inputValue()).toBe('NPR')
    expect(await setup.decimals.inputValue()).toBe('2')
    expect((await setup.currency.locator('option').allInnerTexts()).slice(0, 5).map((label) => label.slice(0, 3))).toEqual([
      'NPR',
      'INR',
      'USD',
      'EUR',
      'GBP',
    ])
    await setup.currency.selectOption('JPY')
    expect(await setup.decimals.inputValue()).toBe('0')
    await setup.currency.selectOption('NPR')
    expect(await setup.decimals.inputValue()).toBe('2')

    // An empty form is refused field by field, and nothing is sent.
    await setup.submit.click()
    await setup.fieldError(setup.storeName).waitFor()
    expect(await setup.fieldError(setup.storeName).innerText()).toBe('Fill this in.')
    expect(await setup.fieldError(setup.password).innerText()).toBe('Fill this in.')
    expect(till.calls.some((call) => call.channel === 'setup:createStore')).toBe(false)

    // The password rule is said before anything is sent: not the username, and typed the same twice.
    await setup.fill(STORE, { ...OWNER, username: 'sitasharma', password: 'SitaSharma' })
    await setup.passwordConfirm.fill('something-else')
    await setup.submit.click()
    await setup.fieldError(setup.passwordConfirm).waitFor()
    expect(await setup.fieldError(setup.password).innerText()).toBe('The password must not be the username.')
    expect(await setup.fieldError(setup.passwordConfirm).innerText()).toBe('The two passwords are not the same.')
    expect(till.calls.some((call) => call.channel === 'setup:createStore')).toBe(false)
    // An easy password passes the screen's rule; core refuses it, said in the form's error line, and nothing is set up.
    await setup.fill(STORE, { ...OWNER, password: '12345678' })
    await setup.submit.click()
    await setup.formError.filter({ hasText: /^A password needs at least 8 characters, .*easy to guess/ }).waitFor()
    expect(await setup.password.inputValue()).toBe('')
    await till.screenshot('setup-form-refused')
    const stillEmpty = await till.backend.connect().invoke('app:info', {})
    expect(stillEmpty.ok && stillEmpty.data.setupRequired).toBe(true)

    await setup.fill(STORE, OWNER)
    await till.screenshot('setup-form')

    await setup.submit.click()
    await setup.recoveryCode.waitFor()
    const code = (await setup.recoveryCode.innerText()).trim()
    expect(code.length).toBeGreaterThanOrEqual(16)
    // Continue waits for the tick.
    expect(await setup.continue.isDisabled()).toBe(true)
    await till.screenshot('setup-recovery-code')
    await page.emulateMedia({ media: 'print' })
    await till.screenshot('setup-recovery-code-print')
    // The printed sheet holds the code and nothing else of the screen.
    expect(await setup.recoveryCode.isVisible()).toBe(true)
    expect(await page.getByText('I have written it down or printed it').isVisible()).toBe(false)
    await page.emulateMedia({ media: 'screen' })

    await setup.acknowledgeCode()
    const register = new RegisterPage(page)
    await register.waitUntilShown()
    await register.waitForScanFocus()
    expect(normalise(await register.header.locator('.button-account').innerText())).toBe('Sita Sharma Owner · My account')
    expect(normalise(await register.header.locator('.till-store').innerText())).toBe(STORE.name)
    await expect.poll(() => page.title()).toBe('Sita General Store · Tillwise POS')
    // No demo here.
    expect(await page.getByTestId('demo-banner').count()).toBe(0)

    // The store and its owner are real: the owner signs in elsewhere with the password set here.
    const elsewhere = till.backend.connect()
    expect((await elsewhere.invoke('auth:login', { username: OWNER.username, password: OWNER.password })).ok).toBe(true)
    const settings = await elsewhere.invoke('settings:get', {})
    expect(settings.ok && settings.data).toMatchObject({
      storeName: STORE.name,
      address: STORE.address,
      phone: STORE.phone,
      taxNumber: STORE.taxNumber,
      currency: 'NPR',
      currencyDecimals: 2,
      timeZone: 'Asia/Kathmandu',
      demo: false,
    })
    // The code shown is the owner's recovery code.
    expect(
      (
        await till.backend
          .connect()
          .invoke('auth:recover', { username: OWNER.username, recoveryCode: code, newPassword: 'a-new-password-1' })
      ).ok,
    ).toBe(true)
  })

  it('opens the back office from the till, changes a setting and keeps it after a reload', async () => {
    const till = await openTill({ seed: 'none' })
    const { page } = till
    const setup = new SetupPage(page)
    await setup.waitUntilShown()
    await setup.setUp(STORE, OWNER)
    await setup.acknowledgeCode()
    const register = new RegisterPage(page)
    await register.waitForScanFocus()

    const backOffice = new BackOfficePage(page)
    expect(normalise(await backOffice.headerButton.innerText())).toBe('Back office F8')
    expect(normalise(await page.locator('.key-hints').innerText())).toContain('F8 back office')
    await backOffice.open()
    expect(await backOffice.sectionNames()).toEqual([
      'Dashboard',
      'Products',
      'Taxes',
      'Stock',
      'Tokens',
      'Promo codes',
      'Staff',
      'Settings',
      'Sales',
      'Reports',
      'Shifts',
    ])
    await till.screenshot('back-office')

    const section = await backOffice.openSection('Settings')
    const settings = new SettingsPage(page)
    await settings.waitUntilShown()
    expect(await section.getAttribute('data-section')).toBe('settings')
    expect(await settings.storeName.inputValue()).toBe(STORE.name)
    // Nothing sold yet: the currency can still change.
    expect(await settings.currency.isDisabled()).toBe(false)
    await till.screenshot('back-office-settings')

    // A refused value is said under its field and not sent.
    await settings.idleMinutes.fill('0')
    await settings.save.click()
    await settings.fieldError(settings.idleMinutes).waitFor()
    expect(await settings.fieldError(settings.idleMinutes).innerText()).toBe('Enter 1 or more.')
    expect(till.calls.some((call) => call.channel === 'settings:update')).toBe(false)
    await settings.idleMinutes.fill('45')

    await settings.storeName.fill('Sita Store & Café')
    await settings.receiptFooter.fill('Thank you! Come again.')
    await settings.save.click()
    await settings.status.filter({ hasText: 'Settings saved.' }).waitFor()
    // Only what changed was sent.
    const update = till.calls.find((call) => call.channel === 'settings:update')
    expect(update?.input).toEqual({
      patch: { storeName: 'Sita Store & Café', receiptFooter: 'Thank you! Come again.', sessionIdleMinutes: 45 },
    })
    // The header follows the store's new name.
    await page.locator('.back-office-header .till-store').filter({ hasText: 'Sita Store & Café' }).waitFor()

    await page.reload()
    await register.waitForScanFocus()
    expect(normalise(await register.header.locator('.till-store').innerText())).toBe('Sita Store & Café')
    await backOffice.open()
    await backOffice.openSection('Settings')
    await settings.waitUntilShown()
    expect(await settings.storeName.inputValue()).toBe('Sita Store & Café')
    expect(await settings.receiptFooter.inputValue()).toBe('Thank you! Come again.')
    expect(await settings.idleMinutes.inputValue()).toBe('45')

    // Esc goes back to the till, focus in the scan field.
    await backOffice.navItem('Settings').focus()
    await page.keyboard.press('Escape')
    await register.waitForScanFocus()
    expect(await backOffice.nav.count()).toBe(0)
  })

  it('shows the currency fixed, with the reason, once the store has sold', async () => {
    const till = await openTill()
    const { page } = till
    const seller = await till.signedInClient('cashier')
    const [product] = await findProducts(seller, 'milk')
    if (!product) throw new Error('the demo store has no milk')
    const added = await seller.invoke('cart:add', { productId: product.id, quantity: 1 })
    if (!added.ok) throw new Error(added.error.message)
    const paid = await seller.invoke('checkout:pay', {
      idempotencyKey: crypto.randomUUID(),
      expectedTotalCents: added.data.totalCents,
      payment: { method: 'token', token: TOKENS.good },
    })
    expect(paid.ok).toBe(true)

    await new LoginPage(page).signInWithKeyboard('manager', 'manager')
    await new RegisterPage(page).waitForScanFocus()
    const backOffice = new BackOfficePage(page)
    await backOffice.open()
    await backOffice.openSection('Settings')
    const settings = new SettingsPage(page)
    await settings.waitUntilShown()
    expect(await settings.currency.isDisabled()).toBe(true)
    expect(await settings.decimals.isDisabled()).toBe(true)
    expect(normalise(await settings.currencyHint.innerText())).toBe(
      'The currency can no longer change: the store has sold in it, and every amount on record is in it.',
    )
    // In the middle of the section, clear of the sticky save bar.
    await settings.currencyHint.evaluate((element) => (element as unknown as ScrollsIntoView).scrollIntoView({ block: 'center' }))
    await till.screenshot('back-office-settings-locked')
    // The rest still saves.
    await settings.phone.fill('01-4000000')
    await settings.save.click()
    await settings.status.filter({ hasText: 'Settings saved.' }).waitFor()
    expect(till.calls.filter((call) => call.channel === 'settings:update').map((call) => call.input)).toEqual([
      { patch: { phone: '01-4000000' } },
    ])
  })
})
