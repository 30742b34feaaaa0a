/** Start-up decisions read from the environment, pure so they are tested without Electron. */
import { join, resolve } from 'node:path'
import { APP_ENTRY_URL, APP_ORIGIN } from './app-protocol.policy'
import { originOf } from './security.policy'

export const DB_FILE_NAME = 'tillwise.sqlite'

type Env = Readonly<Record<string, string | undefined>>

/** `TILLWISE_DATA_DIR` as an absolute path, or null when unset or blank. */
export function dataDirOverride(env: Env): string | null {
  const value = env.TILLWISE_DATA_DIR?.trim()
  return value ? resolve(value) : null
}

/** The data folder: `TILLWISE_DATA_DIR` when set, else Electron's `userData`. */
export function resolveDataDir(env: Env, userDataDir: string): string {
  return dataDirOverride(env) ?? userDataDir
}

/** The folder Electron names `userData` for this app, worked out without Electron (for the admin command). */
export function defaultUserDataDir(platform: NodeJS.Platform, env: Env, home: string, appName = 'tillwise-pos'): string {
  if (platform === 'win32') return join(env.APPDATA?.trim() || join(home, 'AppData', 'Roaming'), appName)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appName)
  return join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), appName)
}

/** A fresh install opens set-up (where the demo is one choice); `TILLWISE_DEMO=1` loads the demo store into an empty database straight away. */
export function resolveSeed(env: Env): 'demo' | 'none' {
  return env.TILLWISE_DEMO?.trim() === '1' ? 'demo' : 'none'
}

export interface RendererSource {
  /** What the window loads. */
  url: string
  /** The only origins that may navigate, request and call IPC. */
  allowedOrigins: readonly string[]
  dev: boolean
}

/**
 * The packaged app always loads `app://pos/`. An unpackaged app started by `electron-vite dev`
 * loads the dev server instead, and then only the dev server's origin is trusted.
 */
export function resolveRendererSource(packaged: boolean, env: Env): RendererSource {
  const devUrl = env.ELECTRON_RENDERER_URL?.trim()
  if (!packaged && devUrl) {
    const origin = originOf(devUrl)
    if (origin !== null && /^https?:\/\//.test(origin)) {
      return { url: devUrl, allowedOrigins: [origin], dev: true }
    }
  }
  return { url: APP_ENTRY_URL, allowedOrigins: [APP_ORIGIN], dev: false }
}

/**
 * Whether the shell is locked down as in a shop: no developer menu items, no DevTools. Always when
 * packaged; an unpackaged run asks for it with `TILLWISE_LOCKDOWN=1` (the `_electron` suite does, to
 * check the menu shops get). Nothing turns it off in a packaged app.
 */
export function resolveLockedDown(packaged: boolean, env: Env): boolean {
  return packaged || env.TILLWISE_LOCKDOWN?.trim() === '1'
}

/**
 * What the start-up error box says: the backend's message is written for people. With the log
 * file's place (when one was written), so a shop owner knows what to send when asking for help.
 */
export function startupErrorMessage(error: unknown, logFile?: string | null): string {
  const message =
    error instanceof Error && error.message.trim() !== '' ? error.message : 'An unexpected error stopped Tillwise POS from starting.'
  return logFile ? `${message}\n\nThe details are in this file, to send when you ask for help:\n${logFile}` : message
}

/** How the log's "ready" line begins: the till's window is open on a database that is open and migrated. */
export const READY_MARK = '[startup] ready'

export interface ReadyFacts {
  version: string
  packaged: boolean
  lockedDown: boolean
  dataDir: string
}

/**
 * The log's line once the app is ready, for whoever reads the log (and for the release workflow's
 * start of the packaged app, scripts/packaged-smoke.ts, which waits for it).
 */
export function readyLine(facts: ReadyFacts): string {
  const build = facts.packaged ? 'packaged' : facts.lockedDown ? 'development, locked down' : 'development'
  return `${READY_MARK}: Tillwise POS ${facts.version} (${build}), data folder ${facts.dataDir}`
}

/** The facts of a ready line, or null for any other line. */
export function parseReadyLine(line: string): ReadyFacts | null {
  const at = line.indexOf(`${READY_MARK}: `)
  if (at === -1) return null
  const match = /^Tillwise POS (\S+) \((packaged|development, locked down|development)\), data folder (.+)$/.exec(
    line.slice(at + READY_MARK.length + 2).trimEnd(),
  )
  if (!match) return null
  return { version: match[1]!, packaged: match[2] === 'packaged', lockedDown: match[2] !== 'development', dataDir: match[3]! }
}
