import { describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import type { ChannelOutput } from '#shared/ipc/contract'
import { BackOfficePage } from './pages/back-office.page'
import { focusedId, focusedText } from './pages/focus.helper'
import { ProductsPage } from './pages/products.page'
import { normalise } from './pages/receipt.page'
import { openSectionAsManager } from './pages/section.helper'
import { SettingsPage } from './pages/settings.page'
import { TaxChoicesPart, TaxesPage } from './pages/taxes.page'
import { useTills } from './till.fixture'

const currentTill = useTills()

async function read<T>(reply: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await reply
  if (!result.ok) throw new Error(result.error.message)
  return result.data
}

const taxesOf = async (reader: BackendClient) => (await read(reader.invoke('taxes:list', {}))).items
const taxNamed = async (reader: BackendClient, name: string): Promise<ChannelOutput<'taxes:list'>['items'][number]> => {
  const tax = (await taxesOf(reader)).find((item) => item.name === name)
  if (!tax) throw new Error(`no tax called ${name}`)
  return tax
}

describe('taxes', () => {
  it('a manager creates a rate, gives it to a product in the product form and sets the store’s tax and cash settings', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient('manager')
    const demoProducts = (await read(reader.invoke('products:list', { status: 'all', limit: 1 }))).total

    // The Taxes section: the demo's VAT, 13% included, on every product.
    await openSectionAsManager(page, 'Taxes')
    const taxes = new TaxesPage(page)
    await taxes.row('VAT').waitFor()
    expect(await taxes.rowTexts('VAT')).toEqual(['VAT', '13%', 'Included in the price', 'On', String(demoProducts)])

    // A new rate from the keyboard: Alt+N in the section, the name, Tab, the rate, Enter.
    await taxes.newButton.focus()
    expect(await focusedText(page)).toBe('New tax Alt+N')
    await page.keyboard.press('Alt+N')
    await taxes.dialog.waitFor()
    expect(await focusedId(page)).toBe('tax-name')
    await page.keyboard.type('Service charge')
    await page.keyboard.press('Tab')
    await page.keyboard.type('ten')
    await page.keyboard.press('Enter')
    await taxes.fieldError(taxes.rate).filter({ hasText: 'Enter the rate as a percent' }).waitFor()
    expect(till.calls.some((call) => call.channel === 'taxes:create')).toBe(false)
    await taxes.rate.fill('12.5')
    await taxes.added.check()
    await till.screenshot('tax-editor')
    await taxes.rate.press('Enter')
    await taxes.status.filter({ hasText: 'Created the tax “Service charge”.' }).waitFor()
    await taxes.dialog.waitFor({ state: 'detached' })
    expect(await taxes.rowTexts('Service charge')).toEqual(['Service charge', '12.5%', 'Added on top', 'On', '0'])
    const service = await taxNamed(reader, 'Service charge')
    expect(service).toMatchObject({ rateBps: 1250, included: false, active: true })

    // A name another rate has, in other letters: core's refusal in the form, nothing written.
    await taxes.newButton.click()
    await taxes.name.fill('vat')
    await taxes.rate.fill('5')
    await taxes.submit.click()
    await taxes.dialogError.filter({ hasText: "There is already a tax called 'VAT'." }).waitFor()
    expect(await taxesOf(reader)).toHaveLength(2)
    await page.keyboard.press('Escape')
    await taxes.dialog.waitFor({ state: 'detached' })

    // A rate to switch off: kept in the list, marked, and no longer offered for products.
    await taxes.newButton.click()
    await taxes.name.fill('Old levy')
    await taxes.rate.fill('2')
    await taxes.submit.click()
    await taxes.row('Old levy').waitFor()
    await taxes.action('Switch off Old levy').click()
    await taxes.status.filter({ hasText: '“Old levy” is switched off' }).waitFor()
    expect(await taxes.rowTexts('Old levy')).toEqual(['Old levy', '2%', 'Included in the price', 'Switched off', '0'])
    await till.screenshot('taxes-section')

    // The product form: VAT ticked on the demo's milk, the new rate offered, the switched-off one not.
    const backOffice = new BackOfficePage(page)
    await backOffice.openSection('Products')
    const products = new ProductsPage(page)
    await products.rows.first().waitFor()
    await products.search.fill('DEMO-001')
    await products.waitForCount('1 product')
    await products.grid.focus()
    await page.keyboard.press('Enter')
    await products.panel.waitFor()
    const productTaxes = new TaxChoicesPart(page, 'product-taxes')
    expect(await productTaxes.choices()).toEqual([
      ['Service charge 12.5%, added on top', false],
      ['VAT 13%, included', true],
    ])
    // Space ticks the box, as on any check box.
    await productTaxes.box('Service charge').focus()
    await page.keyboard.press('Space')
    await productTaxes.group.scrollIntoViewIfNeeded()
    await till.screenshot('product-form-taxes')
    await products.save.click()
    await products.panelFeedback.filter({ hasText: 'Saved “DDC Fresh Milk 500ml”.' }).waitFor()
    const vat = await taxNamed(reader, 'VAT')
    const milk = (await read(reader.invoke('products:list', { query: 'DEMO-001' }))).items[0]!
    expect(milk.taxRateIds).toEqual([vat.id, service.id].sort((a, b) => a - b))
    // The till charges the added tax on top of the milk's price now.
    const till2 = await till.signedInClient('cashier')
    const cart = await read(till2.invoke('cart:add', { productId: milk.id, quantity: 1 }))
    expect(cart.totalCents).toBeGreaterThan(milk.priceCents)

    // A new product starts with the store's default taxes: VAT.
    await page.keyboard.press('Escape')
    await products.panel.waitFor({ state: 'detached' })
    await page.keyboard.press('Alt+N')
    await products.panel.waitFor()
    expect(await productTaxes.choices()).toEqual([
      ['Service charge 12.5%, added on top', false],
      ['VAT 13%, included', true],
    ])
    await page.keyboard.press('Escape')
    await products.panel.waitFor({ state: 'detached' })

    // Settings: tax rounding, default taxes, cash rounding typed as an amount, the discount limit, wallets.
    await backOffice.openSection('Settings')
    const settings = new SettingsPage(page)
    await settings.waitUntilShown()
    const taxRounding = settings.form.getByLabel('Tax rounding')
    const cashRounding = settings.form.getByLabel(/^Round cash to \(NPR\)/)
    const cashMode = settings.form.getByLabel('Cash rounding direction')
    const discountLimit = settings.form.getByLabel(/^Discount a cashier may give/)
    const newWallet = settings.form.getByLabel('Wallet to add')
    const defaults = new TaxChoicesPart(page, 'settings-default-taxes')
    expect(await taxRounding.inputValue()).toBe('perLine')
    expect(await cashRounding.inputValue()).toBe('1.00')
    expect(await cashMode.inputValue()).toBe('halfUp')
    expect(await discountLimit.inputValue()).toBe('10')
    expect(normalise(await settings.form.getByTestId('settings-wallets').locator('.wallet-chips').innerText())).toBe(
      'eSewa × Khalti × Fonepay ×',
    )
    expect(await defaults.choices()).toEqual([
      ['Service charge 12.5%, added on top', false],
      ['VAT 13%, included', true],
    ])

    // An increment that is not an amount of the currency is refused at its field, and nothing is sent.
    await cashRounding.fill('0.005')
    await settings.save.click()
    await settings.fieldError(cashRounding).filter({ hasText: 'Enter an amount from' }).waitFor()
    expect(till.calls.some((call) => call.channel === 'settings:update')).toBe(false)

    await taxRounding.selectOption('global')
    await defaults.box('Service charge').check()
    await cashRounding.fill('5.00')
    await cashMode.selectOption('up')
    await discountLimit.fill('15')
    await settings.form.getByRole('button', { name: 'Remove Khalti' }).click()
    await newWallet.fill('IME Pay')
    await newWallet.press('Enter')
    // Enter in the wallet box adds the wallet; it does not save the form.
    expect(till.calls.some((call) => call.channel === 'settings:update')).toBe(false)
    await newWallet.fill('esewa')
    await newWallet.press('Enter')
    await settings.form.getByTestId('settings-wallets').getByRole('alert').filter({ hasText: '“esewa” is already in the list.' }).waitFor()
    await newWallet.fill('')
    await settings.form.getByTestId('settings-default-taxes').scrollIntoViewIfNeeded()
    await till.screenshot('settings-taxes')
    await settings.form.getByTestId('settings-wallets').scrollIntoViewIfNeeded()
    await till.screenshot('settings-wallets')
    await settings.save.click()
    await settings.status.filter({ hasText: 'Settings saved.' }).waitFor()
    const updates = till.calls.filter((call) => call.channel === 'settings:update').map((call) => call.input)
    expect(updates).toEqual([
      {
        patch: {
          taxRounding: 'global',
          defaultTaxRateIds: [service.id, vat.id],
          cashRoundingIncrementCents: 500,
          cashRoundingMode: 'up',
          discountLimitBps: 1500,
          wallets: ['eSewa', 'Fonepay', 'IME Pay'],
        },
      },
    ])
    expect(await read(reader.invoke('settings:get', {}))).toMatchObject({
      taxRounding: 'global',
      defaultTaxRateIds: [service.id, vat.id],
      cashRoundingIncrementCents: 500,
      cashRoundingMode: 'up',
      discountLimitBps: 1500,
      wallets: ['eSewa', 'Fonepay', 'IME Pay'],
    })
    expect(await cashRounding.inputValue()).toBe('5.00')

    // Switched off, the service charge stays on the milk, said as not charged, and the till stops charging it.
    await read(reader.invoke('taxes:update', { id: service.id, active: false }))
    await backOffice.openSection('Products')
    await products.search.fill('DEMO-001')
    await products.waitForCount('1 product')
    await products.grid.focus()
    await page.keyboard.press('Enter')
    await products.panel.waitFor()
    expect(await productTaxes.choices()).toEqual([
      ['Service charge 12.5%, added on top — switched off: not charged', true],
      ['VAT 13%, included', true],
    ])
    expect((await read(till2.invoke('cart:get', {}))).totalCents).toBe(milk.priceCents)
    expect(till.problems).toEqual([])
  })
})
