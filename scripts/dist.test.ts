import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TARGETS } from '../electron-builder.config'
import {
  binScript,
  builderArgs,
  builderOs,
  CONFIG_FILE,
  electronFailureReason,
  electronMissingMessage,
  planDist,
  unsupportedPlatformMessage,
} from './dist'
import { electronStatus, ensureElectron } from './ensure-electron'

const INSTALLED = { ok: true, message: 'Electron 45.4.1 is installed.' }

describe('npm run dist builds for the OS it runs on', () => {
  it('maps each desktop OS to its own installers', () => {
    expect(builderOs('win32')).toBe('win')
    expect(builderOs('darwin')).toBe('mac')
    expect(builderOs('linux')).toBe('linux')
    expect(TARGETS.win.map((target) => target.target)).toEqual(['nsis'])
    expect(TARGETS.mac.map((target) => target.target)).toEqual(['dmg', 'zip'])
    expect(TARGETS.linux.map((target) => target.target)).toEqual(['AppImage', 'deb'])
  })

  it.each([
    ['linux', '--linux'],
    ['darwin', '--mac'],
    ['win32', '--win'],
  ] as const)('on %s builds the app, then runs electron-builder %s with the config file and no upload', (platform, flag) => {
    const plan = planDist(platform, INSTALLED, '45.4.1')
    expect(plan).toEqual({
      ok: true,
      os: builderOs(platform),
      commands: [
        { packageName: 'electron-vite', args: ['build'] },
        { packageName: 'electron-builder', args: ['--config', CONFIG_FILE, flag, '--publish', 'never'] },
      ],
    })
  })

  it('passes extra arguments on, and lets the caller choose to publish', () => {
    expect(builderArgs('linux', ['--publish', 'always'])).toEqual(['--config', CONFIG_FILE, '--linux', '--publish', 'always'])
    expect(builderArgs('mac', ['--publish=onTag'])).toEqual(['--config', CONFIG_FILE, '--mac', '--publish=onTag'])
    expect(builderArgs('win', ['--dir'])).toEqual(['--config', CONFIG_FILE, '--win', '--publish', 'never', '--dir'])
  })

  it("runs each tool's own script, found from its package.json", () => {
    for (const name of ['electron-vite', 'electron-builder'] as const) {
      const script = binScript(name)
      expect(script).toMatch(/\.js$/)
      expect(existsSync(script)).toBe(true)
    }
  })

  it('refuses an OS electron-builder has no installer for, in one sentence, whatever Electron says', () => {
    const plan = planDist('freebsd', INSTALLED, '45.4.1')
    expect(plan).toEqual({ ok: false, message: unsupportedPlatformMessage('freebsd') })
    expect(unsupportedPlatformMessage('freebsd')).toBe(
      'Tillwise POS installers are built on macOS, Windows or Linux, and this machine runs freebsd; ' +
        'run npm run dist on one of those or let the release workflow (.github/workflows/release.yml) build them.',
    )
    expect(builderOs('aix')).toBeNull()
  })
})

describe('npm run dist where the Electron runtime cannot be fetched', () => {
  let dir: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tillwise-dist-'))
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }))
  })

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('stops before building, saying in one sentence why and what to do', () => {
    writeFileSync(join(dir, 'install.js'), "console.error('RequestError: getaddrinfo ENOTFOUND github.com'); process.exit(1)")
    const electron = ensureElectron(dir)
    expect(electron.ok).toBe(false)

    const plan = planDist('linux', electron, electronStatus(dir).version)
    expect(plan).toEqual({
      ok: false,
      message:
        'Tillwise POS installers cannot be built here: they pack the Electron 45.4.1 runtime, which could not be downloaded ' +
        'from GitHub (RequestError: getaddrinfo ENOTFOUND github.com); run npm run dist again on a machine that reaches GitHub, ' +
        'or let the release workflow (.github/workflows/release.yml) build them.',
    })
    if (!plan.ok) expect(plan.message.split('. ')).toHaveLength(1)
    expect(electronStatus(dir).installed).toBe(false)
  })

  it("names the missing file when Electron's installer is not there at all", () => {
    const electron = ensureElectron(dir)
    expect(electronFailureReason(electron.message)).toBe('node_modules/electron/path.txt is missing')
  })

  it("falls back to Electron's whole message when it is worded differently", () => {
    expect(electronFailureReason('Something else went wrong.')).toBe('Something else went wrong.')
    expect(electronMissingMessage('45.4.1', 'offline')).toContain('(offline);')
  })
})
