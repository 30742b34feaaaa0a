/**
 * `npm run bench:startup` (issue 4, point 4): how long a till takes from process start to "ready to
 * scan" on the 100k-product database (load core, open + migration check, the first barcode look-up),
 * timed by this process from the child's spawn; and the size of what ships: the renderer bundle
 * (gzip) and the main-process bundle. Built with `electron-vite build` first when `out/` is missing.
 *
 * The child is bundled the way electron-vite bundles the main process (pure-JS dependencies inlined,
 * better-sqlite3 left in node_modules), which is what the app loads; for comparison it also runs with
 * every dependency left in node_modules, and from source under tsx. A small store is timed too, to show the catalog's
 * size stays out of the start-up path. Electron's own start (Chromium, the window) is not included:
 * the Electron binary cannot run here.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { build } from 'vite'
import { benchCacheDir, buildBenchDatabase, copyBenchDatabase, type BenchDatabase } from './build-database'
import { formatMs, percentiles } from './stats'

const ROOT = resolve(import.meta.dirname, '../..')
const CHILD = join(import.meta.dirname, 'startup-child.ts')
/** Inside the project, so the bundle finds node_modules as out/main/index.js does. */
const BUNDLE_DIR = join(ROOT, '.tmp', 'bench-startup')

/** `bundled`: as the app ships (dependencies inlined); `deps-external`: dependencies loaded from node_modules; `tsx`: from source. */
type StartupMode = 'bundled' | 'deps-external' | 'tsx'

interface ChildReport {
  firstLineMs: number
  loadCoreMs: number
  openMs: number
  signInMs: number
  firstScanMs: number
  firstSearchMs: number
  readyAtMs: number
  /** CPU time (user + system) to ready to scan, sign-in left out: steadier than the clock on a busy machine. */
  cpuReadyMs: number
  cpuFirstLineMs: number
  cpuLoadCoreMs: number
  cpuOpenMs: number
}

interface StartupRun {
  store: string
  mode: StartupMode
  /** Spawn → the child's report arrived, measured here. */
  spawnToReportMs: number
  /** The same without the sign-in's deliberate key derivation (scrypt, ~0.5 s): ready to scan. */
  readyToScanMs: number
  child: ChildReport
}

interface BundleFile {
  file: string
  bytes: number
  gzipBytes: number
}

export interface StartupReport {
  runs: StartupRun[]
  summary: {
    store: string
    mode: string
    runs: number
    readyToScanMedianMs: number
    openMedianMs: number
    firstScanMedianMs: number
    cpuReadyMedianMs: number
  }[]
  renderer: { files: BundleFile[]; bytes: number; gzipBytes: number }
  main: { files: BundleFile[]; bytes: number; gzipBytes: number }
}

function sizeOf(path: string): BundleFile {
  const content = readFileSync(path)
  return { file: path.slice(ROOT.length + 1), bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength }
}

/** The .js files of a built bundle folder and its `chunks/`, with their totals. */
function bundleSize(relativeDir: string): { files: BundleFile[]; bytes: number; gzipBytes: number } {
  const dir = join(ROOT, relativeDir)
  const chunks = join(dir, 'chunks')
  const paths = [
    ...readdirSync(dir).map((name) => join(dir, name)),
    ...(existsSync(chunks) ? readdirSync(chunks).map((name) => join(chunks, name)) : []),
  ]
  const files = paths
    .filter((path) => path.endsWith('.js'))
    .sort()
    .map(sizeOf)
  return { files, bytes: files.reduce((sum, file) => sum + file.bytes, 0), gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) }
}

function ensureAppBuilt(log: (line: string) => void): void {
  const assets = join(ROOT, 'out/renderer/assets')
  const ready =
    existsSync(join(ROOT, 'out/main/index.js')) && existsSync(assets) && readdirSync(assets).some((name) => name.endsWith('.js'))
  if (ready) return
  log('out/ is missing: running electron-vite build…')
  const result = spawnSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}` },
  })
  if (result.status !== 0) throw new Error('electron-vite build failed')
}

/**
 * The child bundled as electron-vite bundles the main process: ES modules with every dependency
 * but the native better-sqlite3 inlined (`inline: true`, what the app loads: the main build keeps
 * only package.json's run-time `dependencies` external, see electron.vite.config.ts), or with dependencies left in node_modules
 * (`inline: false`, how the app loaded before, measured to show what inlining saves). What is
 * imported dynamically (the back office's handlers, MikroORM's optional parts) goes to `chunks/`, as
 * in out/main: a start parses only what it loads.
 */
/**
 * Native code stays in node_modules, as in the app's main bundle: the database driver, and the canvas
 * a Nepali store's receipt lines are drawn with (loaded only when one prints).
 */
const NATIVE_DEPENDENCIES = ['better-sqlite3', '@napi-rs/canvas'] as const

export async function bundleChild(inline: boolean, outDir = join(BUNDLE_DIR, inline ? 'inlined' : 'external')): Promise<string> {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    publicDir: false,
    ssr: inline ? { noExternal: true, external: [...NATIVE_DEPENDENCIES] } : {},
    build: {
      ssr: CHILD,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rollupOptions: {
        external: inline ? [...NATIVE_DEPENDENCIES] : [],
        output: { format: 'es', entryFileNames: 'startup-child.mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  })
  return join(outDir, 'startup-child.mjs')
}

function runChild(args: string[], dbPath: string, barcode: string): Promise<{ spawnToReportMs: number; child: ChildReport }> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, [...args, dbPath, barcode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let report: { spawnToReportMs: number; child: ChildReport } | null = null
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const line = /^READY (.*)$/m.exec(stdout)
      if (line && !report)
        report = { spawnToReportMs: Number(process.hrtime.bigint() - started) / 1e6, child: JSON.parse(line[1]!) as ChildReport }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0 && report) resolvePromise(report)
      else reject(new Error(`start-up child exited with ${code}: ${stderr.slice(0, 2_000)}`))
    })
  })
}

function someBarcode(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    const row = db.prepare('select barcode from product where active and barcode is not null order by id desc limit 1').get() as {
      barcode: string
    }
    return row.barcode
  } finally {
    db.close()
  }
}

export async function measureStartup(options: { runs?: number; log?: (line: string) => void } = {}): Promise<StartupReport> {
  const log = options.log ?? (() => undefined)
  const runsEach = options.runs ?? 5
  ensureAppBuilt(log)
  const bundle = await bundleChild(true)
  const bundleWithExternalDependencies = await bundleChild(false)
  const stores: [string, BenchDatabase][] = [
    ['100k products', await buildBenchDatabase({}, log)],
    ['1k products', await buildBenchDatabase({ products: 1_000, invoiceLines: 1_000, tokens: 10 }, log)],
  ]
  const fewer = Math.max(1, Math.ceil(runsEach / 2))
  const modes: [StartupMode, string[], number][] = [
    ['bundled', [bundle], runsEach],
    ['deps-external', [bundleWithExternalDependencies], fewer],
    ['tsx', ['--import', 'tsx', CHILD], fewer],
  ]
  log(`start-up: ${runsEach} runs per store bundled as shipped; ${fewer} with dependencies left in node_modules and ${fewer} under tsx…`)
  const runs: StartupRun[] = []
  const workDir = join(benchCacheDir(), 'runs', `startup-${process.pid}-${Date.now()}`)
  try {
    for (const [store, database] of stores) {
      for (const [mode, args, count] of modes) {
        if (mode !== 'bundled' && store !== stores[0]![0]) continue
        for (let run = 0; run < count; run += 1) {
          // A fresh copy each time: a till starts on a database it did not just have open.
          const runDir = join(workDir, `${mode}-${run}`)
          const dbPath = copyBenchDatabase(database, runDir)
          const { spawnToReportMs, child } = await runChild(args, dbPath, someBarcode(dbPath))
          runs.push({ store, mode, spawnToReportMs, readyToScanMs: spawnToReportMs - child.signInMs, child })
          rmSync(runDir, { recursive: true, force: true })
        }
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }

  const groups = new Map<string, StartupRun[]>()
  for (const run of runs) groups.set(`${run.store}|${run.mode}`, [...(groups.get(`${run.store}|${run.mode}`) ?? []), run])
  const summary = [...groups.values()].map((group) => ({
    store: group[0]!.store,
    mode: group[0]!.mode,
    runs: group.length,
    readyToScanMedianMs: percentiles(group.map((run) => run.readyToScanMs)).p50,
    openMedianMs: percentiles(group.map((run) => run.child.openMs)).p50,
    firstScanMedianMs: percentiles(group.map((run) => run.child.firstScanMs)).p50,
    cpuReadyMedianMs: percentiles(group.map((run) => run.child.cpuReadyMs)).p50,
  }))

  return { runs, summary, renderer: bundleSize('out/renderer/assets'), main: bundleSize('out/main') }
}

export function printStartup(report: StartupReport): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  console.log('Start-up: spawn → ready to scan (load core, open + migration check, first barcode look-up; sign-in excluded)')
  console.log(
    '  store           mode           runs  ready (median)  of which: open  first scan  CPU to ready   spawn→report incl. sign-in, each run',
  )
  for (const group of report.summary) {
    const each = report.runs
      .filter((run) => run.store === group.store && run.mode === group.mode)
      .map((run) => formatMs(run.spawnToReportMs))
      .join(', ')
    console.log(
      `  ${group.store.padEnd(14)}  ${group.mode.padEnd(13)}  ${String(group.runs).padStart(4)}  ${`${formatMs(group.readyToScanMedianMs)} ms`.padStart(14)}  ${`${formatMs(group.openMedianMs)} ms`.padStart(14)}  ${`${formatMs(group.firstScanMedianMs)} ms`.padStart(10)}  ${`${formatMs(group.cpuReadyMedianMs)} ms`.padStart(12)}   ${each}`,
    )
  }
  const first = report.runs[0]?.child
  if (first) {
    console.log(
      `  one bundled run in detail: Node start and static module loading ${formatMs(first.firstLineMs)} ms, loading core ${formatMs(first.loadCoreMs)} ms, open ${formatMs(first.openMs)} ms, ` +
        `sign-in ${formatMs(first.signInMs)} ms (scrypt), first scan ${formatMs(first.firstScanMs)} ms, first search ${formatMs(first.firstSearchMs)} ms`,
    )
  }
  console.log(
    `Renderer bundle: ${kb(report.renderer.gzipBytes)} gzip (${kb(report.renderer.bytes)} raw) in ${report.renderer.files.length} file(s)`,
  )
  for (const file of report.renderer.files) console.log(`  ${file.file}  ${kb(file.gzipBytes)} gzip, ${kb(file.bytes)} raw`)
  console.log(
    `Main process bundle: ${kb(report.main.bytes)} raw, ${kb(report.main.gzipBytes)} gzip in ${report.main.files.length} file(s) (pure-JS dependencies inlined; better-sqlite3 stays in node_modules)`,
  )
  console.log(
    '("bundled" is the main process as shipped; "deps-external" loads MikroORM, kysely and zod from node_modules instead; Electron\'s own start is not included)',
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printStartup(await measureStartup({ log: (line) => console.log(line) }))
}
