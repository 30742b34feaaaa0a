import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AUDIT_KEY_FILE, loadOrCreateAuditKey, type SafeStorageLike } from './audit-key'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-audit-key-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A keychain stand-in (Electron's safeStorage cannot run here): reversible, and not plain text. */
function keychain(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from([...Buffer.from(text)].map((byte) => byte ^ 0x5a)),
    decryptString: (data) => {
      if (data[0] === 0) throw new Error('not ours')
      return Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString()
    },
  }
}

describe('the audit key', () => {
  it('is made once, kept encrypted in the data folder, and read back the same', () => {
    const first = loadOrCreateAuditKey(dir, keychain())
    expect(first).toMatchObject({ created: true })
    if (!first.key) throw new Error('expected a key')
    expect(first.key).toHaveLength(32)
    expect(readFileSync(join(dir, AUDIT_KEY_FILE)).toString()).not.toContain(first.key.toString('hex'))
    const again = loadOrCreateAuditKey(dir, keychain())
    expect(again).toMatchObject({ created: false })
    expect(again.key?.equals(first.key)).toBe(true)
  })

  it('is absent without a keychain, and never overwritten when it cannot be read', () => {
    expect(loadOrCreateAuditKey(dir, keychain(false))).toEqual({ key: null, reason: 'noKeychain' })
    writeFileSync(join(dir, AUDIT_KEY_FILE), Buffer.from([0, 1, 2]))
    expect(loadOrCreateAuditKey(dir, keychain())).toEqual({ key: null, reason: 'unreadable' })
    expect([...readFileSync(join(dir, AUDIT_KEY_FILE))]).toEqual([0, 1, 2])
  })
})
