import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packagedExecutable, startChecks, type StartObservation } from './packaged-smoke'

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
