/**
 * Starts the app as `npm run dist` packed it for this computer and checks what only the real
 * runtime can show. The release workflow runs it on each OS after the installers are built and
 * before they are published: `npx tsx scripts/packaged-smoke.ts [dist folder]` (Linux needs a
 * display: `xvfb-run`).
 *
 * Playwright's `_electron` cannot drive the packaged app: it attaches through `--inspect`, which the
 * fuses turn off. So this starts the executable as a shop would, with a fresh data folder and the
 * demo store, and reads what it leaves:
 *  1. it becomes ready (its log says so): the main bundle loaded from the archive, native code from
 *     the unpacked folder, the database opened, migrated and seeded, the window opened;
 *  2. the fuses hold, on the same start: `ELECTRON_RUN_AS_NODE`, `NODE_OPTIONS` and `--inspect`
 *     are ignored (each would leave a mark in the temp folder, or a debugger line, if obeyed);
 *  3. after it is stopped, `--unlock cashier` runs against its database and succeeds.
 * Prints a line per check; exits 1 at the first failure, with the app's output and log.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, watch, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { builderConfig } from '../electron-builder.config'
import { logFileOf } from '../src/main/app-log'
import { parseReadyLine, type ReadyFacts } from '../src/main/startup.config'

const ROOT = resolve(import.meta.dirname, '..')

/**
 * Where electron-builder leaves the unpacked app for `platform` and `arch` in `distDir`: beside the
 * installers, in a folder named after the OS, with the CPU added when it is not x64.
 */
export function packagedExecutable(platform: NodeJS.Platform, arch: string, distDir: string, names = appNames()): string | null {
  const suffix = arch === 'x64' ? '' : `-${arch}`
  switch (platform) {
    case 'linux':
      return join(distDir, `linux${suffix}-unpacked`, names.packageName)
    case 'win32':
      return join(distDir, `win${suffix}-unpacked`, `${names.productName}.exe`)
    case 'darwin':
      return join(distDir, `mac${suffix}`, `${names.productName}.app`, 'Contents', 'MacOS', names.productName)
    default:
      return null
  }
}

function appNames(): { packageName: string; productName: string } {
  const packageName = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string }).name
  return { packageName, productName: builderConfig({}).productName ?? packageName }
}

/** What one start of the packaged app left behind. */
export interface StartObservation {
  /** The ready line's facts, or null when none came. */
  ready: ReadyFacts | null
  /** How the process ended before it was ready, when it did. */
  exitedEarly: { code: number | null; signal: string | null } | null
  ranAsNode: boolean
  ranNodeOptions: boolean
  /** Anything the app printed. */
  output: string
}

/**
 * The checks of one start, in order; `problem` null when it passed. A fuse that failed leaves a
 * mark even when the app then did not start, so those come first.
 */
export function startChecks(
  seen: StartObservation,
  expected: { version: string; dataDir: string },
): { check: string; problem: string | null }[] {
  const notReady = seen.exitedEarly
    ? `it exited before it was ready (${seen.exitedEarly.signal ?? `code ${seen.exitedEarly.code}`})`
    : 'it never wrote its ready line'
  return [
    { check: 'ELECTRON_RUN_AS_NODE is ignored', problem: seen.ranAsNode ? 'the executable ran the -e script as Node' : null },
    { check: 'NODE_OPTIONS is ignored', problem: seen.ranNodeOptions ? 'the executable loaded the --require module' : null },
    { check: 'the app starts and is ready', problem: seen.ready ? null : notReady },
    {
      check: 'it is the packaged build of this version, on the data folder given',
      problem:
        seen.ready && !(seen.ready.packaged && seen.ready.version === expected.version && samePath(seen.ready.dataDir, expected.dataDir))
          ? `its ready line names another build: ${JSON.stringify(seen.ready)}`
          : null,
    },
    {
      check: '--inspect is ignored',
      problem: /Debugger listening on/i.test(seen.output) ? 'the executable opened a debugger port' : null,
    },
  ]
}

/** Two spellings of one folder (macOS's temp folder is reached through a link). */
function samePath(a: string, b: string): boolean {
  const real = (path: string) => (existsSync(path) ? realpathSync.native(path) : resolve(path))
  return real(a) === real(b)
}

function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })))
}

/** How the process ended, or 'timeout' when it is still running after `timeoutMs`. */
async function exitWithin(child: ChildProcess, timeoutMs: number): Promise<{ code: number | null; signal: string | null } | 'timeout'> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), timeoutMs)))
  const outcome = await Promise.race([waitForExit(child), late])
  clearTimeout(timer)
  return outcome
}

/** Asks the app to quit as the OS asks it (SIGTERM; on Windows the process ends at once), and ends it if it has not in `timeoutMs`. */
async function stop(child: ChildProcess, timeoutMs: number): Promise<void> {
  child.kill()
  if ((await exitWithin(child, timeoutMs)) === 'timeout') {
    child.kill('SIGKILL')
    await waitForExit(child)
  }
}

/** The ready line's facts, once the log holds one. */
function readyIn(logFile: string): ReadyFacts | null {
  if (!existsSync(logFile)) return null
  return (
    readFileSync(logFile, 'utf8')
      .split('\n')
      .map(parseReadyLine)
      .find((facts) => facts !== null) ?? null
  )
}

/**
 * Resolves with the log's ready line as soon as it is written, or null when the process ends first
 * or `timeoutMs` passes. The log is read again whenever something changes: a file in `watchDir`
 * (where the data folder is made), the app's output (main prints its log lines too), its exit.
 */
function waitForReady(child: ChildProcess, logFile: string, watchDir: string, timeoutMs: number): Promise<ReadyFacts | null> {
  return new Promise((done) => {
    let settled = false
    const settle = (facts: ReadyFacts | null) => {
      if (settled) return
      settled = true
      watcher.close()
      clearTimeout(deadline)
      child.stdout?.off('data', look)
      child.stderr?.off('data', look)
      child.off('exit', ended)
      done(facts)
    }
    const look = () => {
      const facts = readyIn(logFile)
      if (facts) settle(facts)
    }
    const ended = () => settle(readyIn(logFile))
    const watcher = watch(watchDir, { recursive: true }, look)
    const deadline = setTimeout(ended, timeoutMs)
    child.stdout?.on('data', look)
    child.stderr?.on('data', look)
    child.once('exit', ended)
    if (child.exitCode !== null || child.signalCode !== null) ended()
    else look()
  })
}

interface SmokeOptions {
  executable: string
  version: string
  /** How long the app may take to be ready. */
  timeoutMs?: number
  /** How long it may take to quit once asked, before it is ended. */
  stopTimeoutMs?: number
  /** How long `--unlock` may take. */
  unlockTimeoutMs?: number
  print?: (line: string) => void
}

/** Runs the checks against `executable`; answers whether all passed. */
export async function smokePackagedApp({
  executable,
  version,
  timeoutMs = 90_000,
  stopTimeoutMs = 30_000,
  unlockTimeoutMs = 90_000,
  print = console.log,
}: SmokeOptions): Promise<boolean> {
  if (!existsSync(executable)) {
    print(`✗ no packaged app at ${executable}: run npm run dist first`)
    return false
  }
  const work = mkdtempSync(join(tmpdir(), 'tillwise-smoke-'))
  const dataDir = join(work, 'data')
  const nodeMark = join(work, 'ran-as-node')
  const optionsMark = join(work, 'ran-node-options')
  const optionsModule = join(work, 'node-options.cjs')
  writeFileSync(optionsModule, `require('node:fs').writeFileSync(${JSON.stringify(optionsMark)}, 'loaded')\n`)
  const fail = (line: string, output: string) => {
    print(`✗ ${line}`)
    if (output.trim() !== '') print(`the app printed:\n${output}`)
    const log = logFileOf(dataDir)
    if (existsSync(log)) print(`its log (${log}):\n${readFileSync(log, 'utf8')}`)
    return false
  }
  try {
    const child = spawn(executable, ['--inspect=0', '-e', `require('node:fs').writeFileSync(${JSON.stringify(nodeMark)}, 'node')`], {
      env: {
        ...process.env,
        TILLWISE_DATA_DIR: dataDir,
        TILLWISE_DEMO: '1',
        ELECTRON_RUN_AS_NODE: '1',
        NODE_OPTIONS: `--require=${optionsModule}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const spawned = await new Promise<Error | null>((done) => {
      child.once('spawn', () => done(null))
      child.once('error', done)
    })
    if (spawned) return fail(`the packaged app could not be started: ${spawned.message}`, output)
    const ready = await waitForReady(child, logFileOf(dataDir), work, timeoutMs)
    const exitedEarly = ready ? null : child.exitCode !== null || child.signalCode !== null ? await waitForExit(child) : null
    if (child.exitCode === null && child.signalCode === null) await stop(child, stopTimeoutMs)
    const seen: StartObservation = { ready, exitedEarly, ranAsNode: existsSync(nodeMark), ranNodeOptions: existsSync(optionsMark), output }
    const checks = startChecks(seen, { version, dataDir })
    // The first problem only: a check that passes on a start that never happened proves nothing.
    const failed = checks.find((entry) => entry.problem !== null)
    if (failed) return fail(`${failed.check}: ${failed.problem}`, output)
    for (const { check } of checks) print(`✓ ${check}`)

    const unlock = spawn(executable, ['--unlock', 'cashier'], {
      env: { ...process.env, TILLWISE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let unlockOutput = ''
    unlock.stdout?.on('data', (chunk: Buffer) => (unlockOutput += chunk.toString()))
    unlock.stderr?.on('data', (chunk: Buffer) => (unlockOutput += chunk.toString()))
    unlock.once('error', (error) => (unlockOutput += `${error.message}\n`))
    const unlocked = await exitWithin(unlock, unlockTimeoutMs)
    if (unlocked === 'timeout') {
      await stop(unlock, stopTimeoutMs)
      return fail(`--unlock cashier on its database: it had not finished after ${unlockTimeoutMs / 1000} s`, unlockOutput)
    }
    if (unlocked.code !== 0)
      return fail(`--unlock cashier on its database: it ended with ${unlocked.signal ?? `code ${unlocked.code}`}`, unlockOutput)
    print('✓ --unlock cashier runs on the database it left')
    return true
  } finally {
    // Windows lets go of a stopped app's files a moment later.
    rmSync(work, { recursive: true, force: true, maxRetries: 10 })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const distDir = resolve(process.argv[2] ?? join(ROOT, 'dist'))
  const executable = packagedExecutable(process.platform, process.arch, distDir)
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
  if (executable === null) {
    console.error(`There is no packaged app for ${process.platform}.`)
    process.exit(1)
  }
  const passed = await smokePackagedApp({ executable, version })
  process.exit(passed ? 0 : 1)
}
