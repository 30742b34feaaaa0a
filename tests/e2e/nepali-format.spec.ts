/**
 * Nepali numbers, money, dates and Bikram Sambat in Debian's Chromium, which has no `ne` locale
 * data: the shared modules are bundled as the renderer would get them, run in a blank page and
 * held to the same table as the unit tests. Twice: in a plain page, and in one whose locale is
 * ne-NP and whose clock is UTC+14, so nothing may lean on the browser's own locale or zone.
 */
import { build } from 'esbuild'
import { resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  NEPALI_CASES,
  type bikramSambatRangeProblems,
  type NepaliCase,
  type NepaliI18nApi,
  type runNepaliCase,
} from '#shared/i18n/nepali-format.fixture'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const I18N_DIR = resolve(import.meta.dirname, '../../src/shared/i18n')

/** Name of the page global the bundle defines. */
const BUNDLE_GLOBAL = '__tillwiseNepali'

/** What the bundle exposes: the two modules and the fixture's runners. */
type PageApi = NepaliI18nApi & { runNepaliCase: typeof runNepaliCase; bikramSambatRangeProblems: typeof bikramSambatRangeProblems }

let browser: Browser | undefined
let bundle = ''

beforeAll(async () => {
  const result = await build({
    stdin: {
      contents: [
        "export * from './nepali-format'",
        "export * from './bikram-sambat'",
        "export { runNepaliCase, bikramSambatRangeProblems } from './nepali-format.fixture'",
      ].join('\n'),
      resolveDir: I18N_DIR,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    platform: 'browser',
    write: false,
  })
  bundle = result.outputFiles[0]!.text
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
})

afterAll(async () => {
  await browser?.close()
})

const PAGES = [
  { label: 'a plain page', context: {} },
  { label: 'a page in ne-NP at UTC+14', context: { locale: 'ne-NP', timezoneId: 'Pacific/Kiritimati' } },
] as const

describe.each(PAGES)('in Chromium, $label', ({ context }) => {
  let page: Page | undefined

  beforeAll(async () => {
    const browserContext = await browser!.newContext(context)
    page = await browserContext.newPage()
    await page.addScriptTag({ content: bundle })
  })

  afterAll(async () => {
    await page?.context().close()
  })

  it('gives every case of the shared table what Node gives', async () => {
    const actual = await page!.evaluate(
      ({ name, cases }) => {
        const api = (globalThis as unknown as Record<string, PageApi>)[name]!
        return cases.map((testCase) => ({ name: testCase.name, result: api.runNepaliCase(api, testCase) }))
      },
      { name: BUNDLE_GLOBAL, cases: NEPALI_CASES as NepaliCase[] },
    )
    expect(actual).toEqual(NEPALI_CASES.map((testCase) => ({ name: testCase.name, result: testCase.expected })))
  })

  it('walks every day of the BS table without a gap, a repeat or a failed round trip', async () => {
    const problems = await page!.evaluate((name) => {
      const api = (globalThis as unknown as Record<string, PageApi>)[name]!
      return api.bikramSambatRangeProblems(api)
    }, BUNDLE_GLOBAL)
    expect(problems).toEqual([])
  })
})
