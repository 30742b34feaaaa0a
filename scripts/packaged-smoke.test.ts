import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readyLine } from '../src/main/startup.config'
import { packagedExecutable, smokePackagedApp, startChecks, type StartObservation } from './packaged-smoke'

const DIST = join('project', 'dist')
const DATA = join('tmp', 'data')

describe('the packaged app the release workflow starts', () => {
  it('is looked for where electron-builder leaves each OS’s unpacked app', () => {
    expect(packagedExecutable('linux', 'x64', DIST)).toBe(join(DIST, 'linux-unpacked', 'tillwise-pos'))
    expect(packagedExecutable('linux', 'arm64', DIST)).toBe(join(DIST, 'linux-arm64-unpacked', 'tillwise-pos'))
    expect(packagedExecutable('win32', 'x64', DIST)).toBe(join(DIST, 'win-unpacked', 'Tillwise POS.exe'))
    expect(packagedExecutable('darwin', 'arm64', DIST)).toBe(
      join(DIST, 'mac-arm64', 'Tillwise POS.app', 'Contents', 'MacOS', 'Tillwise POS'),
    )
    expect(packagedExecutable('darwin', 'x64', DIST)).toBe(join(DIST, 'mac', 'Tillwise POS.app', 'Contents', 'MacOS', 'Tillwise POS'))
    expect(packagedExecutable('freebsd', 'x64', DIST)).toBeNull()
  })
})

describe('the checks of one start', () => {
  const good: StartObservation = {
    ready: { version: '0.1.0', packaged: true, lockedDown: true, dataDir: DATA },
    exitedEarly: null,
    ranAsNode: false,
    ranNodeOptions: false,
    output: '',
  }
  const problems = (seen: StartObservation) =>
    startChecks(seen, { version: '0.1.0', dataDir: DATA })
      .filter((entry) => entry.problem !== null)
      .map((entry) => `${entry.check}: ${entry.problem}`)

  it('pass for a packaged app of this version that became ready on the folder given and obeyed no fuse it should not', () => {
    expect(problems(good)).toEqual([])
    expect(startChecks(good, { version: '0.1.0', dataDir: DATA }).map((entry) => entry.check)).toEqual([
      'ELECTRON_RUN_AS_NODE is ignored',
      'NODE_OPTIONS is ignored',
      'the app starts and is ready',
      'it is the packaged build of this version, on the data folder given',
      '--inspect is ignored',
    ])
  })

  it('name each way a start can fail, a fuse’s mark before the start itself', () => {
    expect(problems({ ...good, ready: null, exitedEarly: { code: 0, signal: null }, ranAsNode: true })).toEqual([
      'ELECTRON_RUN_AS_NODE is ignored: the executable ran the -e script as Node',
      'the app starts and is ready: it exited before it was ready (code 0)',
    ])
    expect(problems({ ...good, ranNodeOptions: true })).toEqual(['NODE_OPTIONS is ignored: the executable loaded the --require module'])
    expect(problems({ ...good, output: 'Debugger listening on ws://127.0.0.1:9229/abc' })).toEqual([
      '--inspect is ignored: the executable opened a debugger port',
    ])
    expect(problems({ ...good, ready: null })).toEqual(['the app starts and is ready: it never wrote its ready line'])
    expect(problems({ ...good, ready: null, exitedEarly: { code: null, signal: 'SIGSEGV' } })).toEqual([
      'the app starts and is ready: it exited before it was ready (SIGSEGV)',
    ])
    for (const ready of [
      { ...good.ready!, packaged: false },
      { ...good.ready!, version: '0.0.9' },
      { ...good.ready!, dataDir: join('tmp', 'other') },
    ]) {
      expect(problems({ ...good, ready })).toEqual([
        `it is the packaged build of this version, on the data folder given: its ready line names another build: ${JSON.stringify(ready)}`,
      ])
    }
  })
})

/**
 * Stand-ins for the packaged app, each a Node script behind an executable, that behave as the real
 * app does (or as a broken build would), so the script's whole run is tested here: the start, the
 * wait for the ready line, the stop, and `--unlock` on what the start left.
 */
type StandInKind =
  'good' | 'runs-as-node' | 'loads-node-options' | 'development' | 'crashes' | 'ignores-sigterm' | 'unlock-fails' | 'unlock-hangs'

function writeStandInApp(dir: string, kind: StandInKind, version: string): string {
  const ready = readyLine({ version, packaged: kind !== 'development', lockedDown: true, dataDir: '__DATA__' })
  const app = join(dir, `${kind}.mjs`)
  writeFileSync(
    app,
    `import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
const kind = ${JSON.stringify(kind)}
const data = process.env.TILLWISE_DATA_DIR
const args = process.argv.slice(2)
if (args[0] === '--unlock' && kind === 'unlock-hangs') setInterval(() => {}, 1000)
else if (args[0] === '--unlock') process.exit(kind !== 'unlock-fails' && existsSync(join(data, 'tillwise.sqlite')) ? 0 : 1)
else {
if (kind === 'runs-as-node' && process.env.ELECTRON_RUN_AS_NODE === '1') {
  new Function('require', args[args.indexOf('-e') + 1])(createRequire(import.meta.url))
  process.exit(0)
}
if (kind === 'loads-node-options') createRequire(import.meta.url)(process.env.STAND_IN_NODE_OPTIONS.replace('--require=', ''))
if (kind === 'crashes') { console.error('Error: Cannot find module better-sqlite3'); process.exit(3) }
mkdirSync(join(data, 'logs'), { recursive: true })
writeFileSync(join(data, 'tillwise.sqlite'), '')
const line = ${JSON.stringify(ready)}.replace('__DATA__', data)
appendFileSync(join(data, 'logs', 'main.log'), '[2026-12-02 10:00:00.000 +00:00] [info]  ' + line + '\\n')
// As main does: its log's console side prints each line's text.
console.log(line)
if (kind === 'ignores-sigterm') process.on('SIGTERM', () => {})
else process.on('SIGTERM', () => process.exit(0))
setInterval(() => {}, 1000)
}
`,
  )
  const executable = join(dir, kind)
  // Node itself would obey NODE_OPTIONS, as a fused Electron does not: the stand-in gets it under another name.
  writeFileSync(
    executable,
    `#!/bin/sh\nexport STAND_IN_NODE_OPTIONS="$NODE_OPTIONS"\nunset NODE_OPTIONS\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(app)} "$@"\n`,
  )
  chmodSync(executable, 0o755)
  return executable
}

describe.skipIf(process.platform === 'win32')('a start of the packaged app, against stand-ins for it', () => {
  const version = '0.1.0'
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tillwise-smoke-test-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  // No test waits for a clock: the ready line is waited for as it is written, a stand-in that ignores
  // SIGTERM is ended at once (no grace), and a hanging unlock is given none either. The long
  // deadlines only bound a run that has gone wrong.
  async function smoke(kind: StandInKind): Promise<{ passed: boolean; lines: string[] }> {
    const lines: string[] = []
    const passed = await smokePackagedApp({
      executable: writeStandInApp(dir, kind, version),
      version,
      timeoutMs: 30_000,
      stopTimeoutMs: kind === 'ignores-sigterm' ? 0 : 30_000,
      unlockTimeoutMs: kind === 'unlock-hangs' ? 0 : 30_000,
      print: (line) => lines.push(line),
    })
    return { passed, lines }
  }

  it('passes an app that becomes ready, quits when asked and leaves a database --unlock opens', async () => {
    expect(await smoke('good')).toEqual({
      passed: true,
      lines: [
        '✓ ELECTRON_RUN_AS_NODE is ignored',
        '✓ NODE_OPTIONS is ignored',
        '✓ the app starts and is ready',
        '✓ it is the packaged build of this version, on the data folder given',
        '✓ --inspect is ignored',
        '✓ --unlock cashier runs on the database it left',
      ],
    })
  })

  it('fails an app that obeys a fuse it should not, that is not the packaged build, or that dies, naming it first', async () => {
    const first = async (kind: StandInKind) => {
      const { passed, lines } = await smoke(kind)
      expect(passed, kind).toBe(false)
      // Nothing passes on a start that failed; only --unlock comes after the start's checks.
      if (!kind.startsWith('unlock-'))
        expect(
          lines.filter((line) => line.startsWith('✓')),
          kind,
        ).toEqual([])
      return lines.find((line) => line.startsWith('✗'))
    }
    expect(await first('runs-as-node')).toBe('✗ ELECTRON_RUN_AS_NODE is ignored: the executable ran the -e script as Node')
    expect(await first('loads-node-options')).toBe('✗ NODE_OPTIONS is ignored: the executable loaded the --require module')
    expect(await first('development')).toMatch(
      /^✗ it is the packaged build of this version, on the data folder given: its ready line names another build/,
    )
    expect(await first('crashes')).toBe('✗ the app starts and is ready: it exited before it was ready (code 3)')
    expect(await first('unlock-fails')).toBe('✗ --unlock cashier on its database: it ended with code 1')
    expect(await first('unlock-hangs')).toBe('✗ --unlock cashier on its database: it had not finished after 0 s')
  })

  it('ends an app that does not quit when asked, and still checks what it left', async () => {
    const { passed, lines } = await smoke('ignores-sigterm')
    expect(passed).toBe(true)
    expect(lines.at(-1)).toBe('✓ --unlock cashier runs on the database it left')
  })

  it('prints what the app printed and its log when a start fails', async () => {
    const { lines } = await smoke('crashes')
    expect(lines[1]).toBe('the app printed:\nError: Cannot find module better-sqlite3\n')
  })
})
