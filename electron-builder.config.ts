/**
 * The installers electron-builder makes (`npm run dist`, the release workflow): NSIS on Windows,
 * dmg + zip on macOS, AppImage + deb on Linux. A module rather than YAML so the rules below are
 * plain values a test reads (scripts/dist.config.test.ts) and the notarization switch is a function
 * of the environment.
 *
 * The packaged app holds only what runs: the electron-vite output (`out/`), package.json and the
 * production node_modules electron-builder collects. Sources, tests, scripts and docs never match.
 */
import type { Configuration } from 'electron-builder'

/** electron-builder's names for the three desktop OSes, as its `--mac`/`--win`/`--linux` flags spell them. */
export type BuilderOs = 'mac' | 'win' | 'linux'

export const BUILDER_OSES: readonly BuilderOs[] = ['mac', 'win', 'linux']

/** What each OS gets, and for which CPUs: Apple silicon and Intel Macs, x64 elsewhere. */
export const TARGETS = {
  mac: [
    { target: 'dmg', arch: ['arm64', 'x64'] },
    { target: 'zip', arch: ['arm64', 'x64'] },
  ],
  win: [{ target: 'nsis', arch: ['x64'] }],
  linux: [
    { target: 'AppImage', arch: ['x64'] },
    { target: 'deb', arch: ['x64'] },
  ],
} as const satisfies Record<BuilderOs, readonly { target: string; arch: readonly string[] }[]>

export const BETTER_SQLITE3_PREBUILDS = 'node_modules/better-sqlite3/prebuilds'

/**
 * The canvas Nepali receipt lines are drawn with (@napi-rs/canvas, Skia): one native binary per OS
 * and CPU, each in its own optional package (`@napi-rs/canvas-<platform>-<arch>[-<abi>]`) that npm
 * installs only for the machine it runs on, so each runner's build holds its own OS's binary.
 */
export const CANVAS_BINARIES = 'node_modules/@napi-rs/canvas-*/*.node'

/**
 * better-sqlite3 ships one N-API binary per OS and CPU (`prebuilds/<platform>-<arch>.node`) and
 * picks one at run time. A native module cannot be loaded straight from inside an asar, so it is
 * unpacked.
 */
export const ASAR_UNPACK = [`**/${BETTER_SQLITE3_PREBUILDS}/*.node`, `**/${CANVAS_BINARIES}`]

/** The `process.platform` prefixes of better-sqlite3's prebuilds that each OS can load. */
const PREBUILD_PLATFORMS: Record<BuilderOs, string> = { mac: 'darwin', win: 'win32', linux: 'linux' }

/**
 * Every prebuild prefix in the package. `linuxmusl` never loads: Electron itself is built against
 * glibc.
 */
const ALL_PREBUILD_PLATFORMS = ['darwin', 'win32', 'linux', 'linuxmusl'] as const

/**
 * Exclusions that keep only `os`'s prebuilds. Spelled out per OS: electron-builder expands
 * `${platform}` in file patterns to the machine that builds, not the one the installer is for,
 * and `${os}` to `mac`/`win`/`linux`, which are not the prebuilds' names.
 */
export function otherPlatformsPrebuilds(os: BuilderOs): string[] {
  return ALL_PREBUILD_PLATFORMS.filter((platform) => platform !== PREBUILD_PLATFORMS[os]).map(
    (platform) => `!${BETTER_SQLITE3_PREBUILDS}/${platform}-*.node`,
  )
}

/**
 * Leaves out the prebuilds of the CPUs the app is not being packed for. `${arch}` is the one macro
 * that names the target: electron-builder packs each CPU on its own (the Macs' x64 and arm64
 * apps apart) and expands it to that CPU. A plain string, not a template: the macro is
 * electron-builder's.
 */
export const OTHER_ARCHES_PREBUILDS = `!${BETTER_SQLITE3_PREBUILDS}/*-!(\${arch}).node`

/** What goes into every build: the built app, and none of better-sqlite3's compile-time sources. */
export const APP_FILES = [
  'out/**/*',
  'package.json',
  '!node_modules/better-sqlite3/{deps,src}{,/**/*}',
  '!node_modules/better-sqlite3/binding.gyp',
  // C++ headers better-sqlite3 compiles against; nothing requires them at run time.
  '!node_modules/node-addon-api{,/**/*}',
]

/**
 * The whole file list of one OS. Only per OS, never also at the top level: electron-builder turns a
 * top-level `files` into a file set of its own, and an OS's exclusion-only `files` beside it then
 * becomes a matcher of nothing but exclusions, which it completes with "everything": the whole
 * project would ship.
 */
export function filesFor(os: BuilderOs): string[] {
  return [...APP_FILES, ...otherPlatformsPrebuilds(os), OTHER_ARCHES_PREBUILDS]
}

type Env = Readonly<Record<string, string | undefined>>

/** The three ways @electron/notarize can sign in, each a set of variables that must all be set. */
export const NOTARIZE_CREDENTIALS = [
  ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'],
] as const

/**
 * Notarize only when one full set of Apple credentials is in the environment. Saying `false`
 * otherwise makes an unsigned local build log "skipped" instead of failing half-way.
 */
export function notarizeFromEnv(env: Env): boolean {
  return NOTARIZE_CREDENTIALS.some((names) => names.every((name) => (env[name]?.trim() ?? '') !== ''))
}

/** `os`'s targets as fresh objects: electron-builder normalizes parts of its config in place. */
function targetsFor(os: BuilderOs) {
  return TARGETS[os].map(({ target, arch }) => ({ target, arch: [...arch] }))
}

export function builderConfig(env: Env = process.env): Configuration {
  return {
    appId: 'com.tillwise.pos',
    productName: 'Tillwise POS',
    copyright: 'Copyright © Tillwise POS',
    directories: { buildResources: 'resources', output: 'dist' },
    artifactName: 'Tillwise-POS-${version}-${arch}.${ext}',
    asarUnpack: [...ASAR_UNPACK],
    // Only the native binaries (ASAR_UNPACK) leave the archive. electron-builder's default would move
    // every package holding a binary out whole, better-sqlite3's JavaScript with it, and files beside
    // the archive are not covered by its integrity check: anyone could change them and run code in
    // the main process.
    asar: { smartUnpack: false },
    // better-sqlite3's prebuilds are N-API, which Electron loads as they are: nothing to compile.
    npmRebuild: false,
    electronFuses: {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The window loads app://pos/, never file://.
      grantFileProtocolExtraPrivileges: false,
      // Flipping fuses breaks Electron's own ad-hoc signature, and Apple silicon refuses to launch an
      // app whose signature is broken: re-sign ad hoc, so a build made without a certificate still
      // starts. A real certificate signs over it right after.
      resetAdHocDarwinSignature: true,
    },
    // A draft release: the artifacts of all three runners land in it and a person publishes it.
    publish: [{ provider: 'github', releaseType: 'draft' }],
    mac: {
      target: targetsFor('mac'),
      icon: 'icon.png',
      category: 'public.app-category.business',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      notarize: notarizeFromEnv(env),
      files: filesFor('mac'),
    },
    win: {
      target: targetsFor('win'),
      icon: 'icon-256.png',
      files: filesFor('win'),
    },
    nsis: {
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowToChangeInstallationDirectory: true,
      // The shop's sales, backups and audit trail live in the data folder: uninstalling never touches it.
      deleteAppDataOnUninstall: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: 'Tillwise POS',
      artifactName: 'Tillwise-POS-Setup-${version}.${ext}',
    },
    linux: {
      target: targetsFor('linux'),
      icon: 'icon.png',
      category: 'Office',
      synopsis: 'Point of sale for small shops',
      maintainer: 'Tillwise POS',
      files: filesFor('linux'),
    },
  }
}

export default builderConfig()
