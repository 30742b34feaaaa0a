import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '#core/db/database'
import { withRawDb } from '#core/testing/test-store'

let dir: string
let dbPath: string

const USERS = 'select id, username, display_name, role, password_hash, active, created_at, pin_hash, last_sign_in_at from user order by id'

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-0019-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openDatabase(dbPath, { migrateTo: '0018-shifts-and-business-days' })).close(true)
  withRawDb(dbPath, (db) => {
    const insert = db.prepare(
      `insert into user (username, display_name, role, password_hash, active, created_at)
       values (?, ?, ?, 'scrypt$x', 1, '2026-01-01T00:00:00.000Z')`,
    )
    insert.run('olga', 'Olga', 'owner')
    insert.run('asha', 'Asha', 'cashier')
  })
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('migration 0019: a language per user', () => {
  it("gives every user the store's language (empty) and keeps everything else", async () => {
    const before = withRawDb(dbPath, (db) => db.prepare(USERS).all())
    await (await openDatabase(dbPath, { migrateTo: '0019-user-language' })).close(true)
    withRawDb(dbPath, (db) => {
      expect(db.prepare(USERS).all()).toEqual(before)
      expect(db.prepare('select language from user').all()).toEqual([{ language: null }, { language: null }])
    })
  })

  it('stores only a language the till speaks', async () => {
    await (await openDatabase(dbPath, { migrateTo: '0019-user-language' })).close(true)
    withRawDb(dbPath, (db) => {
      db.prepare("update user set language = 'ne' where username = 'asha'").run()
      expect(() => db.prepare("update user set language = 'fr' where username = 'olga'").run()).toThrow(/CHECK/)
      expect(db.prepare('select username, language from user order by id').all()).toEqual([
        { username: 'olga', language: null },
        { username: 'asha', language: 'ne' },
      ])
    })
  })
})
