/**
 * A barcode scanner on a till whose keyboard layout is Nepali. The scanner presses the US keys that
 * spell its codes, and the layout turns them into Devanagari (`DEMO-008` arrives as `धऐंओ-००८`). The
 * till reads codes back from the keys pressed: the scan field looks a product, a receipt or a token
 * card up by the keys' US reading when the text as typed is none; the token field and the balance
 * check take only codes, so they type each key as its US character.
 */
import { describe, expect, it } from 'vitest'
import { readState } from '#core/testing/test-store'
import { typedUnderNepali } from '#shared/testing/nepali-keyboard.fixture'
import { focusedId, waitForFocusOn, waitForInputValue } from './pages/focus.helper'
import { NepaliLayoutScanner } from './pages/keyboard-layout.helper'
import { PayPage } from './pages/pay.page'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { demoProduct, npr, signInAsCashier, TOKENS, useTills } from './till.fixture'

const currentTill = useTills()

describe('a scanner under a Nepali keyboard layout', () => {
  it('adds products by their codes, pays with a token card, opens a receipt and checks a balance', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const rice = await demoProduct(reader, 'rice')
    const soap = await demoProduct(reader, 'soap')
    if (!/[A-Za-z]/.test(rice.sku) || !/[A-Za-z]/.test(soap.sku)) throw new Error('the demo rice and soap need SKUs with letters')
    if (!rice.barcode) throw new Error('the demo rice needs a barcode')
    const before = readState(till.dbPath)

    const register = await signInAsCashier(till)
    const scanner = await NepaliLayoutScanner.attach(page)

    // The field shows what the layout typed (it takes names too, and a name may be Nepali).
    await scanner.type(rice.sku)
    const typed = typedUnderNepali(rice.sku)
    expect(typed).not.toBe(rice.sku)
    await waitForInputValue(page, '#scan-field', typed)
    await till.screenshot('nepali-layout-scan-typed')
    await page.keyboard.press('Enter')
    await register.waitForLine(rice.name, 1)
    expect(await register.scanField.inputValue()).toBe('')

    // In lower case the same keys type other letters; SKUs compare in any case.
    await scanner.scan(soap.sku.toLowerCase())
    await register.waitForLine(soap.name, 1)
    await scanner.scan(rice.barcode)
    await register.waitForLine(rice.name, 2)
    const totalCents = rice.priceCents * 2 + soap.priceCents
    await register.waitForTotal(npr(totalCents))
    // The last line's notice, and no refusal of a code on the way.
    expect(await register.notice.allInnerTexts()).toEqual([`Added ${rice.name}.`])
    await till.screenshot('nepali-layout-cart')

    // The token field takes only codes: each key types its US character.
    const pay = new PayPage(page)
    await pay.open()
    await page.keyboard.press('F2')
    await pay.waitForFocus('pay-token')
    await scanner.type(TOKENS.good)
    await waitForInputValue(page, '#pay-token', TOKENS.good)
    await till.screenshot('nepali-layout-pay-token')
    await page.keyboard.press('Enter')
    const receipt = new ReceiptPage(page)
    await receipt.paidTitle.waitFor()
    const afterSale = readState(till.dbPath)
    expect(afterSale.invoices).toBe(before.invoices + 1)
    expect(afterSale.tokens[TOKENS.good]).toBe(before.tokens[TOKENS.good]! - totalCents)
    const invoices = await reader.invoke('invoices:list', {})
    if (!invoices.ok) throw new Error(invoices.error.message)
    const number = invoices.data.items[0]!.number

    // The next sale; the receipt's code scanned into the scan field opens that sale.
    await page.keyboard.press('Enter')
    await register.waitForScanFocus()
    await scanner.scan(`INV-${number}`)
    const finder = page.getByRole('dialog', { name: 'Find invoice' })
    await finder.waitFor()
    const found = new ReceiptPage(page, finder)
    await found.receipt.waitFor()
    expect(await found.text()).toContain(`Invoice ${number}`)
    expect(await finder.locator('#finder-number').inputValue()).toBe(String(number))
    await till.screenshot('nepali-layout-receipt-found')
    await page.keyboard.press('Escape')
    await register.waitForScanFocus()

    // The finder's own field takes only codes too: the receipt's code scanned there reads as it is printed.
    await page.keyboard.press('F4')
    await finder.waitFor()
    await waitForFocusOn(page, 'finder-number')
    expect(await found.receipt.count()).toBe(0)
    await page.keyboard.press('Control+A')
    await scanner.type(`INV-${number}`)
    await waitForInputValue(page, '#finder-number', `INV-${number}`)
    await page.keyboard.press('Enter')
    await found.receipt.waitFor()
    expect(await found.text()).toContain(`Invoice ${number}`)
    await page.keyboard.press('Escape')
    await register.waitForScanFocus()

    // The balance check: the card's code typed key by key, the answer its balance after the sale.
    await page.keyboard.press('F1')
    const balance = page.getByRole('dialog', { name: 'Token balance' })
    await balance.waitFor()
    await waitForFocusOn(page, 'balance-token')
    await scanner.scan(TOKENS.good)
    await balance.getByTestId('balance-answer').waitFor()
    expect(await balance.locator('#balance-token').inputValue()).toBe(TOKENS.good)
    expect(normalise(await balance.locator('.balance-amount').innerText())).toBe(npr(afterSale.tokens[TOKENS.good]!))
    await till.screenshot('nepali-layout-balance')
    expect(await focusedId(page)).toBe('balance-token')

    // Nothing else changed: one sale, no cart left, no error on the way.
    const after = readState(till.dbPath)
    expect(after.invoices).toBe(afterSale.invoices)
    expect(after.cartLines).toEqual([])
    await scanner.detach()
    expect(till.problems).toEqual([])
  })
})
