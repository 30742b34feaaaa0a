import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Orm } from './database'
import { Setting } from './entities'
import { nativeDatabase, prepared } from './prepared'

let dir: string
let orm: Orm

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-prepared-'))
  orm = await openDatabase(join(dir, 'tillwise.sqlite'))
})

afterEach(async () => {
  await orm.close(true)
  rmSync(dir, { recursive: true, force: true })
})

const COUNT = 'select count(*) from setting where key = ?'

describe('prepared statements on the ORM connection', () => {
  it('are compiled once per connection and run with bound values', async () => {
    const db = await nativeDatabase(orm.em.fork())
    const first = prepared(db, COUNT)
    expect(prepared(db, COUNT)).toBe(first)
    expect(prepared(db, 'select 1')).not.toBe(first)
    prepared(db, 'insert into setting (key, value) values (?, ?)').run('store.name', 'Corner shop')
    expect(prepared(db, COUNT).pluck().get('store.name')).toBe(1)
    expect(prepared(db, COUNT).pluck().get("store.name' or 1=1 --")).toBe(0)

    const otherDir = mkdtempSync(join(tmpdir(), 'tillwise-prepared-other-'))
    const other = await openDatabase(join(otherDir, 'tillwise.sqlite'))
    try {
      const otherDb = await nativeDatabase(other.em.fork())
      expect(otherDb).not.toBe(db)
      expect(prepared(otherDb, COUNT)).not.toBe(first)
      expect(prepared(otherDb, COUNT).pluck().get('store.name')).toBe(0)
    } finally {
      await other.close(true)
      rmSync(otherDir, { recursive: true, force: true })
    }
  })

  it('share the ORM transaction: they see its writes and roll back with it', async () => {
    const failure = new Error('refused on purpose')
    let seenInside: unknown
    await expect(
      orm.em.fork().transactional(async (tx) => {
        tx.create(Setting, { key: 'store.name', value: 'Corner shop' })
        await tx.flush()
        const db = await nativeDatabase(tx)
        seenInside = prepared(db, COUNT).pluck().get('store.name')
        prepared(db, 'insert into setting (key, value) values (?, ?)').run('store.currency', 'NPR')
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(seenInside).toBe(1)
    const db = await nativeDatabase(orm.em.fork())
    expect(prepared(db, COUNT).pluck().get('store.name')).toBe(0)
    expect(prepared(db, COUNT).pluck().get('store.currency')).toBe(0)
  })

  it('nest inside an ORM transaction as a savepoint, committing with it', async () => {
    await orm.em.fork().transactional(async (tx) => {
      const db = await nativeDatabase(tx)
      db.transaction(() => prepared(db, 'insert into setting (key, value) values (?, ?)').run('store.name', 'Corner shop')).immediate()
      tx.create(Setting, { key: 'store.currency', value: 'NPR' })
    })
    const db = await nativeDatabase(orm.em.fork())
    expect(prepared(db, 'select count(*) from setting').pluck().get()).toBe(2)
  })
})
