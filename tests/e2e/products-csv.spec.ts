import { mkdir, readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { readState, withRawDb } from '#core/testing/test-store'
import type { Till } from './harness'
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

async function everyProduct(reader: BackendClient) {
  const reply = await reader.invoke('products:list', { status: 'all', limit: 200 })
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.data
}

/** A file as the person's file picker hands it over. */
const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })

describe('CSV import and export', () => {
  it('previews a file with problems without changing anything, then imports a clean one and finds its rows', async () => {
    const till = currentTill()
    const reader = await till.signedInClient('manager')
    const products = await openProducts(till)
    const before = readState(till.dbPath)

    await products.importButton.click()
    await products.importDialog.waitFor()
    await products.importPaste.fill(
      ['sku,name,price,colour', 'BAD-1,Apple,ten,red', 'BAD-2,,12.50,green', 'BAD-1,Apple again,1,red'].join('\n'),
    )
    await products.preview.click()
    await products.importStatus.filter({ hasText: 'problems' }).waitFor()
    expect(normalise(await products.importStatus.innerText())).toMatch(/^\d+ problems: fix the file and preview again\.$/)
    const problems = await products.importProblems()
    expect(problems).toContainEqual(['1', 'colour', 'Unknown column “colour”.'])
    expect(problems).toContainEqual(['2', 'price', '“ten” is not a price in the store’s currency.'])
    expect(problems).toContainEqual(['3', 'name', 'This cell must not be empty.'])
    expect(problems).toContainEqual(['4', 'sku', '“BAD-1” is also on line 2.'])
    expect(await products.apply.isDisabled()).toBe(true)
    await till.screenshot('import-preview-errors')
    expect(readState(till.dbPath)).toEqual(before)

    // A clean file, chosen with the file input: a new product (quoted comma, tags, a new category) and an update of a demo product.
    const [rice] = (await everyProduct(reader)).items.filter((product) => product.name.includes('Basmati'))
    if (!rice) throw new Error('the demo store needs basmati rice')
    const csv = [
      'sku,name,price,barcode,category,tags,stock,low_stock',
      'CSV-001,"Himalayan Salt, pink 1kg",180.50,9800000000101,Salt & spices,salt|pink,30,5',
      `${rice.sku},${rice.name},1400,${rice.barcode ?? ''},,,${rice.stock},`,
    ].join('\r\n')
    await products.importFile.setInputFiles(csvFile('new-products.csv', csv))
    await products.importDialog.getByTestId('import-file-name').filter({ hasText: 'new-products.csv' }).waitFor()
    await products.preview.click()
    await products.importStatus.filter({ hasText: 'No problems' }).waitFor()
    expect(await products.importCounts()).toEqual({ rows: 2, creates: 1, updates: 1, unchanged: 0 })
    expect(await products.apply.isEnabled()).toBe(true)
    await till.screenshot('import-preview-clean')
    // Still nothing written: a preview only looks.
    expect(readState(till.dbPath)).toEqual(before)

    // The reply to the apply is held on its way back, so the progress bar is seen following core.
    const held = till.holdReplies('products:import')
    await products.apply.click()
    await held.waitForCalls(1)
    await products.importDialog.locator('progress').waitFor()
    // Core has done the work; the bar says so from what importProgress answered.
    await products.importDialog.locator('.import-progress-text', { hasText: 'Finishing…' }).waitFor()
    expect(till.calls.filter((call) => call.channel === 'products:importProgress').length).toBeGreaterThan(0)
    await till.screenshot('import-progress')
    held.releaseAll()
    await products.importStatus.filter({ hasText: 'Imported: 1 new, 1 changed, 0 unchanged.' }).waitFor()
    await till.screenshot('import-applied')
    await products.closeImport.click()
    await products.importDialog.waitFor({ state: 'detached' })

    await products.search.fill('himalayan')
    await products.waitForCount('1 product')
    const row = products.row('Himalayan Salt, pink 1kg')
    await row.filter({ hasText: npr(18_050) }).waitFor()
    expect(normalise(await row.innerText())).toContain('Salt & spices')
    const after = await everyProduct(reader)
    expect(after.items.find((product) => product.sku === 'CSV-001')).toMatchObject({
      name: 'Himalayan Salt, pink 1kg',
      priceCents: 18_050,
      barcode: '9800000000101',
      stock: 30,
      lowStockAt: 5,
      category: { name: 'Salt & spices' },
    })
    expect(after.items.find((product) => product.sku === rice.sku)?.priceCents).toBe(140_000)
    expect(till.problems).toEqual([])
  })

  it('exports the catalog through main’s save dialog and re-imports the saved file unchanged', async () => {
    const till = currentTill()
    const reader = await till.signedInClient('manager')
    // An archived product and a formula-looking name travel too.
    const made = await reader.invoke('products:create', {
      sku: 'ODD-1',
      name: '=SUM(A1) "quoted", odd',
      priceCents: 1_234,
      tags: ['a b', 'c'],
    })
    if (!made.ok) throw new Error(made.error.message)
    expect((await reader.invoke('products:archive', { id: made.data.id })).ok).toBe(true)
    const { total } = await everyProduct(reader)

    const products = await openProducts(till)
    // Cancelled in main's dialog: nothing is written, nothing is said.
    const unchanged = readState(till.dbPath)
    till.dialogs.csvFile = null
    await products.exportButton.click()
    await till.waitForDelivered('products:exportFile', 1)
    await products.exportButton.filter({ hasText: 'Export CSV' }).waitFor()
    expect(await products.feedback.count()).toBe(0)
    expect(readState(till.dbPath)).toEqual(unchanged)

    // Main's dialog points into a folder of the person's: core writes the file there.
    const folder = join(dirname(till.dbPath), 'exports')
    await mkdir(folder)
    const saved = join(folder, 'catalog-today.csv')
    till.dialogs.csvFile = saved
    await products.exportButton.click()
    await products.feedback.waitFor()
    expect(normalise(await products.feedback.innerText())).toBe(`Exported ${total} products to catalog-today.csv.`)
    await till.screenshot('products-exported')
    expect(await readdir(folder)).toEqual(['catalog-today.csv'])
    const csv = await readFile(saved, 'utf8')
    expect(csv.split(/\r?\n/)[0]?.replace(/^\uFEFF/, '')).toBe('sku,name,price,barcode,category,tags,stock,low_stock,archived')
    expect(csv).toContain(`"'=SUM(A1) ""quoted"", odd"`)
    const audited = withRawDb(till.dbPath, (db) =>
      db.prepare("select subject, details from audit_entry where action = 'document.saved' order by id").all(),
    ) as { subject: string; details: string }[]
    expect(audited.map(({ subject, details }) => ({ subject, details: JSON.parse(details) as unknown }))).toEqual([
      { subject: 'catalog-today.csv', details: { kind: 'csv', rows: total, sizeBytes: Buffer.byteLength(csv, 'utf8') } },
    ])

    // The saved file itself, chosen in the import dialog, changes nothing.
    const before = readState(till.dbPath)
    await products.importButton.click()
    await products.importFile.setInputFiles(saved)
    await products.importDialog.getByTestId('import-file-name').waitFor()
    await products.preview.click()
    await products.importStatus.filter({ hasText: 'Nothing to change' }).waitFor()
    expect(await products.importCounts()).toEqual({ rows: total, creates: 0, updates: 0, unchanged: total })
    expect(await products.apply.isDisabled()).toBe(true)
    await till.screenshot('import-preview-unchanged')
    expect(readState(till.dbPath)).toEqual(before)
    expect(till.problems).toEqual([])
  })
})
