/**
 * A sale in Nepali, keyboard only: the cashier picks नेपाली on the sign-in screen, and every word,
 * figure and date after that is Nepali — Devanagari digits, lakh grouping and रु. — rendered by
 * Chromium, which has no Nepali locale data of its own. The texts expected come from the Nepali
 * catalog itself, so a key shown in English fails here.
 */
import { describe, expect, it } from 'vitest'
import { formatNepaliMoney, toDevanagariDigits } from '#shared/i18n/nepali-format'
import { readState } from '#core/testing/test-store'
import { appNe } from '../../src/renderer/src/app/app.ne'
import { checkoutNe } from '../../src/renderer/src/features/checkout/checkout.ne'
import { receiptsNe } from '../../src/renderer/src/features/receipts/receipts.ne'
import { scanNe } from '../../src/renderer/src/features/scan/scan.ne'
import { sessionNe } from '../../src/renderer/src/features/session/session.ne'
import { waitForFocusOn } from './pages/focus.helper'
import { devanagariFont } from './pages/fonts.helper'
import { normalise } from './pages/receipt.page'
import { demoProduct, useTills } from './till.fixture'

const currentTill = useTills()
const rupees = (cents: number) => normalise(formatNepaliMoney(cents, { currency: 'NPR', currencyDecimals: 2 }))
/** The Nepali texts this sale meets, straight from the catalogs the screens use. */
const ne = { ...appNe, ...sessionNe, ...scanNe, ...checkoutNe, ...receiptsNe }
const text = (key: keyof typeof ne, params: Record<string, string> = {}) =>
  (ne[key] as string).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)

describe('a sale in Nepali', () => {
  it('speaks Nepali from the sign-in screen to the receipt, and keeps the choice for the cashier', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const rice = await demoProduct(reader, 'rice')
    const soap = await demoProduct(reader, 'soap')
    const before = readState(till.dbPath)

    // The sign-in screen starts in the store's language; the Nepali choice is on it.
    const nepali = page.getByRole('radio', { name: 'नेपाली' })
    await waitForFocusOn(page, 'sign-in-username')
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true)
    // Shift+Tab reaches the picker, an arrow picks the other language, Tab goes back to the name.
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('ArrowRight')
    await page.getByRole('button', { name: text('signIn.submit') }).waitFor()
    expect(await nepali.isChecked()).toBe(true)
    expect(await page.locator('html').getAttribute('lang')).toBe('ne')
    await till.screenshot('nepali-sign-in')

    await page.keyboard.press('Tab')
    await waitForFocusOn(page, 'sign-in-username')
    await page.keyboard.type('cashier')
    await page.keyboard.press('Tab')
    await page.keyboard.type('cashier')
    await page.keyboard.press('Enter')

    const scan = page.getByRole('combobox', { name: text('scan.label') })
    await scan.waitFor()
    await waitForFocusOn(page, 'scan-field')
    for (const product of [rice, soap]) {
      await page.keyboard.type(product.sku)
      await page.keyboard.press('Enter')
    }
    // A scanner types through the keyboard's layout: with a Nepali one on, the barcode's digits come as ०-९.
    if (!rice.barcode || !/^\d+$/.test(rice.barcode)) throw new Error('the demo rice needs a barcode of digits')
    await page.keyboard.type(toDevanagariDigits(rice.barcode))
    await page.keyboard.press('Enter')
    const totalCents = rice.priceCents * 2 + soap.priceCents
    await page.getByText(rupees(totalCents), { exact: true }).first().waitFor()
    // Drawn in the till's own Devanagari face, whatever fonts this machine has.
    const font = await devanagariFont(page)
    expect(font.family).toMatch(/^"?Tillwise Devanagari"?,/)
    expect(font.loadedFaces).toBeGreaterThan(0)
    await till.screenshot('nepali-cart')

    // F9 pays, F3 is cash; a round note, typed in Devanagari digits as the Nepali layout's number row gives them.
    await page.keyboard.press('F9')
    const dialog = page.getByRole('dialog', { name: text('pay.title') })
    await dialog.waitFor()
    await page.keyboard.press('F3')
    await waitForFocusOn(page, 'pay-cash')
    const tenderedCents = Math.ceil((totalCents + 1) / 100_000) * 100_000
    await page.keyboard.type(toDevanagariDigits(String(tenderedCents / 100)))
    const change = text('pay.changeAmount', { amount: rupees(tenderedCents - totalCents) })
    await dialog.getByText(change).waitFor()
    await till.screenshot('nepali-pay-cash')
    await page.keyboard.press('Enter')

    const receipt = page.getByRole('region', { name: text('receipt.label') })
    await receipt.waitFor()
    await page.getByRole('heading', { name: text('result.paidTitle') }).waitFor()
    const printed = normalise(await receipt.innerText())
    expect(printed).toContain(rupees(totalCents))
    expect(printed).toContain(rupees(tenderedCents - totalCents))
    // The date is the till's fixed morning in Kathmandu, in Nepali.
    expect(printed).toMatch(/१५ मार्च २०२६/)
    expect(printed).not.toMatch(/\b(Total|Cash|Change|Receipt)\b/)
    // Quantities are figures like the amounts: Devanagari.
    const riceLine = receipt.locator('tr', { has: page.getByRole('rowheader', { name: rice.name }) })
    expect(normalise(await riceLine.getByRole('cell').first().innerText())).toBe('२')
    await till.screenshot('nepali-receipt')

    const after = readState(till.dbPath)
    expect(after.invoices).toBe(before.invoices + 1)
    expect(after.stock[rice.sku]).toBe(before.stock[rice.sku]! - 2)

    // Signed out and back in without touching the picker: the cashier's own language comes back.
    await page.keyboard.press('Enter')
    await waitForFocusOn(page, 'scan-field')
    await page.getByRole('button', { name: text('header.signOut') }).click()
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await waitForFocusOn(page, 'sign-in-username')
    await page.keyboard.type('cashier')
    await page.keyboard.press('Tab')
    await page.keyboard.type('cashier')
    await page.keyboard.press('Enter')
    await page.getByRole('combobox', { name: text('scan.label') }).waitFor()
    expect(till.problems).toEqual([])
  })
})
