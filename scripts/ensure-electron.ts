/**
 * Makes sure the Electron binary is there before `npm start` / `npm run dev`. Electron 45 has no
 * postinstall and electron-vite reads `node_modules/electron/path.txt` itself ("Electron
 * uninstall" when it is missing), so this runs Electron's own installer when the binary is missing,
 * and where it cannot be fetched says so in one sentence and exits non-zero.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export const ELECTRON_DIR = resolve(import.meta.dirname, '../node_modules/electron')

export type ElectronStatus = { installed: true; binary: string; version: string } | { installed: false; reason: string; version: string }

/** Whether the `electron` package in `packageDir` has its binary, found the way its index.js does. */
export function electronStatus(packageDir = ELECTRON_DIR): ElectronStatus {
  if (!existsSync(join(packageDir, 'package.json'))) {
    return { installed: false, version: 'unknown', reason: `the electron package is not installed in ${packageDir} (run npm install)` }
  }
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return { installed: false, version, reason: 'node_modules/electron/path.txt is missing' }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  if (!existsSync(binary)) return { installed: false, version, reason: `${binary} is missing` }
  return { installed: true, binary, version }
}

export interface EnsureResult {
  ok: boolean
  /** One sentence for the person who ran `npm start`. */
  message: string
}

/** Runs Electron's installer (`install.js`, the `install-electron` command) when the binary is missing. */
export function ensureElectron(packageDir = ELECTRON_DIR): EnsureResult {
  const before = electronStatus(packageDir)
  if (before.installed) return { ok: true, message: `Electron ${before.version} is installed.` }
  const installer = join(packageDir, 'install.js')
  if (!existsSync(installer)) return { ok: false, message: cannotFetch(before.version, before.reason) }
  console.log(`Electron ${before.version} is not installed yet (${before.reason}); fetching it with Electron's installer…`)
  const run = spawnSync(process.execPath, [installer], { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] })
  const after = electronStatus(packageDir)
  if (run.status === 0 && after.installed) return { ok: true, message: `Electron ${after.version} is installed.` }
  return {
    ok: false,
    message: cannotFetch(before.version, firstLine(run.stderr) ?? `the installer exited with ${run.status ?? run.signal}`),
  }
}

function firstLine(text: string | null): string | undefined {
  const line = text
    ?.split('\n')
    .map((part) => part.trim())
    .find((part) => part !== '' && !part.startsWith('at '))
  return line ? line.slice(0, 200) : undefined
}

function cannotFetch(version: string, reason: string): string {
  return (
    `Tillwise cannot start: the Electron ${version} runtime could not be downloaded from GitHub (${reason}); ` +
    'connect this machine to the internet and run the command again, or copy an Electron build here and set ' +
    'ELECTRON_OVERRIDE_DIST_PATH to its folder. The tests (npm test) do not need it.'
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = ensureElectron()
  if (!result.ok) {
    console.error(result.message)
    process.exit(1)
  }
}
