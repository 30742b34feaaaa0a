import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { withRawDb } from '#core/testing/test-store'

let dir: string
let dbPath: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0005-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: '0004-till-identity-and-owner' })).close(true)
  withRawDb(dbPath, (db) => {
    const insert = db.prepare(
      `insert into user (username, display_name, role, password_hash, created_at, failed_sign_ins, last_failed_sign_in_at, locked_at)
       values (?, ?, ?, 'x', '2026-01-01T00:00:00.000Z', ?, ?, ?)`,
    )
    insert.run('asha', 'Asha', 'cashier', 0, null, null)
    insert.run('kiran', 'Kiran', 'cashier', 3, '2026-03-15T09:00:00.000Z', null)
    insert.run('maya', 'Maya', 'manager', 10, '2026-03-15T09:30:00.000Z', '2026-03-15T09:30:00.000Z')
  })
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('migration 0005: the sign-in guard', () => {
  it('moves every failure count and lock from user to sign_in_guard, and keeps the users', async () => {
    const usersBefore = withRawDb(dbPath, (db) =>
      db.prepare('select id, username, display_name, role, password_hash from user order by id').all(),
    )
    await (await openDatabase(dbPath, { migrateTo: '0005-sign-in-guard' })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare('select id, username, display_name, role, password_hash from user order by id').all()).toEqual(usersBefore)
      expect(db.prepare('select name, failures, last_failed_at, locked_at, locks, refused from sign_in_guard order by name').all()).toEqual(
        [
          { name: 'kiran', failures: 3, last_failed_at: '2026-03-15T09:00:00.000Z', locked_at: null, locks: 0, refused: 0 },
          {
            name: 'maya',
            failures: 10,
            last_failed_at: '2026-03-15T09:30:00.000Z',
            locked_at: '2026-03-15T09:30:00.000Z',
            locks: 1,
            refused: 0,
          },
        ],
      )
      const columns = (db.prepare("select name from pragma_table_info('user')").pluck().all() as string[]).sort()
      expect(columns).toContain('recovery_hash')
      for (const gone of ['failed_sign_ins', 'last_failed_sign_in_at', 'locked_at']) expect(columns).not.toContain(gone)
      expect(db.prepare('select count(*) from user where recovery_hash is not null').pluck().get()).toBe(0)
    })
  })
})
