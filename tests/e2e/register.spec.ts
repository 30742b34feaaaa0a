import { describe, expect, it } from 'vitest'
import { readState } from '#core/testing/test-store'
import { focusedId } from './pages/focus.helper'
import { LoginPage } from './pages/login.page'
import { PayPage } from './pages/pay.page'
import { normalise } from './pages/receipt.page'
import { findProducts, npr, signInAsCashier, useTills } from './till.fixture'

const currentTill = useTills()

describe('the register', () => {
  it('keeps back-to-back scanner bursts apart and never splits a code', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const [a, b, c] = await findProducts(reader, 'noodles')
    if (!a?.barcode || !b?.barcode || !c?.barcode) throw new Error('the demo store needs three noodle products')

    const register = await signInAsCashier(till)
    // Three codes, each with its Enter, typed without waiting for any reply.
    await page.keyboard.type(`${a.barcode}\n${b.barcode}\n${a.barcode}\n${c.barcode}\n`)
    await register.waitForLine(c.name, 1)
    await register.waitForLine(a.name, 2)
    await register.waitForLine(b.name, 1)
    expect(await register.lineNames()).toEqual([a.name, b.name, c.name])
    await register.waitForTotal(npr(a.priceCents * 2 + b.priceCents + c.priceCents))
    expect(await register.scanField.inputValue()).toBe('')
    expect(await register.notice.count()).toBe(1)
    expect(till.problems).toEqual([])
  })

  it('says when a code is unknown or a search matches nothing, and adds nothing', async () => {
    const till = currentTill()
    const { page } = till
    const register = await signInAsCashier(till)

    await register.scan('0000000000000')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(normalise(await alert.innerText())).toBe('No product has the barcode or SKU “0000000000000”.')
    await till.screenshot('register-unknown-code')
    expect(readState(till.dbPath).cartLines).toEqual([])

    await page.keyboard.type('zzzz')
    const none = page.getByText('No products match “zzzz”.')
    await none.waitFor()
    await till.screenshot('register-no-matches')
    await page.keyboard.press('Escape')
    await none.waitFor({ state: 'detached' })
    expect(await register.scanField.inputValue()).toBe('')
    expect(till.problems).toEqual([])
  })

  it('edits the cart and hands focus back to the scan field after every action', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const [tomato, onion] = [...(await findProducts(reader, 'tomato')), ...(await findProducts(reader, 'onion'))]
    if (!tomato?.barcode || !onion?.barcode) throw new Error('the demo store needs tomatoes and onions')

    const register = await signInAsCashier(till)
    await register.scan(tomato.barcode)
    await register.waitForLine(tomato.name, 1)
    await register.scan(onion.barcode)
    await register.waitForLine(onion.name, 1)

    await page.getByRole('button', { name: `Increase quantity of ${tomato.name}` }).click()
    await register.waitForLine(tomato.name, 2)
    expect(await focusedId(page)).toBe('scan-field')
    await page.getByRole('button', { name: `Increase quantity of ${tomato.name}` }).click()
    await page.getByRole('button', { name: `Decrease quantity of ${tomato.name}` }).click()
    await register.waitForTotal(npr(tomato.priceCents * 2 + onion.priceCents))
    await register.waitForLine(tomato.name, 2)
    expect(normalise(await register.itemCount.innerText())).toBe('3 items')

    // Esc in a quantity field puts the number back; a bad number is refused with a message.
    await register.quantityOf(onion.name).focus()
    await page.keyboard.type('7')
    await page.keyboard.press('Escape')
    await register.waitForScanFocus()
    await register.waitForLine(onion.name, 1)
    await register.quantityOf(onion.name).focus()
    await page.keyboard.type('1.5')
    await page.keyboard.press('Enter')
    await page.getByRole('alert').filter({ hasText: 'whole number' }).waitFor()
    await register.waitForLine(onion.name, 1)

    // 0 removes the line, like the Remove button.
    await register.quantityOf(onion.name).focus()
    await page.keyboard.type('0')
    await page.keyboard.press('Enter')
    await register.line(onion.name).waitFor({ state: 'detached' })
    await register.waitForScanFocus()

    await page.getByRole('button', { name: `Remove ${tomato.name}` }).click()
    await page.getByText('The cart is empty').waitFor()
    expect(await focusedId(page)).toBe('scan-field')
    expect(readState(till.dbPath).cartLines).toEqual([])

    await register.scan(tomato.barcode)
    await register.waitForLine(tomato.name, 1)
    await register.clearButton.click()
    await page.getByText('The cart is empty').waitFor()
    expect(await focusedId(page)).toBe('scan-field')
    expect(till.problems).toEqual([])
  })

  it('sends stray typing to the scan field, so a scan never "presses" a focused button', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const [sugar, salt] = [...(await findProducts(reader, 'sugar')), ...(await findProducts(reader, 'salt'))]
    if (!sugar?.barcode || !salt?.barcode) throw new Error('the demo store needs sugar and salt')

    const register = await signInAsCashier(till)
    await register.scan(sugar.barcode)
    await register.waitForLine(sugar.name, 1)
    const remove = page.getByRole('button', { name: `Remove ${sugar.name}` })
    await remove.focus()
    expect(await focusedId(page)).not.toBe('scan-field')

    await register.scan(salt.barcode)
    await register.waitForLine(salt.name, 1)
    expect(await register.lineNames()).toEqual([sugar.name, salt.name])
    expect(await focusedId(page)).toBe('scan-field')
    expect(till.problems).toEqual([])
  })

  it('F9 on an empty cart explains; Esc closes the pay dialog with the cart as it was', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const [butter] = await findProducts(reader, 'butter')
    if (!butter?.barcode) throw new Error('the demo store needs butter')

    const register = await signInAsCashier(till)
    await page.keyboard.press('F9')
    await page.getByRole('alert').filter({ hasText: 'The cart is empty' }).waitFor()
    const pay = new PayPage(page)
    expect(await pay.dialog.count()).toBe(0)

    await register.scan(butter.barcode)
    await register.waitForLine(butter.name, 1)
    await pay.open()
    await pay.waitForFocus('pay-token')
    await page.keyboard.type('half a token')
    await page.keyboard.press('Escape')
    await pay.dialog.waitFor({ state: 'detached' })
    await register.waitForScanFocus()
    await register.waitForLine(butter.name, 1)
    expect(readState(till.dbPath).invoices).toBe(0)

    // Reopened, the dialog starts clean.
    await pay.open()
    expect(await pay.tokenField.inputValue()).toBe('')
    await page.keyboard.press('Escape')
    await pay.dialog.waitFor({ state: 'detached' })
    expect(till.problems).toEqual([])
  })

  it('signs out to the sign-in screen and back in to the same stored cart', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const [tea] = await findProducts(reader, 'green tea')
    if (!tea?.barcode) throw new Error('the demo store needs green tea')

    const register = await signInAsCashier(till)
    await register.scan(tea.barcode)
    await register.waitForLine(tea.name, 1)
    await register.signOutButton.click()
    const login = new LoginPage(page)
    await login.waitUntilShown()
    expect(await register.scanField.count()).toBe(0)

    await signInAsCashier(till)
    await register.waitForLine(tea.name, 1)
    expect(till.problems).toEqual([])
  })
})
