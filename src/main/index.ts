/**
 * Composition root of the Electron shell: single instance, data folder, backend, `app://` scheme,
 * security policies, IPC and the till window. Everything with a rule in it lives in a pure module
 * next to this file; this one only wires them to Electron.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { app, BrowserWindow, dialog, Menu, safeStorage, session } from 'electron'
import { openBackend, type BackupFilePicker } from '#core/backend'
import iconPath from '../../resources/icon.png?asset'
import { parseAdminArgs, runAdminCommand, type AdminCommand } from './admin-command'
import { appMenuTemplate } from './app-menu'
import { loadOrCreateAuditKey } from './audit-key'
import { registerAppScheme, serveAppProtocol } from './app-protocol'
import { registerIpcHandlers } from './ipc'
import { startMainLog } from './main-log'
import { createQuitGuard } from './quit.guard'
import { createUpdater } from './updater'
import { hardenSession } from './session.hardening'
import {
  DB_FILE_NAME,
  dataDirOverride,
  readyLine,
  resolveDataDir,
  resolveLockedDown,
  resolveRendererSource,
  resolveSeed,
  startupErrorMessage,
} from './startup.config'
import { hardenWebContents } from './web-contents.hardening'
import { createMainWindow } from './window'
import { createCustomerDisplay } from './customer-display'
import { displayPageUrl, type DisplayController } from './display-window'

const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs')
const DISPLAY_PRELOAD_PATH = join(import.meta.dirname, '../preload/display.cjs')
const RENDERER_DIR = join(import.meta.dirname, '../renderer')
const PRODUCT_NAME = 'Tillwise POS'

// Privileged schemes can only be registered before `ready`.
registerAppScheme()

// Chromium's profile and the single-instance lock live in userData: an overridden data folder
// (e2e runs, a training till) gets its own, so it never collides with the shop's running app.
const dataDirFromEnv = dataDirOverride(process.env)
if (dataDirFromEnv) app.setPath('userData', dataDirFromEnv)

/** No developer menu items or DevTools in what shops run (startup.config.ts). */
const lockedDown = resolveLockedDown(app.isPackaged, process.env)
// The data folder is known from here on (userData is final above, and this is the function start()
// uses after `ready`): every later line, a failed start's included, lands in its log file.
const logFile = startMainLog({ dataDir: resolveDataDir(process.env, app.getPath('userData')), packaged: lockedDown })

const source = resolveRendererSource(app.isPackaged, process.env)
const ownWebContents = new Set<number>()
let mainWindow: BrowserWindow | null = null
/** The customer display (a second window when the setting is on); it closes with the till's window. */
let customerDisplay: DisplayController | null = null

function openMainWindow(): void {
  const window = createMainWindow({ preloadPath: PRELOAD_PATH, iconPath, packaged: lockedDown, url: source.url })
  const { id } = window.webContents
  ownWebContents.add(id)
  window.webContents.once('destroyed', () => ownWebContents.delete(id))
  window.once('closed', () => {
    if (mainWindow === window) mainWindow = null
    // Nothing publishes to it any more, and an open display would keep the app from quitting.
    customerDisplay?.tillClosed()
  })
  mainWindow = window
  // On macOS the till's window can come back from the dock; the display with it, at its first state.
  customerDisplay?.tillOpened()
}

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

/** Main's own dialogs for copying backups off the till: the page never names a path. */
function backupFilePicker(): BackupFilePicker {
  const ask = async (options: Electron.OpenDialogOptions): Promise<string | null> => {
    const answer = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
    return answer.canceled ? null : (answer.filePaths[0] ?? null)
  }
  return {
    chooseExportFolder: () => ask({ title: 'Copy a backup to…', properties: ['openDirectory', 'createDirectory'] }),
    chooseImportFile: () =>
      ask({
        title: 'Restore from a backup file',
        properties: ['openFile'],
        filters: [{ name: 'Tillwise backup', extensions: ['sqlite'] }],
      }),
    // Core reads, checks and stores the picked files itself: the page only ever sees their hashed names.
    chooseImageFiles: async () => {
      const options: Electron.OpenDialogOptions = {
        title: 'Add product images',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Images (PNG, JPEG, WebP)', extensions: ['png', 'jpg', 'jpeg', 'webp'] }],
      }
      const answer = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
      return answer.canceled ? null : answer.filePaths
    },
    // The page is already printed when this opens; core writes the file where it points.
    choosePdfDestination: async (suggestedName) => {
      const options: Electron.SaveDialogOptions = {
        title: 'Save as PDF',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const answer = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
      if (answer.canceled || !answer.filePath) return null
      // Some desktops leave off the extension the filter names.
      return extname(answer.filePath) ? answer.filePath : `${answer.filePath}.pdf`
    },
    // Core makes the file once this answers, and writes it where it points.
    chooseCsvDestination: async (suggestedName) => {
      const options: Electron.SaveDialogOptions = {
        title: 'Export products as CSV',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const answer = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
      if (answer.canceled || !answer.filePath) return null
      return extname(answer.filePath) ? answer.filePath : `${answer.filePath}.csv`
    },
  }
}

function failStartup(error: unknown): void {
  console.error('[startup] Tillwise POS could not start', error)
  dialog.showErrorBox('Tillwise POS could not start', startupErrorMessage(error, existsSync(logFile) ? logFile : null))
  app.exit(1)
}

async function start(): Promise<void> {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, source.allowedOrigins))
  app.on('second-instance', focusMainWindow)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  await app.whenReady()
  // Ours replaces Electron's default menu (whose View has reload and DevTools) before any window opens.
  const menu = appMenuTemplate({ packaged: lockedDown, platform: process.platform, appName: PRODUCT_NAME })
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu))
  const dataDir = resolveDataDir(process.env, app.getPath('userData'))
  await mkdir(dataDir, { recursive: true })
  const auditKey = loadOrCreateAuditKey(dataDir, safeStorage)
  if (!auditKey.key) console.warn(`[startup] the audit trail is not signed (${auditKey.reason})`)
  customerDisplay = createCustomerDisplay({ preloadPath: DISPLAY_PRELOAD_PATH, url: displayPageUrl(source.url), packaged: lockedDown })
  const backend = await openBackend({
    dbPath: join(dataDir, DB_FILE_NAME),
    seed: resolveSeed(process.env),
    autoBackup: true,
    files: backupFilePicker(),
    display: customerDisplay,
    ...(auditKey.key ? { auditKey: auditKey.key } : {}),
    // Updates are the packaged app's (electron-updater checks nothing in a development run); main's console is its log.
    ...(app.isPackaged ? { updater: createUpdater(console) } : {}),
  })

  hardenSession(session.defaultSession, source.allowedOrigins)
  serveAppProtocol(RENDERER_DIR, backend.imagesDir)
  const router = registerIpcHandlers({
    allowedOrigins: source.allowedOrigins,
    isOwnWindow: (id) => ownWebContents.has(id),
    connect: (window) => backend.connect(window),
  })
  app.on(
    'will-quit',
    createQuitGuard({
      close: async () => {
        router.disconnectAll()
        await backend.close()
      },
      quit: () => app.quit(),
    }),
  )
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
  openMainWindow()
  console.log(readyLine({ version: app.getVersion(), packaged: app.isPackaged, lockedDown, dataDir }))
}

/** `--unlock <username>`: the machine's own way out of a lockout; runs without a window and exits. */
async function runAdmin(command: AdminCommand): Promise<void> {
  const dataDir = resolveDataDir(process.env, app.getPath('userData'))
  const outcome = await runAdminCommand(command, join(dataDir, DB_FILE_NAME))
  ;(outcome.exitCode === 0 ? console.log : console.error)(outcome.message)
  app.exit(outcome.exitCode)
}

const admin = parseAdminArgs(process.argv.slice(1))
if (admin) {
  if (admin.ok) runAdmin(admin.command).catch(failStartup)
  else {
    console.error(admin.error)
    app.exit(2)
  }
} else if (app.requestSingleInstanceLock()) {
  start().catch(failStartup)
} else {
  // Another till window is already open on this data folder; it comes to the front instead.
  app.quit()
}
