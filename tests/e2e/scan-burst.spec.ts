import { describe, expect, it } from 'vitest'
import { readState } from '#core/testing/test-store'
import type { Till } from './harness'
import { findProducts, signInAsCashier, useTills } from './till.fixture'

const currentTill = useTills()

/** A barcode scanner: every character about 2 ms apart, Enter included (the ~30 ms burst of a real one). */
const SCANNER = { delay: 2 }

function lookedUp(till: Till): unknown[] {
  return till.calls.filter((call) => call.channel === 'catalog:lookup').map((call) => (call.input as { code: string }).code)
}

describe('scanner bursts while a search reply is pending', () => {
  it('looks every burst up whole, once, and a late search reply changes nothing', async () => {
    const till = currentTill()
    const { page } = till
    const reader = await till.signedInClient()
    const [a, b] = await findProducts(reader, 'noodles')
    if (!a?.barcode || !b?.barcode) throw new Error('the demo store needs two noodle products with barcodes')

    const register = await signInAsCashier(till)
    const searches = till.holdReplies('catalog:search')
    // The code's first digit arrives alone: after the typing pause a search for it goes out, and
    // its reply is held. The rest of the code and Enter then arrive as one burst.
    await page.keyboard.type(a.barcode.slice(0, 1))
    await searches.waitForCalls(1)
    await page.keyboard.type(`${a.barcode.slice(1)}\n`, SCANNER)
    await register.waitForLine(a.name, 1)
    expect(await register.scanField.inputValue()).toBe('')
    expect(lookedUp(till)).toEqual([a.barcode])

    // Two bursts back to back while the first one's lookup is still unanswered: both are taken
    // whole and the field is empty again before any reply.
    const lookups = till.holdReplies('catalog:lookup')
    await page.keyboard.type(`${b.barcode}\n${a.barcode}\n`, SCANNER)
    await lookups.waitForCalls(1)
    expect(await register.scanField.inputValue()).toBe('')
    lookups.releaseAll()
    await register.waitForLine(a.name, 2)
    await register.waitForLine(b.name, 1)
    expect(await register.lineNames()).toEqual([a.name, b.name])
    expect(lookedUp(till)).toEqual([a.barcode, b.barcode, a.barcode])
    expect(await register.scanField.inputValue()).toBe('')
    const stored = readState(till.dbPath).cartLines.map((line) => [line.product_id, line.quantity])
    expect(stored.sort()).toEqual(
      [
        [a.id, 2],
        [b.id, 1],
      ].sort(),
    )
    await till.screenshot('scan-burst-cart')

    // A person now types a name, and its search is held too. Its reply is let through first, then
    // the stale one for the first digit: that must neither replace the newer results nor put text
    // back in the field.
    await page.keyboard.type('noodles')
    const newer = await searches.waitForCall((input) => (input as { query: string }).query === 'noodles')
    expect(searches.inputs[0]).toMatchObject({ query: a.barcode.slice(0, 1) })
    searches.releaseOne(newer)
    const noodles = page.locator('.scan-popup[data-query="noodles"]:not(.scan-popup-stale)')
    await noodles.waitFor()
    await register.option(a.name).waitFor()
    const held = searches.inputs.length
    searches.releaseAll()
    await till.waitForDelivered('catalog:search', held)
    expect(await register.scanField.inputValue()).toBe('noodles')
    expect(await page.locator('.scan-popup').getAttribute('data-query')).toBe('noodles')
    expect(await noodles.count()).toBe(1)
    await till.screenshot('scan-burst-stale-reply')

    // Esc clears the field; nothing pending comes back to fill it.
    await page.keyboard.press('Escape')
    await noodles.waitFor({ state: 'detached' })
    expect(await register.scanField.inputValue()).toBe('')
    expect(await register.lineNames()).toEqual([a.name, b.name])
    expect(till.problems).toEqual([])
  })
})
