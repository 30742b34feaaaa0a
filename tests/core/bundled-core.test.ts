import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { bundleChild } from '../../scripts/bench/startup'
import { DEMO_LAST_ONE_SKU } from '#core/db/seed/demo-seed'

/**
 * The main process ships with MikroORM, kysely and zod bundled in (electron.vite.config.ts). Electron
 * cannot start here, so core is bundled the same way on its own and run on a brand-new database:
 * a dependency that breaks when bundled (dynamic imports, files read next to its modules) shows here.
 */
const ROOT = resolve(import.meta.dirname, '../..')
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
