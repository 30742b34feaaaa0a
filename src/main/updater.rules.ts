/**
 * The rules of the shell's updater, apart from electron-updater so they run under Node: the feed
 * from the store's address, what counts as newer, and the order check → download → install, each
 * step taking only what the one before it found. `updater.ts` hands these electron-updater's
 * `autoUpdater`; tests hand a stand-in (Electron cannot run there).
 */
import type { UpdaterPort } from '#core/backend'
import { updatesUrlProblem } from '#shared/contract/updates'

/** electron-updater's generic provider: `latest.yml` (and the installers it names) in the store's folder. */
export interface FeedOptions {
  readonly provider: 'generic'
  readonly url: string
}

/** What the port uses of electron-updater's `autoUpdater`. */
export interface AutoUpdaterLike {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  allowDowngrade: boolean
  setFeedURL(options: FeedOptions): void
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string; releaseDate?: string } } | null>
  downloadUpdate(): Promise<unknown>
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
}

/** A step refused, named by a short code core passes on to the screen. */
function refusal(code: string, message: string): Error {
  return Object.assign(new Error(message), { code })
}

/** The feed for the store's folder; an address the settings would refuse is refused here too. */
export function feedOptions(url: string): FeedOptions {
  const problem = updatesUrlProblem(url)
  if (problem) throw refusal('badFeedUrl', `not an update folder (${problem})`)
  return { provider: 'generic', url }
}

interface SemVer {
  readonly core: readonly [number, number, number]
  readonly pre: readonly string[]
}

const SEMVER = /^v?(\d{1,9})\.(\d{1,9})\.(\d{1,9})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/

function parseVersion(text: string): SemVer | null {
  const match = SEMVER.exec(text.trim())
  if (!match) return null
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] ? match[4].split('.') : [] }
}

/** Semver precedence of two pre-release identifiers: numbers below words, numbers by value. */
function comparePre(a: string, b: string): number {
  const numeric = /^\d+$/
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b)
  if (numeric.test(a)) return -1
  if (numeric.test(b)) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** Semver precedence (build metadata ignored): negative when `a` is older than `b`; null when either is not a version. */
export function compareVersions(a: string, b: string): number | null {
  const left = parseVersion(a)
  const right = parseVersion(b)
  if (!left || !right) return null
  for (let i = 0; i < 3; i += 1) {
    const difference = left.core[i]! - right.core[i]!
    if (difference !== 0) return difference
  }
  // A release is newer than its own pre-releases (1.4.0 > 1.4.0-beta.2).
  if (left.pre.length === 0 || right.pre.length === 0) return right.pre.length - left.pre.length
  for (let i = 0; i < Math.min(left.pre.length, right.pre.length); i += 1) {
    const difference = comparePre(left.pre[i]!, right.pre[i]!)
    if (difference !== 0) return difference
  }
  return left.pre.length - right.pre.length
}

/** Only a strictly newer version is an update: never the same one again, never an older one (no downgrade). */
export function isNewerVersion(candidate: string, running: string): boolean {
  const order = compareVersions(candidate, running)
  return order !== null && order > 0
}

/**
 * The shell's side of `updates:*`, over electron-updater: never downloads or installs by itself
 * (`autoDownload`, `autoInstallOnAppQuit` and `allowDowngrade` off), asks the folder only when core
 * calls `check`, downloads only the version that check found, and installs only what was downloaded.
 * `load` is called at the first check, so nothing of electron-updater is loaded at start.
 */
export function createUpdaterPort(load: () => Promise<AutoUpdaterLike>, runningVersion: string): UpdaterPort {
  let loading: Promise<AutoUpdaterLike> | undefined
  const updater = () =>
    (loading ??= load().then((loaded) => {
      loaded.autoDownload = false
      loaded.autoInstallOnAppQuit = false
      loaded.allowDowngrade = false
      return loaded
    }))
  /** The version the last check found newer, and the one downloaded since. */
  let found: string | null = null
  let downloaded: string | null = null
  return {
    async check(url) {
      const feed = feedOptions(url)
      const autoUpdater = await updater()
      found = null
      downloaded = null
      autoUpdater.setFeedURL(feed)
      const result = await autoUpdater.checkForUpdates()
      // electron-updater answers null when it is not active (an app not packaged).
      if (result === null) throw refusal('updaterInactive', 'the updater is not active in this build')
      const { version, releaseDate } = result.updateInfo
      if (!result.isUpdateAvailable || !isNewerVersion(version, runningVersion)) return null
      found = version
      return typeof releaseDate === 'string' ? { version, releaseDate } : { version }
    },
    async download(version) {
      if (found !== version) throw refusal('notChecked', `version ${version} is not the one the last check found`)
      if (downloaded === version) return
      await (await updater()).downloadUpdate()
      downloaded = version
    },
    async install(version) {
      if (downloaded !== version) throw refusal('notDownloaded', `version ${version} has not been downloaded`)
      // Silent (no installer wizard at the till) and started again once installed.
      ;(await updater()).quitAndInstall(true, true)
    },
  }
}
