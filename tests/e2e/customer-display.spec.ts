import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { formatNepaliMoney, formatNepaliNumber } from '#shared/i18n/nepali-format'
import { ok } from '#core/testing/test-store'
import { displayNe } from '../../src/renderer/src/display/display.ne'
import type { Till } from './harness'
import { BackOfficePage } from './pages/back-office.page'
import { focusedId, waitForFocusOn } from './pages/focus.helper'
import { devanagariFont } from './pages/fonts.helper'
import { LoginPage } from './pages/login.page'
import { RegisterPage } from './pages/register.page'
import { SettingsPage } from './pages/settings.page'
import { PayPage } from './pages/pay.page'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { demoProduct, npr, signInAsCashier, useHarness } from './till.fixture'

const openTill = useHarness()

/** Console errors and uncaught exceptions on the display's page (a CSP violation lands here). */
function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  return problems
}

async function switchDisplayOn(till: Till): Promise<string> {
  const manager = await till.signedInClient()
  const settings = ok(await manager.invoke('settings:update', { patch: { customerDisplay: { enabled: true, screenId: null } } }))
  return settings.storeName
}

describe('the customer display', () => {
  it('follows a sale: each line as it is scanned, the total, the cash and the change, then thanks', async () => {
    const till = await openTill({ customerDisplay: true })
    const display = till.display!
    const problems = watchProblems(display.page)
    const storeName = await switchDisplayOn(till)
    const reader = await till.signedInClient()
    const rice = await demoProduct(reader, 'rice')
    const soap = await demoProduct(reader, 'soap')
    const screen = display.page

    const register = await signInAsCashier(till)
    // Signed in: the display opens on the customer's screen and welcomes them.
    await screen.getByRole('heading', { name: `Welcome to ${storeName}` }).waitFor()
    expect(display.opened).toBe(1)
    await display.screenshot('customer-display-idle')

    await register.scan(rice.sku)
    await register.waitForLine(rice.name, 1)
    const lines = screen.getByTestId('display-line')
    await lines.filter({ hasText: rice.name }).waitFor()
    await register.scan(soap.sku)
    await register.waitForLine(soap.name, 1)
    await lines.filter({ hasText: soap.name }).waitFor()
    const totalCents = rice.priceCents + soap.priceCents
    const total = screen.getByTestId('display-total')
    await total.filter({ hasText: npr(totalCents) }).waitFor()
    expect((await lines.allInnerTexts()).map((text) => normalise(text).replace(/\s+/g, ' '))).toEqual([
      `1 × ${rice.name} ${npr(rice.priceCents)}`,
      `1 × ${soap.name} ${npr(soap.priceCents)}`,
    ])
    // The newest line stands out; nothing of stock or cost is shown.
    expect(await lines.last().getAttribute('class')).toContain('cd-line-newest')
    expect(normalise(await screen.locator('body').innerText())).not.toMatch(/stock|SKU|cost/i)
    await display.screenshot('customer-display-sale')
    // The till kept the keyboard all along.
    await register.waitForScanFocus()

    const pay = new PayPage(till.page)
    await pay.openForCash()
    const tenderedCents = Math.ceil((totalCents + 1) / 100_000) * 100_000
    await till.page.keyboard.type(String(tenderedCents / 100))
    const changeCents = tenderedCents - totalCents
    await pay.change.filter({ hasText: 'Change' }).waitFor()
    const change = screen.getByTestId('display-change')
    await change.filter({ hasText: npr(changeCents) }).waitFor()
    expect(normalise(await screen.getByTestId('display-tender').innerText()).replace(/\s+/g, ' ')).toBe(`Cash ${npr(tenderedCents)}`)
    expect(normalise(await change.innerText()).replace(/\s+/g, ' ')).toBe(`Your change ${npr(changeCents)}`)
    expect(await focusedId(till.page)).toBe('pay-cash')
    await display.screenshot('customer-display-paying')

    await till.page.keyboard.press('Enter')
    const receipt = new ReceiptPage(till.page)
    await receipt.paidTitle.waitFor()
    const thanks = screen.getByTestId('display-thanks')
    await thanks.waitFor()
    expect(normalise(await screen.getByRole('heading').innerText())).toBe(`Thank you for shopping at ${storeName}!`)
    expect(normalise(await thanks.getByTestId('display-change').innerText()).replace(/\s+/g, ' ')).toBe(`Your change ${npr(changeCents)}`)
    await display.screenshot('customer-display-thanks')

    // The next sale starts the display afresh, in the same window.
    await receipt.newSale.click()
    await register.waitForScanFocus()
    await screen.getByRole('heading', { name: `Welcome to ${storeName}` }).waitFor()
    expect(display.opened).toBe(1)
    expect(display.shown.map((state) => state.phase)).toEqual(expect.arrayContaining(['idle', 'sale', 'paying', 'thanks']))

    // Signed out mid-sale: the next customer does not see the last one's items.
    await register.scan(rice.sku)
    await lines.filter({ hasText: rice.name }).waitFor()
    await register.signOutButton.click()
    await new LoginPage(till.page).waitUntilShown()
    await screen.getByRole('heading', { name: `Welcome to ${storeName}` }).waitFor()
    expect(await lines.count()).toBe(0)
    expect(till.problems).toEqual([])
    expect(problems).toEqual([])
  })

  it('is switched on in Settings, on the screen chosen from those the computer has', async () => {
    const till = await openTill({ customerDisplay: true })
    const display = till.display!
    const { page } = till
    await new LoginPage(page).signInWithKeyboard('manager', 'manager')
    await new RegisterPage(page).waitForScanFocus()
    const backOffice = new BackOfficePage(page)
    await backOffice.open()
    await backOffice.openSection('Settings')
    await new SettingsPage(page).waitUntilShown()

    const group = page.getByRole('group', { name: 'Customer display' })
    const enabled = group.getByRole('checkbox', { name: 'Show a customer display' })
    const screen = group.getByRole('combobox', { name: 'Screen' })
    await screen.getByRole('option', { name: 'Customer (1024 × 600)' }).waitFor({ state: 'attached' })
    expect(await enabled.isChecked()).toBe(false)
    expect(await screen.isDisabled()).toBe(true)
    expect(await screen.getByRole('option').allInnerTexts()).toEqual([
      'The first screen that is not the till’s',
      'Till (1280 × 800, the till’s screen)',
      'Customer (1024 × 600)',
    ])
    await enabled.check()
    await screen.selectOption({ label: 'Customer (1024 × 600)' })
    await group.scrollIntoViewIfNeeded()
    await till.screenshot('settings-customer-display')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.locator('.settings-footer').getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor()
    expect(till.calls.filter((call) => call.channel === 'settings:update').map((call) => call.input)).toEqual([
      { patch: { customerDisplay: { enabled: true, screenId: 2 } } },
    ])
    // Saved: the display opens on that screen with what the till shows now (the back office: an empty sale).
    await display.page.getByRole('heading', { name: /^Welcome to / }).waitFor()
    expect(display.opened).toBe(1)
    expect(till.problems).toEqual([])
  })

  it('opens no window while the setting is off, and the sale goes on as ever', async () => {
    const till = await openTill({ customerDisplay: true })
    const display = till.display!
    const tea = await demoProduct(await till.signedInClient(), 'tea')
    const register = await signInAsCashier(till)
    await register.scan(tea.sku)
    await register.waitForLine(tea.name, 1)
    // Every state the till published has been answered: none of them reached a window.
    const published = till.calls.filter((call) => call.channel === 'display:publish').length
    expect(published).toBeGreaterThanOrEqual(2)
    await till.waitForDelivered('display:publish', published)
    expect(display.opened).toBe(0)
    expect(display.shown).toEqual([])
    await display.page.getByTestId('display-idle').waitFor()
    expect(await display.page.getByRole('heading').count()).toBe(0)
    expect(till.problems).toEqual([])
  })

  it('speaks the store’s Nepali: its words, Devanagari digits and रु., from the welcome to the thanks', async () => {
    const till = await openTill({ customerDisplay: true })
    const display = till.display!
    const problems = watchProblems(display.page)
    const manager = await till.signedInClient()
    const settings = ok(
      await manager.invoke('settings:update', { patch: { locale: 'ne-NP', customerDisplay: { enabled: true, screenId: null } } }),
    )
    const rice = await demoProduct(manager, 'rice')
    const screen = display.page
    const rupees = (cents: number) => normalise(formatNepaliMoney(cents, { currency: 'NPR', currencyDecimals: 2 }))
    const say = (key: keyof typeof displayNe, params: Record<string, string> = {}) =>
      (displayNe[key] as string).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
    const flat = async (text: Promise<string>) => normalise(await text).replace(/\s+/g, ' ')

    // The sign-in screen is in the store's Nepali; the keyboard signs in as it always does.
    await till.page.reload()
    await waitForFocusOn(till.page, 'sign-in-username')
    await till.page.keyboard.type('cashier')
    await till.page.keyboard.press('Tab')
    await till.page.keyboard.type('cashier')
    await till.page.keyboard.press('Enter')
    await waitForFocusOn(till.page, 'scan-field')
    await screen.getByRole('heading', { name: say('display.welcome', { store: settings.storeName }) }).waitFor()
    expect(await screen.locator('html').getAttribute('lang')).toBe('ne')

    for (let scanned = 0; scanned < 2; scanned += 1) {
      await till.page.keyboard.type(rice.sku)
      await till.page.keyboard.press('Enter')
    }
    const total = screen.getByTestId('display-total')
    await total.filter({ hasText: rupees(rice.priceCents * 2) }).waitFor()
    const line = screen.getByTestId('display-line')
    expect(await flat(line.innerText())).toBe(
      `${say('display.quantity', { quantity: formatNepaliNumber(2) })} ${rice.name} ${rupees(rice.priceCents * 2)}`,
    )
    expect(await flat(total.innerText())).toBe(`${say('display.total')} ${rupees(rice.priceCents * 2)}`)
    const font = await devanagariFont(screen)
    expect(font.family).toMatch(/^"?Tillwise Devanagari"?,/)
    expect(font.loadedFaces).toBeGreaterThan(0)
    await display.screenshot('customer-display-nepali-sale')

    await till.page.keyboard.press('F9')
    await till.page.keyboard.press('F3')
    await waitForFocusOn(till.page, 'pay-cash')
    const totalCents = rice.priceCents * 2
    const tenderedCents = Math.ceil((totalCents + 1) / 100_000) * 100_000
    await till.page.keyboard.type(String(tenderedCents / 100))
    const change = screen.getByTestId('display-change')
    await change.filter({ hasText: rupees(tenderedCents - totalCents) }).waitFor()
    expect(await flat(change.innerText())).toBe(`${say('display.change')} ${rupees(tenderedCents - totalCents)}`)
    await till.page.keyboard.press('Enter')
    await screen.getByTestId('display-thanks').waitFor()
    expect(normalise(await screen.getByRole('heading').innerText())).toBe(say('display.thanks', { store: settings.storeName }))
    // Nothing on the customer's side is left in English.
    expect(normalise(await screen.locator('body').innerText())).not.toMatch(/\b(Welcome|Total|Cash|change|Thank)\b/i)
    await display.screenshot('customer-display-nepali-thanks')
    expect(till.problems).toEqual([])
    expect(problems).toEqual([])
  })
})
