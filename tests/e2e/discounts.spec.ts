import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import type { Till } from './harness'
import { DiscountsPage } from './pages/discounts.page'
import { focusedId } from './pages/focus.helper'
import { hintsInView } from './pages/key-hints.helper'
import { payCash } from './pages/cash-sale.helper'
import { normalise } from './pages/receipt.page'
import type { RegisterPage } from './pages/register.page'
import { findProducts, npr, signInAsCashier, useTills } from './till.fixture'

const currentTill = useTills()

/** Half-up of bps × base ÷ 10 000, as the pricing engine turns a percent into an amount. */
const percentOf = (bps: number, baseCents: number) => Math.floor((bps * baseCents + 5_000) / 10_000)

async function cartOf(client: BackendClient) {
  const reply = await client.invoke('cart:get', {})
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.data
}

/** The demo's rice and soap, and a client that reads the store back as a manager. */
async function riceAndSoap(till: Till) {
  const reader = await till.signedInClient('manager')
  const [rice] = await findProducts(reader, 'basmati')
  const [soap] = await findProducts(reader, 'dettol')
  if (!rice || !soap) throw new Error('the demo store needs basmati rice and dettol soap')
  return { reader, rice, soap }
}

/** Scans one of each, as a scanner does, and waits for both lines. */
async function scanBoth(register: RegisterPage, products: readonly { sku: string; name: string }[]): Promise<void> {
  for (const { sku, name } of products) {
    await register.scan(sku)
    await register.waitForLine(name, 1)
  }
}

describe('discounts at the till', () => {
  it('gives the selected line a discount within the limit, from the keyboard, and shows it on the line', async () => {
    const till = currentTill()
    const { page } = till
    const { rice, soap } = await riceAndSoap(till)
    const discounts = new DiscountsPage(page)

    const register = await signInAsCashier(till)
    // The keys are in the hints, and every hint is in view at 1280×800 without scrolling.
    const hints = normalise(await page.locator('.key-hints').innerText())
    for (const hint of ['Ctrl+D discount', 'Ctrl+Shift+D sale discount', 'Ctrl+K promo code']) expect(hints).toContain(hint)
    expect(await hintsInView(page)).toBe(true)
    await till.screenshot('till-keys-cashier')
    const cashierCart = await till.signedInClient('cashier')
    await scanBoth(register, [rice, soap])

    // Moving into the rice line makes it the one Ctrl+D is for (the soap was scanned last).
    await register.quantityOf(rice.name).focus()
    await discounts.open('line')
    expect(normalise(await discounts.dialog.getByRole('heading').innerText())).toBe(`Discount on ${rice.name}`)
    expect(normalise(await discounts.summary.innerText())).toBe(`1 × ${npr(rice.priceCents)} = ${npr(rice.priceCents)}`)
    await page.keyboard.type('10')
    await page.keyboard.press('Tab')
    expect(await focusedId(page)).toBe('discount-reason')
    await page.keyboard.type('Damaged packaging')
    await till.screenshot('discount-dialog')
    await page.keyboard.press('Enter')
    await discounts.dialog.waitFor({ state: 'detached' })

    const off = percentOf(1000, rice.priceCents)
    const totalCents = rice.priceCents - off + soap.priceCents
    await register.waitForTotal(npr(totalCents))
    const riceRow = register.line(rice.name)
    expect(normalise(await discounts.lineDiscount(riceRow).innerText())).toBe('−10% off · Damaged packaging')
    expect(await discounts.lineAmount(riceRow)).toBe(npr(rice.priceCents - off))
    expect(await discounts.lineDiscount(register.line(soap.name)).count()).toBe(0)
    await register.notice.filter({ hasText: `10% off ${rice.name}.` }).waitFor()
    expect(normalise(await discounts.figureDiscount.innerText())).toBe(`−${npr(off)}`)
    await register.waitForScanFocus()
    const cart = await cartOf(cashierCart)
    expect(cart.totalCents).toBe(totalCents)
    expect(cart.lines.find((line) => line.productId === rice.id)?.discount).toEqual({
      discount: { kind: 'percent', bps: 1000 },
      reason: 'Damaged packaging',
      approvedBy: null,
    })
    await till.screenshot('cart-line-discount')

    // Ctrl+D again opens on the discount given; Esc leaves it as it is.
    await discounts.open('line')
    expect(normalise(await discounts.current.innerText())).toBe('−10% off · Damaged packaging')
    expect(await discounts.value.inputValue()).toBe('10')
    await page.keyboard.press('Escape')
    await discounts.dialog.waitFor({ state: 'detached' })
    await register.waitForScanFocus()
    expect((await cartOf(cashierCart)).totalCents).toBe(totalCents)
    expect(till.problems).toEqual([])
  })

  it('refuses a cashier’s discount over the limit until a manager approves it in the dialog, and the receipt shows it', async () => {
    const till = currentTill()
    const { page } = till
    const { reader, rice, soap } = await riceAndSoap(till)
    const discounts = new DiscountsPage(page)

    const register = await signInAsCashier(till)
    const cashierCart = await till.signedInClient('cashier')
    await scanBoth(register, [rice, soap])
    const basketCents = rice.priceCents + soap.priceCents
    await register.waitForTotal(npr(basketCents))

    // 15% of the whole sale is over the demo's 10%: the dialog asks for a manager in place.
    await discounts.open('sale')
    expect(normalise(await discounts.summary.innerText())).toBe(`The sale now: ${npr(basketCents)} for 2 items`)
    await page.keyboard.type('15')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Regular customer')
    await page.keyboard.press('Enter')
    await discounts.approvalTitle.waitFor()
    expect(normalise(await discounts.approvalRequest.innerText())).toBe('A discount of 15% on the whole sale is over the store’s limit.')
    expect(await focusedId(page)).toBe('discount-approver')
    expect((await cartOf(cashierCart)).orderDiscount).toBeNull()

    // A wrong password is refused and nothing changes; the secret is cleared to type again.
    await page.keyboard.type('manager')
    await page.keyboard.press('Tab')
    await page.keyboard.type('not-the-password')
    await page.keyboard.press('Enter')
    await discounts.error.filter({ hasText: 'That username and password or PIN do not match. Try again.' }).waitFor()
    expect(await focusedId(page)).toBe('discount-secret')
    expect(await discounts.secret.inputValue()).toBe('')
    expect((await cartOf(cashierCart)).totalCents).toBe(basketCents)
    await till.screenshot('discount-approval')

    await page.keyboard.type('manager')
    await page.keyboard.press('Enter')
    await discounts.dialog.waitFor({ state: 'detached' })
    const off = percentOf(1500, basketCents)
    const totalCents = basketCents - off
    await register.waitForTotal(npr(totalCents))
    await register.notice.filter({ hasText: '15% off the whole sale, approved by Maya Manager.' }).waitFor()
    await register.waitForScanFocus()
    const { orderDiscount } = await cartOf(cashierCart)
    expect(orderDiscount).toMatchObject({
      discount: { kind: 'percent', bps: 1500 },
      reason: 'Regular customer',
      approvedBy: 'Maya Manager',
    })
    // The panel says what the sale's discount alone takes off.
    expect(normalise(await discounts.orderDiscount.innerText())).toBe(
      `Sale discount −15% · Regular customer · approved by Maya Manager −${npr(orderDiscount!.discountCents)}`,
    )
    await till.screenshot('cart-order-discount')

    // Paid in cash: the receipt and the invoice carry the discount.
    const receipt = await payCash(page, totalCents)
    expect(await receipt.total()).toBe(npr(totalCents))
    expect((await receipt.facts())['Discount']).toBe(`−${npr(off)}`)
    const invoices = await reader.invoke('invoices:list', {})
    if (!invoices.ok) throw new Error(invoices.error.message)
    const invoice = await reader.invoke('invoices:get', { id: invoices.data.items[0]!.id })
    expect(invoice.ok && [invoice.data.totalCents, invoice.data.discountCents]).toEqual([totalCents, off])
    expect(till.problems).toEqual([])
  })
})
