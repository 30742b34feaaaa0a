/**
 * The key the audit trail is signed with, kept outside the database: generated once, stored in the
 * data folder encrypted by the system keychain (Electron's `safeStorage`), so someone who copies or
 * edits the database file cannot re-sign a rewritten trail. Where the keychain is not available
 * (some Linux desktops) there is no key and the trail is hash-chained and anchored only.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The parts of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

export const AUDIT_KEY_FILE = 'audit-key.bin'

export type AuditKeyOutcome = { key: Buffer; created: boolean } | { key: null; reason: 'noKeychain' | 'unreadable' }

export function loadOrCreateAuditKey(dataDir: string, safeStorage: SafeStorageLike): AuditKeyOutcome {
  if (!safeStorage.isEncryptionAvailable()) return { key: null, reason: 'noKeychain' }
  const path = join(dataDir, AUDIT_KEY_FILE)
  if (existsSync(path)) {
    try {
      return { key: Buffer.from(safeStorage.decryptString(readFileSync(path)), 'hex'), created: false }
    } catch {
      // Another user's keychain, or the file was damaged: never overwrite it, sign nothing.
      return { key: null, reason: 'unreadable' }
    }
  }
  const key = randomBytes(32)
  const partial = `${path}.partial`
  writeFileSync(partial, safeStorage.encryptString(key.toString('hex')))
  renameSync(partial, path)
  return { key, created: true }
}
