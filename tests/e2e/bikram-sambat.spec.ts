/**
 * Bikram Sambat beside the usual date: a manager switches it on in Settings, and the next receipt
 * carries the day in BS as its own row — in English, and in Nepali for a cashier who reads Nepali.
 */
import { describe, expect, it } from 'vitest'
import { BackOfficePage } from './pages/back-office.page'
import { payCash } from './pages/cash-sale.helper'
import { LoginPage } from './pages/login.page'
import { normalise } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { demoProduct, useTills } from './till.fixture'

const currentTill = useTills()

describe('Bikram Sambat dates', () => {
  it('are switched on in Settings and printed on the receipt beside the usual date', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const soap = await demoProduct(reader, 'soap')

    await new LoginPage(page).signInWithKeyboard('manager', 'manager')
    await new RegisterPage(page).waitUntilShown()
    const backOffice = new BackOfficePage(page)
    await backOffice.open()
    const section = await backOffice.openSection('Settings')
    const checkbox = section.getByRole('checkbox', { name: 'Show dates in Bikram Sambat too' })
    expect(await checkbox.isChecked()).toBe(false)
    await checkbox.check()
    await checkbox.scrollIntoViewIfNeeded()
    await till.screenshot('settings-bikram-sambat')
    await section.getByRole('button', { name: 'Save settings' }).click()
    await section.locator('.settings-footer').getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor()
    const saved = await reader.invoke('settings:get', {})
    expect(saved.ok && saved.data.bikramSambat).toBe(true)
    await page.keyboard.press('Escape')

    const register = new RegisterPage(page)
    await register.waitForScanFocus()
    await register.scan(soap.sku)
    await register.waitForLine(soap.name, 1)
    const receipt = await payCash(page, soap.priceCents)
    // The till's fixed morning, 15 March 2026 in Kathmandu, is Chaitra 1 of BS 2082.
    const facts = await receipt.facts()
    expect(facts['Date (BS)']).toBe('2082 Chaitra 1')
    expect(normalise(await receipt.receipt.innerText())).toContain('15 Mar 2026')
    await till.screenshot('receipt-bikram-sambat')
    expect(till.problems).toEqual([])
  })
})
