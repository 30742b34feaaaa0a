import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import type { TenderInput } from '#shared/contract/checkout'
import { LoginPage } from './pages/login.page'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { findProducts, npr, productByCode, signInAsCashier, TOKENS, useTills } from './till.fixture'

const currentTill = useTills()

/** Rings up a sale through the backend, as another till would. */
async function saleElsewhere(client: BackendClient, items: [number, number][], payments: TenderInput[]) {
  for (const [productId, quantity] of items) {
    const added = await client.invoke('cart:add', { productId, quantity })
    if (!added.ok) throw new Error(added.error.message)
  }
  const cart = await client.invoke('cart:get', {})
  if (!cart.ok) throw new Error(cart.error.message)
  const paid = await client.invoke('checkout:pay', {
    idempotencyKey: crypto.randomUUID(),
    expectedTotalCents: cart.data.totalCents,
    payments,
  })
  if (!paid.ok) throw new Error(paid.error.message)
  return paid.data.invoice
}

async function tokenBalance(client: BackendClient, code: string): Promise<number> {
  const reply = await client.invoke('tokens:balance', { code })
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.data.balanceCents
}

describe('returns at the till', () => {
  it('finds the invoice, takes one line back to its token with a manager’s approval, shows the return receipt, and the invoice shows it', async () => {
    const till = currentTill()
    const { page } = till
    const manager = await till.signedInClient('manager')
    const [first, second] = await findProducts(manager, 'dal')
    const invoice = await saleElsewhere(
      manager,
      [
        [first!.id, 2],
        [second!.id, 1],
      ],
      [{ method: 'token', token: TOKENS.good }],
    )
    const balanceAfterSale = await tokenBalance(manager, TOKENS.good)

    await signInAsCashier(till)
    await page.keyboard.press('F4')
    const finder = page.getByRole('dialog', { name: 'Find invoice' })
    await finder.waitFor()
    await page.keyboard.type(String(invoice.number))
    await page.keyboard.press('Enter')
    await new ReceiptPage(page, finder).receipt.waitFor()
    await page.keyboard.press('Alt+R')

    const dialog = page.getByRole('dialog', { name: `Return items from invoice ${invoice.number}` })
    await dialog.waitFor()
    const rows = dialog.getByTestId('return-line')
    expect(await rows.count()).toBe(2)
    // One of the two of the first line, not back on the shelf.
    await dialog.getByLabel(`Units of ${invoice.lines[0]!.name} to return`).fill('1')
    await dialog.getByLabel(`Put ${invoice.lines[0]!.name} back on the shelf`).uncheck()
    await dialog.getByLabel('Reason').fill('Torn packet')
    const refund = Math.round(invoice.lines[0]!.totalCents / 2)
    const tender = dialog.getByTestId('return-refund-tender')
    await tender.waitFor()
    expect(normalise(await tender.innerText())).toBe(`To token ending 1111 ${npr(refund)}`)
    await till.screenshot('return-dialog')

    // A cashier lacks sale.return: Enter asks for a manager, who approves at this till.
    await page.keyboard.press('Enter')
    const approval = page.getByRole('dialog', { name: 'Manager approval' })
    await approval.waitFor()
    await till.screenshot('return-approval')
    await page.keyboard.type('manager')
    await page.keyboard.press('Tab')
    await page.keyboard.type('manager')
    await page.keyboard.press('Enter')

    const made = page.getByRole('dialog', { name: 'Return 1' })
    await made.waitFor()
    const receipt = normalise(await made.innerText())
    expect(receipt).toContain(`Original invoice ${invoice.number}`)
    expect(receipt).toContain('Torn packet')
    expect(receipt).toContain('Maya Manager')
    expect(receipt).toContain(npr(refund))
    await till.screenshot('return-receipt')
    expect(await tokenBalance(manager, TOKENS.good)).toBe(balanceAfterSale + refund)

    await page.keyboard.press('Escape')
    await made.waitFor({ state: 'detached' })
    await new RegisterPage(page).waitForScanFocus()

    // The original, reprinted: the finder shows it again, and the invoice records what went back.
    await page.keyboard.press('F4')
    await finder.waitFor()
    await page.keyboard.type(String(invoice.number))
    await page.keyboard.press('Enter')
    const reprint = new ReceiptPage(page, finder)
    await reprint.receipt.waitFor()
    expect(await reprint.text()).toContain(`Invoice ${invoice.number}`)
    // Under the receipt, what came back of it.
    await expect.poll(() => finder.getByTestId('sale-return').allInnerTexts()).toEqual([expect.stringContaining('Return 1')])
    await till.screenshot('return-reprint')
    const after = await manager.invoke('invoices:get', { id: invoice.id })
    if (!after.ok) throw new Error(after.error.message)
    expect(after.data.lines.map((line) => line.returnedQuantity)).toEqual([1, 0])
    expect(after.data.returns.map((row) => [row.number, row.kind, row.refundCents, row.reason])).toEqual([
      [1, 'return', refund, 'Torn packet'],
    ])
    expect(till.problems).toEqual([])
  })

  it('lets a manager void today’s sale: everything back on the shelf and every tender refunded', async () => {
    const till = currentTill()
    const { page } = till
    const manager = await till.signedInClient('manager')
    const [dal] = await findProducts(manager, 'dal')
    const stockBefore = dal!.stock
    const invoice = await saleElsewhere(manager, [[dal!.id, 3]], [{ method: 'cash', tenderedCents: 1_000_000 }])

    await new LoginPage(page).signInWithKeyboard('manager', 'manager')
    const register = new RegisterPage(page)
    await register.waitUntilShown()
    await register.waitForScanFocus()
    await page.keyboard.press('F4')
    const finder = page.getByRole('dialog', { name: 'Find invoice' })
    await finder.waitFor()
    await page.keyboard.type(String(invoice.number))
    await page.keyboard.press('Enter')
    await new ReceiptPage(page, finder).receipt.waitFor()
    await page.keyboard.press('Alt+V')

    const dialog = page.getByRole('dialog', { name: `Void invoice ${invoice.number}` })
    await dialog.waitFor()
    expect(await dialog.getByLabel(`Units of ${dal!.name} to return`).inputValue()).toBe('3')
    await dialog.getByLabel('Reason').fill('Rang up twice')
    await dialog.getByTestId('return-refund-tender').waitFor()
    await till.screenshot('void-dialog')
    await page.keyboard.press('Enter')
    const made = page.getByRole('dialog', { name: 'Void 1' })
    await made.waitFor()
    await till.screenshot('void-receipt')

    const after = await manager.invoke('invoices:get', { id: invoice.id })
    if (!after.ok) throw new Error(after.error.message)
    expect(after.data.returns.map((row) => [row.kind, row.refundCents])).toEqual([['void', invoice.tenders[0]!.amountCents]])
    expect((await productByCode(manager, dal!.sku)).stock).toBe(stockBefore)
    expect(till.problems).toEqual([])
  })
})
