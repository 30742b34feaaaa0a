/**
 * Browser e2e harness: the real backend (`openBackend` on a fresh SQLite file with the demo store
 * and a fixed clock, or on a given database file and clock), the BUILT renderer served from
 * out/renderer on 127.0.0.1, and Debian's Chromium. `window.pos` is defined the way the preload defines it — a frozen object with one
 * function per channel — except each function forwards to `backend.connect()` through a
 * Playwright binding instead of Electron IPC. The renderer runs the same bytes the app ships.
 */
import { contentTypeFor } from '#shared/content-types'
import { PRODUCT_IMAGE_FILE } from '#shared/contract/catalog'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { openBackend, type Backend, type BackendClient } from '#core/backend'
import { TEST_PASSWORD_COST } from '#core/testing/test-store'
import { CHANNEL_NAMES } from '#shared/ipc/channel-names'
import type { DisplayState } from '#shared/contract/display'
import { buildCustomerDisplayApi } from '../../src/preload/display-api.builder'
import { createDisplayController, type ScreenInfo } from '../../src/main/display-window'

const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out', 'renderer')
export const SCREENS_DIR = join(ROOT, 'test-results', 'screens')
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** The clock every till in the e2e suite runs on: a Sunday morning in Kathmandu. */
export const FIXED_NOW = '2026-03-15T10:00:00+05:45'

/** Name of the page binding the `window.pos` functions forward through. */
const BRIDGE = '__tillwiseBackend'

/**
 * Serves the renderer from `root`, and `/images/<file>` from the images folders of the open tills
 * (newest first), as the app's protocol does: only a stored image's name (`<sha256>.<ext>`), directly
 * inside the folder; anything else under `/images/` is a 404, never a file of the renderer.
 */
async function serveStatic(root: string, imagesDirs: () => readonly string[]): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((request, response) => {
    const rawPath = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    const [, folder = '', ...rest] = rawPath.split('/')
    if (isImagesFolder(folder)) {
      const name = rest.length === 1 ? rest[0]! : ''
      if (!PRODUCT_IMAGE_FILE.test(name)) {
        response.writeHead(404).end()
        return
      }
      serveImage(name, imagesDirs()).then(
        (body) => {
          if (!body) response.writeHead(404).end()
          else response.writeHead(200, { 'content-type': contentTypeFor(name), 'cache-control': 'no-store' }).end(body)
        },
        () => response.writeHead(404).end(),
      )
      return
    }
    const pathname = decodeURIComponent(rawPath)
    const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`)
    if (!file.startsWith(root + sep)) {
      response.writeHead(404).end()
      return
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': contentTypeFor(file),
          'cache-control': 'no-store',
        })
        response.end(body)
      },
      () => response.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  const { port } = server.address() as AddressInfo
  return { server, baseUrl: `http://127.0.0.1:${port}` }
}

/** However the folder is spelled (`IMAGES`, `%69mages`). */
function isImagesFolder(segment: string): boolean {
  try {
    return decodeURIComponent(segment).toLowerCase() === 'images'
  } catch {
    return false
  }
}

async function serveImage(name: string, dirs: readonly string[]): Promise<Buffer | null> {
  for (const dir of dirs) {
    try {
      return await readFile(join(dir, name))
    } catch {
      // Not in this till's folder: the next one may have it.
    }
  }
  return null
}

/** Name of the page global counting, per channel, the replies handed back to the renderer. */
const DELIVERED = '__tillwiseDelivered'

/**
 * Runs in the page before any of its scripts, like the preload. Serialised by Playwright, so it
 * may use nothing from this module's scope. It also counts the replies it hands to the renderer,
 * so a test can wait until a reply it let through has reached the screen code.
 */
function definePos({ bridge, channels, delivered }: { bridge: string; channels: string[]; delivered: string }): void {
  const scope = globalThis as unknown as Record<string, unknown>
  const counts: Record<string, number> = {}
  Object.defineProperty(globalThis, delivered, { value: counts })
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const channel of channels) {
    api[channel] = (input: unknown) =>
      (scope[bridge] as (c: string, i: unknown) => Promise<unknown>)(channel, input).finally(() => {
        counts[channel] = (counts[channel] ?? 0) + 1
      })
  }
  Object.defineProperty(globalThis, 'pos', { value: Object.freeze(api), enumerable: true })
}

/**
 * Replies on one channel kept back from the page until the test lets them go. The backend has
 * already answered each call; only the way back is held, as a slow IPC reply would be.
 */
export interface HeldReplies {
  /** The inputs of the calls held so far, in call order (released ones included). */
  readonly inputs: readonly unknown[]
  /** Resolves once `count` calls have been held. */
  waitForCalls(count: number): Promise<void>
  /** Resolves with the index of the first held call whose input matches, once there is one. */
  waitForCall(matches: (input: unknown) => boolean): Promise<number>
  /** Lets the reply to the call at `index` (0-based, in call order) go on to the page. */
  releaseOne(index: number): void
  /** Lets every held reply go, in call order, and stops holding new ones. */
  releaseAll(): void
}

function createHold(onEnd: () => void): HeldReplies & { gate(input: unknown): Promise<void> } {
  const inputs: unknown[] = []
  const releases: ((() => void) | undefined)[] = []
  const waiters = new Set<() => void>()
  function waitForCall(matches: (input: unknown) => boolean): Promise<number> {
    return new Promise((resolveWait) => {
      const check = () => {
        const index = inputs.findIndex((input) => matches(input))
        if (index < 0) return
        waiters.delete(check)
        resolveWait(index)
      }
      waiters.add(check)
      check()
    })
  }
  return {
    inputs,
    gate(input) {
      const gated = new Promise<void>((resolveGate) => releases.push(resolveGate))
      inputs.push(input)
      for (const waiter of [...waiters]) waiter()
      return gated
    },
    async waitForCalls(count) {
      await waitForCall(() => inputs.length >= count)
    },
    waitForCall,
    releaseOne(index) {
      const release = releases[index]
      if (!release) throw new Error(`no held reply #${index} (${releases.length} held)`)
      releases[index] = undefined
      release()
    },
    releaseAll() {
      onEnd()
      releases.forEach((release, index) => {
        releases[index] = undefined
        release?.()
      })
    },
  }
}

/** Name of the page global the harness pushes display states through (the display preload's `ipcRenderer.on`). */
const DISPLAY_DELIVER = '__tillwiseDisplayDeliver'

/** The screens the harness's computer has: the till's, and one facing the customer. */
export const HARNESS_SCREENS: readonly ScreenInfo[] = [
  { id: 1, label: 'Till', bounds: { x: 0, y: 0, width: 1280, height: 800 }, primary: true },
  { id: 2, label: 'Customer', bounds: { x: 1280, y: 0, width: 1024, height: 600 }, primary: false },
]

/** The customer display of a till opened with `customerDisplay`: main's own controller, its window a second page. */
export interface HarnessDisplay {
  /** The built display.html, with `window.customerDisplay` made by the preload's own builder. */
  readonly page: Page
  /** Every state the display window was sent, in order. */
  readonly shown: readonly DisplayState[]
  /** How many times main opened the display window, and whether it is open now. */
  readonly opened: number
  readonly isOpen: boolean
  screenshot(name: string): Promise<string>
}

export interface Till {
  /** The customer display, when the till was opened with one. */
  readonly display: HarnessDisplay | null
  readonly page: Page
  readonly backend: Backend
  readonly dbPath: string
  /** Console errors and uncaught exceptions seen in the page (CSP violations land here). */
  readonly problems: readonly string[]
  /** Every call the page made, in the order the backend received them. */
  readonly calls: readonly { readonly channel: string; readonly input: unknown }[]
  /**
   * The next call on `channel` reaches the backend and completes there, but the page gets a
   * transport error instead of the reply (as if IPC broke on the way back).
   */
  loseNextReply(channel: string): void
  /** From now on, hold the replies on `channel` until the test releases them. */
  holdReplies(channel: string): HeldReplies
  /**
   * Resolves once the page has received `count` replies on `channel` in all, and every promise
   * reaction they started has run (a store update and React's synchronous re-render included):
   * the page is polled from a task of its own, after those microtasks.
   */
  waitForDelivered(channel: string, count: number): Promise<void>
  /**
   * Moves this till's clock (it starts at FIXED_NOW, or at `database.now`) forward: for idle
   * limits and sign-in delays.
   */
  advanceClock(ms: number): void
  /**
   * What main's file dialogs answer next, for the backup export and import, for saving a PDF or the
   * products' CSV and for a product's images: a folder, a file path or the picked image files, or
   * null as when the person cancels. All start as null.
   */
  readonly dialogs: {
    exportFolder: string | null
    importFile: string | null
    pdfFile: string | null
    csvFile: string | null
    imageFiles: string[] | null
  }
  /** A second, independent session for reading back what the screen did. */
  signedInClient(username?: string): Promise<BackendClient>
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

export interface OpenTillOptions {
  /**
   * Open this existing database file (used in place, never deleted) on this clock, instead of a
   * fresh demo store on FIXED_NOW.
   */
  database?: { path: string; now: Date }
  /** A fresh database with the demo store (the default), or empty, as on a first start (set-up shows). */
  seed?: 'demo' | 'none'
  /**
   * Runs once the browser context exists and before the page loads, so init scripts and request
   * listeners added here see the first document and every asset it fetches.
   */
  beforeLoad?(context: BrowserContext): Promise<void> | void
  /**
   * Give the backend a customer display, as main does: the display controller of
   * `src/main/display-window.ts` on HARNESS_SCREENS, its window a second page of its own.
   */
  customerDisplay?: boolean
}

export interface Harness {
  readonly baseUrl: string
  /** The Chromium version the tills run in. */
  readonly browserVersion: string
  openTill(options?: OpenTillOptions): Promise<Till>
  close(): Promise<void>
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No built renderer in ${RENDERER_DIR}: run \`npx electron-vite build\` first (npm run test:e2e does).`)
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`)
  await mkdir(SCREENS_DIR, { recursive: true })
  const { server, baseUrl } = await serveStatic(RENDERER_DIR, () => [...tills].reverse().map((till) => till.backend.imagesDir))
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  const tills = new Set<Till>()

  async function openTill(options: OpenTillOptions = {}): Promise<Till> {
    const dir = options.database ? null : await mkdtemp(join(tmpdir(), 'tillwise-e2e-'))
    const dbPath = options.database?.path ?? join(dir!, 'tillwise.sqlite')
    let nowMs = options.database?.now.getTime() ?? Date.parse(FIXED_NOW)
    const dialogs: Till['dialogs'] = { exportFolder: null, importFile: null, pdfFile: null, csvFile: null, imageFiles: null }
    const display = options.customerDisplay ? await openDisplayPage() : null
    const backend = await openBackend({
      ...(display ? { display: display.port } : {}),
      dbPath,
      seed: options.database ? 'none' : (options.seed ?? 'demo'),
      now: () => new Date(nowMs),
      // The test store's small scrypt cost: a screen test signs in many times (see TEST_PASSWORD_COST).
      passwordCost: TEST_PASSWORD_COST,
      files: {
        chooseExportFolder: async () => dialogs.exportFolder,
        chooseImportFile: async () => dialogs.importFile,
        choosePdfDestination: async () => dialogs.pdfFile,
        chooseCsvDestination: async () => dialogs.csvFile,
        chooseImageFiles: async () => dialogs.imageFiles,
      },
    })
    const clients: BackendClient[] = []
    // The window prints itself as Electron's printToPDF would: headless Chromium's own PDF of the
    // page as it shows now, laid out by its print styles. The page exists once the context does.
    const shown: { page?: Page } = {}
    const windowClient = backend.connect({
      printToPdf: async () => {
        if (!shown.page) throw new Error('the page is not open yet')
        return shown.page.pdf({ printBackground: true, preferCSSPageSize: true })
      },
    })
    clients.push(windowClient)
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      timezoneId: 'Asia/Kathmandu',
      locale: 'en-IN',
    })
    const lostReplies = new Set<string>()
    const holds = new Map<string, ReturnType<typeof createHold>>()
    const calls: { channel: string; input: unknown }[] = []
    await context.exposeBinding(BRIDGE, async (_source, channel: unknown, input: unknown) => {
      calls.push({ channel: String(channel), input })
      const reply = await windowClient.invokeUnknown(channel, input)
      if (typeof channel === 'string') await holds.get(channel)?.gate(input)
      if (typeof channel === 'string' && lostReplies.delete(channel)) {
        throw new Error(`test fault: the reply to ${channel} was lost on the way back`)
      }
      return reply
    })
    await context.addInitScript(definePos, { bridge: BRIDGE, channels: [...CHANNEL_NAMES], delivered: DELIVERED })
    await options.beforeLoad?.(context)
    const page = await context.newPage()
    shown.page = page
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    await page.goto(`${baseUrl}/index.html`)

    const till: Till = {
      display: display?.display ?? null,
      page,
      backend,
      dialogs,
      dbPath,
      problems,
      calls,
      loseNextReply: (channel) => {
        lostReplies.add(channel)
      },
      holdReplies: (channel) => {
        if (holds.has(channel)) throw new Error(`replies on ${channel} are already held`)
        const hold = createHold(() => holds.delete(channel))
        holds.set(channel, hold)
        return hold
      },
      async waitForDelivered(channel, count) {
        await page.waitForFunction(
          ([name, wanted, total]) => ((globalThis as unknown as Record<string, Record<string, number>>)[name]?.[wanted] ?? 0) >= total,
          [DELIVERED, channel, count] as const,
        )
      },
      advanceClock: (ms) => {
        nowMs += ms
      },
      async signedInClient(username = 'manager') {
        const client = backend.connect()
        clients.push(client)
        const reply = await client.invoke('auth:login', { username, password: username })
        if (!reply.ok) throw new Error(`test sign-in as ${username} failed: ${reply.error.message}`)
        return client
      },
      async screenshot(name) {
        const path = join(SCREENS_DIR, `${name}.png`)
        await page.screenshot({ path })
        return path
      },
      async close() {
        tills.delete(till)
        // A held reply would keep its binding call, and so the context, from closing.
        for (const hold of [...holds.values()]) hold.releaseAll()
        await context.close()
        await display?.close()
        for (const client of clients) client.disconnect()
        await backend.close()
        if (dir) await rm(dir, { recursive: true, force: true })
      },
    }
    tills.add(till)
    return till
  }

  /**
   * The display window as a page of its own context: it loads the built display.html, and the
   * preload's builder makes its `window.customerDisplay` over a global the harness pushes states
   * through, in order, as main's `webContents.send` would.
   */
  async function openDisplayPage() {
    const context = await browser.newContext({ viewport: { width: 1024, height: 600 }, locale: 'en-IN', timezoneId: 'Asia/Kathmandu' })
    await context.addInitScript({
      content: `(() => {
        const build = ${buildCustomerDisplayApi.toString()};
        const api = build((deliver) => {
          Object.defineProperty(globalThis, ${JSON.stringify(DISPLAY_DELIVER)}, { value: deliver });
          return () => undefined;
        });
        Object.defineProperty(globalThis, 'customerDisplay', { value: api, enumerable: true });
      })();`,
    })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/display.html`)
    const shown: DisplayState[] = []
    let sending: Promise<unknown> = Promise.resolve()
    let opened = 0
    let isOpen = false
    const controller = createDisplayController({
      screens: () => HARNESS_SCREENS,
      open(_screen, _closed) {
        opened += 1
        isOpen = true
        return {
          send(state) {
            shown.push(state)
            // One after another, whatever became of the one before (a page closing at the end of a test).
            const push = () =>
              page.evaluate(([name, next]) => (globalThis as unknown as Record<string, (value: unknown) => void>)[name]!(next), [
                DISPLAY_DELIVER,
                state,
              ] as const)
            sending = sending.then(push, push)
          },
          close() {
            isOpen = false
          },
        }
      },
    })
    const display: HarnessDisplay = {
      page,
      shown,
      get opened() {
        return opened
      },
      get isOpen() {
        return isOpen
      },
      async screenshot(name) {
        await sending.catch(() => undefined)
        const path = join(SCREENS_DIR, `${name}.png`)
        await page.screenshot({ path })
        return path
      },
    }
    return {
      port: controller,
      display,
      async close() {
        controller.tillClosed()
        await sending.catch(() => undefined)
        await context.close()
      },
    }
  }

  return {
    baseUrl,
    browserVersion: browser.version(),
    openTill,
    async close() {
      for (const till of [...tills]) await till.close()
      await browser.close()
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()))
    },
  }
}
