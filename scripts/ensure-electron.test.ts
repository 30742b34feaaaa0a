import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { electronStatus, ensureElectron } from './ensure-electron'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-electron-'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A stand-in for Electron's installer: `script` is its body. */
function installer(script: string): void {
  writeFileSync(join(dir, 'install.js'), script)
}

function installedBinary(): void {
  mkdirSync(join(dir, 'dist'), { recursive: true })
  writeFileSync(join(dir, 'dist', 'electron'), '')
  chmodSync(join(dir, 'dist', 'electron'), 0o755)
  writeFileSync(join(dir, 'path.txt'), 'electron')
}

describe('ensureElectron, before npm start', () => {
  it('does nothing when the binary is there', () => {
    installedBinary()
    installer("throw new Error('must not run')")
    expect(electronStatus(dir)).toMatchObject({ installed: true, version: '45.4.1' })
    expect(ensureElectron(dir)).toEqual({ ok: true, message: 'Electron 45.4.1 is installed.' })
  })

  it("runs Electron's own installer when path.txt is missing", () => {
    expect(electronStatus(dir)).toMatchObject({ installed: false, reason: 'node_modules/electron/path.txt is missing' })
    installer(
      `const fs = require('fs'); fs.mkdirSync('dist'); fs.writeFileSync('dist/electron', ''); fs.writeFileSync('path.txt', 'electron')`,
    )
    expect(ensureElectron(dir)).toEqual({ ok: true, message: 'Electron 45.4.1 is installed.' })
  })

  it('says in one sentence why it cannot start and what to do when the download fails', () => {
    installer("console.error('RequestError: getaddrinfo ENOTFOUND github.com'); process.exit(1)")
    const result = ensureElectron(dir)
    expect(result.ok).toBe(false)
    expect(result.message).toBe(
      'Tillwise cannot start: the Electron 45.4.1 runtime could not be downloaded from GitHub (RequestError: getaddrinfo ENOTFOUND github.com); ' +
        'connect this machine to the internet and run the command again, or copy an Electron build here and set ELECTRON_OVERRIDE_DIST_PATH to its folder. ' +
        'The tests (npm test) do not need it.',
    )
    expect(result.message.split('. ').length).toBeLessThanOrEqual(2)
    expect(electronStatus(dir).installed).toBe(false)
  })

  it('does not count an installer that exits 0 without a binary as installed', () => {
    installer('process.exit(0)')
    expect(ensureElectron(dir).ok).toBe(false)
  })
})
