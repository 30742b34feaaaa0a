import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { readState } from '#core/testing/test-store'
import type { ChannelInput } from '#shared/ipc/contract'
import type { Till } from './harness'
import { focusedId, focusedText } from './pages/focus.helper'
import { normalise } from './pages/receipt.page'
import { ProductsPage } from './pages/products.page'
import { openSectionAsManager } from './pages/section.helper'
import { npr, useTills } from './till.fixture'

const currentTill = useTills()

async function openProducts(till: Till): Promise<ProductsPage> {
  await openSectionAsManager(till.page, 'Products')
  const products = new ProductsPage(till.page)
  await products.rows.first().waitFor()
  return products
}

async function list(reader: BackendClient, input: ChannelInput<'products:list'>) {
  const reply = await reader.invoke('products:list', input)
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.data
}

/** The offsets of the pages the screen asked products:list for, in order. */
function listedOffsets(till: Till): number[] {
  return till.calls.filter((call) => call.channel === 'products:list').map((call) => (call.input as { offset?: number }).offset ?? 0)
}

describe('the products table', () => {
  it('shows the catalog a page at a time, sorted, searched and filtered in SQL, and opens a row from the keyboard', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient('manager')
    // Enough products that the table has far more rows than fit on the screen.
    for (let n = 1; n <= 400; n += 1) {
      const made = await reader.invoke('products:create', {
        sku: `BULK-${String(n).padStart(4, '0')}`,
        name: `Bulk item ${String(n).padStart(4, '0')}`,
        priceCents: n * 100,
      })
      if (!made.ok) throw new Error(made.error.message)
    }
    const all = await list(reader, { status: 'active', sort: 'name', direction: 'asc', limit: 200 })

    const products = await openProducts(till)
    await products.waitForCount(`${all.total} products`)
    expect((await products.rowTexts())[0]?.[0]).toBe(all.items[0]?.name)
    // Only the first page was asked for, however long the catalog.
    expect(listedOffsets(till)).toEqual([0])
    const shown = await products.rows.count()
    expect(shown).toBeLessThan(40)
    await till.screenshot('products-table')

    // Scrolled to the end: the pages there, not the ones in between.
    await products.grid.locator('.products-scroller').evaluate((element) => {
      const scroller = element as unknown as { scrollTop: number; scrollHeight: number }
      scroller.scrollTop = scroller.scrollHeight
    })
    const last = (await list(reader, { status: 'active', sort: 'name', direction: 'desc', limit: 1 })).items[0]!
    await products.row(last.name).waitFor()
    const offsets = listedOffsets(till)
    expect(offsets.length).toBeLessThanOrEqual(3)
    expect(Math.min(...offsets.slice(1))).toBeGreaterThan(all.total - 60)

    // Sorted by price, most expensive first: asked of core, not re-sorted on the screen.
    await products.sortBy('Price').click()
    await products.grid.locator('[role="columnheader"][aria-sort="ascending"]', { hasText: 'Price' }).waitFor()
    await products.sortBy('Price').click()
    await products.grid.locator('[role="columnheader"][aria-sort="descending"]', { hasText: 'Price' }).waitFor()
    const priciest = (await list(reader, { status: 'active', sort: 'price', direction: 'desc', limit: 3 })).items
    await products.rows.first().filter({ hasText: priciest[0]!.name }).waitFor()
    expect((await products.rowTexts()).slice(0, 3).map((cells) => [cells[0], cells[4]])).toEqual(
      priciest.map((product) => [product.name + (product.tags.length ? product.tags.join(' · ') : ''), npr(product.priceCents)]),
    )

    // Searched: the count follows.
    await products.search.fill('noodles')
    const noodles = await list(reader, { query: 'noodles', status: 'active', sort: 'price', direction: 'desc' })
    await products.waitForCount(`${noodles.total} products`)
    expect(noodles.total).toBeGreaterThan(1)
    await products.search.fill('')

    // A category, and low stock only.
    const categories = await reader.invoke('categories:list', {})
    if (!categories.ok) throw new Error(categories.error.message)
    const category = categories.data.items.find((item) => item.productCount > 1)!
    await products.category.selectOption({ label: category.name })
    const inCategory = await list(reader, { categoryId: category.id, status: 'active' })
    await products.waitForCount(`${inCategory.total} products`)
    await products.category.selectOption({ label: 'All categories' })
    await products.lowStock.check()
    const low = await list(reader, { lowStock: true, status: 'active' })
    await products.waitForCount(low.total === 1 ? '1 product' : `${low.total} products`)
    await products.lowStock.uncheck()
    await products.waitForCount(`${all.total} products`)

    // Keyboard: into the table, down two rows, Enter opens that product.
    await products.grid.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    const selected = normalise(await products.selectedRow().locator('.product-name').innerText())
    await page.keyboard.press('Enter')
    await products.panel.waitFor()
    expect(await products.name.inputValue()).toBe(selected)
    expect(await focusedId(page)).toBe('product-name')
    await till.screenshot('product-form-edit')
    // Esc closes it and gives the table its focus back.
    await page.keyboard.press('Escape')
    await products.panel.waitFor({ state: 'detached' })
    expect(await focusedId(page)).toBe('products-grid')
    expect(till.problems).toEqual([])
  })

  it('creates a product with a new category and tags, refuses a SKU that is taken, and archives it', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient('manager')
    const [taken] = (await list(reader, { query: 'rice', status: 'active' })).items
    if (!taken) throw new Error('the demo store needs rice')

    const products = await openProducts(till)
    await products.grid.focus()
    await page.keyboard.press('Alt+N')
    await products.panel.waitFor()
    expect(await focusedId(page)).toBe('product-sku')

    // Empty: refused field by field, nothing sent.
    await products.create.click()
    await products.fieldError(products.sku).waitFor()
    expect(await products.fieldError(products.name).innerText()).toBe('Fill this in.')
    expect(normalise(await products.fieldError(products.price).innerText())).toMatch(
      /^Enter the price as a number with at most 2 digits after the point/,
    )
    expect(till.calls.some((call) => call.channel === 'products:create')).toBe(false)

    // A SKU another product has: core's refusal names it, at the field, and nothing changes.
    const before = readState(till.dbPath)
    await products.sku.fill(taken.sku)
    await products.name.fill('Pokhara Chips 100g')
    await products.price.fill('125.5')
    await products.create.click()
    await products.fieldError(products.sku).filter({ hasText: taken.name }).waitFor()
    expect(normalise(await products.fieldError(products.sku).innerText())).toBe(
      `SKU '${taken.sku}' already belongs to ${taken.name} (${taken.sku}).`,
    )
    expect(readState(till.dbPath)).toEqual(before)

    await products.sku.fill('CHIPS-100')
    await products.barcode.fill('9800000000017')
    await products.newCategory.click()
    await products.newCategoryName.fill('Local snacks')
    await page.keyboard.press('Enter')
    await expect.poll(() => products.categoryField.locator('option:checked').textContent()).toBe('Local snacks')
    await products.tags.fill('spicy, local')
    await products.tags.press('Enter')
    await products.lowStockAt.fill('5')
    await products.openingStock.fill('12')
    await till.screenshot('product-form-new')
    await products.create.click()
    await products.panelFeedback.filter({ hasText: 'Created “Pokhara Chips 100g”.' }).waitFor()
    // The new product's images come next.
    expect(await focusedText(page)).toBe('Add images…')

    const [made] = (await list(reader, { query: 'CHIPS-100', status: 'all' })).items
    expect(made).toMatchObject({
      sku: 'CHIPS-100',
      name: 'Pokhara Chips 100g',
      barcode: '9800000000017',
      priceCents: 12_550,
      stock: 12,
      lowStockAt: 5,
      category: { name: 'Local snacks' },
      archived: false,
    })
    expect([...made!.tags].sort()).toEqual(['local', 'spicy'])
    await products.search.fill('Pokhara')
    await products.waitForCount('1 product')
    await products
      .row('Pokhara Chips 100g')
      .filter({ hasText: npr(12_550) })
      .waitFor()

    // Archived: gone from the active list, marked in "All", and the till can no longer sell it.
    await products.archive.click()
    await products.panelFeedback.filter({ hasText: 'is archived' }).waitFor()
    await products.unarchive.waitFor()
    await products.status.selectOption('all')
    await products.grid.locator('.products-row-archived[data-product-id]', { hasText: 'Pokhara Chips 100g' }).waitFor()
    await till.screenshot('products-archived')
    await products.status.selectOption('active')
    await products.count.filter({ hasText: 'No products match these filters.' }).waitFor()
    const sell = await reader.invoke('catalog:lookup', { code: 'CHIPS-100' })
    expect(sell.ok).toBe(false)
    expect(till.problems).toEqual([])
  })
})
