import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { focusedId } from './pages/focus.helper'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { findProducts, npr, signInAsCashier, TOKENS, useTills } from './till.fixture'

const currentTill = useTills()

/** Rings up a sale through the backend, as another till would. */
async function saleElsewhere(client: BackendClient, productIds: number[]) {
  for (const productId of productIds) {
    const added = await client.invoke('cart:add', { productId, quantity: 1 })
    if (!added.ok) throw new Error(added.error.message)
  }
  const cart = await client.invoke('cart:get', {})
  if (!cart.ok) throw new Error(cart.error.message)
  const paid = await client.invoke('checkout:pay', {
    idempotencyKey: crypto.randomUUID(),
    expectedTotalCents: cart.data.totalCents,
    payment: { method: 'token', token: TOKENS.good },
  })
  if (!paid.ok) throw new Error(paid.error.message)
  return paid.data.invoice
}

describe('finding a past invoice', () => {
  it('opens with F4, shows the receipt for a number, says so for an unknown one, and Esc returns to the scan field', async () => {
    const till = currentTill()
    const { page } = till
    const manager = await till.signedInClient('manager')
    const products = await findProducts(manager, 'dal')
    const invoice = await saleElsewhere(
      manager,
      products.slice(0, 2).map((p) => p.id),
    )

    await signInAsCashier(till)
    await page.keyboard.press('F4')
    const finder = page.getByRole('dialog', { name: 'Find invoice' })
    await finder.waitFor()
    expect(await focusedId(page)).toBe('finder-number')

    await page.keyboard.type('999')
    await page.keyboard.press('Enter')
    await finder.getByRole('alert').waitFor()
    expect(normalise(await finder.getByRole('alert').innerText())).toBe('No invoice has the number 999.')
    await till.screenshot('finder-not-found')

    await page.keyboard.press('Control+A')
    await page.keyboard.type(String(invoice.number))
    await page.keyboard.press('Enter')
    const receipt = new ReceiptPage(page, finder)
    await receipt.receipt.waitFor()
    await till.screenshot('finder-found')
    expect(await finder.getByRole('alert').count()).toBe(0)
    const text = await receipt.text()
    expect(text).toContain(`Invoice ${invoice.number}`)
    expect(text).toContain('Tillwise Demo Store')
    const facts = await receipt.facts()
    expect(facts['Cashier']).toBe(invoice.cashier)
    expect(facts['Payment']).toBe('Token ending 1111')
    expect(await receipt.total()).toBe(npr(invoice.totalCents))
    expect(await receipt.lines()).toEqual(
      invoice.lines.map((line) => [line.name, String(line.quantity), npr(line.unitPriceCents), npr(line.subAmountCents)]),
    )

    await page.keyboard.press('Escape')
    await finder.waitFor({ state: 'detached' })
    expect(await focusedId(page)).toBe('scan-field')
    expect(till.problems).toEqual([])
  })
})
