/**
 * The CSV worker in both lives it has: from source (the TypeScript file through tsx, as vitest and
 * the benchmarks run it) and bundled as the app ships it (its own entry beside the main bundle, as
 * electron.vite.config.ts builds it). Electron cannot start here, so the main bundle's layout is
 * rebuilt with a probe in place of main's entry and run under plain Node.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from 'vite'
import config from '../../../electron.vite.config'
import { parseProductCsv } from './product-csv.rules'
import { parseInWorker } from './product-import.service'

const ROOT = resolve(import.meta.dirname, '../../..')
// Inside the project, so the bundle finds node_modules as out/main does.
mkdirSync(join(ROOT, '.tmp'), { recursive: true })
const dir = mkdtempSync(join(ROOT, '.tmp', 'csv-worker-'))

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const CSV = '\ufeffsku,name,price\r\nA-1,"Rice, basmati",55.5\r\nA-2,,1\r\n'
/** Not plain: read with csv-parse, which the worker loads only then. */
const BROKEN_CSV = 'sku,name,price\nA-1,Tea"s,1\nA-2,Dal,2\n'

describe('the CSV worker', () => {
  it('reads a file off the thread from source, saying how far it is', async () => {
    const progress: [number, number][] = []
    const rows = Array.from({ length: 4_000 }, (_, index) => `S${index},N,1`).join('\n')
    const parsed = await parseInWorker(`sku,name,price\n${rows}\n`, 2, (done, total) => progress.push([done, total]))
    expect(parsed.rows).toHaveLength(4_000)
    expect(progress.at(-1)).toEqual([4_001, 4_001])
    const small = await parseInWorker(CSV, 2, () => undefined)
    expect(small.rows.map((row) => [row.line, row.sku, row.name, row.priceCents])).toEqual([[2, 'A-1', 'Rice, basmati', 5550]])
    expect(small.errors).toEqual([{ line: 3, column: 'name', problem: 'missing' }])
  })

  it('reads a file that stops being plain half way as core’s own thread does: csv-parse reads it all again', async () => {
    const rows = Array.from({ length: 6_000 }, (_, index) => `S${index},"Name, ${index}",1.50`)
    // Past the first batches the worker has sent: a stray quote, a record too wide, a SKU seen before.
    rows[4_500] = 'BAD,Tea"s,1'
    rows[4_600] = 'WIDE,Wide,1,2'
    rows[5_000] = 'S7,Again,2'
    const csv = `sku,name,price\r\n${rows.join('\r\n')}\r\n`
    const rowsSeen: string[] = []
    const parsed = await parseInWorker(
      csv,
      2,
      () => undefined,
      (batch) => rowsSeen.push(...batch.map((row) => row.sku)),
    )
    expect(parsed).toEqual(parseProductCsv(csv, { currencyDecimals: 2 }))
    // Broken before the first batch: the restart comes first.
    expect(await parseInWorker(BROKEN_CSV, 2, () => undefined)).toEqual(parseProductCsv(BROKEN_CSV, { currencyDecimals: 2 }))
    expect(parsed.errors).toEqual([
      { line: 4_502, problem: 'badCsv', value: 'strayQuote' },
      { line: 4_602, problem: 'badCsv', value: 'fieldCount' },
      { line: 5_002, column: 'sku', problem: 'duplicateInFile', value: 'S7', otherLine: 9 },
    ])
    expect(parsed.rows).toHaveLength(5_997)
    // The rows handed over before the file turned out not to be plain come again after the restart.
    expect(rowsSeen.length).toBeGreaterThan(parsed.rows.length)
  })

  it('runs bundled beside the main process as the build makes it', { timeout: 120_000 }, async () => {
    const mainBuild = typeof config === 'function' ? null : config.main?.build
    const inputs = mainBuild?.rollupOptions?.input as Record<string, string> | undefined
    const workerEntry = inputs?.['product-csv.worker']
    expect(workerEntry, 'electron.vite.config.ts builds the worker as its own entry').toBe(
      resolve(import.meta.dirname, 'product-csv.worker.ts'),
    )

    const probe = join(dir, 'probe.ts')
    writeFileSync(
      probe,
      `import { parseInWorker } from ${JSON.stringify(resolve(import.meta.dirname, 'product-import.service.ts'))}\n` +
        `const parsed = await parseInWorker(${JSON.stringify(CSV)}, 2, () => undefined)\n` +
        'console.log(`PARSED ${JSON.stringify(parsed)}`)\n' +
        `const broken = await parseInWorker(${JSON.stringify(BROKEN_CSV)}, 2, () => undefined)\n` +
        'console.log(`BROKEN ${JSON.stringify(broken)}`)\n',
    )
    const outDir = join(dir, 'out')
    await build({
      configFile: false,
      logLevel: 'error',
      root: ROOT,
      publicDir: false,
      build: {
        ssr: true,
        outDir,
        emptyOutDir: true,
        target: 'node22',
        minify: false,
        rollupOptions: { input: { index: probe, 'product-csv.worker': workerEntry! }, output: { format: 'es' } },
      },
    })
    expect(existsSync(join(outDir, 'product-csv.worker.js'))).toBe(true)
    const run = spawnSync(process.execPath, [join(outDir, 'index.js')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(run.stderr).toBe('')
    const line = /^PARSED (.*)$/m.exec(run.stdout)
    expect(line, run.stdout).not.toBeNull()
    const parsed = JSON.parse(line![1]!) as Awaited<ReturnType<typeof parseInWorker>>
    expect(parsed.rows.map((row) => [row.line, row.sku, row.name, row.priceCents])).toEqual([[2, 'A-1', 'Rice, basmati', 5550]])
    expect(parsed.errors).toEqual([{ line: 3, column: 'name', problem: 'missing' }])
    const broken = JSON.parse(/^BROKEN (.*)$/m.exec(run.stdout)![1]!) as Awaited<ReturnType<typeof parseInWorker>>
    expect(broken.rows.map((row) => row.sku)).toEqual(['A-2'])
    expect(broken.errors).toEqual([{ line: 2, problem: 'badCsv', value: 'strayQuote' }])
  })
})
