import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { withRawDb } from '#core/testing/test-store'

let dir: string
let dbPath: string

const USERS = 'select id, username, display_name, role, password_hash, active, created_at, recovery_hash from user order by id'

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0008-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: '0007-price-cap' })).close(true)
  withRawDb(dbPath, (db) => {
    const insert = db.prepare(
      `insert into user (username, display_name, role, password_hash, active, created_at, recovery_hash)
       values (?, ?, ?, 'scrypt$x', ?, '2026-01-01T00:00:00.000Z', ?)`,
    )
    insert.run('olga', 'Olga', 'owner', 1, 'scrypt$recovery')
    insert.run('asha', 'Asha', 'cashier', 1, null)
    insert.run('ram', 'Ram', 'manager', 0, null)
  })
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('migration 0008: staff PIN and last sign-in', () => {
  it('adds an empty PIN and last sign-in to every user and keeps everything else', async () => {
    const before = withRawDb(dbPath, (db) => db.prepare(USERS).all())
    await (await openDatabase(dbPath, { migrateTo: '0008-staff-pin-and-last-sign-in' })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare(USERS).all()).toEqual(before)
      const columns = db.prepare('select name, "notnull" as required from pragma_table_info(\'user\')').all()
      expect(columns).toContainEqual({ name: 'pin_hash', required: 0 })
      expect(columns).toContainEqual({ name: 'last_sign_in_at', required: 0 })
      expect(db.prepare('select count(*) as n from user where pin_hash is not null or last_sign_in_at is not null').get()).toEqual({ n: 0 })
    })
  })
})
