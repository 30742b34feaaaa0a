/**
 * Browser e2e harness: the real backend (`openBackend` on a fresh SQLite file with the demo store
 * and a fixed clock), the BUILT renderer served from out/renderer on 127.0.0.1, and Debian's
 * Chromium. `window.pos` is defined the way the preload defines it — a frozen object with one
 * function per channel — except each function forwards to `backend.connect()` through a
 * Playwright binding instead of Electron IPC. The renderer runs the same bytes the app ships.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { openBackend, type Backend, type BackendClient } from '../../src/core/backend'
import { CHANNEL_NAMES } from '../../src/shared/channels'

const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out', 'renderer')
export const SCREENS_DIR = join(ROOT, 'test-results', 'screens')
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** The clock every till in the e2e suite runs on: a Sunday morning in Kathmandu. */
export const FIXED_NOW = '2026-03-15T10:00:00+05:45'

/** Name of the page binding the `window.pos` functions forward through. */
const BRIDGE = '__tillwiseBackend'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

async function serveStatic(root: string): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`)
    if (!file.startsWith(root + sep)) {
      response.writeHead(404).end()
      return
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
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

/**
 * Runs in the page before any of its scripts, like the preload. Serialised by Playwright, so it
 * may use nothing from this module's scope.
 */
function definePos({ bridge, channels }: { bridge: string; channels: string[] }): void {
  const scope = globalThis as unknown as Record<string, unknown>
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const channel of channels) {
    api[channel] = (input: unknown) => (scope[bridge] as (c: string, i: unknown) => Promise<unknown>)(channel, input)
  }
  Object.defineProperty(globalThis, 'pos', { value: Object.freeze(api), enumerable: true })
}

export interface Till {
  readonly page: Page
  readonly backend: Backend
  readonly dbPath: string
  /** Console errors and uncaught exceptions seen in the page (CSP violations land here). */
  readonly problems: readonly string[]
  /**
   * The next call on `channel` reaches the backend and completes there, but the page gets a
   * transport error instead of the reply (as if IPC broke on the way back).
   */
  loseNextReply(channel: string): void
  /** Moves this till's clock (it starts at FIXED_NOW) forward: for idle limits and sign-in delays. */
  advanceClock(ms: number): void
  /** A second, independent session for reading back what the screen did. */
  signedInClient(username?: string): Promise<BackendClient>
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

export interface OpenTillOptions {
  /**
   * Runs once the browser context exists and before the page loads, so init scripts and request
   * listeners added here see the first document and every asset it fetches.
   */
  beforeLoad?(context: BrowserContext): Promise<void> | void
}

export interface Harness {
  readonly baseUrl: string
  openTill(options?: OpenTillOptions): Promise<Till>
  close(): Promise<void>
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No built renderer in ${RENDERER_DIR}: run \`npx electron-vite build\` first (npm run test:e2e does).`)
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`)
  await mkdir(SCREENS_DIR, { recursive: true })
  const { server, baseUrl } = await serveStatic(RENDERER_DIR)
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  const tills = new Set<Till>()

  async function openTill(options: OpenTillOptions = {}): Promise<Till> {
    const dir = await mkdtemp(join(tmpdir(), 'tillwise-e2e-'))
    const dbPath = join(dir, 'tillwise.sqlite')
    let nowMs = Date.parse(FIXED_NOW)
    const backend = await openBackend({ dbPath, seed: 'demo', now: () => new Date(nowMs) })
    const clients: BackendClient[] = []
    const windowClient = backend.connect()
    clients.push(windowClient)
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      timezoneId: 'Asia/Kathmandu',
      locale: 'en-IN',
    })
    const lostReplies = new Set<string>()
    await context.exposeBinding(BRIDGE, async (_source, channel: unknown, input: unknown) => {
      const reply = await windowClient.invokeUnknown(channel, input)
      if (typeof channel === 'string' && lostReplies.delete(channel)) {
        throw new Error(`test fault: the reply to ${channel} was lost on the way back`)
      }
      return reply
    })
    await context.addInitScript(definePos, { bridge: BRIDGE, channels: [...CHANNEL_NAMES] })
    await options.beforeLoad?.(context)
    const page = await context.newPage()
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    await page.goto(`${baseUrl}/index.html`)

    const till: Till = {
      page,
      backend,
      dbPath,
      problems,
      loseNextReply: (channel) => {
        lostReplies.add(channel)
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
        await context.close()
        for (const client of clients) client.disconnect()
        await backend.close()
        await rm(dir, { recursive: true, force: true })
      },
    }
    tills.add(till)
    return till
  }

  return {
    baseUrl,
    openTill,
    async close() {
      for (const till of [...tills]) await till.close()
      await browser.close()
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()))
    },
  }
}
