import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { readState } from '#core/testing/test-store'
import { PRODUCT_IMAGE_FILE } from '#shared/contract/catalog'
import { startHarness, type Harness, type Till } from './harness'
import { BackOfficePage } from './pages/back-office.page'
import { focusedText } from './pages/focus.helper'
import { PayPage } from './pages/pay.page'
import { diagonalPng } from './pages/png.helper'
import { ProductsPage } from './pages/products.page'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { SetupPage } from './pages/setup.page'
import { npr } from './till.fixture'

let harness: Harness | undefined
let till: Till | undefined
let pictures: string | undefined

beforeAll(async () => {
  harness = await startHarness()
  pictures = await mkdtemp(join(tmpdir(), 'tillwise-pictures-'))
})
afterEach(async () => {
  await till?.close()
  till = undefined
})
afterAll(async () => {
  await harness?.close()
  if (pictures) await rm(pictures, { recursive: true, force: true })
})

const OWNER = { displayName: 'Sita Sharma', username: 'sita', password: 'pokhara-lakeside' }
const STORE = { name: 'Sita General Store' }

/** What the browser made of an <img>: where it points and whether the picture arrived. */
async function imageState(image: Locator): Promise<{ src: string; loaded: boolean; width: number; height: number }> {
  return image.evaluate((element) => {
    const img = element as unknown as {
      getAttribute(name: string): string | null
      complete: boolean
      naturalWidth: number
      offsetWidth: number
      offsetHeight: number
    }
    // The box as laid out, border included: what the row reserves for it.
    return {
      src: img.getAttribute('src') ?? '',
      loaded: img.complete && img.naturalWidth > 0,
      width: img.offsetWidth,
      height: img.offsetHeight,
    }
  })
}

describe('day one with a product of my own', () => {
  it('sets up a store, creates a product with a picture, and sells it at the till with its thumbnail', async () => {
    till = await harness!.openTill({ seed: 'none' })
    const { page } = till
    const setup = new SetupPage(page)
    await setup.waitUntilShown()
    await setup.setUp(STORE, OWNER)
    await setup.acknowledgeCode()
    const register = new RegisterPage(page)
    await register.waitForScanFocus()

    // An empty catalog says how to start.
    const backOffice = new BackOfficePage(page)
    await backOffice.open()
    await backOffice.openSection('Products')
    const products = new ProductsPage(page)
    await products.count.filter({ hasText: 'No products yet.' }).waitFor()
    await till.screenshot('products-empty')

    await products.newButton.click()
    await products.sku.fill('MOMO-10')
    await products.name.fill('Frozen Momo 10 pcs')
    await products.price.fill('250')
    await products.openingStock.fill('10')
    await products.create.click()
    await products.panelFeedback.filter({ hasText: 'Created “Frozen Momo 10 pcs”.' }).waitFor()

    // The picture comes from main's file dialog: here, a real PNG picked from a folder.
    const picture = join(pictures!, 'momo.png')
    await writeFile(picture, diagonalPng(96, [200, 60, 40], [250, 220, 120]))
    till.dialogs.imageFiles = [picture]
    await products.addImages.click()
    await products.panelFeedback.filter({ hasText: '1 image added.' }).waitFor()
    await products.images.first().waitFor()
    await expect.poll(async () => (await imageState(products.images.first())).loaded).toBe(true)
    await till.screenshot('product-form-image')

    await products.close.click()
    const thumb = products.row('Frozen Momo 10 pcs').locator('img.product-thumb')
    await thumb.waitFor()
    await expect.poll(async () => (await imageState(thumb)).loaded).toBe(true)
    const shown = await imageState(thumb)
    expect(shown.src).toMatch(/^images\//)
    expect(PRODUCT_IMAGE_FILE.test(shown.src.slice('images/'.length))).toBe(true)
    await till.screenshot('products-table-thumbnail')

    // Back at the till: found by name, the result shows its thumbnail at its fixed size.
    await backOffice.backToTill.click()
    await register.waitForScanFocus()
    await page.keyboard.type('momo')
    const option = register.option('Frozen Momo 10 pcs')
    await option.waitFor()
    const resultThumb = option.locator('img.product-thumb')
    await expect.poll(async () => (await imageState(resultThumb)).loaded).toBe(true)
    expect(await imageState(resultThumb)).toMatchObject({ src: shown.src, width: 48, height: 48 })
    await till.screenshot('register-results-thumbnail')
    await page.keyboard.press('Enter')
    await register.waitForLine('Frozen Momo 10 pcs', 1)
    const lineThumb = register.line('Frozen Momo 10 pcs').locator('img.product-thumb')
    await expect.poll(async () => (await imageState(lineThumb)).loaded).toBe(true)
    expect(await imageState(lineThumb)).toMatchObject({ src: shown.src, width: 44, height: 44 })
    await register.waitForTotal(npr(25_000))
    await till.screenshot('cart-thumbnail')

    // Sold for cash.
    const before = readState(till.dbPath)
    const pay = new PayPage(page)
    await pay.open()
    await page.keyboard.press('F3')
    await pay.waitForFocus('pay-cash')
    await page.keyboard.type('500')
    await pay.change.filter({ hasText: 'Change' }).waitFor()
    await page.keyboard.press('Enter')
    const receipt = new ReceiptPage(page)
    await receipt.receipt.waitFor()
    expect((await receipt.lines()).map(([name, qty]) => [name, qty])).toEqual([['Frozen Momo 10 pcs', '1']])
    expect(await receipt.total()).toBe(npr(25_000))
    expect((await receipt.facts())['Change']).toBe(npr(25_000))
    const after = readState(till.dbPath)
    expect(after.invoices).toBe(before.invoices + 1)
    expect(after.stock['MOMO-10']).toBe(9)
    await receipt.newSale.waitFor()
    expect(await focusedText(page)).toMatch(/^New sale/)
    expect(normalise(await register.header.locator('.till-store').innerText())).toBe(STORE.name)

    // The picture removed again: the table shows the neutral placeholder in the same place.
    await page.keyboard.press('Enter')
    await register.waitForScanFocus()
    await backOffice.open()
    await backOffice.openSection('Products')
    await products.row('Frozen Momo 10 pcs').click()
    await products.panel.getByRole('button', { name: 'Remove image 1' }).click()
    await products.panelFeedback.filter({ hasText: 'Image removed.' }).waitFor()
    await products.panel.getByText('No images yet.').waitFor()
    await products.row('Frozen Momo 10 pcs').locator('.product-thumb-none').waitFor()
    expect(await products.row('Frozen Momo 10 pcs').locator('img').count()).toBe(0)
    expect(till.problems).toEqual([])
  })
})
