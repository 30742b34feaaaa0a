import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { readState } from '#core/testing/test-store'
import { focusedId } from './pages/focus.helper'
import { PayPage } from './pages/pay.page'
import { payCash } from './pages/cash-sale.helper'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { SalesHistoryPage } from './pages/sales-history.page'
import { openSectionAsManager } from './pages/section.helper'
import { FIXED_NOW, type Till } from './harness'
import { demoProduct, npr, signInAsCashier, TOKENS, useTills } from './till.fixture'

const currentTill = useTills()

/** The page reads "today" from its own clock, which must be the till's (the backend's is fixed for the suite). */
async function tillWithItsDay(): Promise<Till> {
  const till = currentTill()
  await till.page.clock.setFixedTime(new Date(FIXED_NOW))
  return till
}

/** A sale by card rung up through the backend, as another cashier at another till would. */
async function cardSaleBy(client: BackendClient, productId: number, reference: string) {
  const cart = await client.invoke('cart:add', { productId, quantity: 2 })
  if (!cart.ok) throw new Error(cart.error.message)
  const paid = await client.invoke('checkout:pay', {
    idempotencyKey: crypto.randomUUID(),
    expectedTotalCents: cart.data.totalCents,
    payments: [{ method: 'card', amountCents: cart.data.totalCents, reference }],
  })
  if (!paid.ok) throw new Error(paid.error.message)
  return paid.data.invoice
}

describe('the invoice history', () => {
  it('a cashier’s recent sales on the till, keyboard only: two sales, by tender, the sale shown, reprinted', async () => {
    const till = await tillWithItsDay()
    const { page } = till
    const manager = await till.signedInClient('manager')
    const milk = await demoProduct(manager, 'milk')
    const noodles = await demoProduct(manager, 'noodles')
    // The manager's sale is not the cashier's to see.
    const managers = await cardSaleBy(manager, noodles.id, 'AUTH-5150')

    const register = await signInAsCashier(till)
    await register.scan(milk.sku)
    await register.waitForLine(milk.name, 1)
    const cashReceipt = await payCash(page, milk.priceCents)
    await cashReceipt.newSale.click()
    await register.waitForScanFocus()
    await register.scan(noodles.sku)
    await register.waitForLine(noodles.name, 1)
    const pay = new PayPage(page)
    await pay.open()
    await pay.payByToken(TOKENS.good)
    const tokenReceipt = new ReceiptPage(page)
    await tokenReceipt.paidTitle.waitFor()
    await page.keyboard.press('Enter')
    await register.waitForScanFocus()
    const before = readState(till.dbPath)
    // The key is among the till's hints, beside F4's finder.
    await page.getByRole('region', { name: 'Keys' }).getByText('history', { exact: true }).waitFor()
    await till.screenshot('sales-history-till-key')

    const history = await SalesHistoryPage.openOnTill(page)
    await history.waitForCount('2 sales')
    const [tokenSale, cashSale] = await history.numbers()
    expect(tokenSale).toBe(managers.number + 2)
    expect(cashSale).toBe(managers.number + 1)
    expect(await history.numbers()).not.toContain(managers.number)
    // There is no cashier to choose: a cashier sees their own sales only.
    expect(await history.cashier.count()).toBe(0)
    const rows = await history.rowTexts()
    expect(rows.map((cells) => [cells[0], cells[2], cells[3], cells[4], cells[6]])).toEqual([
      [String(tokenSale), 'Kiran Cashier', '1', 'Token', npr(noodles.priceCents)],
      [String(cashSale), 'Kiran Cashier', '1', 'Cash', npr(milk.priceCents)],
    ])
    await till.screenshot('sales-history-till')

    // By tender, from the keyboard: Shift+Tab back past the product and the number to the tender,
    // ↓ ↓ from "Any tender" past Token to Cash, then Tab back into the answer and Enter.
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('Shift+Tab')
    expect(await focusedId(page)).toBe('sales-tender')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await history.waitForCount('1 sale')
    expect(await history.tender.inputValue()).toBe('cash')
    expect(await history.numbers()).toEqual([cashSale])
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('Tab')
    expect(await focusedId(page)).toBe('sales-grid')
    await page.keyboard.press('Enter')
    await history.waitForDetail(cashSale!)
    const tenders = await history.detailTenders()
    expect(tenders).toHaveLength(1)
    expect(tenders[0]).toMatch(new RegExp(`^Cash ${npr(milk.priceCents).replace(/[.]/g, '\\.')}`))
    expect(tenders[0]).toContain('handed over')
    expect(normalise(await history.detail.getByTestId('sale-line').innerText())).toContain(milk.name)
    await till.screenshot('sales-history-till-detail')

    // Alt+P: the receipt as the till showed it after the sale.
    await page.keyboard.press('Alt+P')
    await history.reprintDialog.waitFor()
    const reprint = new ReceiptPage(page, history.reprintDialog)
    await reprint.receipt.waitFor()
    expect(await reprint.text()).toContain(`Invoice ${cashSale}`)
    expect(await reprint.total()).toBe(npr(milk.priceCents))
    expect((await reprint.facts())['Cashier']).toBe('Kiran Cashier')
    await till.screenshot('sales-history-reprint')
    await page.keyboard.press('Escape')
    await history.reprintDialog.waitFor({ state: 'detached' })
    expect(await focusedId(page)).toBe('sales-grid')

    // Esc leaves the history for the register, focus in the scan field; looking changed nothing.
    await page.keyboard.press('Escape')
    await history.scope.waitFor({ state: 'detached' })
    await register.waitForScanFocus()
    expect(readState(till.dbPath)).toEqual(before)
    expect(till.problems).toEqual([])
  })

  it('a manager’s Sales in the back office: every cashier’s sales, by cashier, tender, product and number', async () => {
    const till = await tillWithItsDay()
    const { page } = till
    const cashier = await till.signedInClient('cashier')
    const manager = await till.signedInClient('manager')
    const curd = await demoProduct(manager, 'curd')
    const butter = await demoProduct(manager, 'butter')
    const byCashier = await cardSaleBy(cashier, curd.id, 'AUTH-1001')
    const byManager = await cardSaleBy(manager, butter.id, 'AUTH-2002')

    await openSectionAsManager(page, 'Sales')
    const history = new SalesHistoryPage(page, page.locator('main.back-office-main'))
    await history.waitForCount('2 sales')
    expect(await history.numbers()).toEqual([byManager.number, byCashier.number])
    await till.screenshot('sales-history-back-office')

    await history.cashier.selectOption({ label: 'Kiran Cashier' })
    await history.waitForCount('1 sale')
    expect(await history.numbers()).toEqual([byCashier.number])
    await history.cashier.selectOption({ label: 'Everyone' })
    await history.waitForCount('2 sales')

    await history.tender.selectOption('cash')
    await history.grid.getByText('No sales match these filters.').waitFor()
    await history.tender.selectOption('card')
    await history.waitForCount('2 sales')

    // A product by search: type, Enter takes the first match.
    await history.product.focus()
    await page.keyboard.type('butter')
    await history.scope.getByRole('option', { name: new RegExp(butter.name) }).waitFor()
    await till.screenshot('sales-history-product-search')
    await page.keyboard.press('Enter')
    await history.productChosen.waitFor()
    await history.waitForCount('1 sale')
    expect(await history.numbers()).toEqual([byManager.number])
    await history.productChosen.getByRole('button', { name: 'Any product' }).click()
    await history.waitForCount('2 sales')

    await history.number.fill(String(byCashier.number))
    await history.waitForCount('1 sale')
    await page.keyboard.press('Enter')
    expect(await focusedId(page)).toBe('sales-grid')
    await page.keyboard.press('Enter')
    await history.waitForDetail(byCashier.number)
    expect(await history.detailTenders()).toEqual([`Card ${npr(byCashier.totalCents)} Reference AUTH-1001`])
    await till.screenshot('sales-history-back-office-detail')
    await page.keyboard.press('Alt+P')
    const reprint = new ReceiptPage(page, history.reprintDialog)
    await reprint.receipt.waitFor()
    expect((await reprint.facts())['Reference']).toBe('AUTH-1001')
    await page.keyboard.press('Escape')
    await history.reprintDialog.waitFor({ state: 'detached' })
    expect(till.problems).toEqual([])
  })
})
