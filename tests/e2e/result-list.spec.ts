import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { ProductDto } from '#shared/contract/catalog'
import { BENCH_ENDS_AT, buildBenchDatabase, copyBenchDatabase, type BenchDatabase } from '../../scripts/bench/build-database'
import type { Locator } from 'playwright-core'
import { startHarness, type Harness, type Till } from './harness'
import { signInAsCashier } from './till.fixture'

/**
 * The result list under the scan field on a store with a thousand products, so a search can have
 * more matches than the backend counts (its cap) and than any screen shows.
 */
const STORE = { products: 1_000, invoiceLines: 1_000, tokens: 10 }
/** Rows the list may keep in the DOM: a viewport of rows plus the overscan, far below any answer here. */
const MAX_ROWS_IN_DOM = 20

let harness: Harness | undefined
let store: BenchDatabase | undefined
let till: Till | undefined
let dir: string | undefined

beforeAll(async () => {
  store = await buildBenchDatabase(STORE)
  harness = await startHarness()
})
afterAll(async () => {
  await harness?.close()
})
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tillwise-e2e-list-'))
  till = await harness!.openTill({ database: { path: copyBenchDatabase(store!, dir), now: BENCH_ENDS_AT } })
})
afterEach(async () => {
  await till?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
  till = undefined
})

async function search(client: BackendClient, query: string, offset = 0, limit = 100): Promise<ChannelOutput<'catalog:search'>> {
  const reply = await client.invoke('catalog:search', { query, limit, offset })
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.data
}

/** Every match the backend pages through for `query`, in its order. */
async function allMatches(client: BackendClient, query: string): Promise<ProductDto[]> {
  const first = await search(client, query)
  const items = [...first.items]
  while (items.length < first.total) items.push(...(await search(client, query, items.length)).items)
  return items
}

/** The first query whose answer is capped (more matches than the backend counts). */
async function cappedQuery(client: BackendClient): Promise<string> {
  for (const query of ['b', 'c', 's', 'm', 'a']) if ((await search(client, query, 0, 1)).totalIsCapped) return query
  throw new Error('no one-letter search has more matches than the cap in this store')
}

function popupFor(page: Till['page'], query: string) {
  return page.locator(`.scan-popup[data-query="${query}"]:not(.scan-popup-stale)`)
}

/** The rows of the list that are in the DOM right now. */
function rowsInDom(page: Till['page']) {
  return page.locator('#scan-results > li')
}

/** Whether the element's box lies entirely inside the list's visible area. */
async function fullyInView(page: Till['page'], option: Locator): Promise<boolean> {
  const [box, viewport] = await Promise.all([option.boundingBox(), page.locator('.scan-scroller').boundingBox()])
  if (!box || !viewport) return false
  return box.y >= viewport.y - 0.5 && box.y + box.height <= viewport.y + viewport.height + 0.5
}

describe('the result list', () => {
  it('keeps few rows in the DOM, counts the matches, and arrows and scrolling reach the last ones', async () => {
    const { page } = till!
    const reader = await till!.signedInClient()
    const query = await cappedQuery(reader)
    const matches = await allMatches(reader, query)
    const answer = await search(reader, query, 0, 1)
    expect(answer.totalIsCapped).toBe(true)
    expect(matches).toHaveLength(answer.total)

    const register = await signInAsCashier(till!)
    await page.keyboard.type(query)
    await popupFor(page, query).waitFor()
    await register.option(matches[0]!.name).first().waitFor()
    expect(await page.locator('.scan-count').innerText()).toBe(`${answer.total}+ matches. Keep typing to narrow them down.`)
    expect(await rowsInDom(page).count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM)
    await till!.screenshot('result-list-top')

    // Down past the first page: the highlight stays in view and its page is fetched.
    const target = 40
    for (let step = 0; step < target; step += 1) await page.keyboard.press('ArrowDown')
    const selected = register.selectedOption()
    await selected.filter({ hasText: matches[target]!.name }).waitFor()
    expect(await selected.getAttribute('aria-posinset')).toBe(String(target + 1))
    expect(await fullyInView(page, selected)).toBe(true)
    expect(await rowsInDom(page).count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM)
    await till!.screenshot('result-list-arrowed')

    // The mouse wheel to the very end: the last match the backend counts is shown.
    const last = matches.at(-1)!
    const list = page.locator('.scan-scroller')
    const box = (await list.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.wheel(0, matches.length * 100)
    await page.locator(`#scan-results > li[aria-posinset="${matches.length}"]`).filter({ hasText: last.name }).waitFor()
    expect(await rowsInDom(page).count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM)
    expect(await rowsInDom(page).filter({ hasText: matches[0]!.name }).count()).toBe(0)
    await till!.screenshot('result-list-scrolled-end')

    // Enter still adds the match chosen with the arrows.
    await page.keyboard.press('Enter')
    await register.line(matches[target]!.name).waitFor()
    expect(await register.scanField.inputValue()).toBe('')
    expect(till!.problems).toEqual([])
  })

  it('Arrow up from the first match wraps to the last one, and a click adds a match', async () => {
    const { page } = till!
    const reader = await till!.signedInClient()
    const query = await cappedQuery(reader)
    const matches = await allMatches(reader, query)

    const register = await signInAsCashier(till!)
    await page.keyboard.type(query)
    await popupFor(page, query).waitFor()
    await page.keyboard.press('ArrowUp')
    const last = matches.at(-1)!
    await register.selectedOption().filter({ hasText: last.name }).waitFor()
    expect(await register.selectedOption().getAttribute('aria-posinset')).toBe(String(matches.length))
    expect(await fullyInView(page, register.selectedOption())).toBe(true)

    const clicked = matches.at(-3)!
    await register.option(clicked.name).first().click()
    await register.line(clicked.name).waitFor()
    await register.waitForScanFocus()
    expect(await register.results.count()).toBe(0)
    expect(till!.problems).toEqual([])
  })

  it('shows the newest search when older replies come last, and an old page never lands in a newer list', async () => {
    const { page } = till!
    const reader = await till!.signedInClient()
    const register = await signInAsCashier(till!)
    const searches = till!.holdReplies('catalog:search')

    const older = await cappedQuery(reader)
    const olderMatches = await allMatches(reader, older)
    await page.keyboard.type(older)
    await searches.waitForCalls(1)
    searches.releaseOne(0)
    await popupFor(page, older).waitFor()
    // Arrowing down past the first page asks for the next one; its reply is held.
    const steps = 30
    for (let step = 0; step < steps; step += 1) await page.keyboard.press('ArrowDown')
    await searches.waitForCalls(2)
    const heldPage = searches.inputs[1] as { query: string; offset: number; limit: number }
    expect(heldPage).toMatchObject({ query: older })
    expect(heldPage.offset).toBeGreaterThan(0)
    // The row the arrows reach is on that page.
    expect(steps).toBeGreaterThanOrEqual(heldPage.offset)
    expect(steps).toBeLessThan(heldPage.offset + heldPage.limit)

    // The cashier types on. The newer answer differs from the older where the held page would land.
    const ids = (matches: ProductDto[]) => matches.slice(heldPage.offset, heldPage.offset + heldPage.limit).map((p) => p.id)
    let newer: string | undefined
    let newerMatches: ProductDto[] = []
    for (const letter of 'aeiourlnst') {
      newerMatches = await allMatches(reader, `${older}${letter}`)
      if (newerMatches.length > heldPage.offset + steps && JSON.stringify(ids(newerMatches)) !== JSON.stringify(ids(olderMatches))) {
        newer = `${older}${letter}`
        break
      }
    }
    if (!newer) throw new Error(`no two-letter search starting with "${older}" has enough matches in this store`)
    await page.keyboard.type(newer.slice(older.length))
    await searches.waitForCalls(3)
    expect(searches.inputs[2]).toMatchObject({ query: newer, offset: 0 })
    searches.releaseOne(2)
    await popupFor(page, newer).waitFor()

    // The old page arrives last: it must not fill rows of the newer list. Replies stay held, so
    // the newer list's own page for those rows cannot have arrived yet.
    searches.releaseOne(1)
    await till!.waitForDelivered('catalog:search', 3)
    for (let step = 0; step < steps; step += 1) await page.keyboard.press('ArrowDown')
    const selected = register.selectedOption()
    await page.locator(`#scan-results > li[aria-posinset="${steps + 1}"][aria-selected="true"]`).waitFor()
    expect(await selected.innerText()).toBe('Loading…')
    await till!.screenshot('result-list-page-loading')

    // The page those rows are on is fetched for the newer query, and fills them.
    await searches.waitForCalls(4)
    expect(searches.inputs.slice(3)).toContainEqual({ query: newer, limit: heldPage.limit, offset: heldPage.offset })
    searches.releaseAll()
    await selected.filter({ hasText: newerMatches[steps]!.name }).waitFor()
    expect(await selected.getAttribute('aria-posinset')).toBe(String(steps + 1))
    const shown = await rowsInDom(page).locator('.scan-result-name').allTextContents()
    const newerNames = new Set(newerMatches.map((p) => p.name))
    expect(shown.filter((name) => !newerNames.has(name))).toEqual([])
    await till!.screenshot('result-list-newest-wins')
    expect(till!.problems).toEqual([])
  })
})
