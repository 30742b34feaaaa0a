import { describe, expect, it } from 'vitest'
import { readState } from '#core/testing/test-store'
import { focusedId, focusedText } from './pages/focus.helper'
import { LoginPage } from './pages/login.page'
import { PayPage } from './pages/pay.page'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { findProducts, npr, TOKENS, useTills } from './till.fixture'

const GOOD_TOKEN = TOKENS.good
const currentTill = useTills()

describe('a token sale, keyboard only', () => {
  it('signs in, scans, searches, pays by token and shows the receipt', async () => {
    const till = currentTill()
    const { page } = till
    const login = new LoginPage(page)
    const register = new RegisterPage(page)
    const pay = new PayPage(page)
    const receipt = new ReceiptPage(page)
    const reader = await till.signedInClient('manager')

    // Products to sell, discovered through the backend rather than hard-coded.
    const noodles = await findProducts(reader, 'noodles')
    const [scanned, ...others] = noodles
    if (!scanned?.barcode || others.length === 0) throw new Error('the demo store needs two noodle products')
    const before = readState(till.dbPath)

    await login.waitUntilShown()
    expect(normalise(await login.demoHint.innerText())).toContain('cashier')
    await till.screenshot('sign-in')

    await login.signInWithKeyboard('cashier', 'wrong password')
    await login.error.waitFor()
    expect(await login.error.innerText()).not.toBe('')
    await till.screenshot('sign-in-refused')
    // The screen kept the username and asks for the password again.
    expect(await focusedId(page)).toBe('sign-in-password')
    await page.keyboard.type('cashier')
    await page.keyboard.press('Enter')

    await register.waitUntilShown()
    await register.waitForScanFocus()
    expect(normalise(await register.header.innerText())).toContain('Tillwise Demo Store')
    await till.screenshot('register-empty')

    // A scanner: 13 digits and Enter, at full speed.
    await register.scan(scanned.barcode)
    await register.waitForLine(scanned.name, 1)
    await register.waitForScanFocus()

    // A person: type part of a name, arrow down to the second match, Enter.
    await page.keyboard.type('noodl')
    await register.results.waitFor()
    await register.option(others[0]!.name).waitFor()
    await till.screenshot('register-search')
    const optionNames = await register.results
      .getByRole('option')
      .evaluateAll((options) => options.map((o) => o.querySelector('.scan-result-name')?.textContent ?? ''))
    const firstSelected = await register.selectedOption().locator('.scan-result-name').innerText()
    expect(firstSelected).toBe(optionNames[0])
    await page.keyboard.press('ArrowDown')
    const chosen = optionNames[1]!
    await register.selectedOption().filter({ hasText: chosen }).waitFor()
    await page.keyboard.press('Enter')
    await register.line(chosen).waitFor()
    await register.waitForScanFocus()
    expect(await register.scanField.inputValue()).toBe('')

    // Scanning the first product again adds to its line.
    await register.scan(scanned.barcode)
    await register.waitForLine(scanned.name, 2)
    const chosenProduct = noodles.find((p) => p.name === chosen)!
    const totalCents = scanned.priceCents * 2 + chosenProduct.priceCents
    await register.waitForTotal(npr(totalCents))
    expect(normalise(await register.itemCount.innerText())).toBe('3 items')
    await till.screenshot('register-cart')

    await pay.open()
    expect(normalise(await pay.amountDue.innerText())).toBe(npr(totalCents))
    await till.screenshot('pay-token')
    await pay.payByToken(GOOD_TOKEN)

    await receipt.paidTitle.waitFor()
    const message = normalise(await receipt.message.innerText())
    expect(message).toBe(`Payment successfully completed with ${npr(totalCents)} from your balance!`)
    await receipt.receipt.waitFor()
    await till.screenshot('receipt-token')

    const after = readState(till.dbPath)
    expect(after.tokens[GOOD_TOKEN]).toBe(before.tokens[GOOD_TOKEN]! - totalCents)
    expect(after.invoices).toBe(before.invoices + 1)
    expect(after.cartLines).toEqual([])

    const receiptText = await receipt.text()
    expect(receiptText).toContain('Tillwise Demo Store')
    const invoices = await reader.invoke('invoices:list', {})
    if (!invoices.ok) throw new Error(invoices.error.message)
    const number = invoices.data.items[0]!.number
    expect(receiptText).toContain(`Invoice ${number}`)
    const facts = await receipt.facts()
    expect(facts['Cashier']).toBe('Kiran Cashier')
    expect(facts['Date']).toMatch(/15 Mar 2026/)
    expect(facts['Date']).toMatch(/10:00/)
    expect(facts['Payment']).toBe('Token ending 1111')
    expect(facts['Remaining token balance']).toBe(npr(after.tokens[GOOD_TOKEN]!))
    expect(await receipt.total()).toBe(npr(totalCents))
    expect(await receipt.lines()).toEqual([
      [scanned.name, '2', npr(scanned.priceCents), npr(scanned.priceCents * 2)],
      [chosen, '1', npr(chosenProduct.priceCents), npr(chosenProduct.priceCents)],
    ])
    expect(receiptText).not.toContain(GOOD_TOKEN)

    // Enter starts the next sale with an empty cart and the scan field ready.
    expect(await focusedText(page)).toMatch(/^New sale/)
    await page.keyboard.press('Enter')
    await register.waitForScanFocus()
    await register.page.getByText('The cart is empty').waitFor()
    expect(normalise(await register.total.innerText())).toBe(npr(0))
    expect(till.problems).toEqual([])
  })
})
