/**
 * Main's log: one file in the data folder (`<dataDir>/logs/main.log`), so a shop owner who is
 * asked for it finds it beside the database and sends one file. The settings are pure and applied
 * to any electron-log logger (main's in the app, the Node one in tests, which writes the same way).
 *
 * Only main logs. The library's `initialize()` would register a preload in every session so pages
 * could log; it is never called (initialize() is the only place electron-log/main registers that
 * preload). Importing electron-log/main still listens on its IPC channel, which a page could use to
 * write to the file or raise an error dialog: `closeLogChannel` removes that listener, and the IPC
 * transport that copies main's lines to every window is switched off.
 */
import { join } from 'node:path'
import type { LogLevel, NodeLogger } from 'electron-log'

export const LOG_DIR_NAME = 'logs'
export const LOG_FILE_NAME = 'main.log'
/** Past this the file is renamed `main.old.log` (replacing the one before) and a new one begun. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024
/** Local time with its offset (a Kathmandu till is +05:45), so lines line up with the shop's clock. */
export const LOG_LINE_FORMAT = '[{y}-{m}-{d} {h}:{i}:{s}.{ms} {z}] [{level}]{scope} {text}'

/** The channel electron-log/main listens on (`ipcMain.on` and `ipcMain.handle`) as soon as it is imported. */
export const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__'

export function logFileOf(dataDir: string): string {
  return join(dataDir, LOG_DIR_NAME, LOG_FILE_NAME)
}

export interface MainLogOptions {
  file: {
    path: string
    level: LogLevel
    maxSize: number
    format: string
    /** Created readable by the shop's own account only (ignored on Windows). */
    mode: number
  }
  console: {
    level: LogLevel
    /** Just the text: what main prints to a terminal looks as it did before it was logged. */
    format: string
  }
}

export function mainLogOptions({ dataDir, packaged }: { dataDir: string; packaged: boolean }): MainLogOptions {
  const level: LogLevel = packaged ? 'info' : 'debug'
  return {
    file: { path: logFileOf(dataDir), level, maxSize: LOG_MAX_BYTES, format: LOG_LINE_FORMAT, mode: 0o600 },
    console: { level, format: '{text}' },
  }
}

/** Points the logger at the file and sets its levels; no line leaves the machine or reaches a page. */
export function configureLog(logger: NodeLogger, options: MainLogOptions): void {
  const { file, console: terminal, ipc, remote } = logger.transports
  file.resolvePathFn = () => options.file.path
  file.level = options.file.level
  file.maxSize = options.file.maxSize
  file.format = options.file.format
  file.writeOptions = { flag: 'a', mode: options.file.mode, encoding: 'utf8' }
  // Written before the next line is taken, so a failed start's lines are in the file when its dialog opens.
  file.sync = true
  terminal.level = options.console.level
  terminal.format = options.console.format
  // Only electron-log/main has these: the Node logger leaves them undefined.
  if (ipc) ipc.level = false
  if (remote) remote.level = false
}

/** The console methods main's code calls, routed to the log. */
const ROUTED_METHODS = ['error', 'warn', 'info', 'debug', 'log'] as const

/**
 * Sends `console.error('[startup] …')` and the rest to the log. Safe against loops: the library's
 * console transport writes through the console methods it captured when it was loaded, not these.
 */
export function routeConsole(target: Pick<Console, (typeof ROUTED_METHODS)[number]>, logger: NodeLogger): void {
  for (const method of ROUTED_METHODS) target[method] = logger.functions[method]
}

/** The parts of `ipcMain` that take electron-log's listener away. */
export interface ClosableIpc {
  removeAllListeners(channel: string): unknown
  removeHandler(channel: string): void
}

export function closeLogChannel(ipc: ClosableIpc): void {
  ipc.removeAllListeners(ELECTRON_LOG_CHANNEL)
  ipc.removeHandler(ELECTRON_LOG_CHANNEL)
}
