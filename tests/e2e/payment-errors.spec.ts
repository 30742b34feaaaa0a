import { describe, expect, it } from 'vitest'
import { readState } from '#core/testing/test-store'
import { focusedId, focusedText } from './pages/focus.helper'
import { PayPage } from './pages/pay.page'
import { normalise, ReceiptPage } from './pages/receipt.page'
import type { RegisterPage } from './pages/register.page'
import { findProducts, LAST_ONE_SKU, npr, productByCode, signInAsCashier, TOKENS, useTills } from './till.fixture'

const currentTill = useTills()

/** What the register shows for the cart: [name, quantity] per line, and the total. */
async function cartOnScreen(register: RegisterPage): Promise<{ lines: [string, string][]; total: string }> {
  const names = await register.lineNames()
  const quantities = await register.lines
    .locator('.quantity-input')
    .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value))
  return {
    lines: names.map((name, i) => [normalise(name), quantities[i] ?? '']),
    total: normalise(await register.total.innerText()),
  }
}

const tokenFailures = [
  {
    code: 'INVALID_TOKEN',
    token: '44444444-4444-4444-8444-444444444444',
    message: "Invalid token '44444444-4444-4444-8444-444444444444'",
    leaveWith: 'Enter',
  },
  { code: 'TOKEN_EXPIRED', token: TOKENS.expired, message: 'Token has expired', leaveWith: 'Escape' },
  { code: 'INSUFFICIENT_BALANCE', token: TOKENS.low, message: 'Insufficient balance', leaveWith: 'Enter' },
] as const

describe('a refused token payment', () => {
  it.each(tokenFailures)('$code: shows "$message" and keeps the cart', async ({ code, token, message, leaveWith }) => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const [milk, biscuit] = [...(await findProducts(reader, 'milk')), ...(await findProducts(reader, 'biscuits'))]
    if (!milk?.barcode || !biscuit?.barcode) throw new Error('the demo store needs milk and biscuits')

    const register = await signInAsCashier(till)
    await register.scan(milk.barcode)
    await register.waitForLine(milk.name, 1)
    await register.scan(biscuit.barcode)
    await register.waitForLine(biscuit.name, 1)
    await register.scan(milk.barcode)
    await register.waitForLine(milk.name, 2)
    const cartBefore = await cartOnScreen(register)
    const stateBefore = readState(till.dbPath)

    const pay = new PayPage(page)
    await pay.open()
    await pay.payByToken(token)

    const result = new ReceiptPage(page)
    await result.failedTitle.waitFor()
    expect(normalise(await result.message.innerText())).toBe(message)
    expect(await focusedText(page)).toMatch(/^Back to cart/)
    expect(await result.receipt.count()).toBe(0)
    await till.screenshot(`error-${code.toLowerCase().replace(/_/g, '-')}`)

    // Nothing changed anywhere: balances, stock, invoices, the stored cart.
    expect(readState(till.dbPath)).toEqual(stateBefore)

    await page.keyboard.press(leaveWith)
    await register.waitForScanFocus()
    expect(await cartOnScreen(register)).toEqual(cartBefore)
    expect(cartBefore.lines).toEqual([
      [milk.name, '2'],
      [biscuit.name, '1'],
    ])

    // The same cart can then be paid with a good token.
    await pay.open()
    expect(await pay.tokenField.inputValue()).toBe('')
    await pay.payByToken(TOKENS.good)
    await result.paidTitle.waitFor()
    expect(till.problems).toEqual([])
  })
})

describe('a sale of more than the shelf holds', () => {
  it('warns in the cart, is refused at payment with the product named, and keeps everything', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const lastOne = await productByCode(reader, LAST_ONE_SKU)
    expect(lastOne.stock).toBe(1)

    const register = await signInAsCashier(till)
    await register.scan(LAST_ONE_SKU)
    await register.waitForLine(lastOne.name, 1)
    const line = register.line(lastOne.name)
    expect(await line.getByText('in stock').count()).toBe(0)

    // Type the quantity into the line's field; Enter sets it and hands focus back to the scan field.
    await register.quantityOf(lastOne.name).focus()
    await page.keyboard.type('2')
    await page.keyboard.press('Enter')
    await register.waitForLine(lastOne.name, 2)
    await register.waitForScanFocus()
    await line.getByText('Only 1 in stock').waitFor()
    await register.waitForTotal(npr(lastOne.priceCents * 2))
    await till.screenshot('register-over-stock')
    const stateBefore = readState(till.dbPath)

    const pay = new PayPage(page)
    await pay.open()
    await pay.payByToken(TOKENS.good)
    const result = new ReceiptPage(page)
    await result.failedTitle.waitFor()
    expect(normalise(await result.message.innerText())).toBe(`Insufficient quantity 2 for ${lastOne.name}`)
    await till.screenshot('error-insufficient-stock')
    expect(readState(till.dbPath)).toEqual(stateBefore)

    await result.backToCart.click()
    await register.waitForScanFocus()
    await register.waitForLine(lastOne.name, 2)
    expect(await focusedId(page)).toBe('scan-field')
    expect(till.problems).toEqual([])
  })
})

describe('a payment whose reply is lost', () => {
  it('offers Try again, which repeats the same attempt: one invoice, one debit', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const [juice] = await findProducts(reader, 'juice')
    if (!juice?.barcode) throw new Error('the demo store needs juice')
    const before = readState(till.dbPath)

    const register = await signInAsCashier(till)
    await register.scan(juice.barcode)
    await register.waitForLine(juice.name, 1)
    till.loseNextReply('checkout:pay')
    const pay = new PayPage(page)
    await pay.open()
    await pay.payByToken(TOKENS.good)

    const result = new ReceiptPage(page)
    await result.unconfirmedTitle.waitFor()
    await till.screenshot('error-reply-lost')
    expect(normalise(await result.message.innerText())).toMatch(/may or may not have gone through/)
    expect(await focusedText(page)).toMatch(/^Try again/)
    // The backend did take the payment; the screen could not know.
    expect(readState(till.dbPath).invoices).toBe(before.invoices + 1)

    await page.keyboard.press('Enter')
    await result.paidTitle.waitFor()
    expect(normalise(await result.message.innerText())).toBe(
      `Payment successfully completed with ${npr(juice.priceCents)} from your balance!`,
    )
    const after = readState(till.dbPath)
    expect(after.invoices).toBe(before.invoices + 1)
    expect(after.tokens[TOKENS.good]).toBe(before.tokens[TOKENS.good]! - juice.priceCents)
    expect(till.problems).toEqual([])
  })
})

describe('a cart changed behind the screen', () => {
  it('is refused as CART_CHANGED, refreshed, and the new total is shown', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const [curd, paneer] = [...(await findProducts(reader, 'curd')), ...(await findProducts(reader, 'paneer'))]
    if (!curd?.barcode || !paneer) throw new Error('the demo store needs curd and paneer')

    const register = await signInAsCashier(till)
    await register.scan(curd.barcode)
    await register.waitForLine(curd.name, 1)
    // The same cashier's cart, changed from another window.
    const otherWindow = await till.signedInClient('cashier')
    const added = await otherWindow.invoke('cart:add', { productId: paneer.id, quantity: 1 })
    expect(added.ok).toBe(true)
    const before = readState(till.dbPath)

    const pay = new PayPage(page)
    await pay.open()
    expect(normalise(await pay.amountDue.innerText())).toBe(npr(curd.priceCents))
    await pay.payByToken(TOKENS.good)
    const result = new ReceiptPage(page)
    await result.failedTitle.waitFor()
    const newTotal = npr(curd.priceCents + paneer.priceCents)
    await result.message.filter({ hasText: newTotal }).waitFor()
    expect(normalise(await result.message.innerText())).toBe(
      `The cart changed while paying. The total is now ${newTotal}. Check the cart, then take payment again.`,
    )
    await till.screenshot('error-cart-changed')
    expect(readState(till.dbPath)).toEqual(before)

    await page.keyboard.press('Enter')
    await register.waitForLine(paneer.name, 1)
    await register.waitForTotal(newTotal)
    expect(till.problems).toEqual([])
  })
})
