import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import type { ProductDto } from '#shared/contract/catalog'
import { SCREENS_DIR, startHarness, type Harness, type Till } from './harness'
import { BackOfficePage } from './pages/back-office.page'
import { focusedId, focusedText, waitForFocusOn, waitForInputValue } from './pages/focus.helper'
import { LoginPage } from './pages/login.page'
import { watchContext, type PageWatch } from './pages/page-watch.helper'
import { PayPage } from './pages/pay.page'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { BalanceCheckPage, TokensPage } from './pages/tokens.page'
import { findProducts, npr, TOKENS } from './till.fixture'

// A fresh till per test whose CSP violations are recorded from before its first byte: the forms'
// schemas, the QR image and the encoder's own chunk must all load under the renderer's CSP.
let harness: Harness | undefined
let opened: Till | undefined
let watch: PageWatch | undefined

beforeAll(async () => {
  harness = await startHarness()
})
afterAll(async () => {
  await harness?.close()
})
beforeEach(async () => {
  opened = await harness!.openTill({
    beforeLoad: async (context) => {
      watch = await watchContext(context)
    },
  })
})
afterEach(async () => {
  await opened?.close()
  opened = undefined
})

function currentTill(): Till {
  if (!opened) throw new Error('no till open: call inside a test')
  return opened
}

/** Nothing the page did was refused by its CSP, and nothing went to the console as an error. */
async function expectNoProblems(current: Till): Promise<void> {
  expect(await watch!.violations(current.page)).toEqual([])
  expect(current.problems).toEqual([])
}

async function signInAsManager(till: Till): Promise<RegisterPage> {
  await new LoginPage(till.page).signInWithKeyboard('manager', 'manager')
  const register = new RegisterPage(till.page)
  await register.waitUntilShown()
  await register.waitForScanFocus()
  return register
}

async function openTokens(till: Till): Promise<TokensPage> {
  const backOffice = new BackOfficePage(till.page)
  await backOffice.open()
  await backOffice.openSection('Tokens')
  const tokens = new TokensPage(till.page)
  await tokens.rows.first().waitFor()
  return tokens
}

async function tokenIn(reader: BackendClient, code: string) {
  const reply = await reader.invoke('tokens:get', { code })
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.data
}

/** Two products in stock with barcodes, found through the backend rather than hard-coded. */
async function twoProducts(reader: BackendClient): Promise<[ProductDto, ProductDto]> {
  const [first, second] = (await findProducts(reader, 'noodles')).filter((p) => p.barcode && p.stock > 5)
  if (!first || !second) throw new Error('the demo store needs two noodle products in stock')
  return [first, second]
}

/** A scanner typing `code` into whatever has focus, then Enter. */
async function scanInto(till: Till, code: string): Promise<void> {
  await till.page.keyboard.type(code)
  await till.page.keyboard.press('Enter')
}

describe('tokens in the back office and at the till', () => {
  it('issues a token, saves its card as PDF, pays with it, tops it up and deactivates it', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient('manager')
    const [noodles, other] = await twoProducts(reader)
    const pdfDir = await mkdtemp(join(tmpdir(), 'tillwise-card-'))
    try {
      const register = await signInAsManager(till)
      // Everyone's balance key, beside a manager's own keys.
      expect(normalise(await page.locator('.key-hints').innerText())).toContain('F1 token balance')
      await till.screenshot('register-manager-keys')
      let tokens = await openTokens(till)

      // The list: the demo store's three tokens, amounts and dates as the store writes them.
      const listed = await tokens.listRows()
      expect(listed.map((row) => row[0])).toEqual(expect.arrayContaining([TOKENS.good, TOKENS.low, TOKENS.expired]))
      expect(listed.find((row) => row[0] === TOKENS.good)).toEqual([TOKENS.good, '—', npr(1_000_000), '31 Dec 2099', 'Active'])
      expect(listed.find((row) => row[0] === TOKENS.expired)?.[4]).toBe('Expired')
      expect(normalise(await tokens.range.innerText())).toBe('1–3 of 3')
      await till.screenshot('tokens-list')

      // Filters and search ask core, which pages and filters.
      await tokens.filter('Expired').check()
      await tokens.waitForRows(1)
      expect((await tokens.listRows())[0]?.[0]).toBe(TOKENS.expired)
      await tokens.filter('All').check()
      await tokens.search.fill('2222')
      await tokens.openButton(TOKENS.low).waitFor()
      await tokens.waitForRows(1)
      await tokens.search.fill('nobody by that name')
      await tokens.empty.filter({ hasText: 'No token matches.' }).waitFor()
      await tokens.search.fill('')
      await tokens.rows.nth(2).waitFor()

      // Issue: the form says what is wrong, and nothing is issued.
      await tokens.issueButton.click()
      await tokens.issueHeading.waitFor()
      expect(await focusedId(page)).toBe('issue-balance')
      const defaultExpiry = await tokens.expiresField.inputValue()
      const daysAhead = (Date.parse(defaultExpiry) - Date.now()) / 86_400_000
      expect(daysAhead).toBeGreaterThan(363)
      expect(daysAhead).toBeLessThan(367)
      await till.screenshot('tokens-issue')
      await page.keyboard.press('Enter')
      await tokens.fieldError('issue-balance').filter({ hasText: 'Enter an amount such as 500 or 1,500.50.' }).waitFor()
      await page.keyboard.type('12.345')
      await page.keyboard.press('Enter')
      await tokens.fieldError('issue-balance').filter({ hasText: 'Enter an amount such as 500 or 1,500.50.' }).waitFor()
      const listedBefore = await reader.invoke('tokens:list', {})
      if (!listedBefore.ok) throw new Error(listedBefore.error.message)
      expect(listedBefore.data.total).toBe(3)
      await till.screenshot('tokens-issue-refused')

      await tokens.balanceField.fill('1,500.50')
      await tokens.holderField.fill('Sita Sharma')
      await tokens.noteField.fill('Birthday gift')
      await tokens.noteField.press('Enter')

      // The token's page: its figures, its one ledger row, and the card offered at once.
      await tokens.pageHeading.waitFor()
      const code = normalise(await tokens.code.innerText())
      expect(code).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      const last4 = code.replace(/-/g, '').slice(-4)
      expect(normalise(await tokens.pageHeading.innerText())).toBe(`Token ending ${last4}`)
      expect(normalise(await tokens.balance.innerText())).toBe(npr(150_050))
      expect(normalise(await tokens.issuedNotice.innerText())).toBe(
        `Token issued with ${npr(150_050)}. Save its card as PDF to print it for the customer.`,
      )
      await tokens.waitForLedger(1)
      expect((await tokens.ledger())[0]?.slice(1)).toEqual([
        'Issued',
        `+${npr(150_050)}`,
        npr(150_050),
        'Maya Manager',
        '—',
        'Birthday gift',
      ])
      const issued = await tokenIn(reader, code)
      expect(issued).toMatchObject({
        balanceCents: 150_050,
        holderName: 'Sita Sharma',
        note: 'Birthday gift',
        expiresOn: defaultExpiry,
        active: true,
      })
      expect(await focusedText(page)).toBe('Save card as PDF')

      // The card: the store, the holder, the code as text and as a QR symbol drawn from SVG.
      const card = tokens.card
      await card.getByRole('img', { name: 'QR code of the token’s code' }).waitFor()
      const cardText = normalise(await card.innerText())
      expect(cardText).toContain('Tillwise Demo Store')
      expect(cardText).toContain('Sita Sharma')
      expect(normalise(await card.getByTestId('card-code').innerText())).toBe(code)
      expect(normalise(await card.getByTestId('card-balance').innerText())).toBe(npr(150_050))
      const qrSource = await card.getByRole('img').getAttribute('src')
      expect(qrSource).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/)
      await till.screenshot('token-page')
      await card.screenshot({ path: join(SCREENS_DIR, 'token-card.png') })

      // Save as PDF: a cancelled dialog says nothing; a chosen file is written and named.
      till.dialogs.pdfFile = null
      await page.keyboard.press('Enter')
      await till.waitForDelivered('documents:savePdf', 1)
      await tokens.savePdf.filter({ hasText: 'Save card as PDF' }).waitFor()
      expect(await tokens.feedback(tokens.cardPanel).count()).toBe(0)
      till.dialogs.pdfFile = join(pdfDir, `token-${last4}.pdf`)
      await tokens.savePdf.click()
      await tokens
        .feedback(tokens.cardPanel)
        .filter({ hasText: `Card saved as token-${last4}.pdf.` })
        .waitFor()
      const pdf = await readFile(till.dialogs.pdfFile)
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      // Kept beside the screenshots, to look at.
      await copyFile(till.dialogs.pdfFile, join(SCREENS_DIR, 'token-card.pdf'))
      expect(till.calls.filter((call) => call.channel === 'documents:savePdf').map((call) => call.input)).toEqual([
        { suggestedName: `token-${last4}` },
        { suggestedName: `token-${last4}` },
      ])
      // What the PDF and a printout show: the card and nothing else of the screen.
      await page.emulateMedia({ media: 'print' })
      await till.screenshot('token-card-print')
      expect(await tokens.main.isVisible()).toBe(false)
      expect(await page.locator('.print-sheet .token-card').isVisible()).toBe(true)
      await page.emulateMedia({ media: 'screen' })
      await tokens.savePdf.focus()

      // Back to the till (Esc: the list, Esc: the till), and sell with the card typed as a scanner
      // types it: upper case, with spaces around it.
      await page.keyboard.press('Escape')
      await tokens.rows.first().waitFor()
      await page.keyboard.press('Escape')
      await register.waitUntilShown()
      await register.waitForScanFocus()
      await register.scan(noodles.barcode!)
      await register.waitForLine(noodles.name, 1)
      const pay = new PayPage(page)
      await pay.open()
      await pay.payByToken(`  ${code.toUpperCase()}  `)
      const receipt = new ReceiptPage(page)
      await receipt.paidTitle.waitFor()
      expect(normalise(await receipt.message.innerText())).toBe(
        `Payment successfully completed with ${npr(noodles.priceCents)} from your balance!`,
      )
      await page.keyboard.press('Enter')
      await register.waitForScanFocus()

      // The card scanned into the register's own field, with items in the cart: the pay dialog
      // opens with the token filled in, and Enter pays.
      await register.scan(other.barcode!)
      await register.waitForLine(other.name, 1)
      await scanInto(till, code)
      await pay.dialog.waitFor()
      await waitForInputValue(page, '#pay-token', code)
      expect(normalise(await pay.amountDue.innerText())).toBe(npr(other.priceCents))
      await page.keyboard.press('Enter')
      await receipt.paidTitle.waitFor()
      await page.keyboard.press('Enter')
      await register.waitForScanFocus()
      const afterSales = 150_050 - noodles.priceCents - other.priceCents
      expect((await tokenIn(reader, code)).balanceCents).toBe(afterSales)

      // The ledger shows both sales, newest first, with their invoice numbers.
      const invoices = await reader.invoke('invoices:list', {})
      if (!invoices.ok) throw new Error(invoices.error.message)
      const [second, first] = invoices.data.items
      tokens = await openTokens(till)
      await tokens.search.fill(last4)
      await tokens.openButton(code).click()
      await tokens.waitForLedger(3)
      expect(normalise(await tokens.balance.innerText())).toBe(npr(afterSales))
      expect((await tokens.ledger()).map((row) => row.slice(1, 6))).toEqual([
        ['Sale', npr(-other.priceCents), npr(afterSales), 'Maya Manager', String(second!.number)],
        ['Sale', npr(-noodles.priceCents), npr(150_050 - noodles.priceCents), 'Maya Manager', String(first!.number)],
        ['Issued', `+${npr(150_050)}`, npr(150_050), 'Maya Manager', '—'],
      ])
      await tokens.ledgerRows.last().scrollIntoViewIfNeeded()
      await till.screenshot('token-page-ledger')

      // Top up: a bad amount stays on the screen; a top-up past what a token may hold is core's
      // refusal, said in words, and changes nothing; a good one is a new ledger row.
      await tokens.topUpAmount.fill('abc')
      await tokens.topUpSubmit.click()
      await tokens.fieldError('topup-amount').filter({ hasText: 'Enter an amount such as 500 or 1,500.50.' }).waitFor()
      await tokens.topUpAmount.fill('999,999,999')
      await tokens.topUpSubmit.click()
      await tokens
        .feedback(tokens.topUpSection)
        .filter({ hasText: `A token can hold at most ${npr(100_000_000_000)}.` })
        .waitFor()
      expect((await tokenIn(reader, code)).ledger).toHaveLength(3)
      await tokens.topUpAmount.fill('200')
      await tokens.topUpNote.fill('Cash at the counter')
      await tokens.topUpNote.press('Enter')
      const toppedUp = afterSales + 20_000
      await tokens
        .feedback(tokens.topUpSection)
        .filter({ hasText: `Topped up by ${npr(20_000)}. The balance is now ${npr(toppedUp)}.` })
        .waitFor()
      await tokens.waitForLedger(4)
      expect((await tokens.ledger())[0]?.slice(1)).toEqual([
        'Top-up',
        `+${npr(20_000)}`,
        npr(toppedUp),
        'Maya Manager',
        '—',
        'Cash at the counter',
      ])
      expect(await tokens.topUpAmount.inputValue()).toBe('')

      // A new last day and no holder's name: the page and the card follow, the ledger does not move.
      await tokens.expiryField.fill('2030-06-30')
      await tokens.expirySubmit.click()
      await tokens.feedback(tokens.expirySection).filter({ hasText: 'Valid until 30 Jun 2030 now.' }).waitFor()
      await tokens.holderName.fill('')
      await tokens.holderSubmit.click()
      await tokens.feedback(tokens.holderSection).filter({ hasText: 'The card has no holder’s name now.' }).waitFor()
      expect(await tokenIn(reader, code)).toMatchObject({ expiresOn: '2030-06-30', holderName: null, balanceCents: toppedUp })
      expect(normalise(await tokens.card.innerText())).not.toContain('Sita Sharma')
      expect(normalise(await tokens.card.innerText())).toContain('30 Jun 2030')
      await tokens.waitForLedger(4)

      // Deactivate: the page says so, and the till refuses the token like an unknown one.
      await tokens.activeSection.getByRole('button', { name: 'Deactivate' }).click()
      await tokens.feedback(tokens.activeSection).filter({ hasText: 'Deactivated: the till refuses this token now.' }).waitFor()
      expect(normalise(await tokens.status.innerText())).toBe('Inactive')
      await tokens.activeSection.getByRole('button', { name: 'Reactivate' }).waitFor()
      await till.screenshot('token-page-deactivated')
      expect((await tokenIn(reader, code)).active).toBe(false)

      await page.keyboard.press('Escape')
      await tokens.rows.first().waitFor()
      await page.keyboard.press('Escape')
      await register.waitForScanFocus()
      await register.scan(noodles.barcode!)
      await register.waitForLine(noodles.name, 1)
      await pay.open()
      await pay.payByToken(code)
      await receipt.failedTitle.waitFor()
      expect(normalise(await receipt.message.innerText())).toBe(`Invalid token '${code}'`)
      await till.screenshot('token-refused-deactivated')
      expect((await tokenIn(reader, code)).balanceCents).toBe(toppedUp)
      await page.keyboard.press('Enter')
      await register.waitForScanFocus()
      await expectNoProblems(till)
    } finally {
      await rm(pdfDir, { recursive: true, force: true })
    }
  })

  it('checks a balance at the till for anyone signed in, and says an unknown code', async () => {
    const till = currentTill()
    const { page } = till
    await new LoginPage(page).signInWithKeyboard('cashier', 'cashier')
    const register = new RegisterPage(page)
    await register.waitForScanFocus()
    const balance = new BalanceCheckPage(page)
    expect(normalise(await balance.headerButton.innerText())).toBe('Token balance F1')
    expect(normalise(await page.locator('.key-hints').innerText())).toContain('F1 token balance')

    await balance.open()
    await scanInto(till, ` ${TOKENS.good.toUpperCase()} `)
    await balance.answer.waitFor()
    expect(await balance.facts()).toEqual({ Balance: npr(1_000_000), 'Valid until': '31 Dec 2099', Status: 'Active' })
    expect(normalise(await balance.answer.innerText())).toContain('Can pay today.')
    await till.screenshot('balance-check')

    // The code stays selected: the next card scanned replaces it.
    await scanInto(till, TOKENS.expired)
    await balance.answer.filter({ hasText: 'This token has expired: it cannot pay.' }).waitFor()
    expect((await balance.facts())['Status']).toBe('Expired')

    await scanInto(till, '44444444-4444-4444-8444-444444444444')
    await balance.error.filter({ hasText: "Invalid token '44444444-4444-4444-8444-444444444444'" }).waitFor()
    expect(await balance.answer.count()).toBe(0)
    await till.screenshot('balance-check-unknown')

    await page.keyboard.press('Escape')
    await balance.dialog.waitFor({ state: 'detached' })
    await register.waitForScanFocus()

    // A card scanned into the register with nothing in the cart: the customer wants its balance.
    await scanInto(till, TOKENS.low)
    await balance.dialog.waitFor()
    await balance.answer.filter({ hasText: npr(500) }).waitFor()
    expect(await register.lines.count()).toBe(0)
    await balance.dialog.getByRole('button', { name: /^Close/ }).click()
    await register.waitForScanFocus()
    await waitForFocusOn(page, 'scan-field')
    await expectNoProblems(till)
  })
})
