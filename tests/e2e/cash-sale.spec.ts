import { describe, expect, it } from 'vitest'
import { readState } from '#core/testing/test-store'
import { focusedId, focusedText } from './pages/focus.helper'
import { PayPage } from './pages/pay.page'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { demoProduct, npr, signInAndScan, signInAsCashier, TOKENS, useTills } from './till.fixture'

const currentTill = useTills()

describe('a cash sale', () => {
  it('shows the change as the cash is typed and prints it on the receipt', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const rice = await demoProduct(reader, 'rice')
    const soap = await demoProduct(reader, 'soap')
    const before = readState(till.dbPath)

    const register = await signInAsCashier(till)
    // Typed SKUs work like scanned barcodes.
    await register.scan(rice.sku)
    await register.waitForLine(rice.name, 1)
    await register.scan(soap.sku)
    await register.waitForLine(soap.name, 1)
    const totalCents = rice.priceCents + soap.priceCents
    await register.waitForTotal(npr(totalCents))

    const pay = new PayPage(page)
    await pay.openForCash()
    expect(await pay.cashMethod.isChecked()).toBe(true)

    // Short first: the screen says by how much and Enter does not take the payment.
    const shortCents = totalCents - 100
    await page.keyboard.type(String(shortCents / 100))
    await pay.change.filter({ hasText: 'Short by' }).waitFor()
    expect(normalise(await pay.change.innerText())).toBe(`Short by ${npr(100)}`)
    await till.screenshot('pay-cash-short')
    await page.keyboard.press('Enter')
    await pay.formError.waitFor()
    expect(readState(till.dbPath).invoices).toBe(before.invoices)

    // Round up to the next thousand rupees, as a customer hands over notes.
    const tenderedCents = Math.ceil((totalCents + 1) / 100_000) * 100_000
    await page.keyboard.press('Control+A')
    await page.keyboard.type((tenderedCents / 100).toLocaleString('en-IN'))
    const changeCents = tenderedCents - totalCents
    await pay.change.filter({ hasText: 'Change' }).waitFor()
    expect(normalise(await pay.change.innerText())).toBe(`Change: ${npr(changeCents)}`)
    await till.screenshot('pay-cash-change')
    await page.keyboard.press('Enter')

    const receipt = new ReceiptPage(page)
    await receipt.receipt.waitFor()
    await till.screenshot('receipt-cash')
    const facts = await receipt.facts()
    expect(facts['Payment']).toBe('Cash')
    expect(facts['Cash tendered']).toBe(npr(tenderedCents))
    expect(facts['Change']).toBe(npr(changeCents))
    expect(await receipt.total()).toBe(npr(totalCents))
    expect((await receipt.lines()).map(([name, qty]) => [name, qty])).toEqual([
      [rice.name, '1'],
      [soap.name, '1'],
    ])
    expect(normalise(await receipt.message.innerText())).not.toBe('')

    const after = readState(till.dbPath)
    expect(after.invoices).toBe(before.invoices + 1)
    expect(after.tokens).toEqual(before.tokens)
    expect(after.stock[rice.sku]).toBe(before.stock[rice.sku]! - 1)
    expect(after.stock[soap.sku]).toBe(before.stock[soap.sku]! - 1)
    expect(after.cartLines).toEqual([])

    await receipt.newSale.waitFor()
    expect(await focusedText(page)).toMatch(/^New sale/)
    await page.keyboard.press('Enter')
    await register.waitForScanFocus()
    await register.waitForTotal(npr(0))
    expect(till.problems).toEqual([])
  })

  it('fills the exact amount and switches back to token with F2', async () => {
    const till = currentTill()
    const { page } = till
    const tea = await demoProduct(await till.signedInClient(), 'tea')

    await signInAndScan(till, tea)
    const pay = new PayPage(page)
    await pay.openForCash()
    await pay.dialog.getByRole('button', { name: 'Exact amount' }).click()
    await pay.change.filter({ hasText: 'Change' }).waitFor()
    expect(normalise(await pay.change.innerText())).toBe(`Change: ${npr(0)}`)
    expect(await focusedId(page)).toBe('pay-cash')

    await page.keyboard.press('F2')
    await pay.waitForFocus('pay-token')
    expect(await pay.tokenMethod.isChecked()).toBe(true)
    await pay.payByToken(TOKENS.good)
    await new ReceiptPage(page).paidTitle.waitFor()
    expect(till.problems).toEqual([])
  })
})
