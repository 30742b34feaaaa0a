/**
 * `npm run dist`: the installers for the OS this runs on (electron-builder cannot make a macOS
 * dmg on Windows, nor sign for another OS). Makes sure the Electron runtime can be had first, the
 * way `npm start` does: where GitHub cannot be reached it says so in one sentence and stops, before
 * anything is built. Extra arguments go to electron-builder (the release workflow adds
 * `--publish always`); without them nothing is uploaded.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type BuilderOs } from '../electron-builder.config'
import { electronStatus, ensureElectron, type EnsureResult } from './ensure-electron'

const ROOT = resolve(import.meta.dirname, '..')
export const CONFIG_FILE = 'electron-builder.config.ts'

const BUILDER_OS_OF: Partial<Record<NodeJS.Platform, BuilderOs>> = { darwin: 'mac', win32: 'win', linux: 'linux' }

/** The OS electron-builder builds for on `platform`, or null where it builds for none. */
export function builderOs(platform: NodeJS.Platform): BuilderOs | null {
  return BUILDER_OS_OF[platform] ?? null
}

/** electron-builder's arguments: this OS only, and no upload unless the caller asked for one. */
export function builderArgs(os: BuilderOs, extra: readonly string[] = []): string[] {
  const publishes = extra.some((arg) => arg === '--publish' || arg === '-p' || arg.startsWith('--publish='))
  return ['--config', CONFIG_FILE, `--${os}`, ...(publishes ? [] : ['--publish', 'never']), ...extra]
}

/** Why installers cannot be made on `platform`, in one sentence. */
export function unsupportedPlatformMessage(platform: string): string {
  return (
    `Tillwise POS installers are built on macOS, Windows or Linux, and this machine runs ${platform}; ` +
    'run npm run dist on one of those or let the release workflow (.github/workflows/release.yml) build them.'
  )
}

/**
 * The reason ensureElectron gives inside its sentence ("… from GitHub (reason); …"), else its
 * whole message: the installers need the same download, so the same cause stops them.
 */
export function electronFailureReason(ensureMessage: string): string {
  return /from GitHub \((.*)\); /.exec(ensureMessage)?.[1] ?? ensureMessage
}

/** Why installers cannot be made without the Electron runtime, and what to do, in one sentence. */
export function electronMissingMessage(version: string, reason: string): string {
  return (
    `Tillwise POS installers cannot be built here: they pack the Electron ${version} runtime, which could not be ` +
    `downloaded from GitHub (${reason}); run npm run dist again on a machine that reaches GitHub, ` +
    'or let the release workflow (.github/workflows/release.yml) build them.'
  )
}

export interface Command {
  /** A package's command, run with this Node so no shell or `.cmd` shim is involved. */
  packageName: 'electron-vite' | 'electron-builder'
  args: string[]
}

export type DistPlan = { ok: true; os: BuilderOs; commands: Command[] } | { ok: false; message: string }

/** What `npm run dist` does on `platform` once Electron's installer has answered `electron`. */
export function planDist(
  platform: NodeJS.Platform,
  electron: EnsureResult,
  electronVersion: string,
  extra: readonly string[] = [],
): DistPlan {
  const os = builderOs(platform)
  if (os === null) return { ok: false, message: unsupportedPlatformMessage(platform) }
  if (!electron.ok) return { ok: false, message: electronMissingMessage(electronVersion, electronFailureReason(electron.message)) }
  return {
    ok: true,
    os,
    commands: [
      { packageName: 'electron-vite', args: ['build'] },
      { packageName: 'electron-builder', args: builderArgs(os, extra) },
    ],
  }
}

const requireHere = createRequire(import.meta.url)

/** The JavaScript file behind a package's own command, from its package.json `bin`. */
export function binScript(packageName: Command['packageName']): string {
  const manifestPath = requireHere.resolve(`${packageName}/package.json`)
  const { bin } = requireHere(manifestPath) as { bin: string | Partial<Record<string, string>> }
  const script = typeof bin === 'string' ? bin : bin[packageName]
  if (script === undefined) throw new Error(`${packageName} has no ${packageName} command`)
  return join(dirname(manifestPath), script)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const platform = process.platform
  const electron: EnsureResult = builderOs(platform) === null ? { ok: false, message: '' } : ensureElectron()
  const plan = planDist(platform, electron, electronStatus().version, process.argv.slice(2))
  if (!plan.ok) {
    console.error(plan.message)
    process.exit(1)
  }
  for (const command of plan.commands) {
    const run = spawnSync(process.execPath, [binScript(command.packageName), ...command.args], { cwd: ROOT, stdio: 'inherit' })
    if (run.status !== 0) process.exit(run.status ?? 1)
  }
}
