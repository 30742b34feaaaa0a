import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '#core/backend'
import { checkBooks, snapshotBooks } from '#core/testing/invariants'
import { TEST_PASSWORD_COST, TOKENS, withRawDb } from '#core/testing/test-store'
import { startWorker, type WorkerProcess } from '#core/testing/workers/worker-process'

const WORKER = new URL('../../src/core/testing/workers/racing-till.worker.ts', import.meta.url)
/** Basmati Rice 5kg in the demo store: 1,350.00, 30 in stock. */
const SKU = 'DEMO-008'
const ATTEMPTS_PER_TILL = 10

let dir: string
let dbPath: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-race-'))
  dbPath = join(dir, 'tillwise.sqlite')
  await (await openBackend({ dbPath, seed: 'demo', passwordCost: TEST_PASSWORD_COST })).close()
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('the token debit', () => {
  it('never overdraws a token when two processes pay with it at the same time', async () => {
    const initial = withRawDb(dbPath, snapshotBooks)
    const { price, stock } = withRawDb(
      dbPath,
      (db) => db.prepare('select price_cents as price, stock from product where sku = ?').get(SKU) as { price: number; stock: number },
    )
    const balance = initial.tokens[TOKENS.rich]!
    const affordable = Math.floor(balance / price)
    // The race must be for the money: more attempts than the balance covers, fewer than the shelf holds.
    expect(2 * ATTEMPTS_PER_TILL).toBeGreaterThan(affordable)
    expect(stock).toBeGreaterThanOrEqual(2 * ATTEMPTS_PER_TILL)

    // Two tills in two processes on one file, each with its own connection and its own queue:
    // only SQLite stands between them.
    const tills: WorkerProcess[] = ['cashier', 'manager'].map((username) =>
      startWorker(WORKER, [dbPath, username, SKU, TOKENS.rich, String(ATTEMPTS_PER_TILL)]),
    )
    try {
      for (const till of tills) await till.waitForLine((line) => line === 'ready')
      for (const till of tills) till.send('go')
      const exits = await Promise.all(tills.map((till) => till.exited))
      expect(exits, tills.map((till) => till.stderr()).join('\n')).toEqual([
        { code: 0, signal: null },
        { code: 0, signal: null },
      ])
    } finally {
      for (const till of tills) till.child.kill('SIGKILL')
    }

    const outcomes = tills.map((till) =>
      till.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { outcome: string; message?: string }),
    )
    const all = outcomes.flat()
    expect(all).toHaveLength(2 * ATTEMPTS_PER_TILL)
    // Every attempt either paid or was told the balance is short: none failed on a busy database.
    expect(all.filter(({ outcome }) => outcome !== 'ok' && outcome !== 'INSUFFICIENT_BALANCE')).toEqual([])
    expect(all.filter(({ outcome }) => outcome === 'ok')).toHaveLength(affordable)
    console.log(
      `token race: ${affordable} of ${all.length} payments went through ` +
        `(${outcomes.map((replies) => replies.filter(({ outcome }) => outcome === 'ok').length).join(' + ')})`,
    )

    withRawDb(dbPath, (db) => {
      const token = db
        .prepare(
          `select t.balance_cents as balance,
                  (select count(*) from token_ledger_entry e where e.token_id = t.id and e.reason = 'sale') as debits
             from token t where t.code = ?`,
        )
        .get(TOKENS.rich) as { balance: number; debits: number }
      expect(token).toEqual({ balance: balance - affordable * price, debits: affordable })
      expect(checkBooks(db, initial)).toEqual([])
    })
  })
})
