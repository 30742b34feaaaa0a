/**
 * The renderer's CSP and isolation, checked in Chromium on the built bundle: a real sale trips
 * nothing, hostile script injected into the page is blocked, nothing leaves 127.0.0.1, and the
 * page sees `window.pos` and nothing from Node. The CSP here comes from the built index.html's
 * meta alone (the harness sends no CSP header), so these tests prove the meta holds by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProductDto } from '#shared/contract/catalog'
import { CHANNEL_NAMES } from '#shared/ipc/channel-names'
import { buildPosApi } from '../../src/preload/pos-api.builder'
import { startHarness, type Harness, type Till } from './harness'
import { BLOCKED_BY_CSP, watchContext, type PageWatch } from './pages/page-watch.helper'
import { PayPage } from './pages/pay.page'
import { ReceiptPage } from './pages/receipt.page'
import { LAST_ONE_SKU, npr, productByCode, signInAsCashier, TOKENS } from './till.fixture'

/** The little of the page's DOM the injections use; the tests' tsconfig has no DOM types. */
interface HostilePage {
  document: {
    body: { append(node: HostileElement): void }
    createElement(tag: string): HostileElement
    createRange(): { createContextualFragment(html: string): HostileElement }
  }
  fetch(url: string): Promise<unknown>
  eval(code: string): unknown
  [name: string]: unknown
}

interface HostileElement {
  textContent: string | null
  src: string
  setAttribute(name: string, value: string): void
  addEventListener(type: string, listener: () => void): void
}

let harness: Harness | undefined

beforeAll(async () => {
  harness = await startHarness()
})

afterAll(async () => {
  await harness?.close()
})

/** A till whose requests, console and CSP violations are recorded from before the first byte. */
async function openWatchedTill(): Promise<{ till: Till; watch: PageWatch }> {
  let watch: PageWatch | undefined
  const till = await harness!.openTill({
    beforeLoad: async (context) => {
      watch = await watchContext(context)
    },
  })
  return { till, watch: watch! }
}

/** A URL that stays on the harness, or one that never touches the network. */
function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1'
}

describe('a full sale (sign in, scan, pay by token, receipt)', () => {
  let till: Till | undefined
  let watch: PageWatch
  let product: ProductDto
  let receiptTotal: string

  beforeAll(async () => {
    ;({ till, watch } = await openWatchedTill())
    product = await productByCode(await till.signedInClient('manager'), LAST_ONE_SKU)
    const register = await signInAsCashier(till)
    await register.scan(product.barcode ?? product.sku)
    await register.waitForLine(product.name, 1)
    const pay = new PayPage(till.page)
    await pay.open()
    await pay.payByToken(TOKENS.good)
    const receipt = new ReceiptPage(till.page)
    await receipt.paidTitle.waitFor()
    await receipt.receipt.waitFor()
    receiptTotal = await receipt.total()
  })

  afterAll(async () => {
    await till?.close()
  })

  it('trips no CSP violation and logs nothing about the CSP', async () => {
    expect(receiptTotal).toBe(npr(product.priceCents))
    // Empty, not missing: `violations` throws if the recorder was never installed.
    expect(await watch.violations(till!.page)).toEqual([])
    expect(watch.cspConsole).toEqual([])
    expect(till!.problems).toEqual([])
  })

  it('sends every request to the harness on 127.0.0.1', () => {
    const urls = watch.requests.map((request) => request.url)
    // The recorder saw the page load, so an empty list below is not a recorder that saw nothing.
    expect(urls).toContain(`${harness!.baseUrl}/index.html`)
    expect(urls.some((url) => /\/assets\/[^/]+\.js$/.test(url))).toBe(true)
    expect(urls.filter((url) => !isLocal(url))).toEqual([])
    // Stricter still: the harness's own origin, not merely some port on the loopback.
    expect(urls.filter((url) => !/^(data|blob):/.test(url) && !url.startsWith(`${harness!.baseUrl}/`))).toEqual([])
  })
})

describe('script injected into the page', () => {
  let till: Till | undefined
  let watch: PageWatch

  beforeAll(async () => {
    ;({ till, watch } = await openWatchedTill())
    await till.page.getByLabel('Username', { exact: true }).waitFor()
  })

  afterAll(async () => {
    await till?.close()
  })

  it('does not run an inline <script>, whether built or parsed from markup', async () => {
    const { page } = till!
    const ran = await page.evaluate(() => {
      const hostile = globalThis as unknown as HostilePage
      const script = hostile.document.createElement('script')
      script.textContent = 'globalThis.__pwnedByElement = 1'
      hostile.document.body.append(script)
      // Unlike innerHTML, a contextual fragment marks its scripts runnable: the classic XSS shape.
      hostile.document.body.append(
        hostile.document.createRange().createContextualFragment('<script>globalThis.__pwnedByMarkup = 1</script>'),
      )
      return [hostile['__pwnedByElement'], hostile['__pwnedByMarkup']]
    })
    expect(ran).toEqual([undefined, undefined])
    await watch.waitForViolations(page, { directive: 'script-src-elem', blocked: 'inline', count: 2 })
    expect(watch.cspConsole.some((message) => /inline script/i.test(message))).toBe(true)
  })

  it('does not run an inline event handler (<img onerror>)', async () => {
    const { page } = till!
    const outcome = await page.evaluate(
      () =>
        new Promise<{ errored: boolean; handlerRan: unknown }>((resolveOutcome) => {
          const hostile = globalThis as unknown as HostilePage
          const image = hostile.document.createElement('img')
          image.setAttribute('onerror', 'globalThis.__pwnedByHandler = 1')
          // A listener added by script is allowed; it shows the error event did fire.
          image.addEventListener('error', () => resolveOutcome({ errored: true, handlerRan: hostile['__pwnedByHandler'] }))
          image.src = 'data:image/png;base64,AAAA'
          hostile.document.body.append(image)
        }),
    )
    expect(outcome).toEqual({ errored: true, handlerRan: undefined })
    await watch.waitForViolations(page, { directive: 'script-src-attr', blocked: 'inline' })
  })

  it('refuses eval and new Function with an EvalError', async () => {
    const { page } = till!
    // Code run by page.evaluate itself is exempt: DevTools evaluation allows eval whatever the
    // CSP says. A zero-delay task is the page's own code, as an injected handler would be.
    const outcome = await page.evaluate(
      () =>
        new Promise<Record<string, string>>((resolveOutcome) => {
          const attempt = (run: () => unknown): string => {
            try {
              return `ran: ${String(run())}`
            } catch (error) {
              return (error as Error).name
            }
          }
          // A message-channel task is the page's own code, outside the evaluate call CDP exempts.
          const channel = new MessageChannel()
          // Typed here by Node's MessagePort; in the page it is the DOM's.
          ;(channel.port1 as unknown as { onmessage: () => void }).onmessage = () => {
            channel.port1.close()
            resolveOutcome({
              eval: attempt(() => (globalThis as unknown as HostilePage).eval('1 + 1')),
              newFunction: attempt(() => new Function('return 1 + 1')()),
            })
          }
          channel.port2.postMessage(null)
        }),
    )
    expect(outcome).toEqual({ eval: 'EvalError', newFunction: 'EvalError' })
    await watch.waitForViolations(page, { directive: 'script-src', blocked: 'eval', count: 2 })
  })

  it('loads no remote script, image or fetch, and sends no request for them', async () => {
    const { page } = till!
    const fetched = await page.evaluate(() => {
      const hostile = globalThis as unknown as HostilePage
      const script = hostile.document.createElement('script')
      script.src = 'https://cdn.example.com/evil.js'
      hostile.document.body.append(script)
      const image = hostile.document.createElement('img')
      image.src = 'https://tracker.example.com/pixel.png'
      hostile.document.body.append(image)
      return hostile.fetch('https://api.example.com/steal').then(
        () => 'fetched',
        (error: Error) => error.name,
      )
    })
    expect(fetched).toBe('TypeError')
    await watch.waitForViolations(page, { directive: 'script-src-elem', blocked: 'https://cdn.example.com/' })
    await watch.waitForViolations(page, { directive: 'img-src', blocked: 'https://tracker.example.com/' })
    await watch.waitForViolations(page, { directive: 'connect-src', blocked: 'https://api.example.com/' })
    // Chromium reports the script and image as requests that failed on the CSP, before the network.
    for (const prefix of ['https://cdn.example.com/', 'https://tracker.example.com/']) {
      expect((await watch.waitForOutcome(prefix)).outcome).toMatch(BLOCKED_BY_CSP)
    }
    expect(watch.requests.filter((request) => !isLocal(request.url) && !BLOCKED_BY_CSP.test(request.outcome))).toEqual([])
  })

  it('gives the page a frozen window.pos of functions, one per channel, and nothing from Node', async () => {
    const exposed = await till!.page.evaluate(() => {
      const page = globalThis as unknown as Record<string, unknown>
      const pos = page['pos'] as object
      return {
        keys: Reflect.ownKeys(pos).map(String),
        kinds: [...new Set(Object.values(pos).map((value) => typeof value))],
        frozen: Object.isFrozen(pos),
        leaked: ['require', 'process', 'ipcRenderer', 'module', 'Buffer', 'global', 'electron'].filter((name) => page[name] !== undefined),
      }
    })
    expect([...exposed.keys].sort()).toEqual([...CHANNEL_NAMES].sort())
    // The harness mirrors the preload: same keys as the object the real preload exposes.
    expect([...exposed.keys].sort()).toEqual(Object.keys(buildPosApi(async () => undefined)).sort())
    expect(exposed).toMatchObject({ kinds: ['function'], frozen: true, leaked: [] })
  })
})
