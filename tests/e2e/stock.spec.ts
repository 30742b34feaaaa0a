import { describe, expect, it } from 'vitest'
import { readState } from '#core/testing/test-store'
import type { Till } from './harness'
import { focusedId } from './pages/focus.helper'
import { normalise } from './pages/receipt.page'
import { openSectionAsManager } from './pages/section.helper'
import { StockPage } from './pages/stock.page'
import { findProducts, useTills } from './till.fixture'

const currentTill = useTills()

async function openStock(till: Till): Promise<StockPage> {
  await openSectionAsManager(till.page, 'Stock')
  const stock = new StockPage(till.page)
  await stock.finder.waitFor()
  return stock
}

describe('stock in the back office', () => {
  it('records a delivery and a count, lists the movements, refuses too little stock, and keeps the low-stock list', async () => {
    const till = currentTill()
    const reader = await till.signedInClient('manager')
    const [paneer] = await findProducts(reader, 'paneer')
    if (!paneer) throw new Error('the demo store needs paneer')
    // Low at 30 or fewer: the demo's 25 paneer are low from the start.
    const threshold = await reader.invoke('products:update', { id: paneer.id, lowStockAt: 30 })
    expect(threshold.ok).toBe(true)

    const stock = await openStock(till)
    await stock.lowRows.first().waitFor()
    const lowBefore = await stock.texts(stock.lowRows)
    expect(lowBefore).toContainEqual([`${paneer.name} ${paneer.sku}`, String(paneer.stock), '30', 'Adjust'])

    // Picked from the low-stock list, then again from the finder with the keyboard: type, Enter takes the first match.
    await stock.adjustButton(paneer.name).click()
    await stock.chosen.filter({ hasText: paneer.name }).waitFor()
    await stock.changeProduct.click()
    await stock.finder.waitFor()
    expect(await focusedId(till.page)).toBe('stock-finder')
    await till.page.keyboard.type('paneer')
    await stock.matches.getByRole('option').first().waitFor()
    await till.page.keyboard.press('Enter')
    await stock.chosen.waitFor()
    expect(normalise(await stock.current.innerText())).toBe(`In stock: ${paneer.stock}`)
    await stock.historyRows.first().waitFor()
    expect((await stock.texts(stock.historyRows)).map((cells) => cells.slice(1))).toEqual([
      ['Opening stock', `+${paneer.stock}`, String(paneer.stock), '', ''],
    ])

    // Received 10, with a note.
    await stock.reason.selectOption('received')
    await stock.quantity.fill('10')
    await stock.note.fill('Delivery from Sujal')
    await stock.record.click()
    await stock.feedback.filter({ hasText: 'Recorded' }).waitFor()
    expect(normalise(await stock.feedback.innerText())).toBe(`Recorded: ${paneer.name} now has ${paneer.stock + 10} in stock.`)
    await stock.historyRows.first().waitFor()
    await stock.historyRows.nth(1).waitFor()
    const [received] = await stock.texts(stock.historyRows)
    expect(received?.slice(1)).toEqual(['Received', '+10', String(paneer.stock + 10), 'Maya Manager', 'Delivery from Sujal'])
    expect(readState(till.dbPath).stock[paneer.sku]).toBe(paneer.stock + 10)

    // Damaged more than there is: refused at the quantity, and nothing changes.
    const before = readState(till.dbPath)
    await stock.reason.selectOption('damaged')
    await stock.quantity.fill(String(paneer.stock + 11))
    await stock.record.click()
    await stock.quantityError.waitFor()
    expect(normalise(await stock.quantityError.innerText())).toMatch(new RegExp(`${paneer.name}`))
    expect(readState(till.dbPath)).toEqual(before)
    await till.screenshot('stock-adjust-refused')

    // A shelf count of 4: the movement is the difference, and paneer stays low.
    await stock.reason.selectOption('count')
    await stock.quantity.fill('4')
    await stock.record.click()
    await stock.feedback.filter({ hasText: 'now has 4 in stock' }).waitFor()
    await stock.historyRows.nth(2).waitFor()
    const movements = await stock.texts(stock.historyRows)
    expect(movements.map((cells) => cells.slice(1, 4))).toEqual([
      ['Stock count', `-${paneer.stock + 6}`, '4'],
      ['Received', '+10', String(paneer.stock + 10)],
      ['Opening stock', `+${paneer.stock}`, String(paneer.stock)],
    ])
    expect(readState(till.dbPath).stock[paneer.sku]).toBe(4)
    await expect.poll(async () => (await stock.texts(stock.lowRows)).find((cells) => cells[0]?.endsWith(paneer.sku))?.[1]).toBe('4')
    await till.screenshot('stock-section')

    // Counted back up past the threshold: it leaves the low-stock list.
    await stock.reason.selectOption('correction')
    await stock.mode.selectOption('counted')
    await stock.quantity.fill('40')
    await stock.record.click()
    await stock.feedback.filter({ hasText: 'now has 40 in stock' }).waitFor()
    await expect.poll(async () => (await stock.texts(stock.lowRows)).some((cells) => cells[0]?.endsWith(paneer.sku))).toBe(false)

    expect(till.problems).toEqual([])
  })
})
