import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DB_FILE_NAME,
  dataDirOverride,
  defaultUserDataDir,
  parseReadyLine,
  readyLine,
  resolveDataDir,
  resolveLockedDown,
  resolveRendererSource,
  resolveSeed,
  startupErrorMessage,
} from './startup.config'

const USER_DATA = '/home/shop/.config/Tillwise POS'

describe('data folder', () => {
  it('is Electron’s userData by default', () => {
    expect(resolveDataDir({}, USER_DATA)).toBe(USER_DATA)
    expect(dataDirOverride({})).toBeNull()
  })

  it('is TILLWISE_DATA_DIR when set, made absolute', () => {
    expect(resolveDataDir({ TILLWISE_DATA_DIR: '/tmp/till-1' }, USER_DATA)).toBe('/tmp/till-1')
    expect(resolveDataDir({ TILLWISE_DATA_DIR: 'relative/dir' }, USER_DATA)).toBe(resolve('relative/dir'))
  })

  it('ignores a blank TILLWISE_DATA_DIR', () => {
    expect(resolveDataDir({ TILLWISE_DATA_DIR: '  ' }, USER_DATA)).toBe(USER_DATA)
  })

  it('holds one SQLite file', () => {
    expect(DB_FILE_NAME).toBe('tillwise.sqlite')
  })
})

describe('resolveSeed', () => {
  it('opens set-up on a fresh install, and loads the demo store only with TILLWISE_DEMO=1', () => {
    expect(resolveSeed({})).toBe('none')
    expect(resolveSeed({ TILLWISE_DEMO: '1' })).toBe('demo')
    expect(resolveSeed({ TILLWISE_DEMO: ' 1 ' })).toBe('demo')
    expect(resolveSeed({ TILLWISE_DEMO: '0' })).toBe('none')
    expect(resolveSeed({ TILLWISE_DEMO: 'yes' })).toBe('none')
  })
})

describe('resolveRendererSource', () => {
  const devEnv = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }

  it('loads app://pos/ when packaged, even if a dev URL is set', () => {
    expect(resolveRendererSource(true, devEnv)).toEqual({
      url: 'app://pos/index.html',
      allowedOrigins: ['app://pos'],
      dev: false,
    })
  })

  it('loads app://pos/ when unpackaged without a dev server', () => {
    expect(resolveRendererSource(false, {}).url).toBe('app://pos/index.html')
  })

  it('loads the dev server in development and trusts only its origin', () => {
    expect(resolveRendererSource(false, devEnv)).toEqual({
      url: 'http://localhost:5173',
      allowedOrigins: ['http://localhost:5173'],
      dev: true,
    })
  })

  it('ignores a dev URL that is not plain http(s)', () => {
    expect(resolveRendererSource(false, { ELECTRON_RENDERER_URL: 'file:///tmp/index.html' }).dev).toBe(false)
    expect(resolveRendererSource(false, { ELECTRON_RENDERER_URL: 'http://user@localhost:5173' }).dev).toBe(false)
  })
})

describe('defaultUserDataDir', () => {
  it('finds the folder Electron calls userData on each system, without Electron', () => {
    expect(defaultUserDataDir('linux', {}, '/home/shop')).toBe('/home/shop/.config/tillwise-pos')
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/shop')).toBe('/cfg/tillwise-pos')
    expect(defaultUserDataDir('darwin', {}, '/Users/shop')).toBe('/Users/shop/Library/Application Support/tillwise-pos')
    expect(defaultUserDataDir('win32', { APPDATA: 'C:/Users/shop/AppData/Roaming' }, 'C:/Users/shop')).toMatch(/Roaming[\\/]tillwise-pos$/)
  })
})

describe('startupErrorMessage', () => {
  it('shows the backend’s message, written for people', () => {
    const error = new Error('This database was written by a newer version of Tillwise POS.')
    expect(startupErrorMessage(error)).toBe('This database was written by a newer version of Tillwise POS.')
  })

  it('falls back to a general sentence for anything else', () => {
    expect(startupErrorMessage('boom')).toMatch(/could not|stopped/i)
    expect(startupErrorMessage(new Error(''))).toMatch(/stopped/)
  })

  it('says where the log file is, on its own line, so the owner can send it', () => {
    const logFile = join(USER_DATA, 'logs', 'main.log')
    const message = startupErrorMessage(new Error('The database file is damaged.'), logFile)
    expect(message.split('\n')[0]).toBe('The database file is damaged.')
    expect(message.split('\n').at(-1)).toBe(logFile)
    expect(startupErrorMessage('boom', logFile)).toMatch(/stopped[\s\S]*main\.log$/)
  })

  it('names no file when none was written', () => {
    expect(startupErrorMessage(new Error('Disk full.'), null)).toBe('Disk full.')
    expect(startupErrorMessage(new Error('Disk full.'), '')).toBe('Disk full.')
  })
})

describe('resolveLockedDown', () => {
  it('locks a packaged app down, whatever the environment says', () => {
    expect(resolveLockedDown(true, {})).toBe(true)
    expect(resolveLockedDown(true, { TILLWISE_LOCKDOWN: '0' })).toBe(true)
  })

  it('locks an unpackaged run down only with TILLWISE_LOCKDOWN=1', () => {
    expect(resolveLockedDown(false, {})).toBe(false)
    expect(resolveLockedDown(false, { TILLWISE_LOCKDOWN: ' 1 ' })).toBe(true)
    expect(resolveLockedDown(false, { TILLWISE_LOCKDOWN: 'yes' })).toBe(false)
  })
})

describe('the ready line', () => {
  it('names the version, the kind of build and the data folder, and reads back as it was written', () => {
    const packaged = { version: '1.2.3', packaged: true, lockedDown: true, dataDir: '/home/shop/.config/tillwise-pos' }
    expect(readyLine(packaged)).toBe('[startup] ready: Tillwise POS 1.2.3 (packaged), data folder /home/shop/.config/tillwise-pos')
    for (const facts of [
      packaged,
      { version: '0.1.0', packaged: false, lockedDown: false, dataDir: 'C:\\Users\\Shop Owner\\AppData\\Roaming\\tillwise-pos' },
      { version: '0.1.0-beta.2', packaged: false, lockedDown: true, dataDir: '/tmp/a (copy)' },
    ]) {
      // As electron-log writes it: after the time and the level.
      expect(parseReadyLine(`[2026-12-02 10:00:00.000 +05:45] [info]  ${readyLine(facts)}`)).toEqual(facts)
    }
  })

  it('is not read from any other line', () => {
    expect(parseReadyLine('[startup] the audit trail is not signed (no keychain)')).toBeNull()
    expect(parseReadyLine('[startup] ready: something else')).toBeNull()
    expect(parseReadyLine('')).toBeNull()
  })
})
