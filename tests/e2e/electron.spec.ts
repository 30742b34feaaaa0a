/**
 * Drives the real Electron app with Playwright's `_electron`: sign in, scan, pay by token, see the
 * receipt, and check the shell's security from inside the window. Runs wherever the Electron
 * binary is installed (`npm start` installs it with Electron's installer where GitHub can be
 * reached); elsewhere the suite is skipped with one line saying why. It never imports the
 * `electron` package, whose entry point would try to download the binary.
 */
import { existsSync, realpathSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '#shared/ipc/channel-names'
import type { PosApi } from '#shared/ipc/contract'
import type { ProductDto } from '#shared/contract/catalog'
import type { IpcResult } from '#shared/ipc/errors'
import { appMenuTemplate } from '../../src/main/app-menu'
import { CONTENT_SECURITY_POLICY } from '../../src/main/app-protocol.policy'
import { electronStatus } from '../../scripts/ensure-electron'

const ROOT = resolve(import.meta.dirname, '../..')
const MAIN_SCRIPT = join(ROOT, 'out', 'main', 'index.js')
const DEMO_SKU = 'DEMO-LAST-ONE'
const DEMO_TOKEN = '11111111-1111-4111-8111-111111111111'

/** The binary the `electron` package would run, found the way its index.js does, minus the download. */
function electronBinary(): { path: string } | { missing: string } {
  const status = electronStatus()
  if (status.installed) return { path: status.binary }
  return {
    missing: `Electron binary not installed (${status.reason}); \`npm start\` runs Electron's installer, which needs GitHub`,
  }
}

/** `process.env` without unset entries, as Playwright's `env` option wants. */
function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined))
}

interface MenuEntry {
  role: string
  label: string
  accelerator: string
}

/** Every item of the running app's menu, submenus included, once its first window exists (so start-up has set it). */
async function applicationMenu(electronApp: ElectronApplication): Promise<MenuEntry[]> {
  return electronApp.evaluate(async ({ app: main, BrowserWindow, Menu }) => {
    if (BrowserWindow.getAllWindows().length === 0) await new Promise((resolve) => main.once('browser-window-created', resolve))
    const walk = (menu: Electron.Menu | null): MenuEntry[] =>
      (menu?.items ?? []).flatMap((item) => [
        { role: (item.role ?? '').toLowerCase(), label: item.label, accelerator: String(item.accelerator ?? '') },
        ...walk(item.submenu ?? null),
      ])
    return walk(Menu.getApplicationMenu())
  })
}

/** The roles of our own template (src/main/app-menu.ts) in order, as the running menu reports them. */
function templateRoles(packaged: boolean): string[] {
  const walk = (items: readonly Electron.MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [...(item.role ? [item.role.toLowerCase()] : []), ...(Array.isArray(item.submenu) ? walk(item.submenu) : [])])
  return walk(appMenuTemplate({ packaged, platform: process.platform, appName: 'Tillwise POS' }))
}

/** DevTools' and reload's keys, however an accelerator spells them. */
const DEVELOPER_KEY = /^(F5|F12|(Cmd|Command|Ctrl|Control|CmdOrCtrl|CommandOrControl)\+(Shift\+|Alt\+)?[IRJ])$/i

const binary = electronBinary()
if ('missing' in binary) console.log(`Electron e2e skipped: ${binary.missing}`)

/** `window.pos` as the page sees it; the test's tsconfig has no DOM types. */
type PageGlobals = typeof globalThis & {
  pos: PosApi
  require?: unknown
  process?: unknown
  open(url: string): unknown
}

/** The till as a cashier uses it, by accessible names only. */
class TillWindow {
  constructor(readonly page: Page) {}

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Username', { exact: true }).fill(username)
    await this.page.getByLabel('Password', { exact: true }).fill(password)
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await this.scanField.waitFor()
  }

  get scanField() {
    return this.page.getByLabel('Scan or search', { exact: true })
  }

  get cart() {
    return this.page.getByRole('region', { name: 'Cart', exact: true })
  }

  get receipt() {
    return this.page.getByRole('region', { name: 'Receipt', exact: true })
  }

  async scan(code: string): Promise<void> {
    await this.scanField.fill(code)
    await this.scanField.press('Enter')
  }

  async payByToken(token: string): Promise<void> {
    await this.page.keyboard.press('F9')
    const tokenField = this.page.getByRole('textbox', { name: 'Token', exact: true })
    await tokenField.fill(token)
    await tokenField.press('Enter')
  }
}

describe.skipIf('missing' in binary)('Electron app', () => {
  let dataDir: string
  let app: ElectronApplication
  let till: TillWindow

  beforeAll(async () => {
    if ('missing' in binary) return
    if (!existsSync(MAIN_SCRIPT)) throw new Error(`${MAIN_SCRIPT} is missing: run \`npm run build\` first`)
    dataDir = await mkdtemp(join(tmpdir(), 'tillwise-electron-e2e-'))
    app = await _electron.launch({
      executablePath: binary.path,
      args: [MAIN_SCRIPT],
      cwd: ROOT,
      env: { ...definedEnv(), TILLWISE_DATA_DIR: dataDir, TILLWISE_DEMO: '1' },
    })
    till = new TillWindow(await app.firstWindow())
  })

  afterAll(async () => {
    await app?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('keeps its data in TILLWISE_DATA_DIR and serves the renderer from app://pos/', async () => {
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))
    expect(realpathSync(userData)).toBe(realpathSync(dataDir))
    expect(existsSync(join(dataDir, 'tillwise.sqlite'))).toBe(true)
    expect(till.page.url()).toMatch(/^app:\/\/pos\//)
  })

  it('sets its own menu, and a locked-down run (as shops get) has no developer item in it', async () => {
    const rolesOf = (entries: MenuEntry[]) => entries.map((entry) => entry.role).filter((role) => role !== '')
    // This run is unpackaged: our development menu, not Electron's default one.
    expect(rolesOf(await applicationMenu(app))).toEqual(templateRoles(false))

    const lockedDir = await mkdtemp(join(tmpdir(), 'tillwise-electron-locked-'))
    const locked = await _electron.launch({
      executablePath: 'path' in binary ? binary.path : '',
      args: [MAIN_SCRIPT],
      cwd: ROOT,
      env: { ...definedEnv(), TILLWISE_DATA_DIR: lockedDir, TILLWISE_LOCKDOWN: '1' },
    })
    try {
      const entries = await applicationMenu(locked)
      expect(rolesOf(entries)).toEqual(templateRoles(true))
      expect(entries.filter((entry) => ['reload', 'forcereload', 'toggledevtools', 'viewmenu'].includes(entry.role))).toEqual([])
      expect(entries.filter((entry) => /develop|devtools|inspect|reload/i.test(entry.label))).toEqual([])
      expect(entries.filter((entry) => DEVELOPER_KEY.test(entry.accelerator))).toEqual([])
    } finally {
      await locked.close()
      await rm(lockedDir, { recursive: true, force: true })
    }
  })

  it('gives the page window.pos and nothing from Node', async () => {
    const exposed = await till.page.evaluate(() => {
      const page = globalThis as PageGlobals
      return {
        keys: Object.keys(page.pos).sort(),
        frozen: Object.isFrozen(page.pos),
        require: typeof page.require,
        process: typeof page.process,
      }
    })
    expect(exposed).toEqual({ keys: [...CHANNEL_NAMES].sort(), frozen: true, require: 'undefined', process: 'undefined' })
  })

  it('serves its files with the CSP and refuses to leave the renderer folder', async () => {
    const probe = await till.page.evaluate(async () => {
      const index = await fetch('app://pos/index.html')
      const escape = await fetch('app://pos/%2e%2e/%2e%2e/package.json')
      return { csp: index.headers.get('content-security-policy'), escapeStatus: escape.status }
    })
    expect(probe).toEqual({ csp: CONTENT_SECURITY_POLICY, escapeStatus: 404 })
  })

  it('opens no second window', async () => {
    const denied = await till.page.evaluate(() => (globalThis as PageGlobals).open('https://example.com/') === null)
    expect(denied).toBe(true)
    expect(app.windows()).toHaveLength(1)
  })

  it('sells an item paid by token and shows the receipt', async () => {
    await till.signIn('cashier', 'cashier')
    const lookup = await till.page.evaluate((code) => (globalThis as PageGlobals).pos['catalog:lookup']({ code }), DEMO_SKU)
    expect(lookup.ok).toBe(true)
    const product = (lookup as Extract<IpcResult<ProductDto>, { ok: true }>).data

    await till.scan(DEMO_SKU)
    await till.cart.getByText(product.name).waitFor()

    await till.payByToken(DEMO_TOKEN)
    await till.receipt.waitFor()
    const receiptText = await till.receipt.innerText()
    expect(receiptText).toContain(product.name)
    expect(receiptText).toContain('1111')
  })

  it('opens the customer display unfocused when the setting is on, and shows it the sale', async () => {
    const displayDir = await mkdtemp(join(tmpdir(), 'tillwise-electron-display-'))
    const withDisplay = await _electron.launch({
      executablePath: 'path' in binary ? binary.path : '',
      args: [MAIN_SCRIPT],
      cwd: ROOT,
      env: { ...definedEnv(), TILLWISE_DATA_DIR: displayDir, TILLWISE_DEMO: '1' },
    })
    try {
      const shop = new TillWindow(await withDisplay.firstWindow())
      await shop.signIn('manager', 'manager')
      // A test machine may have one screen: the display is put on it on purpose (the automatic choice never would).
      const primaryId = await withDisplay.evaluate(({ screen }) => screen.getPrimaryDisplay().id)
      const opened = withDisplay.waitForEvent('window')
      const update = await shop.page.evaluate(
        (screenId) => (globalThis as PageGlobals).pos['settings:update']({ patch: { customerDisplay: { enabled: true, screenId } } }),
        primaryId,
      )
      expect(update.ok).toBe(true)
      const lookup = await shop.page.evaluate((code) => (globalThis as PageGlobals).pos['catalog:lookup']({ code }), DEMO_SKU)
      const product = (lookup as Extract<IpcResult<ProductDto>, { ok: true }>).data
      await shop.scan(DEMO_SKU)
      await shop.cart.getByText(product.name).waitFor()

      const display = await opened
      expect(display.url()).toMatch(/^app:\/\/pos\/display\.html$/)
      await display.getByTestId('display-line').filter({ hasText: product.name }).waitFor()
      const windows = await withDisplay.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((window) => ({
          url: window.webContents.getURL(),
          focusable: window.isFocusable(),
          focused: window.isFocused(),
          visible: window.isVisible(),
        })),
      )
      const displayWindow = windows.find((window) => window.url.endsWith('/display.html'))
      const tillWindow = windows.find((window) => window.url.endsWith('/index.html'))
      expect(displayWindow).toMatchObject({ focusable: false, focused: false, visible: true })
      expect(tillWindow?.focused).toBe(true)
      // The display can listen, and nothing else: no window.pos, no Node.
      const exposed = await display.evaluate(() => {
        const page = globalThis as PageGlobals & { customerDisplay?: object }
        return {
          keys: Object.keys(page.customerDisplay ?? {}),
          frozen: Object.isFrozen(page.customerDisplay),
          pos: typeof (page as { pos?: unknown }).pos,
          require: typeof page.require,
        }
      })
      expect(exposed).toEqual({ keys: ['subscribe'], frozen: true, pos: 'undefined', require: 'undefined' })
    } finally {
      await withDisplay.close()
      await rm(displayDir, { recursive: true, force: true })
    }
  })
})
