/**
 * A stand-in for Electron's Linux runtime, for packing the app where the real one cannot be fetched.
 *
 * electron-builder copies the folder it is given (`electronDist`) as the app's runtime, renames its
 * `electron` executable after the app and flips the fuses in it. Those steps only need the fuse wire
 * that a real Electron binary carries: the sentinel @electron/fuses looks for, the wire's version and
 * length, then one byte per fuse. The stand-in is a shell script that carries the same wire, with the
 * states a real Electron ships with, so a pack over it shows which fuses the build flips. Run, it only
 * says what it is.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FuseV1Options, FuseVersion } from '@electron/fuses'

/** What @electron/fuses searches a binary for; the wire starts right after it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/** A fuse's byte in the wire: ASCII '1' when it is on, '0' when it is off. */
export const FUSE_ON = 0x31
export const FUSE_OFF = 0x30
type FuseByte = typeof FUSE_ON | typeof FUSE_OFF

/** Each fuse as an Electron binary ships it, before any build flips one (Electron's fuses documentation). */
export const ELECTRON_DEFAULT_FUSES: Readonly<Record<FuseV1Options, FuseByte>> = {
  [FuseV1Options.RunAsNode]: FUSE_ON,
  [FuseV1Options.EnableCookieEncryption]: FUSE_OFF,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FUSE_ON,
  [FuseV1Options.EnableNodeCliInspectArguments]: FUSE_ON,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FUSE_OFF,
  [FuseV1Options.OnlyLoadAppFromAsar]: FUSE_OFF,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FUSE_OFF,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: FUSE_ON,
}

const FUSE_COUNT = Object.keys(ELECTRON_DEFAULT_FUSES).length

/** The bytes of the stand-in executable: a script that refuses to run, then the fuse wire. */
export function standInExecutable(): Buffer {
  const script = Buffer.from(
    '#!/bin/sh\necho "This is a stand-in for the Electron runtime, used to test packaging; it cannot run the app." >&2\nexit 1\n# ',
    'latin1',
  )
  const wire = [
    Number(FuseVersion.V1),
    FUSE_COUNT,
    ...Array.from({ length: FUSE_COUNT }, (_, index) => ELECTRON_DEFAULT_FUSES[index as FuseV1Options]),
  ]
  return Buffer.concat([script, Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from(wire), Buffer.from('\n', 'latin1')])
}

/**
 * Writes an Electron-for-Linux folder (`electron`, `LICENSE`, `version`) into `dir` and answers its
 * path, for electron-builder's `electronDist`.
 */
export function writeElectronStandIn(dir: string, version: string): string {
  mkdirSync(dir, { recursive: true })
  const executable = join(dir, 'electron')
  writeFileSync(executable, standInExecutable())
  chmodSync(executable, 0o755)
  writeFileSync(join(dir, 'LICENSE'), 'A stand-in for the Electron runtime, for packaging tests only.\n')
  writeFileSync(join(dir, 'version'), `${version}\n`)
  return dir
}
