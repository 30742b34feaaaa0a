import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Orm } from './database'
import { Setting } from '#core/db/entities'

let dir: string
let orm: Orm
let other: Database.Database

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-immediate-'))
  const dbPath = join(dir, 'tillwise.sqlite')
  orm = await openDatabase(dbPath)
  // Another writer on the same file that refuses to wait, so "locked" shows at once.
  other = new Database(dbPath, { timeout: 0 })
})

afterEach(async () => {
  other.close()
  await orm.close(true)
  rmSync(dir, { recursive: true, force: true })
})

function otherCanWrite(): boolean {
  try {
    other.exec('begin immediate')
    other.exec('rollback')
    return true
  } catch (error) {
    expect((error as { code?: string }).code).toBe('SQLITE_BUSY')
    return false
  }
}

describe('transactions', () => {
  it('take the write lock when they begin, before their first write', async () => {
    expect(otherCanWrite()).toBe(true)
    const during = await orm.em.fork().transactional(async (em) => {
      // Only a read so far: a deferred BEGIN would not hold the write lock yet.
      await em.count(Setting, {})
      return otherCanWrite()
    })
    expect(during).toBe(false)
    expect(otherCanWrite()).toBe(true)
  })

  it('still nest with savepoints: an inner failure rolls back only the inner work', async () => {
    await orm.em.fork().transactional(async (em) => {
      em.create(Setting, { key: 'outer', value: '1' })
      await em.flush()
      await em
        .transactional(async (inner) => {
          inner.create(Setting, { key: 'inner', value: '1' })
          await inner.flush()
          throw new Error('inner work refused')
        })
        .catch(() => undefined)
    })
    const keys = (other.prepare('select key from setting order by key').all() as { key: string }[]).map(({ key }) => key)
    expect(keys).toContain('outer')
    expect(keys).not.toContain('inner')
  })

  it('leave the native better-sqlite3 handle reachable (backups use it)', async () => {
    const native = await orm.em.getConnection().getNativeClient()
    expect(native).toBeInstanceOf(Database)
    expect(native.pragma('journal_mode', { simple: true })).toBe('wal')
  })
})
