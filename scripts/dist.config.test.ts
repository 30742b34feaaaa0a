/**
 * The installer config, checked with electron-builder's own code where it can run offline: its
 * loader reads the file, its schema validates it, and its file matchers decide, over the real
 * project and the real better-sqlite3 package, what each OS's app would hold.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve, sep } from 'node:path'
import type { Configuration, PlatformSpecificBuildOptions } from 'electron-builder'
import { doMergeConfigs, getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import type { FileMatcher, getFileMatchers } from 'app-builder-lib/out/fileMatcher'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'
import config, {
  ASAR_UNPACK,
  BETTER_SQLITE3_PREBUILDS,
  BUILDER_OSES,
  builderConfig,
  NOTARIZE_CREDENTIALS,
  notarizeFromEnv,
  TARGETS,
  type BuilderOs,
} from '../electron-builder.config'
import { CONFIG_FILE } from './dist'
import { defaultUserDataDir } from '../src/main/startup.config'

const ROOT = resolve(import.meta.dirname, '..')
const STAGE = join(ROOT, 'dist', 'stage')
const identity = (pattern: string): string => pattern

/**
 * The two matchers electron-builder builds the app from: the app's own files, and node_modules.
 * They are internal (left out of its typings), so they are typed here by what they take.
 */
interface MatcherInternals {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: PlatformSpecificBuildOptions,
    platformPackager: { info: object },
    outDir: string,
    isElectronCompile: boolean,
  ): FileMatcher[]
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: PlatformSpecificBuildOptions,
    packager: object,
  ): FileMatcher
  getFileMatchers: typeof getFileMatchers
}
const matchers = createRequire(import.meta.url)('app-builder-lib/out/fileMatcher') as MatcherInternals

/** The config as electron-builder holds it after loading (file sets normalized, defaults merged). */
function merged(): Configuration {
  return doMergeConfigs([builderConfig({})])
}

/** What electron-builder's packager reads while it builds the matchers. */
function packagerInfo(effective: Configuration) {
  return {
    projectDir: ROOT,
    buildResourcesDir: effective.directories?.buildResources ?? 'build',
    config: effective,
    isPrepackedAppAsar: false,
    debugLogger: new DebugLogger(false),
  }
}

/** Every project file outside node_modules, .git and build output, relative and `/`-separated. */
function projectFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    const rel = relative(ROOT, path).split(sep).join('/')
    if (['node_modules', '.git', 'out', 'dist'].includes(rel)) return []
    return entry.isDirectory() ? projectFiles(path) : [rel]
  })
}

function appFilter(os: BuilderOs) {
  const effective = merged()
  const list = matchers.getMainFileMatchers(
    ROOT,
    STAGE,
    identity,
    effective[os]!,
    { info: packagerInfo(effective) },
    join(ROOT, 'dist'),
    false,
  )
  return { list, filter: list[0]!.createFilter() }
}

function betterSqlite3Files(): string[] {
  const dir = join(ROOT, 'node_modules', 'better-sqlite3')
  const walk = (at: string): string[] =>
    readdirSync(at, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(at, entry.name)) : [join(at, entry.name)]))
  return walk(dir)
}

/** electron-builder's expansion of the one macro the file patterns use, for a pack of `arch`. */
const forArch =
  (arch: string) =>
  (pattern: string): string =>
    pattern.replaceAll('${arch}', arch)

/** The node_modules files of better-sqlite3 that `os`'s app for `arch` keeps, as electron-builder filters them. */
function keptBetterSqlite3(os: BuilderOs, arch: string): string[] {
  const effective = merged()
  const matcher = matchers.getNodeModuleFileMatcher(ROOT, STAGE, forArch(arch), effective[os]!, {
    config: effective,
    debugLogger: new DebugLogger(false),
  })
  const filter = matcher.createFilter()
  return betterSqlite3Files()
    .map((file) => {
      const stat = statSync(file) as Stats & { moduleFullFilePath: string }
      stat.moduleFullFilePath = relative(ROOT, file).split(sep).join('/')
      return { rel: stat.moduleFullFilePath, kept: filter(file, stat) }
    })
    .filter((file) => file.kept)
    .map((file) => file.rel)
}

function prebuildsOf(files: string[]): string[] {
  return files
    .filter((file) => file.startsWith(`${BETTER_SQLITE3_PREBUILDS}/`))
    .map((file) => file.slice(BETTER_SQLITE3_PREBUILDS.length + 1))
}

/** Every file pattern in the config, at the top level and for each OS. */
function filePatterns(configuration: Configuration): string[] {
  const sets = [configuration, configuration.mac, configuration.win, configuration.linux]
  return sets.flatMap((options) => {
    const lists = [options?.files, (options as Configuration | undefined)?.asarUnpack, options?.extraResources, options?.extraFiles]
    return lists.flatMap((list) => (list == null ? [] : JSON.stringify(list)))
  })
}

function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path)
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

describe('installer targets', () => {
  it('makes NSIS on Windows, dmg and zip on macOS, AppImage and deb on Linux', () => {
    const names = (os: BuilderOs) => (config[os]!.target as { target: string }[]).map((target) => target.target)
    expect(names('win')).toEqual(['nsis'])
    expect(names('mac')).toEqual(['dmg', 'zip'])
    expect(names('linux')).toEqual(['AppImage', 'deb'])
  })

  it('installs per user on Windows, lets the owner choose the folder and never deletes the data folder', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    })
  })

  it('keeps the data folder where the guide and the admin command look for it', () => {
    // Electron names userData after the packaged package.json's productName, else its name, on every OS.
    // electron-builder copies package.json with extraMetadata merged in; its own productName names
    // only the executable and the installer. So the folder is package.json's name, unless one of
    // these two changes it, which would leave a shop's data behind after an update.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; productName?: string }
    expect(pkg.productName).toBeUndefined()
    const extra = (config.extraMetadata ?? {}) as Record<string, unknown>
    expect(extra['name']).toBeUndefined()
    expect(extra['productName']).toBeUndefined()
    expect(defaultUserDataDir('linux', {}, '/home/shop')).toBe(`/home/shop/.config/${pkg.name}`)
    const guide = readFileSync(join(ROOT, 'docs', 'install.md'), 'utf8')
    for (const folder of [`%APPDATA%\\${pkg.name}`, `~/Library/Application Support/${pkg.name}`, `~/.config/${pkg.name}`]) {
      expect(guide).toContain(folder)
    }
  })

  it('signs macOS builds with the hardened runtime', () => {
    expect(config.mac?.hardenedRuntime).toBe(true)
  })

  it('takes the icon from resources/, large enough for every OS', () => {
    expect(config.directories?.buildResources).toBe('resources')
    for (const os of BUILDER_OSES) {
      const { width, height } = pngSize(join(ROOT, 'resources', config[os]!.icon!))
      expect(width).toBe(height)
      // ICO tops out at 256 px; icns and the Linux icon want 512.
      expect(width).toBeGreaterThanOrEqual(os === 'win' ? 256 : 512)
    }
  })
})

describe('notarization, configured by the environment', () => {
  it('is off with no Apple credentials, with an incomplete set or with blank values', () => {
    expect(notarizeFromEnv({})).toBe(false)
    expect(notarizeFromEnv({ APPLE_ID: 'owner@example.com', APPLE_TEAM_ID: 'TEAM123' })).toBe(false)
    expect(notarizeFromEnv({ APPLE_ID: 'owner@example.com', APPLE_APP_SPECIFIC_PASSWORD: '  ', APPLE_TEAM_ID: 'TEAM123' })).toBe(false)
    expect(builderConfig({}).mac?.notarize).toBe(false)
  })

  it.each(NOTARIZE_CREDENTIALS.map((names) => [names.join(' + '), names] as const))('is on with %s', (_label, names) => {
    const env = Object.fromEntries(names.map((name) => [name, 'value']))
    expect(notarizeFromEnv(env)).toBe(true)
    expect(builderConfig(env).mac?.notarize).toBe(true)
  })
})

describe('Electron fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and --inspect, and loads only a validated app.asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    })
    // The app is packed into an archive: options for it, never `false`.
    expect(config.asar).not.toBe(false)
    expect(typeof config.asar).toBe('object')
  })
})

describe('what the packaged app holds', () => {
  it.each(BUILDER_OSES)('%s: the built app and package.json, never sources, tests, scripts, docs or this config', (os) => {
    const { list, filter } = appFilter(os)
    // One matcher: a second one of exclusions only would be completed with "everything".
    expect(list).toHaveLength(1)
    const aFile = statSync(join(ROOT, 'package.json'))
    for (const path of [
      'out/main/index.js',
      'out/main/reports.worker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'package.json',
    ]) {
      expect(filter(join(ROOT, path), aFile), path).toBe(true)
    }
    const shipped = projectFiles().filter((path) => filter(join(ROOT, path), statSync(join(ROOT, path))))
    expect(shipped).toEqual(['package.json'])
    expect(projectFiles()).toEqual(expect.arrayContaining(['src/main/index.ts', 'scripts/dist.ts', 'electron-builder.config.ts']))
  })

  const packs = BUILDER_OSES.flatMap((os) => [...new Set(TARGETS[os].flatMap((target) => target.arch))].map((arch) => [os, arch] as const))

  it.each(packs)('%s %s: keeps only its own OS’s and CPU’s better-sqlite3 prebuild and none of the C sources', (os, arch) => {
    const kept = keptBetterSqlite3(os, arch)
    const own = { mac: 'darwin', win: 'win32', linux: 'linux' }[os]
    const all = prebuildsOf(betterSqlite3Files().map((file) => relative(ROOT, file).split(sep).join('/')))
    expect(all.length).toBeGreaterThan(3)
    expect(all).toContain(`${own}-${arch}.node`)
    expect(prebuildsOf(kept)).toEqual([`${own}-${arch}.node`])
    expect(kept).toContain('node_modules/better-sqlite3/lib/index.js')
    expect(kept.filter((file) => /better-sqlite3\/(deps|src)\/|binding\.gyp$/.test(file))).toEqual([])
  })

  it('packs the Macs’ two CPUs apart, so each app gets its own prebuild (a universal app would get neither)', () => {
    expect(packs.filter(([os]) => os === 'mac').map(([, arch]) => arch)).toEqual(['arm64', 'x64'])
    expect(JSON.stringify(TARGETS)).not.toContain('universal')
  })

  it('unpacks every better-sqlite3 binary from the asar, and only the binaries', () => {
    const [unpack] = matchers.getFileMatchers(merged(), 'asarUnpack', STAGE, {
      macroExpander: identity,
      customBuildOptions: merged().linux!,
      globalOutDir: join(ROOT, 'dist'),
      defaultSrc: ROOT,
    })!
    const filter = unpack!.createFilter()
    const verdict = betterSqlite3Files().map((file) => ({ file, unpacked: filter(file, statSync(file)) }))
    const unpacked = verdict.filter((entry) => entry.unpacked).map((entry) => entry.file)
    expect(unpacked.length).toBeGreaterThan(0)
    expect(unpacked.every((file) => file.endsWith('.node'))).toBe(true)
    expect(verdict.filter((entry) => entry.file.endsWith('.node') && !entry.unpacked)).toEqual([])
    expect(ASAR_UNPACK).toEqual(config.asarUnpack)
    // Nothing else leaves the archive, whole packages holding a binary included: what is beside it
    // is outside its integrity check.
    expect(config.asar).toEqual({ smartUnpack: false })
  })

  it('unpacks the canvas binary Nepali receipts are drawn with, and nothing else of its package', () => {
    const [unpack] = matchers.getFileMatchers(merged(), 'asarUnpack', STAGE, {
      macroExpander: identity,
      customBuildOptions: merged().linux!,
      globalOutDir: join(ROOT, 'dist'),
      defaultSrc: ROOT,
    })!
    const filter = unpack!.createFilter()
    const napi = join(ROOT, 'node_modules', '@napi-rs')
    const files = readdirSync(napi)
      .filter((name) => name.startsWith('canvas'))
      .flatMap((name) => readdirSync(join(napi, name)).map((file) => join(napi, name, file)))
      .filter((file) => statSync(file).isFile())
    const binaries = files.filter((file) => file.endsWith('.node'))
    expect(binaries.length).toBeGreaterThan(0)
    for (const file of files) expect(filter(file, statSync(file)), file).toBe(file.endsWith('.node'))
  })

  it('uses no ${platform} or ${os} macro in a file pattern (they name the building machine, not the target)', () => {
    const patterns = filePatterns(config)
    expect(patterns.length).toBeGreaterThan(3)
    for (const pattern of patterns) {
      expect(pattern).not.toContain('${platform}')
      expect(pattern).not.toContain('${os}')
    }
    expect(filePatterns({ linux: { files: ['!prebuilds/${platform}-*.node'] } }).join()).toContain('${platform}')
  })
})

describe("electron-builder's own checks", () => {
  it('accepts the config against its schema, and would refuse a misspelled option', async () => {
    await expect(validateConfiguration(builderConfig({}), new DebugLogger(false))).resolves.toBeUndefined()
    const misspelled = { ...builderConfig({}), nsis: { ...builderConfig({}).nsis, deleteAppDataOnUninstal: false } } as Configuration
    await expect(validateConfiguration(misspelled, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/)
  })

  it('loads the config file the dist script names', async () => {
    const loaded = await getConfig(ROOT, CONFIG_FILE, null)
    expect(loaded.appId).toBe('com.tillwise.pos')
    expect(loaded.productName).toBe('Tillwise POS')
    expect(loaded.nsis).toEqual(config.nsis)
    expect(loaded.files ?? []).toEqual([])
  })
})
