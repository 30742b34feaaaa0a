import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { DEFAULT_PRINTER, type PrinterSettings } from '#shared/contract/printing'
import type { TenderInput } from '#shared/contract/checkout'
import type { Till } from './harness'
import { BackOfficePage } from './pages/back-office.page'
import { payCash } from './pages/cash-sale.helper'
import { LoginPage } from './pages/login.page'
import { pdfText } from './pages/pdf-text.helper'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { demoProduct, npr, signInAndScan, useTills } from './till.fixture'

const currentTill = useTills()
const servers: Server[] = []

afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve))
})

/** The encoder's drawer pulse, with the line feed it ends with. */
const PULSE_COMMAND = Buffer.from('1b700032fa0a', 'hex')

/** A raw 9100 printer in the test process: keeps each job, closes its side once the till has sent it. */
async function networkPrinter(): Promise<{ port: number; jobs: Buffer[]; waitForJobs(count: number): Promise<void> }> {
  const jobs: Buffer[] = []
  const waiters: (() => void)[] = []
  const server = createServer((socket) => {
    const parts: Buffer[] = []
    socket.on('data', (part) => parts.push(part))
    socket.on('end', () => {
      jobs.push(Buffer.concat(parts))
      socket.end()
      for (const wake of waiters.splice(0)) wake()
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const waitForJobs = async (count: number) => {
    while (jobs.length < count) await new Promise<void>((resolve) => waiters.push(resolve))
  }
  return { port: (server.address() as AddressInfo).port, jobs, waitForJobs }
}

async function usePrinter(client: BackendClient, printer: Partial<PrinterSettings>) {
  const reply = await client.invoke('settings:update', { patch: { printer: { ...DEFAULT_PRINTER, ...printer } } })
  if (!reply.ok) throw new Error(reply.error.message)
}

async function rendered(client: BackendClient, source: { invoiceId: number } | { returnId: number }): Promise<Buffer> {
  const reply = await client.invoke('receipts:render', { ...source, format: 'escpos', columns: 42 })
  if (!reply.ok || !('bytesBase64' in reply.data)) throw new Error('expected the receipt’s bytes')
  return Buffer.from(reply.data.bytesBase64, 'base64')
}

/** The same receipt as a reprint sends it: without the drawer's pulse. */
function withoutPulse(bytes: Buffer): Buffer {
  const at = bytes.indexOf(PULSE_COMMAND)
  return at < 0 ? bytes : Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + PULSE_COMMAND.length)])
}

async function saleElsewhere(client: BackendClient, productId: number, payments: TenderInput[]) {
  const added = await client.invoke('cart:add', { productId, quantity: 2 })
  if (!added.ok) throw new Error(added.error.message)
  const paid = await client.invoke('checkout:pay', { idempotencyKey: randomUUID(), expectedTotalCents: added.data.totalCents, payments })
  if (!paid.ok) throw new Error(paid.error.message)
  return paid.data.invoice
}

async function signInAsManager(till: Till): Promise<RegisterPage> {
  await new LoginPage(till.page).signInWithKeyboard('manager', 'manager')
  const register = new RegisterPage(till.page)
  await register.waitUntilShown()
  return register
}

describe('the printer in the back office', () => {
  it('is set up in Settings, Printer: a host is asked for, the test print reaches the printer, and a cash sale prints itself', async () => {
    const till = currentTill()
    const { page } = till
    const printer = await networkPrinter()
    await signInAsManager(till)
    const backOffice = new BackOfficePage(page)
    await backOffice.open()
    const section = await backOffice.openSection('Settings')
    const group = section.locator('fieldset', { has: page.locator('legend', { hasText: /^Printer$/ }) })
    await group.scrollIntoViewIfNeeded()

    await page.locator('#settings-printer-kind').selectOption('network')
    await page.locator('#settings-printer-host').fill('')
    await page.keyboard.press('Enter')
    await expect.poll(() => group.locator('.field-error').allInnerTexts()).toEqual(['Enter the printer’s address, such as 192.168.1.50.'])
    await group.screenshot({ path: join(dirname(await till.screenshot('printer-settings-page')), 'printer-settings-refused.png') })

    await page.locator('#settings-printer-host').fill('127.0.0.1')
    await page.locator('#settings-printer-port').fill(String(printer.port))
    await page.locator('#settings-print-after-sale').check()
    await page.keyboard.press('Enter')
    await section.locator('.settings-footer').getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor()

    // The test print goes to the printer as saved, with the store's name on it.
    await group.getByRole('button', { name: 'Test print' }).focus()
    await page.keyboard.press('Enter')
    await group.getByRole('status').filter({ hasText: 'The test page went to the printer.' }).waitFor()
    expect(printer.jobs).toHaveLength(1)
    expect(printer.jobs[0]!.toString('latin1')).toContain('Tillwise Demo Store')
    expect(printer.jobs[0]!.toString('latin1')).toContain(`Where: 127.0.0.1:${printer.port}`)
    await group.screenshot({ path: join(dirname(await till.screenshot('printer-settings-page')), 'printer-settings.png') })

    // Back at the till, a cash sale: the receipt prints on its own, drawer pulse and all.
    await backOffice.backToTill.click()
    const manager = await till.signedInClient('manager')
    const product = await demoProduct(manager, 'dal')
    const register = new RegisterPage(page)
    await register.scan(product.sku)
    await register.waitForLine(product.name, 1)
    const cart = await manager.invoke('invoices:list', {})
    expect(cart.ok).toBe(true)
    await payCash(page, product.priceCents)
    await printer.waitForJobs(2)
    const sales = await manager.invoke('invoices:list', {})
    if (!sales.ok) throw new Error(sales.error.message)
    const sold = sales.data.items[0]!
    expect(printer.jobs[1]!.equals(await rendered(manager, { invoiceId: sold.id }))).toBe(true)
    expect(printer.jobs[1]!.includes(PULSE_COMMAND)).toBe(true)
    expect(till.problems).toEqual([])
  })
})

describe('printing a receipt again', () => {
  it('prints from the invoice finder and from the return receipt, never opening the drawer, and saves the receipt as PDF', async () => {
    const till = currentTill()
    const { page } = till
    const printer = await networkPrinter()
    const manager = await till.signedInClient('manager')
    await usePrinter(manager, { kind: 'network', host: '127.0.0.1', port: printer.port })
    const product = await demoProduct(manager, 'dal')
    const invoice = await saleElsewhere(manager, product.id, [{ method: 'cash', tenderedCents: 1_000_000 }])

    await signInAsManager(till)
    await page.keyboard.press('F4')
    const finder = page.getByRole('dialog', { name: 'Find invoice' })
    await finder.waitFor()
    await page.keyboard.type(String(invoice.number))
    await page.keyboard.press('Enter')
    await new ReceiptPage(page, finder).receipt.waitFor()

    await page.keyboard.press('Alt+P')
    await finder.getByRole('status').filter({ hasText: 'The receipt went to the printer.' }).waitFor()
    expect(printer.jobs).toHaveLength(1)
    const sale = await rendered(manager, { invoiceId: invoice.id })
    expect(sale.includes(PULSE_COMMAND)).toBe(true)
    expect(printer.jobs[0]!.equals(withoutPulse(sale))).toBe(true)
    await till.screenshot('printing-finder')

    // Save as PDF: the window printed by its print styles, the receipt alone on the sheet.
    const pdf = join(dirname(till.dbPath), `invoice-${invoice.number}.pdf`)
    till.dialogs.pdfFile = pdf
    await page.keyboard.press('Alt+S')
    await finder
      .getByRole('status')
      .filter({ hasText: `Saved as invoice-${invoice.number}.pdf.` })
      .waitFor()
    const bytes = readFileSync(pdf)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.byteLength).toBeGreaterThan(2_000)
    expect(bytes.byteLength).toBeLessThan(2_000_000)
    // What the sheet says: the receipt alone (no till around it), with the sale's own figures.
    const pages = await pdfText(bytes)
    expect(pages).toHaveLength(1)
    // As one line of words: a long name wraps inside its column on the sheet.
    const sheet = pages[0]!.replace(/\s+/g, ' ')
    expect(sheet).toContain(`Invoice ${invoice.number}`)
    expect(sheet).toContain(product.name)
    expect(sheet).toContain(`Total ${npr(invoice.totalCents)}`)
    expect(sheet).toContain('Payment Cash')
    expect(sheet).not.toMatch(/Find invoice|Scan or search|Sign out/)
    await page.emulateMedia({ media: 'print' })
    await till.screenshot('printing-finder-as-printed')
    await page.emulateMedia({ media: 'screen' })

    // A return of one unit, and its receipt printed from the return dialog.
    // Printing a PDF takes the page's focus in headless Chromium: back on the dialog first.
    await finder.getByRole('button', { name: /^Return items/ }).focus()
    await page.keyboard.press('Alt+R')
    const dialog = page.getByRole('dialog', { name: `Return items from invoice ${invoice.number}` })
    await dialog.waitFor()
    await dialog.getByLabel(`Units of ${invoice.lines[0]!.name} to return`).fill('1')
    await dialog.getByLabel('Reason').fill('Torn packet')
    await page.keyboard.press('Enter')
    const made = page.getByRole('dialog', { name: 'Return 1' })
    await made.waitFor()
    expect(normalise(await made.innerText())).toContain('Torn packet')
    await page.keyboard.press('Alt+P')
    await made.getByRole('status').filter({ hasText: 'The receipt went to the printer.' }).waitFor()
    expect(printer.jobs).toHaveLength(2)
    const returns = await manager.invoke('invoices:get', { id: invoice.id })
    if (!returns.ok) throw new Error(returns.error.message)
    const returnId = returns.data.returns[0]!.id
    expect(printer.jobs[1]!.equals(withoutPulse(await rendered(manager, { returnId })))).toBe(true)
    expect(printer.jobs[1]!.includes(PULSE_COMMAND)).toBe(false)
    await till.screenshot('printing-return-receipt')
    await page.emulateMedia({ media: 'print' })
    await till.screenshot('printing-return-as-printed')
    await page.emulateMedia({ media: 'screen' })
    expect(till.problems).toEqual([])
  })

  it('keeps the sale paid when the printer fails after it, and says why and that F4 prints it again', async () => {
    const till = currentTill()
    const { page } = till
    const manager = await till.signedInClient('manager')
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    await usePrinter(manager, { kind: 'network', host: '127.0.0.1', port, printAfterSale: true })
    await page.reload()
    const product = await demoProduct(manager, 'dal')
    await signInAndScan(till, product)
    const receipt = await payCash(page, product.priceCents)
    const problem = page.getByTestId('print-problem')
    await problem.waitFor()
    const said =
      'The sale is paid, but its receipt did not print: The network printer refused the connection (ECONNREFUSED). Check its address and port. Press F4 to find the sale and print it again.'
    expect(normalise(await problem.innerText())).toBe(said)
    await expect.poll(() => receipt.paidTitle.isVisible()).toBe(true)
    await till.screenshot('printing-failed-after-sale')
    // The next sale is not held up.
    await page.keyboard.press('Enter')
    await new RegisterPage(page).waitForScanFocus()
    expect(till.problems).toEqual([])
  })
})
