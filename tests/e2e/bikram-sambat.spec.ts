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
import { projectedBsYear, toBikramSambat, BS_MONTHS_EN } from '#shared/i18n/bikram-sambat'

const currentTill = useTills()

/** The manager signed in, in the back office's Settings; with the demo's soap to sell afterwards. */
async function managerInSettings() {
  const till = currentTill()
  const { page } = till
  const reader = await till.signedInClient()
  const soap = await demoProduct(reader, 'soap')
  await new LoginPage(page).signInWithKeyboard('manager', 'manager')
  await new RegisterPage(page).waitUntilShown()
  const backOffice = new BackOfficePage(page)
  await backOffice.open()
  const section = await backOffice.openSection('Settings')
  return { till, page, reader, soap, section }
}

describe('Bikram Sambat dates', () => {
  it('are switched on in Settings and printed on the receipt beside the usual date', async () => {
    const { till, page, reader, soap, section } = await managerInSettings()
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

  it('go on past the app’s table once a manager adds the next year from the patro', async () => {
    const { till, page, reader, soap, section } = await managerInSettings()
    await section.getByRole('checkbox', { name: 'Show dates in Bikram Sambat too' }).check()
    const calendar = section.getByTestId('settings-bs-calendar')
    expect(normalise(await calendar.locator('.bs-known').innerText())).toBe(
      'The till knows the published calendar through BS 2083, which ends on 13 Apr 2027.',
    )
    const next = calendar.getByRole('group', { name: 'BS 2084 from your patro: the days in each month' })
    const month = (index: number) => next.getByRole('textbox', { name: BS_MONTHS_EN[index] })
    // Started from the till's estimate.
    const projected = projectedBsYear(2084)!.months
    expect(await month(0).inputValue()).toBe(String(projected[0]))

    // A month of 28 days is no month of the calendar: refused, nothing added.
    await month(1).fill('28')
    await next.getByRole('button', { name: 'Add BS 2084' }).click()
    await next.getByText('Each month has 29 to 32 days.').waitFor()
    expect(await calendar.locator('.wallet-chip').count()).toBe(0)

    // The patro moves a day from Asar to Jestha.
    const months = projected.map((days, i) => (i === 1 ? days + 1 : i === 2 ? days - 1 : days))
    await month(1).fill(String(months[1]))
    await month(2).fill(String(months[2]))
    await next.getByRole('button', { name: 'Add BS 2084' }).click()
    await calendar.getByText(`BS 2084, ${months.reduce((a, b) => a + b, 0)} days`).waitFor()
    await calendar.getByRole('group', { name: 'BS 2085 from your patro: the days in each month' }).waitFor()
    await calendar.scrollIntoViewIfNeeded()
    await till.screenshot('settings-bs-calendar')
    await section.getByRole('button', { name: 'Save settings' }).click()
    await section.locator('.settings-footer').getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor()
    const saved = await reader.invoke('settings:get', {})
    expect(saved.ok && saved.data.bikramSambatYears).toEqual([{ year: 2084, months }])
    await page.keyboard.press('Escape')

    // A sale in Asar of BS 2084, after the table's own years: its receipt carries the BS date.
    till.advanceClock(Date.parse('2027-07-01T10:00:00+05:45') - Date.parse('2026-03-15T10:00:00+05:45'))
    const bs = toBikramSambat('2027-07-01', [{ year: 2084, months }])!
    expect(bs.year).toBe(2084)
    expect(toBikramSambat('2027-07-01')).not.toEqual(bs)
    await page.reload()
    await new LoginPage(page).signInWithKeyboard('manager', 'manager')
    const register = new RegisterPage(page)
    await register.waitForScanFocus()
    await register.scan(soap.sku)
    await register.waitForLine(soap.name, 1)
    const receipt = await payCash(page, soap.priceCents)
    const facts = await receipt.facts()
    expect(facts['Date (BS)']).toBe(`2084 ${BS_MONTHS_EN[bs.month - 1]} ${bs.day}`)
    await till.screenshot('receipt-bikram-sambat-2084')
    expect(till.problems).toEqual([])
  })
})
