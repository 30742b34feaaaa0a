import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { bundleChild } from '../../scripts/bench/startup'
import { DEMO_LAST_ONE_SKU } from '#core/db/seed/demo-seed'

/**
 * The main process ships with MikroORM, kysely and zod bundled in (electron.vite.config.ts). Electron
 * cannot start here, so core is bundled the same way on its own and run on a brand-new database:
 * a dependency that breaks when bundled (dynamic imports, files read next to its modules) shows here.
 */
const ROOT = resolve(import.meta.dirname, '../..')
/** Code of the back office (its services, the CSV parser, the demo store), by what it defines. */
const BACK_OFFICE =
  /(?:async )?function (?:importProducts|exportProducts|listProducts|adjustStock|createStaff|seedDemo|savePdf|verifyAudit)\b|class CsvError\b/g

/**
 * The chunk files (paths) a start evaluates: what the entry imports (the core it awaits included),
 * then everything those import statically. What they import with `import()` is loaded on first use.
 */
function loadedAtStart(entry: string): string[] {
  const dir = dirname(entry)
  const seen = new Set<string>()
  const visit = (file: string, followDynamic: boolean) => {
    const code = readFileSync(join(dir, file), 'utf8')
    const found = [...code.matchAll(/^(?:import|export)\b[^;]*?from "(\.\.?\/[^"]+)"|^import "(\.\.?\/[^"]+)"/gm)].map((m) => m[1] ?? m[2]!)
    if (followDynamic) found.push(...[...code.matchAll(/\bimport\("(\.\.?\/[^"]+)"\)/g)].map((m) => m[1]!))
    for (const target of found) {
      const path = join(dirname(file), target)
      if (seen.has(path)) continue
      seen.add(path)
      visit(path, false)
    }
  }
  visit(basename(entry), true)
  return [...seen].map((path) => join(dir, path)).sort()
}

// Inside the project, so the bundle finds better-sqlite3 in node_modules as out/main does.
mkdirSync(join(ROOT, '.tmp'), { recursive: true })
const bundleDir = mkdtempSync(join(ROOT, '.tmp', 'bundled-core-'))
const dataDir = mkdtempSync(join(tmpdir(), 'tillwise-bundled-'))

afterAll(() => {
  rmSync(bundleDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

describe('core bundled as the main process ships it', () => {
  it('creates, migrates and seeds a new database, signs in and answers a scan', { timeout: 120_000 }, async () => {
    const bundle = await bundleChild(true, bundleDir)
    const code = readdirSync(bundleDir, { recursive: true })
      .filter((name) => String(name).endsWith('.mjs') || String(name).endsWith('.js'))
      .map((name) => readFileSync(join(bundleDir, String(name)), 'utf8'))
      .join('\n')
    expect(code).toMatch(/^import [^;\n]*from "better-sqlite3"/m)
    expect(code).not.toMatch(/^import [^;\n]*from "(@mikro-orm\/|kysely|zod)/m)
    // A till's start loads what a sale needs; the back office is imported on its first call.
    const atStart = loadedAtStart(bundle)
    expect(atStart.some((file) => basename(file).startsWith('backend-'))).toBe(true)
    expect(atStart.flatMap((file) => readFileSync(file, 'utf8').match(BACK_OFFICE) ?? [])).toEqual([])
    // The markers are there to be found, in the chunks loaded later.
    expect(code.match(BACK_OFFICE)?.length).toBeGreaterThanOrEqual(8)

    const run = spawnSync(process.execPath, [bundle, join(dataDir, 'tillwise.sqlite'), DEMO_LAST_ONE_SKU, 'demo'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const ready = /^READY (.*)$/m.exec(run.stdout)
    expect(ready).not.toBeNull()
    const report = JSON.parse(ready![1]!) as { openMs: number; firstScanMs: number }
    expect(report.openMs).toBeGreaterThan(0)
    expect(report.firstScanMs).toBeGreaterThan(0)
  })
})
