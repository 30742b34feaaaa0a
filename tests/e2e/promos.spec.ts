import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import type { Page } from 'playwright-core'
import { BackOfficePage } from './pages/back-office.page'
import { DiscountsPage } from './pages/discounts.page'
import { focusedId, focusedText } from './pages/focus.helper'
import { hintsInView } from './pages/key-hints.helper'
import { LoginPage } from './pages/login.page'
import { payCash } from './pages/cash-sale.helper'
import { PromosPage } from './pages/promos.page'
import { normalise } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'
import { findProducts, npr, signInAsCashier, useTills } from './till.fixture'

const currentTill = useTills()

async function read<T>(reply: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await reply
  if (!result.ok) throw new Error(result.error.message)
  return result.data
}

const promoNamed = async (reader: BackendClient, code: string) => {
  const promo = (await read(reader.invoke('promos:list', { query: code }))).items.find((item) => item.code === code)
  if (!promo) throw new Error(`no promo ${code}`)
  return promo
}

/** ↓ through the back office's navigation until the section is focused, then Enter. */
async function chooseSection(page: Page, backOffice: BackOfficePage, name: string): Promise<void> {
  for (let step = 0; step < 10 && (await focusedText(page)) !== name; step += 1) await page.keyboard.press('ArrowDown')
  expect(await focusedText(page)).toBe(name)
  await page.keyboard.press('Enter')
  await backOffice.heading.filter({ hasText: name }).waitFor()
}

describe('promo codes', () => {
  it('a manager makes a code in the back office; a cashier is told why another is refused, applies it and pays', async () => {
    const till = currentTill()
    const { page } = till
    const manager = await till.signedInClient('manager')
    const [milk] = await findProducts(manager, 'fresh milk')
    const [rice] = await findProducts(manager, 'basmati')
    const [paneer] = await findProducts(manager, 'paneer')
    if (!milk || !rice || !paneer) throw new Error('the demo store needs fresh milk, basmati rice and paneer')
    const dairy = (await read(manager.invoke('categories:list', {}))).items.find((category) => category.name === 'Dairy')
    if (!dairy) throw new Error('the demo store needs a Dairy category')
    // A code that ended before today (the till's clock is 15 March 2026).
    await read(
      manager.invoke('promos:create', {
        code: 'WINTER',
        name: 'Winter sale',
        kind: 'amount',
        value: 5_000,
        endsOn: '2026-02-28',
        active: true,
      }),
    )

    // The manager, from the keyboard: F8, down to Promo codes, Alt+N.
    await new LoginPage(page).signInWithKeyboard('manager', 'manager')
    await new RegisterPage(page).waitForScanFocus()
    // A manager's longer list of keys fits too.
    await till.screenshot('till-keys-manager')
    expect(await hintsInView(page)).toBe(true)
    const backOffice = new BackOfficePage(page)
    await backOffice.open()
    await chooseSection(page, backOffice, 'Promo codes')
    const promos = new PromosPage(page)
    await promos.row('WINTER').waitFor()
    await page.keyboard.press('Alt+N')
    await promos.dialog.waitFor()
    expect(await focusedId(page)).toBe('promo-code-field')
    await page.keyboard.type('DAIRY10')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Dairy week')
    await page.keyboard.press('Tab')
    // The kind's radios (a percent is chosen), then the value.
    await page.keyboard.press('Tab')
    expect(await focusedId(page)).toBe('promo-value')
    await page.keyboard.type('10')
    await till.screenshot('promo-editor-top')
    await page.keyboard.press('Tab')
    await page.keyboard.type('100')
    await page.keyboard.press('Tab')
    await page.keyboard.type('5')
    await page.keyboard.press('Tab')
    expect(await focusedId(page)).toBe('promo-starts')
    // A date field's typing order follows the machine's locale: the days are set as the field holds them.
    await promos.startsOn.fill('2026-03-01')
    await page.keyboard.press('Tab')
    await promos.endsOn.fill('2026-03-31')
    expect([await promos.startsOn.inputValue(), await promos.endsOn.inputValue()]).toEqual(['2026-03-01', '2026-03-31'])
    // The categories' check boxes (past the date's own day, month and year stops): Space ticks Dairy.
    const dairyBox = promos.dialog.getByRole('checkbox', { name: 'Dairy', exact: true })
    await dairyBox.focus()
    await page.keyboard.press('Space')
    expect(await dairyBox.isChecked()).toBe(true)
    // A product found by name: Enter in the search adds the first match.
    await promos.productSearch.focus()
    await page.keyboard.type('paneer')
    await promos.dialog.getByRole('list', { name: 'Matching products' }).getByText(paneer.name).waitFor()
    await page.keyboard.press('Enter')
    await promos.chosenProducts.getByText(paneer.name).waitFor()
    await promos.chosenProducts.scrollIntoViewIfNeeded()
    await till.screenshot('promo-editor')
    // Enter on the match's check box saves the form.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await promos.status.filter({ hasText: 'Created the promo code DAIRY10.' }).waitFor()
    await promos.dialog.waitFor({ state: 'detached' })
    expect(await promos.rowTexts('DAIRY10')).toEqual([
      'DAIRY10',
      'Dairy week',
      '10% off on chosen items',
      npr(10_000),
      '1 Mar 2026 – 31 Mar 2026',
      '0 of 5',
      'On',
    ])
    expect(await promoNamed(manager, 'DAIRY10')).toMatchObject({
      kind: 'percent',
      value: 1000,
      minSpendCents: 10_000,
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      maxUses: 5,
      categoryIds: [dairy.id],
      productIds: [paneer.id],
      active: true,
    })
    expect(await promos.rowTexts('WINTER')).toEqual(['WINTER', 'Winter sale', `${npr(5_000)} off`, '—', 'Until 28 Feb 2026', '0', 'On'])
    await till.screenshot('promos-section')

    // Back to the till and out; the cashier signs in.
    await page.keyboard.press('Escape')
    const register = new RegisterPage(page)
    await register.waitForScanFocus()
    await register.signOutButton.focus()
    await page.keyboard.press('Enter')
    await signInAsCashier(till)
    const discounts = new DiscountsPage(page)

    await register.scan(rice.sku)
    await register.waitForLine(rice.name, 1)
    await register.scan(milk.sku)
    await register.waitForLine(milk.name, 1)

    // Refusals say why, and leave the cart as it was.
    await discounts.openPromo()
    await page.keyboard.type('winter')
    await page.keyboard.press('Enter')
    await discounts.promoError.filter({ hasText: "The promo code 'WINTER' ended on 28 Feb 2026." }).waitFor()
    await till.screenshot('promo-refused')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('dairy10')
    await page.keyboard.press('Enter')
    await discounts.promoError
      .filter({
        hasText: `The promo code 'DAIRY10' needs a spend of ${npr(10_000)} on the items it covers; this sale has ${npr(milk.priceCents)} of them.`,
      })
      .waitFor()
    await page.keyboard.press('Escape')
    await discounts.promoDialog.waitFor({ state: 'detached' })
    await register.waitForScanFocus()
    await register.waitForTotal(npr(rice.priceCents + milk.priceCents))

    // A second milk reaches the minimum: the code takes 10% off the dairy only.
    await register.scan(milk.sku)
    await register.waitForLine(milk.name, 2)
    await discounts.openPromo()
    await page.keyboard.type('dairy10')
    await page.keyboard.press('Enter')
    await discounts.promoDialog.waitFor({ state: 'detached' })
    const off = Math.floor((1000 * 2 * milk.priceCents + 5_000) / 10_000)
    const totalCents = rice.priceCents + 2 * milk.priceCents - off
    await register.waitForTotal(npr(totalCents))
    expect(normalise(await discounts.cartPromo.innerText())).toBe(`Promo DAIRY10 · Dairy week −${npr(off)}`)
    await register.notice.filter({ hasText: `Promo DAIRY10 applied: ${npr(off)} off.` }).waitFor()
    await register.waitForScanFocus()

    // One milk back on the shelf: the code stays but says what it needs, and takes nothing off.
    await register.quantityOf(milk.name).focus()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('1')
    await page.keyboard.press('Enter')
    await discounts.cartPromo
      .filter({ hasText: `Add ${npr(10_000 - milk.priceCents)} more of the items DAIRY10 covers to use it.` })
      .waitFor()
    await register.waitForTotal(npr(rice.priceCents + milk.priceCents))
    await till.screenshot('cart-promo-problem')
    await register.scan(milk.sku)
    await register.waitForLine(milk.name, 2)
    await register.waitForTotal(npr(totalCents))

    // Ctrl+K shows the code in the sale, and Esc keeps it.
    await discounts.openPromo()
    expect(normalise(await discounts.promoCurrent.innerText())).toContain(`In this sale: DAIRY10 · Dairy week −${npr(off)}`)
    await till.screenshot('promo-dialog')
    await page.keyboard.press('Escape')
    await discounts.promoDialog.waitFor({ state: 'detached' })

    // Paid in cash: the receipt shows what it took off, and the code counts one use.
    const receipt = await payCash(page, totalCents)
    expect(await receipt.total()).toBe(npr(totalCents))
    expect((await receipt.facts())['Discount']).toBe(`−${npr(off)}`)
    await till.screenshot('promo-receipt')
    expect((await promoNamed(manager, 'DAIRY10')).uses).toBe(1)
    expect(till.problems).toEqual([])
  })
})
