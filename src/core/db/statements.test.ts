import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { directContext } from '#core/testing/db-context'
import { openDatabase, type Orm } from './database'
import { Setting } from './entities'
import { bindStatements, defineStatements, isStatementSet, nativeDatabase, rowOf } from './statements'
import { read, write, writeStatements } from './tx'

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

const SETTINGS_SQL = defineStatements({
  count: { sql: 'select count(*) from setting where key = ?', mode: 'value', row: rowOf<number>() },
  all: {
    sql: "select key, value from setting where key like 'store.%' order by key",
    mode: 'all',
    row: rowOf<{ key: string; value: string }>(),
  },
  one: { sql: 'select key, value from setting where key = ?', mode: 'get', row: rowOf<{ key: string; value: string }>() },
  keys: { sql: "select key from setting where key like 'store.%' order by key", mode: 'values', row: rowOf<string>() },
  put: { sql: 'insert into setting (key, value) values (?, ?)', mode: 'run' },
})

describe('named statements on the ORM connection', () => {
  it('are prepared once per connection, answer in their fixed mode and run with bound values', async () => {
    const db = await nativeDatabase(orm.em.fork())
    const sql = bindStatements(db, SETTINGS_SQL)
    expect(bindStatements(db, SETTINGS_SQL)).toBe(sql)
    expect(isStatementSet(SETTINGS_SQL)).toBe(true)
    expect(isStatementSet({ ...SETTINGS_SQL })).toBe(false)
    expect(sql.put('store.name', 'Corner shop').changes).toBe(1)
    expect(sql.count('store.name')).toBe(1)
    expect(sql.count("store.name' or 1=1 --")).toBe(0)
    expect(sql.one('store.name')).toEqual({ key: 'store.name', value: 'Corner shop' })
    expect(sql.one('nothing')).toBeUndefined()
    expect(sql.all()).toEqual([{ key: 'store.name', value: 'Corner shop' }])
    expect(sql.keys()).toEqual(['store.name'])

    const otherDir = mkdtempSync(join(tmpdir(), 'tillwise-prepared-other-'))
    const other = await openDatabase(join(otherDir, 'tillwise.sqlite'))
    try {
      const otherDb = await nativeDatabase(other.em.fork())
      expect(otherDb).not.toBe(db)
      const otherSql = bindStatements(otherDb, SETTINGS_SQL)
      expect(otherSql).not.toBe(sql)
      expect(otherSql.count('store.name')).toBe(0)
    } finally {
      await other.close(true)
      rmSync(otherDir, { recursive: true, force: true })
    }
  })

  it('share the write door transaction with the ORM: they see its writes and roll back with it', async () => {
    const ctx = directContext(orm)
    const failure = new Error('refused on purpose')
    let seenInside: unknown
    await expect(
      write(ctx, SETTINGS_SQL, async (tx) => {
        tx.em.create(Setting, { key: 'store.name', value: 'Corner shop' })
        await tx.em.flush()
        seenInside = tx.sql.count('store.name')
        tx.sql.put('store.currency', 'NPR')
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(seenInside).toBe(1)
    expect(await read(ctx, SETTINGS_SQL, ({ sql }) => [sql.count('store.name'), sql.count('store.currency')])).toEqual([0, 0])
  })

  it('commit with the ORM unit of work and the kysely lane of the same transaction', async () => {
    const ctx = directContext(orm)
    await write(ctx, SETTINGS_SQL, async (tx) => {
      tx.sql.put('store.name', 'Corner shop')
      tx.em.create(Setting, { key: 'store.currency', value: 'NPR' })
      await tx.kysely.insertInto('setting').values({ key: 'store.locale', value: 'en-IN' }).execute()
    })
    expect(await read(ctx, SETTINGS_SQL, ({ sql }) => sql.keys())).toEqual(['store.currency', 'store.locale', 'store.name'])
  })

  it('run alone in one synchronous IMMEDIATE transaction through writeStatements, all or nothing', async () => {
    const ctx = directContext(orm)
    const failure = new Error('refused on purpose')
    await expect(
      writeStatements(ctx, SETTINGS_SQL, (tx) => {
        tx.sql.put('store.name', 'Corner shop')
        tx.audit({ action: 'cart.cleared', actor: null })
        throw failure
      }),
    ).rejects.toBe(failure)
    const audited = () => read(ctx, ({ kysely }) => kysely.selectFrom('audit_entry').select('id').execute())
    expect(await read(ctx, SETTINGS_SQL, ({ sql }) => sql.keys())).toEqual([])
    expect(await audited()).toEqual([])

    expect(await writeStatements(ctx, SETTINGS_SQL, (tx) => tx.sql.put('store.name', 'Corner shop').changes)).toBe(1)
    expect(await read(ctx, SETTINGS_SQL, ({ sql }) => sql.keys())).toEqual(['store.name'])
    // Work that awaits would run outside the transaction: refused, and what it wrote is rolled back.
    await expect(writeStatements(ctx, SETTINGS_SQL, async (tx) => tx.sql.put('store.currency', 'NPR'))).rejects.toThrow(/synchronous/)
    expect(await read(ctx, SETTINGS_SQL, ({ sql }) => sql.keys())).toEqual(['store.name'])
  })
})
