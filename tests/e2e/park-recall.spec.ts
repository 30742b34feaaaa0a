import { describe, expect, it } from 'vitest'
import { withRawDb } from '#core/testing/test-store'
import type { Page } from 'playwright-core'
import { payCash } from './pages/cash-sale.helper'
import { focusedId, focusedText } from './pages/focus.helper'
import { ParkedPage } from './pages/parked.page'
import { normalise } from './pages/receipt.page'
import type { RegisterPage } from './pages/register.page'
import { demoProduct, npr, signInAsCashier, useTills } from './till.fixture'

const currentTill = useTills()

/** Pays in cash; answers the receipt's lines as [name, quantity], then starts the next sale. */
async function payCashThenNext(page: Page, register: RegisterPage, totalCents: number): Promise<string[][]> {
  const receipt = await payCash(page, totalCents)
  const lines = (await receipt.lines()).map(([name, quantity]) => [name!, quantity!])
  await receipt.newSale.waitFor()
  await page.keyboard.press('Enter')
  await register.waitForScanFocus()
  return lines
}

describe('park and recall', () => {
  it('parks a basket with a label, serves another customer, and recalls it at today’s prices, all from the keyboard', async () => {
    const till = currentTill()
    const { page } = till
    const manager = await till.signedInClient('manager')
    const rice = await demoProduct(manager, 'rice')
    const soap = await demoProduct(manager, 'soap')
    const tea = await demoProduct(manager, 'tea')
    const parked = new ParkedPage(page)

    const register = await signInAsCashier(till)
    await register.scan(rice.sku)
    await register.waitForLine(rice.name, 1)
    await register.scan(soap.sku)
    await register.scan(soap.sku)
    await register.waitForLine(soap.name, 2)
    const basketCents = rice.priceCents + 2 * soap.priceCents
    await register.waitForTotal(npr(basketCents))

    // F5 asks for a label; Enter parks and the cart is free for the next customer.
    await parked.openPark()
    expect(normalise(await parked.parkSummary.innerText())).toBe(`3 items · ${npr(basketCents)}`)
    await page.keyboard.type('Blue jacket')
    await till.screenshot('park-prompt')
    await page.keyboard.press('Enter')
    await register.notice.filter({ hasText: 'Parked “Blue jacket”. F7 brings it back.' }).waitFor()
    await register.waitForTotal(npr(0))
    await register.waitForScanFocus()
    expect(withRawDb(till.dbPath, (db) => db.prepare('select label, line_count from parked_cart').all())).toEqual([
      { label: 'Blue jacket', line_count: 2 },
    ])

    // The next customer buys tea and pays.
    await register.scan(tea.sku)
    await register.waitForLine(tea.name, 1)
    expect(await payCashThenNext(page, register, tea.priceCents)).toEqual([[tea.name, '1']])

    // Meanwhile the soap went up.
    const soapNowCents = soap.priceCents + 500
    const updated = await manager.invoke('products:update', { id: soap.id, priceCents: soapNowCents })
    expect(updated.ok).toBe(true)

    // F7 lists the parked baskets; Enter brings the chosen one back, at today's prices.
    await parked.openList()
    await parked.option('Blue jacket').waitFor()
    expect(normalise(await parked.selectedOption().innerText())).toContain('Blue jacket')
    expect(normalise(await parked.selectedOption().innerText())).toContain('3 items · parked by Kiran Cashier')
    await till.screenshot('parked-list')
    await page.keyboard.press('Enter')
    await register.waitForLine(rice.name, 1)
    await register.waitForLine(soap.name, 2)
    const recalledCents = rice.priceCents + 2 * soapNowCents
    await register.waitForTotal(npr(recalledCents))
    await register.notice.filter({ hasText: 'Recalled “Blue jacket”.' }).waitFor()
    await parked.note.waitFor()
    expect(normalise(await parked.note.innerText())).toContain(`${soap.name}: ${npr(soap.priceCents)} → ${npr(soapNowCents)}`)
    expect(await focusedId(page)).toBe('scan-field')
    await till.screenshot('recall-note')

    // The basket is the customer's again: pay for it.
    expect(await payCashThenNext(page, register, recalledCents)).toEqual([
      [rice.name, '1'],
      [soap.name, '2'],
    ])
    expect(await parked.note.count()).toBe(0)
    expect(withRawDb(till.dbPath, (db) => db.prepare('select count(*) as n from parked_cart').get())).toEqual({ n: 0 })
    expect(till.problems).toEqual([])
  })

  it('discards a parked basket only after Delete is confirmed, and says when none are left', async () => {
    const till = currentTill()
    const { page } = till
    const tea = await demoProduct(await till.signedInClient(), 'tea')
    const parked = new ParkedPage(page)

    const register = await signInAsCashier(till)
    // F5 on an empty cart only says there is nothing to park.
    await page.keyboard.press('F5')
    await register.notice.filter({ hasText: 'The cart is empty: there is nothing to park.' }).waitFor()
    expect(await parked.parkDialog.count()).toBe(0)

    await register.scan(tea.sku)
    await register.waitForLine(tea.name, 1)
    await parked.openPark()
    await page.keyboard.press('Enter')
    await register.notice.filter({ hasText: 'Sale parked.' }).waitFor()

    await parked.openList()
    await page.keyboard.press('Delete')
    const confirm = parked.listDialog.getByRole('alertdialog')
    await confirm.waitFor()
    // Esc keeps it; Delete and Enter discard it.
    await page.keyboard.press('Escape')
    await confirm.waitFor({ state: 'detached' })
    await parked.list.waitFor()
    await page.keyboard.press('Delete')
    await confirm.waitFor()
    await page.keyboard.press('Enter')
    await parked.listDialog.getByText('No sales are parked on this till.').waitFor()
    expect(await focusedText(page)).toMatch(/^Close/)
    await page.keyboard.press('Escape')
    await parked.listDialog.waitFor({ state: 'detached' })
    await register.waitForScanFocus()
    await register.notice.filter({ hasText: 'Discarded the parked sale.' }).waitFor()
    expect(withRawDb(till.dbPath, (db) => db.prepare('select count(*) as n from parked_cart').get())).toEqual({ n: 0 })
    expect(till.problems).toEqual([])
  })
})
