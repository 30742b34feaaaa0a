import { Console } from 'node:console'
import { EventEmitter } from 'node:events'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PassThrough } from 'node:stream'
import nodeLog from 'electron-log/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  closeLogChannel,
  configureLog,
  ELECTRON_LOG_CHANNEL,
  LOG_MAX_BYTES,
  logFileOf,
  mainLogOptions,
  routeConsole,
  type MainLogOptions,
} from './app-log'
import { parseReadyLine, readyLine } from './startup.config'

const require = createRequire(import.meta.url)
const librarySource = (path: string) => readFileSync(require.resolve(`electron-log/${path}`), 'utf8')

let dataDir: string
let loggers = 0

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tillwise-app-log-'))
})

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

/** A fresh electron-log logger (the Node one writes files exactly as main's does), set up as main sets its own. */
function logger(options: MainLogOptions) {
  const log = nodeLog.create({ logId: `app-log-test-${++loggers}` })
  configureLog(log, options)
  // The test's own output stays clean; the file is what is checked.
  log.transports.console.level = false
  return log
}

const fileText = () => readFileSync(logFileOf(dataDir), 'utf8')

describe('logFileOf', () => {
  it('is logs/main.log in the data folder', () => {
    expect(logFileOf('/srv/till')).toBe(join('/srv/till', 'logs', 'main.log'))
  })
})

describe('mainLogOptions', () => {
  it('logs info and up when packaged, debug too in development', () => {
    expect(mainLogOptions({ dataDir, packaged: true })).toMatchObject({ file: { level: 'info' }, console: { level: 'info' } })
    expect(mainLogOptions({ dataDir, packaged: false })).toMatchObject({ file: { level: 'debug' }, console: { level: 'debug' } })
  })

  it('writes to the data folder and rotates by size', () => {
    expect(mainLogOptions({ dataDir, packaged: true }).file).toMatchObject({ path: logFileOf(dataDir), maxSize: LOG_MAX_BYTES })
  })
})

describe('configureLog', () => {
  it('writes main’s lines to <dataDir>/logs/main.log, creating the folder', () => {
    const log = logger(mainLogOptions({ dataDir, packaged: true }))
    log.info('[startup] database opened')
    expect(fileText()).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d\] \[info\] +\[startup\] database opened\n$/)
  })

  it('leaves debug lines out of a packaged till’s file and keeps them in development', () => {
    const packaged = logger(mainLogOptions({ dataDir, packaged: true }))
    packaged.debug('packaged detail')
    packaged.warn('packaged warning')
    const development = logger(mainLogOptions({ dataDir, packaged: false }))
    development.debug('development detail')
    expect(fileText()).not.toContain('packaged detail')
    expect(fileText()).toContain('packaged warning')
    expect(fileText()).toContain('development detail')
  })

  it('starts a new file past the size limit and keeps one old one', () => {
    const options = mainLogOptions({ dataDir, packaged: true })
    const log = logger({ ...options, file: { ...options.file, maxSize: 1024 } })
    for (let line = 0; line < 60; line++) log.info(`line ${line} ${'x'.repeat(40)}`)
    expect(readdirSync(dirname(logFileOf(dataDir))).sort()).toEqual(['main.log', 'main.old.log'])
    expect(statSync(logFileOf(dataDir)).size).toBeLessThanOrEqual(1024 + 200)
    expect(fileText()).toContain('line 59')
  })

  it.skipIf(process.platform === 'win32')('makes the file readable by the shop’s account only', () => {
    logger(mainLogOptions({ dataDir, packaged: true })).info('private')
    expect(statSync(logFileOf(dataDir)).mode & 0o777).toBe(0o600)
  })

  it('sends nothing to a server or to the windows', () => {
    const log = nodeLog.create({ logId: `app-log-test-${++loggers}` })
    const transports = log.transports as unknown as Record<string, { level: unknown } | undefined>
    // Main's logger has an IPC transport too; the Node one stands in for it here.
    transports.ipc = Object.assign(() => undefined, { level: 'silly' })
    configureLog(log, mainLogOptions({ dataDir, packaged: false }))
    expect(transports.ipc?.level).toBe(false)
    expect(transports.remote?.level).toBe(false)
  })

  it('prints only the text to a terminal, as main did before it logged', () => {
    const log = nodeLog.create({ logId: `app-log-test-${++loggers}` })
    configureLog(log, mainLogOptions({ dataDir, packaged: true }))
    expect(log.transports.console.format).toBe('{text}')
  })
})

describe('routeConsole', () => {
  it('puts console.error lines, with the error’s stack, into the file', () => {
    const log = logger(mainLogOptions({ dataDir, packaged: true }))
    const output = new PassThrough()
    const target = new Console({ stdout: output, stderr: output })
    routeConsole(target, log)
    target.error('[startup] Tillwise POS could not start', new Error('disk full'))
    target.log('[admin] unlocked')
    target.debug('not for a packaged till')
    expect(fileText()).toMatch(/\[error\] +\[startup\] Tillwise POS could not start Error: disk full\n\s+at /)
    expect(fileText()).toMatch(/\[info\] +\[admin\] unlocked/)
    expect(fileText()).not.toContain('not for a packaged till')
    // Nothing reached the console it replaced.
    expect(output.read()).toBeNull()
  })

  it('writes the ready line a packaged till logs, as the release workflow’s start of the packed app reads it', () => {
    const log = logger(mainLogOptions({ dataDir, packaged: true }))
    const target = new Console({ stdout: new PassThrough(), stderr: new PassThrough() })
    routeConsole(target, log)
    const facts = { version: '1.4.0', packaged: true, lockedDown: true, dataDir }
    target.log(readyLine(facts))
    expect(
      fileText()
        .split('\n')
        .map(parseReadyLine)
        .filter((line) => line !== null),
    ).toEqual([facts])
  })

  it('is safe from loops: the library prints through the console methods it captured when loaded', () => {
    expect(librarySource('src/node/transports/console.js')).toMatch(/const consoleMethods = \{\s*error: console\.error,/)
  })
})

describe('the renderer and the log', () => {
  it('closes electron-log’s IPC channel, the one it opens on import, and nothing else', () => {
    const source = librarySource('src/main/index.js')
    expect(source).toContain(`externalApi.onIpc('${ELECTRON_LOG_CHANNEL}'`)
    expect(source).toContain(`externalApi.onIpcInvoke('${ELECTRON_LOG_CHANNEL}'`)

    class Ipc extends EventEmitter {
      readonly handlers = new Map<string, () => unknown>()
      handle(channel: string, handler: () => unknown): void {
        this.handlers.set(channel, handler)
      }
      removeHandler(channel: string): void {
        this.handlers.delete(channel)
      }
    }
    const ipc = new Ipc()
    ipc.on(ELECTRON_LOG_CHANNEL, () => undefined)
    ipc.handle(ELECTRON_LOG_CHANNEL, () => ({}))
    ipc.handle('pos:auth:login', () => ({}))
    closeLogChannel(ipc)
    expect(ipc.listenerCount(ELECTRON_LOG_CHANNEL)).toBe(0)
    expect([...ipc.handlers.keys()]).toEqual(['pos:auth:login'])
  })

  it('gives pages no preload: only initialize() registers one, and main never calls it', () => {
    expect(librarySource('src/main/initialize.js')).toContain('setPreloadFileForSessions(')
    expect(librarySource('src/main/index.js')).not.toContain('setPreloadFileForSessions(')
    const mainDir = import.meta.dirname
    const callers = readdirSync(mainDir)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .filter((name) => {
        const text = readFileSync(join(mainDir, name), 'utf8')
        return text.includes('electron-log') && /\.initialize\(/.test(text)
      })
    expect(callers).toEqual([])
  })

  it('has no file until main writes one', () => {
    logger(mainLogOptions({ dataDir, packaged: true }))
    expect(existsSync(logFileOf(dataDir))).toBe(false)
  })
})
