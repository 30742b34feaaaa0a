import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { DEFAULT_PRINTER } from '#shared/contract/printing'
import { BackOfficePage } from './pages/back-office.page'
import { payCash } from './pages/cash-sale.helper'
import { LoginPage } from './pages/login.page'
import { PayPage } from './pages/pay.page'
import { normalise } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { SettingsPage } from './pages/settings.page'
import { ShiftsPage } from './pages/shifts.page'
import { findProducts, npr, useTills } from './till.fixture'

const currentTill = useTills()

async function invoked<T>(reply: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await reply
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.data
}

/** The newest invoice of the till, as the back office lists them. */
async function newestInvoice(client: BackendClient) {
  const { items } = await invoked(client.invoke('invoices:list', {}))
  const newest = [...items].sort((a, b) => b.number - a.number)[0]
  if (!newest) throw new Error('expected a sale')
  return invoked(client.invoke('invoices:get', { id: newest.id }))
}

/** A text as the screen shows it, with plain spaces. */
const shown = async (locator: { innerText(): Promise<string> }) => normalise(await locator.innerText())

describe('shifts at the till', () => {
  it('turns shifts on, opens with a float, sells, refunds, pays out, closes short with a blind count, prints the Z and lists it', async () => {
    const till = currentTill()
    const { page } = till
    const manager = await till.signedInClient('manager')
    await invoked(manager.invoke('settings:update', { patch: { printer: { ...DEFAULT_PRINTER, kind: 'file' } } }))
    const [first, second] = await findProducts(manager, 'dal')

    await new LoginPage(page).signInWithKeyboard('manager', 'manager')
    const register = new RegisterPage(page)
    await register.waitUntilShown()
    const shifts = new ShiftsPage(page)
    expect(await shifts.status.count()).toBe(0)

    // Settings › Taxes, cash and payments: work in shifts.
    const backOffice = new BackOfficePage(page)
    await backOffice.open()
    await backOffice.openSection('Settings')
    const settings = new SettingsPage(page)
    await settings.waitUntilShown()
    const shiftsSwitch = settings.form.getByRole('checkbox', { name: 'Work in shifts' })
    await shiftsSwitch.check()
    await settings.save.click()
    await settings.status.waitFor()
    await shiftsSwitch.scrollIntoViewIfNeeded()
    await till.screenshot('shifts-settings-switch')
    expect((await invoked(manager.invoke('settings:get', {}))).shiftsEnabled).toBe(true)
    await backOffice.backToTill.click()
    await register.waitUntilShown()
    await shifts.status.filter({ hasText: 'No shift open' }).waitFor()

    // Paying with no shift open is refused in words, and the refusal offers to open one.
    await register.scan(first!.sku)
    await register.waitForLine(first!.name, 1)
    const pay = new PayPage(page)
    await pay.openForCash()
    await page.keyboard.type('10000')
    await page.keyboard.press('Enter')
    await shifts.refusal.waitFor()
    expect(await shown(shifts.refusal.getByRole('alert'))).toBe(
      'No shift is open on this till. Open a shift (count the float) before selling, refunding or moving cash.',
    )
    await till.screenshot('shifts-payment-refused')
    await page.keyboard.press('Enter')
    await shifts.openDialog.waitFor()
    expect(await shifts.floatField.inputValue()).toBe('')
    await page.keyboard.type('1500')
    await till.screenshot('shifts-open-dialog')
    await page.keyboard.press('Enter')
    // The page's clock is not the till's (the harness fixes the backend's), so the opening may show its day too.
    await shifts.status.filter({ hasText: /^Shift 1 open since .*\d:\d\d/ }).waitFor()
    await register.notice.filter({ hasText: `Shift 1 is open with a float of ${npr(150_000)}.` }).waitFor()
    await till.screenshot('shifts-till-open')

    // The cart was kept: it is paid now, then a second sale.
    expect(await register.lineNames()).toEqual([first!.name])
    let receipt = await payCash(page, first!.priceCents * 2)
    await page.keyboard.press('Enter')
    await receipt.paidTitle.waitFor({ state: 'detached' })
    await register.scan(second!.sku)
    await register.waitForLine(second!.name, 1)
    receipt = await payCash(page, second!.priceCents * 2)
    await page.keyboard.press('Enter')
    await receipt.paidTitle.waitFor({ state: 'detached' })

    // One item back, refunded in cash (as the returns dialog would make it).
    const { items: sales } = await invoked(manager.invoke('invoices:list', {}))
    expect(sales).toHaveLength(2)
    let cashSalesCents = 0
    for (const sale of sales) {
      const invoice = await invoked(manager.invoke('invoices:get', { id: sale.id }))
      for (const tender of invoice.tenders) if (tender.method === 'cash') cashSalesCents += tender.amountCents
    }
    const sold = await newestInvoice(manager)
    const returned = await invoked(
      manager.invoke('returns:create', {
        invoiceId: sold.id,
        lines: [{ invoiceLineId: sold.lines[0]!.id, quantity: 1, restock: true }],
        reason: 'Damaged',
        idempotencyKey: crypto.randomUUID(),
      }),
    )

    // Pay out: amount, then the reason, which is required.
    await register.waitForScanFocus()
    await page.keyboard.press('Control+I')
    await shifts.moveDialog.waitFor()
    await page.keyboard.type('200')
    await page.keyboard.press('Enter')
    await shifts.moveDialog.getByText('Say what the cash is for.').waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.type('Milk delivery')
    await till.screenshot('shifts-pay-out')
    await page.keyboard.press('Enter')
    await register.notice.filter({ hasText: `Paid out ${npr(20_000)}.` }).waitFor()

    // No sale: confirmed, and the till says what the drawer did.
    await page.keyboard.press('Control+B')
    await shifts.noSaleDialog.waitFor()
    await page.keyboard.press('Enter')
    await shifts.noSaleDialog.locator('.feedback').waitFor()
    await till.screenshot('shifts-no-sale')
    await page.keyboard.press('Enter')
    await shifts.noSaleDialog.waitFor({ state: 'detached' })

    // The manager's X report shows what the drawer should hold.
    const x = await invoked(manager.invoke('shift:xReport', {}))
    const expectedCents = 150_000 + cashSalesCents - returned.refundCents - 20_000
    expect(x.drawer.expectedCashCents).toBe(expectedCents)
    await page.keyboard.press('Control+Shift+X')
    await shifts.xDialog.waitFor()
    expect(await shown(shifts.figure(shifts.xDialog, 'shift-expected'))).toBe(npr(expectedCents))
    expect(await shown(shifts.figure(shifts.xDialog, 'shift-no-sales'))).toBe('1')
    await till.screenshot('shifts-x-report')
    await page.keyboard.press('Escape')
    await shifts.xDialog.waitFor({ state: 'detached' })

    // The close is blind: only a count field, nothing of what is expected.
    await page.keyboard.press('Control+E')
    await shifts.closeDialog.waitFor()
    const blind = await shown(shifts.closeDialog)
    expect(blind).not.toContain('Expected')
    expect(blind).not.toContain(npr(expectedCents))
    await till.screenshot('shifts-close-count')
    const countedCents = expectedCents - 5_000
    await page.keyboard.type((countedCents / 100).toFixed(2))
    await page.keyboard.press('Enter')
    await shifts.zDialog.waitFor()
    const z = shifts.zDialog
    expect(await shown(shifts.figure(z, 'shift-variance'))).toBe(`Short by ${npr(5_000)}`)
    expect(await shown(shifts.figure(z, 'shift-expected'))).toBe(npr(expectedCents))
    expect(await shown(shifts.figure(z, 'shift-counted'))).toBe(npr(countedCents))
    expect(await shown(shifts.figure(z, 'shift-returns'))).toBe(`−${npr(returned.goodsCents)}`)
    await till.screenshot('shifts-z-report')

    // Alt+P prints the Z report to the file printer.
    await page.keyboard.press('Alt+P')
    await z.getByText('The receipt went to the printer.').waitFor()
    const printed = join(dirname(till.dbPath), 'printed-receipts')
    expect(existsSync(printed)).toBe(true)
    const textFile = readdirSync(printed).find((name) => /zReport-1\.txt$/.test(name))
    expect(textFile).toBeDefined()
    const paper = normalise(readFileSync(join(printed, textFile!), 'utf8'))
    expect(paper).toContain('Z report 1')
    expect(paper).toContain(`Variance -${npr(5_000)}`)
    await page.keyboard.press('Escape')
    await z.waitFor({ state: 'detached' })
    await shifts.status.filter({ hasText: 'No shift open' }).waitFor()

    // The back office lists the shift with its variance and opens its Z report again.
    await backOffice.open()
    const section = await backOffice.openSection('Shifts')
    const row = section.locator('tr[data-shift="1"]')
    await row.waitFor()
    expect(await shown(row.getByTestId('shift-row-variance'))).toBe(`Short by ${npr(5_000)}`)
    await till.screenshot('shifts-back-office-list')
    await row.getByRole('button', { name: 'Open Z 1' }).click()
    const viewed = page.getByRole('dialog', { name: 'Z report 1' })
    await viewed.waitFor()
    await viewed.getByTestId('shift-variance').waitFor()
    await till.screenshot('shifts-back-office-z')

    // Alt+S saves it as PDF: the window by its print styles, the Z report alone on the sheet.
    const pdf = join(dirname(till.dbPath), 'z-report-1.pdf')
    till.dialogs.pdfFile = pdf
    await page.keyboard.press('Alt+S')
    await viewed.getByRole('status').filter({ hasText: 'Saved as z-report-1.pdf.' }).waitFor()
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    await page.emulateMedia({ media: 'print' })
    await till.screenshot('shifts-z-as-printed')
    await page.emulateMedia({ media: 'screen' })
    expect(till.problems).toEqual([])
  })

  it('lets a cashier open and close a shift by keys alone, without the X report, and a refusal kept the cart', async () => {
    const till = currentTill()
    const { page } = till
    const manager = await till.signedInClient('manager')
    await invoked(manager.invoke('settings:update', { patch: { shiftsEnabled: true } }))
    const [product] = await findProducts(manager, 'dal')

    await new LoginPage(page).signInWithKeyboard('cashier', 'cashier')
    const register = new RegisterPage(page)
    await register.waitUntilShown()
    const shifts = new ShiftsPage(page)
    await shifts.status.filter({ hasText: 'No shift open' }).waitFor()
    const hints = page.locator('.key-hints')
    await hints.getByText('open shift').waitFor()
    expect(await hints.getByText('X report').count()).toBe(0)
    expect(await hints.getByText('no sale').count()).toBe(0)

    // Esc on the refusal goes back to the cart as it was; nothing was sold.
    await register.scan(product!.sku)
    await register.waitForLine(product!.name, 1)
    const pay = new PayPage(page)
    await pay.openForCash()
    await page.keyboard.type('10000')
    await page.keyboard.press('Enter')
    await shifts.refusal.waitFor()
    await page.keyboard.press('Escape')
    await register.waitForScanFocus()
    expect(await register.lineNames()).toEqual([product!.name])
    expect((await invoked(manager.invoke('invoices:list', {}))).total).toBe(0)

    // A shift key that needs an open shift says how to open one.
    await page.keyboard.press('Control+E')
    await register.notice.filter({ hasText: 'No shift is open: open one first (Ctrl+O).' }).waitFor()

    await page.keyboard.press('Control+O')
    await shifts.openDialog.waitFor()
    await page.keyboard.type('abc')
    await page.keyboard.press('Enter')
    await shifts.openDialog.getByText('Enter an amount such as 1500 or 1,500.50.').waitFor()
    expect((await invoked(manager.invoke('shift:current', {}))).shift).toBeNull()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('1000')
    await page.keyboard.press('Enter')
    await shifts.status.filter({ hasText: /^Shift 1 open since/ }).waitFor()
    await page.keyboard.press('Control+Shift+X')
    expect(await shifts.xDialog.count()).toBe(0)

    // Closed even: the Z says the count matches; the next float starts at what was counted.
    await page.keyboard.press('Control+E')
    await shifts.closeDialog.waitFor()
    await page.keyboard.type('1000')
    await page.keyboard.press('Enter')
    await shifts.zDialog.waitFor()
    expect(await shown(shifts.figure(shifts.zDialog, 'shift-variance'))).toBe('The count matches')
    await page.keyboard.press('Escape')
    await register.waitForScanFocus()
    await page.keyboard.press('Control+O')
    await shifts.openDialog.waitFor()
    expect(await shifts.floatField.inputValue()).toBe('1000.00')
    await page.keyboard.press('Escape')
    await register.waitForScanFocus()
    expect(till.problems).toEqual([])
  })
})
