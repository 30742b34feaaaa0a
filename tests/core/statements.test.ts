import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Orm } from '#core/db/database'
import { isStatementSet, nativeDatabase, prepareAll, type StatementSet } from '#core/db/statements'

/**
 * Every named statement of every feature (lane C), prepared on a freshly migrated database: a typo,
 * a renamed column or a statement left behind by a migration fails here, not at a till. The sets
 * are found on disk, so a new `*.statements.ts` file is covered without edits here.
 */
const CORE = resolve(import.meta.dirname, '../../src/core')

function statementFiles(): string[] {
  return (readdirSync(CORE, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.statements.ts'))
    .map((file) => join(CORE, file))
    .sort()
}

let dir: string
let orm: Orm

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-statements-'))
  orm = await openDatabase(join(dir, 'tillwise.sqlite'))
})

afterAll(async () => {
  await orm.close(true)
  rmSync(dir, { recursive: true, force: true })
})

describe('the named statements', () => {
  it('are found in every feature that has them', () => {
    const features = statementFiles().map((file) => relative(CORE, file).split('/')[0])
    expect(features).toEqual(expect.arrayContaining(['cart', 'catalog', 'checkout', 'invoices']))
  })

  it('all prepare on a freshly migrated database', async () => {
    const db = await nativeDatabase(orm.em.fork())
    let prepared = 0
    for (const file of statementFiles()) {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>
      const sets = Object.entries(module).filter((entry): entry is [string, StatementSet] => isStatementSet(entry[1]))
      expect(sets.length, `${relative(CORE, file)} defines no statements`).toBeGreaterThan(0)
      for (const [name, set] of sets) {
        expect(() => prepareAll(db, set), `${relative(CORE, file)} › ${name}`).not.toThrow()
        prepared += Object.keys(set).length
      }
    }
    expect(prepared).toBeGreaterThan(20)
  })
})
