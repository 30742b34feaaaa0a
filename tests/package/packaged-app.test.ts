/**
 * The packaged app, built by the real electron-builder from the real config and the built app
 * (`out/`), over a stand-in for the Electron runtime, which cannot be fetched here
 * (electron-stand-in.ts). It checks what the installers are made from: what the archive holds,
 * which native code it carries and unpacks, the package.json the data folder is named from, the
 * fuses flipped in the executable, and that every module the main process loads is in the package
 * and loads from it.
 *
 * It cannot check what only the real runtime does: the app starting, the fuses taking effect,
 * Electron reading native code from the unpacked folder. The release workflow's `_electron` suite
 * runs the installed app for that.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { extractAll, getRawHeader } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { init as lexerReady, parse as parseImports } from 'es-module-lexer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_FILES } from '../../electron-builder.config'
import { binScript, CONFIG_FILE } from '../../scripts/dist'
import { packagedExecutable, smokePackagedApp } from '../../scripts/packaged-smoke'
import { ELECTRON_DEFAULT_FUSES, FUSE_OFF, FUSE_ON, standInExecutable, writeElectronStandIn } from './electron-stand-in'

const ROOT = resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

interface PackageManifest {
  name: string
  version: string
  main?: string
  type?: string
  productName?: string
  scripts?: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T
const project = readJson<PackageManifest>(join(ROOT, 'package.json'))
const lock = readJson<{ packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }> }>(
  join(ROOT, 'package-lock.json'),
)
const electronVersion = readJson<PackageManifest>(join(ROOT, 'node_modules', 'electron', 'package.json')).version

/** An archive entry: its path inside app.asar (no leading slash) and whether it lies outside it, in app.asar.unpacked. */
interface ArchiveEntry {
  path: string
  unpacked: boolean
}

interface HeaderNode {
  files?: Record<string, HeaderNode>
  unpacked?: boolean
  link?: string
}

function archiveEntries(asar: string): ArchiveEntry[] {
  const walk = (node: HeaderNode, at: string): ArchiveEntry[] =>
    Object.entries(node.files ?? {}).flatMap(([name, child]) => {
      const path = at === '' ? name : `${at}/${name}`
      return child.files ? walk(child, path) : [{ path, unpacked: child.unpacked === true }]
    })
  return walk(getRawHeader(asar).header as HeaderNode, '')
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
}

/** `node_modules/a/node_modules/@b/c/lib/x.js` → `node_modules/a/node_modules/@b/c`: the package a file belongs to, as the lockfile names it. */
function packageDirOf(path: string): string | null {
  const parts = path.split('/')
  let end = -1
  for (let index = 0; index < parts.length - 1; index += 1) {
    if (parts[index] !== 'node_modules') continue
    end = parts[index + 1]!.startsWith('@') ? index + 2 : index + 1
    index = end
  }
  return end < 0 ? null : parts.slice(0, end + 1).join('/')
}

/** Production packages the config leaves out on purpose (APP_FILES): headers better-sqlite3 compiles against, never loaded. */
const LEFT_OUT = ['node-addon-api']

/** `@a/b/sync` → `@a/b`; `c/d` → `c`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!
}

/**
 * Modules the bundle names but can do without: each is asked for in a try/catch by a library that
 * goes on without it. They are not in the package; the test checks that they stay out of it.
 */
const OPTIONAL_MODULES: Record<string, string> = {
  picomatch: 'fdir, behind MikroORM’s folder discovery, uses it when present (the app lists its entities)',
  tsx: 'core starts a worker through it only from the TypeScript sources, in development; the app runs the built workers',
}

/**
 * Calls that load or find a module by name at run time, as the bundle spells them: `__require("x")`,
 * a `createRequire` kept in a variable (`requireHere("x")`), `require.resolve("x")`, `.resolve("x")`.
 */
const RUN_TIME_LOAD = /(?<![\w$])(?:_*require[\w$]*(?:\.resolve)?|(?:[\w$]+\.)*resolve)\(\s*"([^"./][^"]*)"\s*\)/g

interface LoadedModule {
  specifier: string
  how: 'import' | 'require'
  file: string
}

/** Every bare module the main process's files load, by static or dynamic import or by a require-like call. */
async function modulesLoadedBy(outMain: string): Promise<LoadedModule[]> {
  await lexerReady
  const found = new Map<string, LoadedModule>()
  for (const file of filesUnder(outMain).filter((name) => name.endsWith('.js'))) {
    const source = readFileSync(join(outMain, file), 'utf8')
    const [imports] = parseImports(source)
    const named = [
      ...imports.flatMap((entry) => (entry.n === undefined ? [] : [{ specifier: entry.n, how: 'import' as const }])),
      ...[...source.matchAll(RUN_TIME_LOAD)].map((match) => ({ specifier: match[1]!, how: 'require' as const })),
    ]
    for (const { specifier, how } of named) {
      if (specifier.startsWith('.') || specifier.startsWith('/') || isBuiltin(specifier) || specifier === 'electron') continue
      found.set(`${how} ${specifier}`, { specifier, how, file })
    }
  }
  return [...found.values()].sort((a, b) => a.specifier.localeCompare(b.specifier))
}

/** Runs `source` as an ES module placed at `path` (inside the unpacked app), with Node; answers what it printed, as JSON. */
async function runProbe<T>(path: string, source: string): Promise<T> {
  writeFileSync(path, source)
  const env = { ...process.env }
  delete env['NODE_OPTIONS']
  delete env['NODE_PATH']
  const { stdout } = await run(process.execPath, [path], { env, cwd: tmpdir() })
  return JSON.parse(stdout) as T
}

describe('the packaged app, as electron-builder makes it for Linux', () => {
  let work: string
  let output: string
  let appDir: string
  let asar: string
  let extracted: string
  let entries: ArchiveEntry[]

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
      throw new Error('The app is not built: run npm run build (npm test does) before this suite.')
    }
    work = mkdtempSync(join(tmpdir(), 'tillwise-package-'))
    const electronDist = writeElectronStandIn(join(work, 'electron'), electronVersion)
    output = join(work, 'dist')
    await run(
      process.execPath,
      [
        binScript('electron-builder'),
        '--config',
        CONFIG_FILE,
        '--linux',
        '--dir',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${output}`,
      ],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    )
    appDir = join(output, 'linux-unpacked')
    asar = join(appDir, 'resources', 'app.asar')
    entries = archiveEntries(asar)
    extracted = join(work, 'app')
    extractAll(asar, extracted)
  }, 180_000)

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('holds the built app, its package.json and the production node_modules, and nothing else', () => {
    expect([...new Set(entries.map((entry) => entry.path.split('/')[0]))].sort()).toEqual(['node_modules', 'out', 'package.json'])
    const builtApp = filesUnder(join(ROOT, 'out')).map((file) => `out/${file}`)
    expect(
      entries
        .filter((entry) => entry.path.startsWith('out/'))
        .map((entry) => entry.path)
        .sort(),
    ).toEqual(builtApp.sort())

    // Every package inside is one the lockfile installs for production, and every such package
    // installed here is inside (packages for other OSes and CPUs are not installed). By name and
    // version: electron-builder hoists a nested package where nothing else claims its place.
    const packed = new Set(
      [...new Set(entries.flatMap((entry) => packageDirOf(entry.path) ?? []))].map((dir) => {
        const manifest = readJson<PackageManifest>(join(extracted, dir, 'package.json'))
        return `${manifest.name}@${manifest.version}`
      }),
    )
    const production = Object.entries(lock.packages).filter(
      ([path, info]) => path.startsWith('node_modules/') && info.dev !== true && info.devOptional !== true,
    )
    const named = (path: string, version: string) => `${packageNameOf(path.slice(path.lastIndexOf('node_modules/') + 13))}@${version}`
    const productionNames = new Set(production.map(([path, info]) => named(path, info.version ?? '')))
    const installed = production
      .filter(([path]) => existsSync(join(ROOT, path, 'package.json')) && !LEFT_OUT.some((name) => path.endsWith(`node_modules/${name}`)))
      .map(([path, info]) => named(path, info.version ?? ''))
    for (const name of LEFT_OUT) expect(APP_FILES).toContain(`!node_modules/${name}{,/**/*}`)
    expect([...packed].filter((name) => !productionNames.has(name))).toEqual([])
    expect(installed.filter((name) => !packed.has(name))).toEqual([])
    for (const name of ['electron', 'electron-builder', 'vitest', 'typescript', 'react', 'react-dom', '@mikro-orm/core', 'zod']) {
      expect(
        [...packed].some((packedName) => packedName.startsWith(`${name}@`)),
        name,
      ).toBe(false)
    }
  })

  it('unpacks the native binaries and nothing else from the archive, and carries only Linux x64’s', () => {
    const natives = entries.filter((entry) => entry.path.endsWith('.node'))
    expect(natives.length).toBeGreaterThan(0)
    expect(natives.filter((entry) => !entry.unpacked)).toEqual([])
    for (const native of natives) expect(existsSync(join(appDir, 'resources', 'app.asar.unpacked', native.path)), native.path).toBe(true)
    // Nothing but the binaries is outside the archive, whose integrity Electron checks: no JavaScript
    // beside it that could be changed to run in the main process.
    expect(filesUnder(join(appDir, 'resources', 'app.asar.unpacked')).sort()).toEqual(natives.map((entry) => entry.path).sort())
    expect(entries.filter((entry) => entry.unpacked && !entry.path.endsWith('.node'))).toEqual([])

    const prebuilds = natives
      .map((entry) => entry.path)
      .filter((path) => path.startsWith('node_modules/better-sqlite3/prebuilds/'))
      .map((path) => path.split('/').pop())
    expect(prebuilds).toEqual(['linux-x64.node'])
    expect(natives.filter((entry) => /darwin|win32|musl/.test(entry.path))).toEqual([])
    expect(natives.some((entry) => /^node_modules\/@napi-rs\/canvas-linux-x64-[a-z]+\/[^/]+\.node$/.test(entry.path))).toBe(true)
  })

  it('writes the package.json the data folder is named from, without the project’s scripts and tools', () => {
    const packaged = readJson<PackageManifest>(join(extracted, 'package.json'))
    expect(packaged).toMatchObject({ name: 'tillwise-pos', version: project.version, main: 'out/main/index.js', type: 'module' })
    expect(packaged.productName).toBeUndefined()
    expect(packaged.scripts).toBeUndefined()
    expect(packaged.devDependencies).toBeUndefined()
    expect(packaged.dependencies).toEqual(project.dependencies)

    // The bundle takes only the version from the project's package.json, not its scripts.
    const outMain = join(extracted, 'out', 'main')
    const bundle = filesUnder(outMain).map((file) => readFileSync(join(outMain, file), 'utf8'))
    for (const command of Object.values(project.scripts ?? {}))
      expect(
        bundle.some((source) => source.includes(command)),
        command,
      ).toBe(false)
  })

  it('flips the fuses of the lockdown in the executable, named after the app', async () => {
    expect(readdirSync(appDir).sort()).toEqual(['LICENSE.electron.txt', 'resources', 'tillwise-pos', 'version'])
    const before = Object.fromEntries(Object.entries(ELECTRON_DEFAULT_FUSES))
    const wire = await getCurrentFuseWire(join(appDir, 'tillwise-pos'))
    const after = Object.fromEntries(Object.keys(ELECTRON_DEFAULT_FUSES).map((fuse) => [fuse, wire[Number(fuse) as FuseV1Options]]))
    expect(after).not.toEqual(before)
    expect(after).toEqual({
      [FuseV1Options.RunAsNode]: FUSE_OFF,
      [FuseV1Options.EnableCookieEncryption]: FUSE_ON,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FUSE_OFF,
      [FuseV1Options.EnableNodeCliInspectArguments]: FUSE_OFF,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FUSE_ON,
      [FuseV1Options.OnlyLoadAppFromAsar]: FUSE_ON,
      // Left as Electron ships it: the config does not set it.
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: ELECTRON_DEFAULT_FUSES[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: FUSE_OFF,
    })
    // Only the wire's bytes changed: the rest of the executable is the runtime as it came.
    const executable = readFileSync(join(appDir, 'tillwise-pos'))
    const original = standInExecutable()
    expect(executable.length).toBe(original.length)
    expect([...executable].filter((byte, index) => byte !== original[index]).length).toBe(7)
  })

  it('finds every module the main process loads inside the package, and ships no dependency it never loads', async () => {
    const outMain = join(extracted, 'out', 'main')
    const loaded = await modulesLoadedBy(outMain)
    const needed = loaded.filter((module) => !(packageNameOf(module.specifier) in OPTIONAL_MODULES))
    const resolved = await runProbe<Record<string, string | null>>(
      join(outMain, 'resolve-probe.mjs'),
      `import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
const answer = {}
for (const { specifier, how } of ${JSON.stringify(loaded.map(({ specifier, how }) => ({ specifier, how })))}) {
  try { answer[how + ' ' + specifier] = how === 'import' ? import.meta.resolve(specifier) : require.resolve(specifier) }
  catch { answer[how + ' ' + specifier] = null }
}
console.log(JSON.stringify(answer))`,
    )
    const inside = (where: string | null | undefined) =>
      where != null && resolve(where.startsWith('file:') ? new URL(where).pathname : where).startsWith(extracted + sep)
    expect(needed.filter((module) => !inside(resolved[`${module.how} ${module.specifier}`]))).toEqual([])
    // The optional ones are named and stay optional: none of them is in the package.
    const optional = loaded.filter((module) => packageNameOf(module.specifier) in OPTIONAL_MODULES)
    expect(optional.filter((module) => inside(resolved[`${module.how} ${module.specifier}`]))).toEqual([])

    expect([...new Set(needed.map((module) => packageNameOf(module.specifier)))].sort()).toEqual(
      Object.keys(project.dependencies ?? {}).sort(),
    )
  })

  it('loads its native code, its receipt font and its CSV libraries from the package', async () => {
    const answer = await runProbe<{ sqlite: string; database: string; width: number; rows: string[][]; csv: string }>(
      join(extracted, 'out', 'main', 'load-probe.mjs'),
      `import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
const require = createRequire(import.meta.url)
const db = new Database(':memory:')
const { version } = db.prepare('select sqlite_version() as version').get()
const fonts = join(dirname(require.resolve('@fontsource/noto-sans-devanagari')), 'files')
GlobalFonts.register(readFileSync(join(fonts, 'noto-sans-devanagari-devanagari-400-normal.woff2')), 'Probe Devanagari')
const context = createCanvas(200, 40).getContext('2d')
context.font = '22px "Probe Devanagari"'
console.log(JSON.stringify({
  sqlite: version,
  database: require.resolve('better-sqlite3'),
  width: context.measureText('बिल भुक्तानी').width,
  rows: require('csv-parse/sync').parse('name,price\\nरु. चिया,25\\n'),
  csv: require('csv-stringify/sync').stringify([['=1+1', 'बिल']], { escape_formulas: true }),
}))`,
    )
    expect(answer.sqlite).toMatch(/^3\.\d+\.\d+$/)
    expect(answer.database.startsWith(extracted + sep)).toBe(true)
    expect(answer.width).toBeGreaterThan(0)
    expect(answer.rows).toEqual([
      ['name', 'price'],
      ['रु. चिया', '25'],
    ])
    expect(answer.csv).toBe("'=1+1,बिल\n")
  })

  it('is where the release workflow starts the packaged app from, and a runtime that cannot start fails that start, saying why', async () => {
    expect(packagedExecutable('linux', 'x64', output)).toBe(join(appDir, 'tillwise-pos'))
    const lines: string[] = []
    const passed = await smokePackagedApp({
      executable: join(appDir, 'tillwise-pos'),
      version: project.version,
      print: (line) => lines.push(line),
    })
    expect(passed).toBe(false)
    expect(lines[0]).toBe('✗ the app starts and is ready: it exited before it was ready (code 1)')
    expect(lines[1]).toContain('This is a stand-in for the Electron runtime')
    expect(lines.filter((line) => line.startsWith('✓'))).toEqual([])

    const missing: string[] = []
    expect(
      await smokePackagedApp({ executable: join(work, 'nothing-here'), version: project.version, print: (line) => missing.push(line) }),
    ).toBe(false)
    expect(missing).toEqual([`✗ no packaged app at ${join(work, 'nothing-here')}: run npm run dist first`])
  })
})
