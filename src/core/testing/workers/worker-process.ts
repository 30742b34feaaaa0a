/**
 * Test support: runs a TypeScript worker script in a real child process (the test's own Node, with
 * tsx) and lets the test wait on the lines it prints. Imported only by tests.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'

const TSX_PATH = createRequire(import.meta.url).resolve('tsx')
const TSX_LOADER = pathToFileURL(TSX_PATH).href
/** Inside node_modules, so a bundle's bare imports (kysely, better-sqlite3…) resolve as in src. */
const CACHE_DIR = join(TSX_PATH.slice(0, TSX_PATH.lastIndexOf('node_modules') + 'node_modules'.length), '.cache', 'tillwise-tests')

interface EsbuildApi {
  build(options: Record<string, unknown>): Promise<unknown>
}

/**
 * Bundles a worker and everything it imports from src into one ES module (packages stay external)
 * that plain Node runs. Loading through tsx costs about a second per start on a 2-core machine, and
 * the crash test starts a till for every kill. Uses the esbuild that tsx itself runs on.
 */
export async function bundleWorker(script: URL): Promise<URL> {
  const esbuildPath = createRequire(TSX_PATH).resolve('esbuild')
  const loaded = (await import(pathToFileURL(esbuildPath).href)) as EsbuildApi & { default?: EsbuildApi }
  const esbuild = loaded.default ?? loaded
  mkdirSync(CACHE_DIR, { recursive: true })
  const outfile = join(CACHE_DIR, `${basename(fileURLToPath(script), '.ts')}-${process.pid}.mjs`)
  await esbuild.build({
    entryPoints: [fileURLToPath(script)],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node24',
    logLevel: 'warning',
  })
  return pathToFileURL(outfile)
}

export interface WorkerExit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface WorkerProcess {
  readonly child: ChildProcess
  readonly pid: number
  /** Every stdout line so far. */
  readonly lines: readonly string[]
  /** Settles when the process has exited. */
  readonly exited: Promise<WorkerExit>
  /**
   * The first line, after the last one this returned, that matches. Rejects if the process exits
   * first, with what it wrote to stderr.
   */
  waitForLine(matches?: (line: string) => boolean): Promise<string>
  /** Calls `listener` for every line from now on. */
  onLine(listener: (line: string) => void): void
  /** Writes one line to the worker's stdin. */
  send(line: string): void
  stderr(): string
}

/** Starts `script`: TypeScript through tsx, or a bundle from `bundleWorker` as it is. */
export function startWorker(script: URL, args: string[] = []): WorkerProcess {
  const path = fileURLToPath(script)
  const loader = path.endsWith('.mjs') ? [] : ['--import', TSX_LOADER]
  const child = spawn(process.execPath, [...loader, path, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // Node keeps compiled code for the next start of the same files.
    env: { ...process.env, NODE_COMPILE_CACHE: join(CACHE_DIR, 'compile-cache') },
  })
  const lines: string[] = []
  const listeners: ((line: string) => void)[] = []
  let stderr = ''
  let cursor = 0
  let exit: WorkerExit | null = null
  const waiting = new Set<() => void>()
  const wake = () => {
    for (const resolve of waiting) resolve()
    waiting.clear()
  }

  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000)
  })
  // The worker may be killed before reading its stdin; that is not the test's failure.
  child.stdin!.on('error', () => undefined)
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line)
    for (const listener of listeners) listener(line)
    wake()
  })
  const exited = new Promise<WorkerExit>((resolve) => {
    // 'close', not 'exit': it comes after the last stdout line has been read.
    child.on('close', (code, signal) => {
      exit = { code, signal }
      wake()
      resolve(exit)
    })
  })

  if (child.pid === undefined) throw new Error(`could not start ${path}`)
  return {
    child,
    pid: child.pid,
    lines,
    exited,
    async waitForLine(matches = () => true) {
      for (;;) {
        while (cursor < lines.length) {
          const line = lines[cursor++]!
          if (matches(line)) return line
        }
        if (exit) {
          throw new Error(
            `${path} exited (code ${exit.code}, signal ${exit.signal}) before the line the test waits for.\n` +
              `stdout:\n${lines.slice(-20).join('\n')}\nstderr:\n${stderr}`,
          )
        }
        await new Promise<void>((resolve) => waiting.add(resolve))
      }
    },
    onLine(listener) {
      listeners.push(listener)
    },
    send(line) {
      child.stdin!.write(`${line}\n`)
    },
    stderr: () => stderr,
  }
}
