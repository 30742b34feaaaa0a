import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import type { InvoiceDto } from '#shared/contract/invoices'
import type { Locator, Page } from 'playwright-core'
import type { Till } from './harness'
import { DiscountsPage } from './pages/discounts.page'
import { focusedId, focusedText, waitForFocusOn } from './pages/focus.helper'
import { PayPage } from './pages/pay.page'
import { normalise, ReceiptPage } from './pages/receipt.page'
import { demoProduct, npr, signInAsCashier, TOKENS, useTills } from './till.fixture'

const currentTill = useTills()

/** Half-up of bps × base ÷ 10 000, as the pricing engine turns a percent into an amount. */
const percentOf = (bps: number, baseCents: number) => Math.floor((bps * baseCents + 5_000) / 10_000)
/** The demo's cash rounding: to NPR 1.00, half up. */
const roundCashHalfUp = (cents: number) => Math.floor((cents + 50) / 100) * 100

const LINE_DISCOUNT_BPS = 700
const PROMO_BPS = 500
const CARD_CENTS = 30_000
const CARD_REFERENCE = 'AUTH-551207'
const CASH_HANDED_CENTS = 100_000

async function read<T>(reply: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await reply
  if (!result.ok) throw new Error(result.error.message)
  return result.data
}

/** A receipt's payment block, row by row in its order: [label, value]. */
async function paymentRows(scope: ReceiptPage): Promise<string[][]> {
  const rows = await scope.receipt
    .locator('dl.receipt-payment > div')
    .evaluateAll((items) => items.map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? '']))
  return rows.map((cells) => cells.map(normalise))
}

/** Sale figures (subtotal, discount, each tax with its base) as [label, value], on a receipt or beside the cart. */
async function figureRows(figures: Locator): Promise<string[][]> {
  const rows = await figures
    .locator(':scope > div')
    .evaluateAll((items) => items.map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? '']))
  return rows.map((cells) => cells.map(normalise))
}

/** The focused control's accessible label, for fields without an id (the return's quantities). */
async function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      (
        globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }
      ).document.activeElement?.getAttribute('aria-label') ?? null,
  )
}

/** Tab until `reached` says the focus is where the test wants it (at most `limit` presses). */
async function tabUntil(page: Page, reached: () => Promise<boolean>, limit = 15): Promise<void> {
  for (let step = 0; step < limit && !(await reached()); step += 1) await page.keyboard.press('Tab')
  expect(await reached()).toBe(true)
}

/** The sale as the receipt prints its lines: each line, then its discount (own and share of the sale's) when it has one. */
function receiptLinesOf(invoice: InvoiceDto): string[][] {
  return invoice.lines.flatMap((line) => [
    [line.name, String(line.quantity), npr(line.unitPriceCents), npr(line.subAmountCents)],
    ...(line.discountCents > 0 ? [['Discount (incl. share of the sale’s)', `−${npr(line.discountCents)}`]] : []),
  ])
}

async function lastInvoice(client: BackendClient): Promise<InvoiceDto> {
  const list = await read(client.invoke('invoices:list', {}))
  return read(client.invoke('invoices:get', { id: list.items[0]!.id }))
}

async function shot(till: Till, step: string): Promise<void> {
  await till.screenshot(`full-sale-${step}`)
}

describe('a whole sale and its return, keyboard only', () => {
  it('scans, discounts a line, applies a promo, pays by token, card and cash, and takes one discounted unit back to the token first', async () => {
    const till = currentTill()
    const { page } = till
    const manager = await till.signedInClient('manager')
    // The demo store as the sale relies on it: VAT 13% included, cash to NPR 1.00 half-up, a cashier's limit of 10%.
    const settings = await read(manager.invoke('settings:get', {}))
    expect(settings).toMatchObject({ cashRoundingIncrementCents: 100, cashRoundingMode: 'halfUp', discountLimitBps: 1000 })
    expect(settings.wallets).toEqual(['eSewa', 'Khalti', 'Fonepay'])
    const dal = await demoProduct(manager, 'chana dal')
    const sugar = await demoProduct(manager, 'sugar')
    const tea = await demoProduct(manager, 'tokla')
    // A promo for the whole sale, made by a manager.
    await read(
      manager.invoke('promos:create', { code: 'FULLSALE5', name: 'Five off everything', kind: 'percent', value: PROMO_BPS, active: true }),
    )
    expect(await read(manager.invoke('tokens:balance', { code: TOKENS.low }))).toMatchObject({ balanceCents: 500 })

    const register = await signInAsCashier(till)
    const cashier = await till.signedInClient('cashier')
    const discounts = new DiscountsPage(page)

    // Dal, sugar, tea, then dal again: the second dal is the line last touched, so Ctrl+D is for it.
    for (const product of [dal, sugar, tea]) {
      await register.scan(product.sku)
      await register.waitForLine(product.name, 1)
    }
    await register.scan(dal.sku)
    await register.waitForLine(dal.name, 2)
    expect(await register.lineNames()).toEqual([dal.name, sugar.name, tea.name])
    const basketCents = 2 * dal.priceCents + sugar.priceCents + tea.priceCents
    await register.waitForTotal(npr(basketCents))
    await shot(till, '01-scanned')

    // 7% off the two dal, within the cashier's limit, with a reason.
    await discounts.open('line')
    expect(normalise(await discounts.dialog.getByRole('heading').innerText())).toBe(`Discount on ${dal.name}`)
    expect(normalise(await discounts.summary.innerText())).toBe(`2 × ${npr(dal.priceCents)} = ${npr(2 * dal.priceCents)}`)
    await page.keyboard.type('7')
    await page.keyboard.press('Tab')
    expect(await focusedId(page)).toBe('discount-reason')
    await page.keyboard.type('Dented tins')
    await shot(till, '02-line-discount')
    await page.keyboard.press('Enter')
    await discounts.dialog.waitFor({ state: 'detached' })
    const lineOff = percentOf(LINE_DISCOUNT_BPS, 2 * dal.priceCents)
    await register.waitForTotal(npr(basketCents - lineOff))
    const dalRow = register.line(dal.name)
    expect(normalise(await discounts.lineDiscount(dalRow).innerText())).toBe('−7% off · Dented tins')
    expect(await discounts.lineAmount(dalRow)).toBe(npr(2 * dal.priceCents - lineOff))
    await register.waitForScanFocus()

    // Ctrl+K and the manager's code.
    await discounts.openPromo()
    await page.keyboard.type('fullsale5')
    await page.keyboard.press('Enter')
    await discounts.promoDialog.waitFor({ state: 'detached' })
    const cart = await read(cashier.invoke('cart:get', {}))
    expect(cart.promo?.code).toBe('FULLSALE5')
    const promoOff = cart.promo!.discountCents
    expect(promoOff).toBe(percentOf(PROMO_BPS, basketCents - lineOff))
    const totalCents = basketCents - lineOff - promoOff
    expect(cart.totalCents).toBe(totalCents)
    await register.waitForTotal(npr(totalCents))
    expect(normalise(await discounts.cartPromo.innerText())).toBe(`Promo FULLSALE5 · Five off everything −${npr(promoOff)}`)
    await register.waitForScanFocus()
    await shot(till, '03-promo')
    const cartFigures = await figureRows(page.locator('.total-panel dl.sale-figures'))

    // F9, F2: the low token pays what it holds.
    const pay = new PayPage(page)
    await pay.open()
    expect(normalise(await pay.amountDue.innerText())).toBe(npr(totalCents))
    await page.keyboard.press('F2')
    await pay.waitForFocus('pay-token')
    await page.keyboard.type(TOKENS.low)
    await pay.addTender()
    await pay.waitForFocus('pay-cash')
    expect(await pay.tenderRows()).toEqual([['Token ending 2222', `balance ${npr(500)}`, npr(500)]])

    // Alt+C: the card's amount starts at what is due, selected; part of it, with the terminal's reference.
    await page.keyboard.press('Alt+C')
    await pay.waitForFocus('pay-amount')
    expect(await pay.cardMethod.isChecked()).toBe(true)
    expect(normalise(await pay.amountField.inputValue())).toBe(((totalCents - 500) / 100).toFixed(2))
    await page.keyboard.type(String(CARD_CENTS / 100))
    await page.keyboard.press('Tab')
    await pay.waitForFocus('pay-reference')
    await page.keyboard.type(CARD_REFERENCE)
    await pay.addTender()

    // F3: the rest in cash, due rounded to the rupee.
    await page.keyboard.press('F3')
    await pay.waitForFocus('pay-cash')
    const exactCashCents = totalCents - 500 - CARD_CENTS
    const cashDueCents = roundCashHalfUp(exactCashCents)
    const roundingCents = cashDueCents - exactCashCents
    expect(roundingCents).not.toBe(0)
    expect(normalise(await pay.due.innerText())).toBe(npr(exactCashCents))
    expect(normalise(await pay.dueInCash.innerText())).toBe(npr(cashDueCents))
    await shot(till, '04-pay-before-cash')
    await page.keyboard.type(String(CASH_HANDED_CENTS / 100))
    const changeCents = CASH_HANDED_CENTS - cashDueCents
    await pay.change.filter({ hasText: 'Change' }).waitFor()
    expect(normalise(await pay.change.innerText())).toBe(`Change: ${npr(changeCents)}`)
    expect(normalise(await pay.rounding.innerText())).toBe(npr(roundingCents))
    expect(normalise(await pay.due.innerText())).toBe(npr(0))
    expect(await pay.tenderRows()).toEqual([
      ['Token ending 2222', `balance ${npr(500)}`, npr(500)],
      ['Card', `ref. ${CARD_REFERENCE}`, npr(CARD_CENTS)],
      ['Cash', `${npr(CASH_HANDED_CENTS)} handed over`, npr(cashDueCents)],
    ])
    await shot(till, '05-pay-split')
    await page.keyboard.press('Enter')

    // The receipt, figure by figure, against the invoice the backend stored.
    const receipt = new ReceiptPage(page)
    await receipt.paidTitle.waitFor()
    await receipt.receipt.waitFor()
    await shot(till, '06-receipt')
    const invoice = await lastInvoice(manager)
    expect(invoice).toMatchObject({
      paymentMethod: 'split',
      totalCents,
      roundingCents,
      changeCents,
      promo: { code: 'FULLSALE5', discountCents: promoOff },
    })
    expect(invoice.discountCents).toBe(lineOff + promoOff)
    expect(invoice.tenders.map((tender) => [tender.method, tender.amountCents])).toEqual([
      ['token', 500],
      ['card', CARD_CENTS],
      ['cash', cashDueCents],
    ])
    expect(normalise(await receipt.message.innerText())).toBe(`Payment of ${npr(totalCents + roundingCents)} received in 3 tenders.`)
    expect(normalise(await receipt.receipt.locator('.receipt-number').innerText())).toBe(`Invoice ${invoice.number}`)
    expect(await receipt.lines()).toEqual(receiptLinesOf(invoice))
    // The dal carries its own 7% and its share of the promo; the others their share alone.
    const dalLine = invoice.lines.find((line) => line.productId === dal.id)!
    expect(dalLine.discountCents).toBeGreaterThan(lineOff)
    expect(invoice.lines.reduce((sum, line) => sum + line.discountCents, 0)).toBe(invoice.discountCents)
    expect(normalise(await receipt.receipt.getByTestId('receipt-promo').innerText())).toBe(
      `of which promo FULLSALE5 · Five off everything: −${npr(promoOff)}`,
    )
    expect(invoice.taxes).toHaveLength(1)
    const [vat] = invoice.taxes
    expect(vat).toMatchObject({ name: 'VAT', rateBps: 1300, included: true })
    const saleFigures = [
      ['Subtotal (excl. tax)', npr(invoice.subtotalCents)],
      ['Discount', `−${npr(invoice.discountCents)}`],
      [`VAT 13% included on ${npr(vat!.baseCents)}`, npr(vat!.taxCents)],
    ]
    expect(await figureRows(receipt.receipt.locator('dl.receipt-figures'))).toEqual(saleFigures)
    // The cart showed the same figures before the payment.
    expect(cartFigures.slice(0, 3)).toEqual(saleFigures)
    expect(invoice.subtotalCents + invoice.taxCents).toBe(totalCents)
    expect(await receipt.total()).toBe(npr(invoice.totalCents))
    const [tokenTender, cardTender, cashTender] = invoice.tenders
    expect(await paymentRows(receipt)).toEqual([
      ['Token ending 2222', npr(tokenTender!.amountCents)],
      ['Remaining token balance', npr(tokenTender!.tokenBalanceAfterCents!)],
      ['Card', npr(cardTender!.amountCents)],
      ['Reference', cardTender!.reference!],
      ['Cash', npr(cashTender!.amountCents)],
      ['Cash tendered', npr(cashTender!.tenderedCents!)],
      ['Change', npr(cashTender!.changeCents!)],
      ['Cash rounding', npr(invoice.roundingCents)],
    ])
    expect([tokenTender!.tokenBalanceAfterCents, cardTender!.reference, cashTender!.tenderedCents, cashTender!.changeCents]).toEqual([
      0,
      CARD_REFERENCE,
      CASH_HANDED_CENTS,
      changeCents,
    ])
    expect(await receipt.text()).not.toContain(TOKENS.low)
    await receipt.receipt.locator('dl.receipt-payment').scrollIntoViewIfNeeded()
    await shot(till, '06-receipt-tenders')

    // New sale, then F4 finds the invoice and Alt+R takes one dal back.
    expect(await focusedText(page)).toMatch(/^New sale/)
    await page.keyboard.press('Enter')
    await register.waitForScanFocus()
    await page.keyboard.press('F4')
    const finder = page.getByRole('dialog', { name: 'Find invoice' })
    await finder.waitFor()
    await page.keyboard.type(String(invoice.number))
    await page.keyboard.press('Enter')
    const found = new ReceiptPage(page, finder)
    await found.receipt.waitFor()
    expect(await found.lines()).toEqual(receiptLinesOf(invoice))
    await shot(till, '07-finder')
    await page.keyboard.press('Alt+R')

    const returnDialog = page.getByRole('dialog', { name: `Return items from invoice ${invoice.number}` })
    await returnDialog.waitFor()
    const dalUnits = `Units of ${dal.name} to return`
    await tabUntil(page, async () => (await focusedLabel(page)) === dalUnits)
    await page.keyboard.press('ArrowUp')
    expect(await returnDialog.getByLabel(dalUnits).inputValue()).toBe('1')
    await tabUntil(page, async () => (await focusedId(page)) === 'return-reason')
    await page.keyboard.type('Tin leaking')
    // One dal's share of what the line cost, half up: to the token as far as it paid, the rest to the card.
    const refundCents = Math.round(dalLine.totalCents / dalLine.quantity)
    const tenders = returnDialog.getByTestId('return-refund-tender')
    await tenders.first().waitFor()
    await returnDialog.getByRole('button', { name: `Refund ${npr(refundCents)}` }).waitFor()
    expect((await tenders.allInnerTexts()).map(normalise)).toEqual([
      `To token ending 2222 ${npr(500)}`,
      `On the card terminal (sale reference ${CARD_REFERENCE}) ${npr(refundCents - 500)}`,
    ])
    await shot(till, '08-return-dialog')
    await page.keyboard.press('Enter')

    // A cashier lacks sale.return: the manager approves at this till.
    const approval = page.getByRole('dialog', { name: 'Manager approval' })
    await approval.waitFor()
    await waitForFocusOn(page, 'return-approver')
    await shot(till, '09-return-approval')
    await page.keyboard.type('manager')
    await page.keyboard.press('Tab')
    await page.keyboard.type('manager')
    await page.keyboard.press('Enter')

    const made = page.getByRole('dialog', { name: 'Return 1' })
    await made.waitFor()
    const returnReceipt = new ReceiptPage(page, made)
    await returnReceipt.receipt.waitFor()
    await shot(till, '10-return-receipt')
    expect(await returnReceipt.facts()).toMatchObject({
      'Approved by': 'Maya Manager',
      'Original invoice': String(invoice.number),
      Reason: 'Tin leaking',
    })
    expect(await returnReceipt.lines()).toEqual([[dal.name, '1', npr(refundCents)]])
    expect(await returnReceipt.total()).toBe(npr(refundCents))
    expect(await paymentRows(returnReceipt)).toEqual([
      ['Token ending 2222', npr(500)],
      ['Remaining token balance', npr(500)],
      ['Card', npr(refundCents - 500)],
      ['Reference', CARD_REFERENCE],
    ])
    await page.keyboard.press('Escape')
    await made.waitFor({ state: 'detached' })
    await register.waitForScanFocus()

    // The backend agrees: the invoice records the return, the token holds its part again.
    const after = await read(manager.invoke('invoices:get', { id: invoice.id }))
    expect(after.lines.map((line) => line.returnedQuantity)).toEqual(invoice.lines.map((line) => (line.id === dalLine.id ? 1 : 0)))
    expect(after.returns.map((row) => [row.kind, row.refundCents, row.reason])).toEqual([['return', refundCents, 'Tin leaking']])
    expect(await read(manager.invoke('tokens:balance', { code: TOKENS.low }))).toMatchObject({ balanceCents: 500 })
    expect(till.problems).toEqual([])
  })
})
