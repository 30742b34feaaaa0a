import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { lockName, withRawDb } from '#core/testing/test-store'
import { FIXED_NOW, type Till } from './harness'
import { focusedId, focusedText, waitForFocusOn } from './pages/focus.helper'
import { LoginPage } from './pages/login.page'
import { ManagerToolsPage, signInNotice } from './pages/manager-tools.page'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { findProducts, signInAsCashier, TOKENS, useTills } from './till.fixture'

const currentTill = useTills()

/** How the demo store (en-IN, Kathmandu) shows the harness's fixed "now". */
const NOW_ON_SCREEN = '15 Mar 2026, 10:00 am'

async function signInAsManager(till: Till): Promise<RegisterPage> {
  await new LoginPage(till.page).signInWithKeyboard('manager', 'manager')
  const register = new RegisterPage(till.page)
  await register.waitUntilShown()
  await register.waitForScanFocus()
  return register
}

/** Rings up a sale through the backend, as another till would. */
async function saleElsewhere(client: BackendClient, query: string) {
  const [product] = await findProducts(client, query)
  if (!product) throw new Error(`the demo store has nothing matching ${query}`)
  const added = await client.invoke('cart:add', { productId: product.id, quantity: 1 })
  if (!added.ok) throw new Error(added.error.message)
  const paid = await client.invoke('checkout:pay', {
    idempotencyKey: crypto.randomUUID(),
    expectedTotalCents: added.data.totalCents,
    payment: { method: 'token', token: TOKENS.good },
  })
  if (!paid.ok) throw new Error(paid.error.message)
  return paid.data.invoice
}

async function waitForFocusedText(till: Till, text: string): Promise<void> {
  await expect.poll(() => focusedText(till.page)).toBe(text)
}

describe('manager tools', () => {
  it('back up, list the backup, unlock a locked cashier and check the audit trail, from the keyboard', async () => {
    const till = currentTill()
    const { page } = till
    // The cashier as ten failed sign-ins leave it (the sign-in test below locks it the slow way).
    lockName(till.dbPath, 'cashier', new Date(FIXED_NOW).toISOString())
    expect((await till.backend.connect().invoke('auth:login', { username: 'cashier', password: 'cashier' })).ok).toBe(false)

    await signInAsManager(till)
    const tools = new ManagerToolsPage(page)
    expect(normalise(await tools.headerButton.innerText())).toBe('Manager tools F6')
    expect(normalise(await page.locator('.key-hints').innerText())).toContain('F6 manager tools')

    await tools.open()
    await tools.noBackups.waitFor()
    expect(await focusedText(page)).toBe('Back up now')
    await till.screenshot('manager-tools')

    // Enter on the focused "Back up now".
    await page.keyboard.press('Enter')
    const made = await tools.result(tools.backups, 'status')
    expect(made).toMatch(new RegExp(`^Backup made: ${NOW_ON_SCREEN}, [\\d.]+ kB\\.$`))
    const files = readdirSync(join(dirname(till.dbPath), 'backups'))
    expect(files).toEqual([expect.stringMatching(/^tillwise-\d{8}T\d{9}Z-manual\.sqlite$/)])
    await tools.backupRows.first().waitFor()
    const list = await tools.backupList()
    expect(list).toEqual([[NOW_ON_SCREEN, 'Manual', expect.stringMatching(/^[\d.]+ kB$/)]])
    // The size in the list is the one the message gave.
    expect(made).toContain(list[0]![2]!)
    // Focus stayed on the button while it was busy.
    expect(await focusedText(page)).toBe('Back up now')
    await till.screenshot('manager-backup-made')

    // Ten minutes later (within the idle limit), another: the list is newest first.
    till.advanceClock(10 * 60_000)
    await page.keyboard.press('Enter')
    await tools.result(tools.backups, 'status', 'Backup made: 15 Mar 2026, 10:10 am')
    await tools.backupRows.nth(1).waitFor()
    expect((await tools.backupList()).map(([taken, kind]) => [taken, kind])).toEqual([
      ['15 Mar 2026, 10:10 am', 'Manual'],
      [NOW_ON_SCREEN, 'Manual'],
    ])
    expect(await tools.backupRows.first().getByText('New').count()).toBe(1)
    expect(await tools.backupRows.nth(1).getByText('New').count()).toBe(0)
    await till.screenshot('manager-backup-list')

    // Tab order: each backup's Restore, newest first, then the unlock form.
    await page.keyboard.press('Tab')
    expect(await focusedText(page)).toBe('Restore')
    expect(await tools.focusedLabel()).toBe('Restore the backup of 15 Mar 2026, 10:10 am')
    await page.keyboard.press('Tab')
    expect(await tools.focusedLabel()).toBe(`Restore the backup of ${NOW_ON_SCREEN}`)
    await page.keyboard.press('Tab')
    expect(await focusedId(page)).toBe('unlock-username')

    await page.keyboard.type('nobody')
    await page.keyboard.press('Enter')
    expect(await tools.result(tools.unlock, 'alert')).toBe("No user named 'nobody'.")
    await till.screenshot('manager-unlock-not-found')

    await page.keyboard.press('Control+A')
    await page.keyboard.type('cashier')
    await page.keyboard.press('Enter')
    const unlocked = await tools.result(tools.unlock, 'status')
    expect(unlocked).toMatch(/^Unlocked cashier \(.+\)\. They can sign in again\.$/)
    await till.screenshot('manager-unlocked')
    // The cashier really can: another till signs in with the right password.
    await till.signedInClient('cashier')

    await page.keyboard.press('Tab')
    await waitForFocusedText(till, 'Unlock')
    await page.keyboard.press('Tab')
    await waitForFocusedText(till, 'Check audit trail')
    await page.keyboard.press('Enter')
    const intact = await tools.result(tools.audit, 'status')
    const actions = withRawDb(till.dbPath, (db) =>
      (db.prepare('select action from audit_entry order by id').all() as { action: string }[]).map((row) => row.action),
    )
    expect(actions).toEqual(expect.arrayContaining(['auth.sign-in', 'backup.created', 'user.unlocked']))
    expect(intact).toBe(`Audit trail intact (${actions.length} entries)`)
    await till.screenshot('manager-audit-intact')

    // Someone with the file edits the unlock entry behind the app, putting the guard back after.
    const target = withRawDb(till.dbPath, (db) => {
      const row = db.prepare("select id from audit_entry where action = 'user.unlocked'").get() as { id: number }
      const guard = db.prepare("select sql from sqlite_master where type = 'trigger' and name = 'audit_entry_no_update'").get() as {
        sql: string
      }
      db.exec('drop trigger audit_entry_no_update')
      db.prepare("update audit_entry set subject = 'manager' where id = ?").run(row.id)
      db.exec(guard.sql)
      return row.id
    })
    await page.keyboard.press('Enter')
    expect(await tools.result(tools.audit, 'alert')).toBe(
      `Audit trail damaged at entry #${target}: its content was changed after it was written`,
    )
    await till.screenshot('manager-audit-damaged')

    await page.keyboard.press('Escape')
    await tools.dialog.waitFor({ state: 'detached' })
    await waitForFocusOn(page, 'scan-field')
    expect(till.problems).toEqual([])
  })

  it('restores a backup after a confirmation: every till is signed out and later sales are gone', async () => {
    const till = currentTill()
    const { page } = till
    const otherTill = await till.signedInClient('cashier')
    const kept = await saleElsewhere(otherTill, 'dal')

    await signInAsManager(till)
    const tools = new ManagerToolsPage(page)
    await tools.open()
    await tools.noBackups.waitFor()
    await page.keyboard.press('Enter')
    await tools.result(tools.backups, 'status')
    await tools.backupRows.first().waitFor()
    await page.keyboard.press('Escape')
    await tools.dialog.waitFor({ state: 'detached' })

    const lost = await saleElsewhere(otherTill, 'rice')
    expect(lost.number).toBeGreaterThan(kept.number)

    await tools.open()
    const restore = tools.restoreButton(NOW_ON_SCREEN)
    await restore.waitFor()
    await page.keyboard.press('Tab')
    expect(await focusedText(page)).toBe('Restore')
    await page.keyboard.press('Enter')
    await tools.confirmation.waitFor()
    // The safe choice has focus, so a second Enter does not restore by accident.
    expect(await focusedText(page)).toBe('Cancel Esc')
    const confirmationText = normalise(await tools.confirmation.innerText())
    expect(confirmationText).toContain(NOW_ON_SCREEN)
    expect(confirmationText).toContain('The current database is kept aside, not deleted.')
    expect(confirmationText).toContain('Everyone is signed out, on this till and every other, and must sign in again.')
    await till.screenshot('manager-restore-confirm')

    // Esc backs out of the confirmation only, to the button that led there.
    await page.keyboard.press('Escape')
    await tools.confirmation.waitFor({ state: 'detached' })
    expect(await tools.dialog.isVisible()).toBe(true)
    await waitForFocusedText(till, 'Restore')

    await page.keyboard.press('Enter')
    await tools.confirmation.waitFor()
    await page.keyboard.press('Tab')
    expect(await focusedText(page)).toBe('Restore backup')
    await page.keyboard.press('Enter')

    const notice = signInNotice(page)
    await notice.waitFor()
    const noticeText = normalise(await notice.innerText())
    expect(noticeText).toMatch(
      new RegExp(
        `^The backup of ${NOW_ON_SCREEN} was restored and everyone was signed out: sign in again\\. The database from before the restore is kept as tillwise-before-restore-\\S+\\.sqlite\\.$`,
      ),
    )
    await waitForFocusOn(page, 'sign-in-username')
    await till.screenshot('manager-restored-sign-in')
    const previous = /kept as (\S+\.sqlite)\.$/.exec(noticeText)![1]!
    expect(existsSync(join(dirname(till.dbPath), 'replaced', previous))).toBe(true)
    // The other till was signed out as well.
    const refused = await otherTill.invoke('cart:get', {})
    expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_AUTHENTICATED')

    await signInAsManager(till)
    expect(await notice.count()).toBe(0)
    await page.keyboard.press('F4')
    const finder = page.getByRole('dialog', { name: 'Find invoice' })
    await finder.waitFor()
    await page.keyboard.type(String(lost.number))
    await page.keyboard.press('Enter')
    const notFound = finder.getByRole('alert')
    await notFound.waitFor()
    expect(normalise(await notFound.innerText())).toBe(`No invoice has the number ${lost.number}.`)
    await till.screenshot('manager-restored-sale-gone')

    // A sale from before the backup is still there.
    await page.keyboard.press('Control+A')
    await page.keyboard.type(String(kept.number))
    await page.keyboard.press('Enter')
    const receipt = new ReceiptPage(page, finder)
    await receipt.receipt.waitFor()
    expect(await receipt.text()).toContain(`Invoice ${kept.number}`)
    expect(till.problems).toEqual([])
  })

  it('refuses to restore a damaged backup, says why, and leaves the till signed in', async () => {
    const till = currentTill()
    const { page } = till
    await signInAsManager(till)
    const tools = new ManagerToolsPage(page)
    await tools.open()
    await tools.noBackups.waitFor()
    await page.keyboard.press('Enter')
    await tools.backupRows.first().waitFor()
    const backupDir = join(dirname(till.dbPath), 'backups')
    const [file] = readdirSync(backupDir)
    writeFileSync(join(backupDir, file!), 'not a database, whatever its name says')

    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await tools.confirmation.waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    const refused = tools.confirmation.getByRole('alert')
    await refused.waitFor()
    expect(normalise(await refused.innerText())).toMatch(/^The backup (cannot be read|cannot be opened|is damaged)/)
    expect(await focusedText(page)).toBe('Restore backup')
    await till.screenshot('manager-restore-refused')
    expect(await signInNotice(page).count()).toBe(0)

    await page.keyboard.press('Escape')
    await tools.confirmation.waitFor({ state: 'detached' })
    await waitForFocusedText(till, 'Restore')
    await page.keyboard.press('Escape')
    await tools.dialog.waitFor({ state: 'detached' })
    await waitForFocusOn(page, 'scan-field')
    expect(till.problems).toEqual([])
  })

  it('copies a backup to a folder main asks for, and restores from a file after a confirmation', async () => {
    const till = currentTill()
    const { page } = till
    const usb = join(dirname(till.dbPath), 'USB STICK')
    mkdirSync(usb)
    await signInAsManager(till)
    const tools = new ManagerToolsPage(page)
    await tools.open()
    const copies = tools.dialog.getByRole('region', { name: 'Copies elsewhere' })

    // Cancelled in main's dialog: said so, nothing written.
    await copies.getByRole('button', { name: 'Copy to a folder…' }).click()
    expect(await tools.result(copies, 'status')).toBe('No folder was chosen: nothing was copied.')
    till.dialogs.exportFolder = usb
    await copies.getByRole('button', { name: 'Copy to a folder…' }).click()
    const copied = await tools.result(copies, 'status', /^Copied/)
    const [file] = readdirSync(usb)
    expect(copied).toMatch(new RegExp(`^Copied ${file!.replace(/\./g, '\\.')} \\(\\d+(\\.\\d)? kB\\) to USB STICK\\.$`))
    await till.screenshot('manager-copy-exported')

    const kept = await saleElsewhere(await till.signedInClient('manager'), 'milk')
    await copies.getByRole('button', { name: 'Restore from a file…' }).click()
    const confirm = tools.dialog.getByRole('region', { name: 'Restore from a file?' })
    await confirm.waitFor()
    expect(await focusedText(page)).toBe('Cancel Esc')
    await till.screenshot('manager-import-confirm')
    await page.keyboard.press('Escape')
    await confirm.waitFor({ state: 'detached' })
    await waitForFocusedText(till, 'Restore from a file…')

    till.dialogs.importFile = join(usb, file!)
    await page.keyboard.press('Enter')
    await confirm.waitFor()
    await confirm.getByRole('button', { name: 'Choose file and restore' }).click()
    const notice = signInNotice(page)
    await notice.waitFor()
    expect(normalise(await notice.innerText())).toMatch(
      new RegExp(`^The backup in ${file!.replace(/\./g, '\\.')} was restored and everyone was signed out: sign in again\\.`),
    )
    await till.screenshot('manager-imported-sign-in')
    // The sale made after the copy is gone with the restore.
    const reader = await till.signedInClient('manager')
    const lookup = await reader.invoke('invoices:get', { number: kept.number })
    expect(lookup.ok ? 'found' : lookup.error.code).toBe('NOT_FOUND')
  })

  it('refuses to restore from a file that is not a backup, says why, and changes nothing', async () => {
    const till = currentTill()
    const { page } = till
    const junk = join(dirname(till.dbPath), 'notes.sqlite')
    writeFileSync(junk, 'shopping list: milk, eggs')
    till.dialogs.importFile = junk
    await signInAsManager(till)
    const tools = new ManagerToolsPage(page)
    await tools.open()
    await tools.dialog.getByRole('button', { name: 'Restore from a file…' }).click()
    const confirm = tools.dialog.getByRole('region', { name: 'Restore from a file?' })
    await confirm.getByRole('button', { name: 'Choose file and restore' }).click()
    const error = confirm.getByRole('alert')
    await error.waitFor()
    expect(normalise(await error.innerText())).toMatch(/^The backup cannot be read/)
    await till.screenshot('manager-import-refused')
    const reader = await till.signedInClient('manager')
    expect((await reader.invoke('auth:session', {})).ok).toBe(true)
  })

  it('offers a cashier no manager tools, and F6 does nothing', async () => {
    const till = currentTill()
    const { page } = till
    await signInAsCashier(till)
    const tools = new ManagerToolsPage(page)
    await till.screenshot('manager-none-for-cashier')
    expect(await tools.headerButton.count()).toBe(0)
    expect(normalise(await page.locator('.key-hints').innerText())).not.toContain('F6')

    await page.keyboard.press('F6')
    // Keys are handled in order, and F4 opens nothing while another dialog is open: the finder
    // showing proves F6 opened nothing.
    await page.keyboard.press('F4')
    await page.getByRole('dialog', { name: 'Find invoice' }).waitFor()
    expect(await tools.dialog.count()).toBe(0)

    // The backend refuses a cashier whatever the screen shows.
    const cashier = await till.signedInClient('cashier')
    const refused = await cashier.invoke('backup:list', {})
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN')
    expect(till.problems).toEqual([])
  })

  it('tells the person signing in when sign-ins are slowed down and when the account is locked', async () => {
    const till = currentTill()
    const { page } = till
    const login = new LoginPage(page)
    const guesser = till.backend.connect()
    const guess = () => guesser.invoke('auth:login', { username: 'cashier', password: 'guess' })
    for (let i = 0; i < 5; i += 1) {
      const reply = await guess()
      expect(reply.ok ? 'ok' : reply.error.code).toBe('INVALID_CREDENTIALS')
    }

    // The right password, too soon after five wrong ones.
    await login.signInWithKeyboard('cashier', 'cashier')
    const throttled = page.getByRole('alert').filter({ hasText: 'Too many' })
    await throttled.waitFor()
    expect(normalise(await throttled.innerText())).toMatch(/^Too many failed sign-ins\. Try again in \d+ seconds?\.$/)
    await waitForFocusOn(page, 'sign-in-password')
    await till.screenshot('manager-sign-in-throttled')

    // Five more wrong guesses, each after its wait, lock the account.
    let last = ''
    for (let i = 0; i < 5; i += 1) {
      till.advanceClock(60_000)
      const reply = await guess()
      last = reply.ok ? 'ok' : reply.error.code
    }
    expect(last).toBe('ACCOUNT_LOCKED')
    till.advanceClock(60_000)

    await page.keyboard.type('cashier')
    await page.keyboard.press('Enter')
    const locked = page.getByRole('alert').filter({ hasText: 'locked' })
    await locked.waitFor()
    expect(normalise(await locked.innerText())).toBe('This account is locked after too many failed sign-ins. Ask a manager to unlock it.')
    expect(await page.getByRole('alert').count()).toBe(1)
    await till.screenshot('manager-sign-in-locked')
    expect(till.problems).toEqual([])
  })

  it('sends a till left idle to sign-in with the reason, and keeps its cart', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient('manager')
    const [product] = await findProducts(reader, 'dal')
    if (!product?.barcode) throw new Error('the demo store needs a dal with a barcode')

    const register = await signInAsCashier(till)
    await register.scan(product.barcode)
    await register.waitForLine(product.name, 1)

    till.advanceClock(16 * 60_000)
    // One call after the idle limit: the button's cart:add.
    await page.getByRole('button', { name: `Increase quantity of ${product.name}` }).click()
    const notice = signInNotice(page)
    await notice.waitFor()
    expect(normalise(await notice.innerText())).toBe('You were signed out after 15 minutes without activity. Please sign in again.')
    await till.screenshot('manager-sign-in-idle')

    await signInAsCashier(till)
    await register.waitForLine(product.name, 1)
    expect(till.problems).toEqual([])
  })
})
