import { describe, expect, it } from 'vitest'
import { readState } from '#core/testing/test-store'
import { focusedId, focusedText } from './pages/focus.helper'
import { PayPage } from './pages/pay.page'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { demoProduct, npr, signInAndScan, TOKENS, useTills } from './till.fixture'

const currentTill = useTills()

/** NPR 104.60: with NPR 5.00 from the low token, 99.60 is left, which cash pays as 100.00. */
const PRICE = 10_460

describe('split tenders, keyboard only', () => {
  it('part by token, the rest in cash with rounding: the change is shown, and each tender and the rounding are on the receipt', async () => {
    const till = currentTill()
    const { page } = till
    const manager = await till.signedInClient('manager')
    // The store rounds cash to NPR 1.00 half-up (set here, whatever the demo holds).
    const settings = await manager.invoke('settings:update', { patch: { cashRoundingIncrementCents: 100, cashRoundingMode: 'halfUp' } })
    expect(settings.ok).toBe(true)
    const rice = await demoProduct(manager, 'rice')
    // A price with paisa, so the cash part rounds.
    expect((await manager.invoke('products:update', { id: rice.id, priceCents: PRICE })).ok).toBe(true)
    const before = readState(till.dbPath)
    expect(before.tokens[TOKENS.low]).toBe(500)

    const register = await signInAndScan(till, rice)
    await register.waitForTotal(npr(PRICE))

    const pay = new PayPage(page)
    await pay.open()
    await pay.waitForFocus('pay-token')
    await page.keyboard.type(TOKENS.low)
    await pay.addTender()
    // The token pays what it holds; the dialog moves on to cash for the rest.
    await pay.waitForFocus('pay-cash')
    expect(await pay.cashMethod.isChecked()).toBe(true)
    expect(await pay.tenderRows()).toEqual([['Token ending 2222', `balance ${npr(500)}`, npr(500)]])
    expect(normalise(await pay.due.innerText())).toBe(npr(PRICE - 500))
    expect(normalise(await pay.dueInCash.innerText())).toBe(npr(10_000))

    // Short first, by the rounded amount; then two notes of 100.
    await page.keyboard.type('90')
    await pay.change.filter({ hasText: 'Short by' }).waitFor()
    expect(normalise(await pay.change.innerText())).toBe(`Short by ${npr(1_000)}`)
    await page.keyboard.press('Control+A')
    await page.keyboard.type('200')
    await pay.change.filter({ hasText: 'Change' }).waitFor()
    expect(normalise(await pay.change.innerText())).toBe(`Change: ${npr(10_000)}`)
    expect(normalise(await pay.rounding.innerText())).toBe(npr(40))
    // The change is said once, under the cash field.
    expect(await pay.changeTotal.count()).toBe(0)
    expect(normalise(await pay.due.innerText())).toBe(npr(0))
    expect(await pay.tenderRows()).toEqual([
      ['Token ending 2222', `balance ${npr(500)}`, npr(500)],
      ['Cash', `${npr(20_000)} handed over`, npr(10_000)],
    ])
    await till.screenshot('pay-split-token-cash')
    await page.keyboard.press('Enter')

    const receipt = new ReceiptPage(page)
    await receipt.receipt.waitFor()
    expect(normalise(await receipt.message.innerText())).toBe(`Payment of ${npr(10_500)} received in 2 tenders.`)
    await till.screenshot('receipt-split-token-cash')
    const facts = await receipt.facts()
    expect(facts).toMatchObject({
      'Token ending 2222': npr(500),
      'Remaining token balance': npr(0),
      Cash: npr(10_000),
      'Cash tendered': npr(20_000),
      Change: npr(10_000),
      'Cash rounding': npr(40),
    })
    expect(await receipt.total()).toBe(npr(PRICE))
    expect(await receipt.text()).not.toContain(TOKENS.low)

    const after = readState(till.dbPath)
    expect(after.tokens[TOKENS.low]).toBe(0)
    expect(after.invoices).toBe(before.invoices + 1)
    expect(after.ledgerEntries).toBe(before.ledgerEntries + 1)
    expect(after.stock[rice.sku]).toBe(before.stock[rice.sku]! - 1)
    // The receipt looked up later says the same.
    const invoices = await manager.invoke('invoices:list', {})
    if (!invoices.ok) throw new Error(invoices.error.message)
    const stored = await manager.invoke('invoices:get', { id: invoices.data.items[0]!.id })
    if (!stored.ok) throw new Error(stored.error.message)
    expect(stored.data).toMatchObject({ paymentMethod: 'split', roundingCents: 40, changeCents: 10_000 })
    expect(stored.data.tenders.map((tender) => [tender.method, tender.amountCents])).toEqual([
      ['token', 500],
      ['cash', 10_000],
    ])

    expect(await focusedText(page)).toMatch(/^New sale/)
    await page.keyboard.press('Enter')
    await register.waitForScanFocus()
    expect(till.problems).toEqual([])
  })

  it('a card with its reference: Alt+C starts at the amount due, Tab to the reference, Enter pays', async () => {
    const till = currentTill()
    const { page } = till
    const tea = await demoProduct(await till.signedInClient(), 'tea')
    const before = readState(till.dbPath)

    await signInAndScan(till, tea)
    const pay = new PayPage(page)
    await pay.open()
    await page.keyboard.press('Alt+C')
    await pay.waitForFocus('pay-amount')
    expect(await pay.cardMethod.isChecked()).toBe(true)
    expect(normalise(await pay.amountField.inputValue())).toBe((tea.priceCents / 100).toFixed(2))

    // Enter before the reference is typed is refused at the field, nothing sent.
    await page.keyboard.press('Enter')
    await pay.formError.filter({ hasText: 'reference' }).waitFor()
    expect(readState(till.dbPath).invoices).toBe(before.invoices)

    await page.keyboard.press('Tab')
    await pay.waitForFocus('pay-reference')
    await page.keyboard.type('AUTH-778812')
    await till.screenshot('pay-card')
    await page.keyboard.press('Enter')

    const receipt = new ReceiptPage(page)
    await receipt.receipt.waitFor()
    expect(normalise(await receipt.message.innerText())).toBe(`Payment of ${npr(tea.priceCents)} received by card.`)
    const facts = await receipt.facts()
    expect(facts).toMatchObject({ Payment: 'Card', Reference: 'AUTH-778812' })
    expect(facts['Change']).toBeUndefined()
    await till.screenshot('receipt-card')
    const after = readState(till.dbPath)
    expect(after.invoices).toBe(before.invoices + 1)
    expect(after.tokens).toEqual(before.tokens)
    expect(await focusedId(page)).not.toBe('pay-reference')
    expect(till.problems).toEqual([])
  })

  it('a wallet the store takes for part, cash for the rest', async () => {
    const till = currentTill()
    const { page } = till
    const tea = await demoProduct(await till.signedInClient(), 'tea')
    const walletCents = Math.floor(tea.priceCents / 2 / 100) * 100
    const cashCents = tea.priceCents - walletCents

    await signInAndScan(till, tea)
    const pay = new PayPage(page)
    await pay.open()
    await page.keyboard.press('Alt+M')
    await pay.waitForFocus('pay-amount')
    expect(await pay.walletMethod.isChecked()).toBe(true)
    expect(await pay.dialog.getByRole('combobox', { name: 'Wallet' }).inputValue()).toBe('eSewa')
    // The amount starts at the whole sale, selected, so typing replaces it.
    await page.keyboard.type(String(walletCents / 100))
    await page.keyboard.press('Tab')
    await page.keyboard.type('ESW-0042')
    await till.screenshot('pay-wallet')
    await pay.addTender()
    await pay.waitForFocus('pay-cash')
    expect(normalise(await pay.due.innerText())).toBe(npr(cashCents))
    await page.keyboard.type(String((cashCents + 5_000) / 100))
    await pay.change.filter({ hasText: 'Change' }).waitFor()
    expect(normalise(await pay.change.innerText())).toBe(`Change: ${npr(5_000)}`)
    await page.keyboard.press('Enter')

    const receipt = new ReceiptPage(page)
    await receipt.receipt.waitFor()
    expect(await receipt.facts()).toMatchObject({
      eSewa: npr(walletCents),
      Reference: 'ESW-0042',
      Cash: npr(cashCents),
      'Cash tendered': npr(cashCents + 5_000),
      Change: npr(5_000),
    })
    expect(till.problems).toEqual([])
  })
})
