import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_TOKEN_BALANCE_CENTS } from '#shared/contract/tokens'
import type { BackendClient } from '#core/backend'
import { checkBooks, snapshotBooks, type BooksSnapshot } from '#core/testing/invariants'
import { auditOf } from '#core/testing/audit-trail'
import { expectError, ok, openTestStore, readState, signedInClient, TOKENS, withRawDb, type TestStore } from '#core/testing/test-store'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

let store: TestStore
let manager: BackendClient
let cashier: BackendClient
let initial: BooksSnapshot

beforeEach(async () => {
  store = await openTestStore()
  initial = withRawDb(store.dbPath, snapshotBooks)
  manager = await signedInClient(store.backend, 'manager')
  cashier = await signedInClient(store.backend, 'cashier')
})

afterEach(async () => {
  await store.cleanup()
})

/** Every row a token change could write, read through a second connection. */
function tokenTables() {
  return withRawDb(store.dbPath, (db) => ({
    tokens: db.prepare('select * from token order by id').all(),
    ledger: db.prepare('select * from token_ledger_entry order by id').all(),
    audit: db.prepare('select count(*) as n from audit_entry').get(),
  }))
}

async function payByToken(client: BackendClient, token: string) {
  const { totalCents } = ok(await client.invoke('cart:add', { productId: 1, quantity: 1 }))
  return client.invoke('checkout:pay', {
    idempotencyKey: randomUUID(),
    expectedTotalCents: totalCents,
    payment: { method: 'token', token },
  })
}

describe('tokens:issue', () => {
  it('makes a lower-case v4 UUID with its opening balance as the first ledger row, named after the manager, and audits it', async () => {
    const token = ok(
      await manager.invoke('tokens:issue', {
        balanceCents: 250_000,
        expiresOn: '2026-12-31',
        holderName: ' Sita Rai ',
        note: 'Dashain gift',
      }),
    )
    expect(token).toMatchObject({
      balanceCents: 250_000,
      expiresOn: '2026-12-31',
      holderName: 'Sita Rai',
      note: 'Dashain gift',
      active: true,
      expired: false,
      createdAt: store.clock.now.toISOString(),
    })
    expect(token.code).toMatch(UUID_V4)
    const again = ok(await manager.invoke('tokens:issue', { balanceCents: 100, expiresOn: '2026-12-31' }))
    expect(again.code).not.toBe(token.code)
    expect(again).toMatchObject({ holderName: null, note: null })

    const got = ok(await manager.invoke('tokens:get', { code: token.code }))
    expect(got.ledger).toEqual([
      {
        id: expect.any(Number),
        deltaCents: 250_000,
        balanceAfterCents: 250_000,
        reason: 'issue',
        note: 'Dashain gift',
        by: 'Maya Manager',
        invoiceNumber: null,
        at: store.clock.now.toISOString(),
      },
    ])
    expect(auditOf(store.dbPath, 'token.issued')[0]).toEqual({
      actor_name: 'Maya Manager',
      subject: `token …${token.code.slice(-4)}`,
      details: { tokenId: token.id, amountCents: 250_000, balanceCents: 250_000 },
    })
    // The code itself never goes into the audit trail: it is what pays.
    expect(JSON.stringify(auditOf(store.dbPath, 'token.issued'))).not.toContain(token.code)
  })

  it('takes today as the last day, in the store’s time zone, and refuses yesterday with nothing written', async () => {
    // 20:00 UTC on the 15th is already the 16th in Kathmandu (+05:45).
    store.clock.now = new Date('2026-03-15T20:00:00Z')
    manager = await signedInClient(store.backend, 'manager')
    const before = tokenTables()
    const refused = await manager.invoke('tokens:issue', { balanceCents: 1_000, expiresOn: '2026-03-15' })
    expectError(refused, 'VALIDATION_FAILED')
    expect(refused.ok || refused.error.params).toEqual({ rule: 'pastDate', field: 'expiresOn' })
    expect(tokenTables()).toEqual(before)

    const today = ok(await manager.invoke('tokens:issue', { balanceCents: 1_000, expiresOn: '2026-03-16' }))
    expect(today.expired).toBe(false)
  })

  it('counts the days in the time zone the store is set to, not the machine’s', async () => {
    withRawDb(store.dbPath, (db) =>
      db.prepare("insert or replace into setting (key, value) values ('timeZone', 'Pacific/Kiritimati')").run(),
    )
    await store.reopen()
    // 10:00 UTC on the 15th is midnight of the 16th on Kiritimati (+14:00).
    store.clock.now = new Date('2026-03-15T10:00:00Z')
    manager = await signedInClient(store.backend, 'manager')
    expectError(await manager.invoke('tokens:issue', { balanceCents: 1_000, expiresOn: '2026-03-15' }), 'VALIDATION_FAILED')
    const token = ok(await manager.invoke('tokens:issue', { balanceCents: 1_000, expiresOn: '2026-03-16' }))
    store.clock.now = new Date('2026-03-16T10:00:00Z')
    cashier = await signedInClient(store.backend, 'cashier')
    expect(ok(await cashier.invoke('tokens:balance', { code: token.code })).expired).toBe(true)
    expectError(await payByToken(cashier, token.code), 'TOKEN_EXPIRED')
  })
})

describe('tokens:topUp', () => {
  it('adds to the balance with a ledger row and an audit row, whatever case and spaces the code is typed in', async () => {
    const typed = ` ${TOKENS.poor.toUpperCase()} `
    const token = ok(await manager.invoke('tokens:topUp', { code: typed, amountCents: 9_500, note: 'cash at the counter' }))
    expect(token).toMatchObject({ code: TOKENS.poor, balanceCents: 10_000 })
    const [newest] = ok(await manager.invoke('tokens:get', { code: TOKENS.poor })).ledger
    expect(newest).toMatchObject({
      deltaCents: 9_500,
      balanceAfterCents: 10_000,
      reason: 'topUp',
      note: 'cash at the counter',
      by: 'Maya Manager',
    })
    expect(auditOf(store.dbPath, 'token.toppedUp')).toEqual([
      {
        actor_name: 'Maya Manager',
        subject: 'token …2222',
        details: { tokenId: token.id, amountCents: 9_500, balanceCents: 10_000 },
      },
    ])
    expect(withRawDb(store.dbPath, (db) => checkBooks(db, initial))).toEqual([])
  })

  it('refuses to take a balance past the maximum, and changes nothing', async () => {
    const before = tokenTables()
    const refused = await manager.invoke('tokens:topUp', { code: TOKENS.rich, amountCents: MAX_TOKEN_BALANCE_CENTS - 1_000_000 + 1 })
    expectError(refused, 'VALIDATION_FAILED')
    expect(refused.ok || refused.error.params).toEqual({ rule: 'maxBalance', field: 'amountCents', max: MAX_TOKEN_BALANCE_CENTS })
    expect(tokenTables()).toEqual(before)
    // Exactly the maximum is fine.
    const full = ok(await manager.invoke('tokens:topUp', { code: TOKENS.rich, amountCents: MAX_TOKEN_BALANCE_CENTS - 1_000_000 }))
    expect(full.balanceCents).toBe(MAX_TOKEN_BALANCE_CENTS)
  })

  it.each([
    ['tokens:topUp', { amountCents: 100 }],
    ['tokens:update', { active: false }],
    ['tokens:get', {}],
  ] as const)('%s answers NOT_FOUND for an unknown code, and changes nothing', async (channel, input) => {
    const before = tokenTables()
    const reply = await manager.invokeUnknown(channel, { code: ' 99999999-9999-4999-8999-999999999999 ', ...input })
    expectError(reply, 'NOT_FOUND', "No token with code '99999999-9999-4999-8999-999999999999'.")
    expect(reply.ok || reply.error.params).toEqual({ what: 'token', code: '99999999-9999-4999-8999-999999999999' })
    expect(tokenTables()).toEqual(before)
  })

  it('is for managers: a cashier is refused and nothing changes', async () => {
    const before = tokenTables()
    expectError(await cashier.invoke('tokens:topUp', { code: TOKENS.poor, amountCents: 100 }), 'FORBIDDEN')
    expectError(await cashier.invoke('tokens:issue', { balanceCents: 100, expiresOn: '2026-12-31' }), 'FORBIDDEN')
    expect(tokenTables()).toEqual(before)
  })
})

describe('tokens:update', () => {
  it('changes expiry, holder and the switch, with one audit row naming what changed', async () => {
    const updated = ok(
      await manager.invoke('tokens:update', { code: TOKENS.poor, expiresOn: '2027-01-31', holderName: 'Hari', active: false }),
    )
    expect(updated).toMatchObject({ expiresOn: '2027-01-31', holderName: 'Hari', active: false, expired: false })
    expect(auditOf(store.dbPath, 'token.updated')).toEqual([
      {
        actor_name: 'Maya Manager',
        subject: 'token …2222',
        details: {
          tokenId: updated.id,
          expiresOnBefore: '2099-12-31',
          expiresOn: '2027-01-31',
          holderNameBefore: null,
          holderName: 'Hari',
          active: false,
        },
      },
    ])
    const cleared = ok(await manager.invoke('tokens:update', { code: TOKENS.poor, holderName: null, active: true }))
    expect(cleared).toMatchObject({ holderName: null, active: true })
    expect(auditOf(store.dbPath, 'token.updated')[1]?.details).toEqual({
      tokenId: updated.id,
      holderNameBefore: 'Hari',
      holderName: null,
      active: true,
    })
    // No ledger row: the balance did not change.
    expect(ok(await manager.invoke('tokens:get', { code: TOKENS.poor })).ledger).toHaveLength(1)
  })

  it('writes nothing when nothing changes, an unchanged past expiry included', async () => {
    const before = tokenTables()
    const same = ok(await manager.invoke('tokens:update', { code: TOKENS.expired, expiresOn: '2020-01-01', active: true }))
    expect(same).toMatchObject({ expiresOn: '2020-01-01', active: true, expired: true })
    expect(tokenTables()).toEqual(before)
  })

  it('refuses a new expiry in the past, and changes nothing (not even the other fields)', async () => {
    const before = tokenTables()
    const refused = await manager.invoke('tokens:update', {
      code: TOKENS.rich,
      expiresOn: '2026-03-14',
      holderName: 'Nobody',
      active: false,
    })
    expectError(refused, 'VALIDATION_FAILED')
    expect(refused.ok || refused.error.params).toEqual({ rule: 'pastDate', field: 'expiresOn' })
    expect(tokenTables()).toEqual(before)
    // An expired token comes back into use with a new date from today on.
    expect(ok(await manager.invoke('tokens:update', { code: TOKENS.expired, expiresOn: '2026-03-15' })).expired).toBe(false)
  })
})

describe('tokens:list', () => {
  beforeEach(async () => {
    // Loaded 10 000, 1 000 left: not under a tenth. Loaded 10 000, 999 left: low.
    const spent = ok(await manager.invoke('tokens:issue', { balanceCents: 10_000, expiresOn: '2026-06-30', holderName: 'Ram Thapa' }))
    withRawDb(store.dbPath, (db) => db.prepare('update token set balance_cents = 1000 where id = ?').run(spent.id))
    withRawDb(store.dbPath, (db) =>
      db
        .prepare(
          `insert into token_ledger_entry (uid, till_id, token_id, delta_cents, balance_after_cents, reason, at)
           values (lower(hex(randomblob(16))), (select value from setting where key = 'tillId'), ?, -9000, 1000, 'adjust', 'x')`,
        )
        .run(spent.id),
    )
    const low = ok(await manager.invoke('tokens:issue', { balanceCents: 9_999, expiresOn: '2026-06-30', holderName: 'Gita Thapa 100%' }))
    ok(await manager.invoke('tokens:topUp', { code: low.code, amountCents: 1 }))
    withRawDb(store.dbPath, (db) => db.prepare('update token set balance_cents = 999 where id = ?').run(low.id))
    ok(await manager.invoke('tokens:update', { code: TOKENS.poor, active: false }))
  })

  const codesOf = async (input: Parameters<BackendClient['invoke']>[1]) => {
    const page = ok(await manager.invokeUnknown('tokens:list', input)) as {
      items: { code: string; holderName: string | null }[]
      total: number
    }
    return { total: page.total, holders: page.items.map((item) => item.holderName ?? item.code.slice(0, 4)) }
  }

  it('filters by status, newest first, each status a part of all', async () => {
    expect(await codesOf({})).toEqual({ total: 5, holders: ['Gita Thapa 100%', 'Ram Thapa', '3333', '2222', '1111'] })
    expect(await codesOf({ status: 'active' })).toEqual({ total: 3, holders: ['Gita Thapa 100%', 'Ram Thapa', '1111'] })
    expect(await codesOf({ status: 'expired' })).toEqual({ total: 1, holders: ['3333'] })
    expect(await codesOf({ status: 'inactive' })).toEqual({ total: 1, holders: ['2222'] })
    expect(await codesOf({ status: 'lowBalance' })).toEqual({ total: 1, holders: ['Gita Thapa 100%'] })
  })

  it('finds part of a code or of a holder’s name in any case, takes LIKE wildcards literally, and pages in SQL', async () => {
    expect(await codesOf({ query: 'THAPA' })).toEqual({ total: 2, holders: ['Gita Thapa 100%', 'Ram Thapa'] })
    expect(await codesOf({ query: '2222-4222' })).toEqual({ total: 1, holders: ['2222'] })
    expect(await codesOf({ query: '2222-4222'.toUpperCase(), status: 'inactive' })).toEqual({ total: 1, holders: ['2222'] })
    expect(await codesOf({ query: '2222-4222', status: 'active' })).toEqual({ total: 0, holders: [] })
    expect(await codesOf({ query: '0%' })).toEqual({ total: 1, holders: ['Gita Thapa 100%'] })
    expect(await codesOf({ query: '_' })).toEqual({ total: 0, holders: [] })
    expect(await codesOf({ limit: 2, offset: 1 })).toEqual({ total: 5, holders: ['Ram Thapa', '3333'] })
    expect(await codesOf({ limit: 2, offset: 10 })).toEqual({ total: 5, holders: [] })
  })
})

describe('tokens:get', () => {
  it('shows the whole ledger newest first: the sale with its invoice and cashier, the top-up with its manager', async () => {
    ok(await manager.invoke('tokens:topUp', { code: TOKENS.rich, amountCents: 1_000 }))
    store.clock.now = new Date(store.clock.now.getTime() + 60_000)
    const sale = ok(await payByToken(cashier, TOKENS.rich))
    const { ledger, balanceCents } = ok(await manager.invoke('tokens:get', { code: TOKENS.rich.toUpperCase() }))
    expect(
      ledger.map(({ reason, deltaCents, balanceAfterCents, by, invoiceNumber }) => ({
        reason,
        deltaCents,
        balanceAfterCents,
        by,
        invoiceNumber,
      })),
    ).toEqual([
      { reason: 'sale', deltaCents: -5_500, balanceAfterCents: 995_500, by: 'Kiran Cashier', invoiceNumber: sale.invoice.number },
      { reason: 'topUp', deltaCents: 1_000, balanceAfterCents: 1_001_000, by: 'Maya Manager', invoiceNumber: null },
      { reason: 'issue', deltaCents: 1_000_000, balanceAfterCents: 1_000_000, by: null, invoiceNumber: null },
    ])
    expect(balanceCents).toBe(995_500)
  })
})

describe('tokens:balance', () => {
  it('tells the till a token’s balance and state, for any signed-in user', async () => {
    expect(ok(await cashier.invoke('tokens:balance', { code: ` ${TOKENS.rich.toUpperCase()}` }))).toEqual({
      balanceCents: 1_000_000,
      expiresOn: '2099-12-31',
      active: true,
      expired: false,
    })
    expect(ok(await cashier.invoke('tokens:balance', { code: TOKENS.expired }))).toMatchObject({ expired: true, active: true })
    ok(await manager.invoke('tokens:update', { code: TOKENS.poor, active: false }))
    expect(ok(await cashier.invoke('tokens:balance', { code: TOKENS.poor }))).toMatchObject({ balanceCents: 500, active: false })
  })

  it('answers INVALID_TOKEN for an unknown code, with the code as typed', async () => {
    const reply = await cashier.invoke('tokens:balance', { code: ' Nope-123 ' })
    expectError(reply, 'INVALID_TOKEN', "Invalid token 'Nope-123'")
    expect(reply.ok || reply.error.params).toEqual({ token: 'Nope-123' })
  })
})

describe('at checkout', () => {
  it('refuses a deactivated token exactly like an unknown one, and changes nothing', async () => {
    ok(await manager.invoke('tokens:update', { code: TOKENS.rich, active: false }))
    const { totalCents } = ok(await cashier.invoke('cart:add', { productId: 1, quantity: 1 }))
    const before = readState(store.dbPath)
    const cart = ok(await cashier.invoke('cart:get', {}))
    const typed = ` ${TOKENS.rich.toUpperCase()} `
    const refused = await cashier.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: totalCents,
      payment: { method: 'token', token: typed },
    })
    const unknown = await cashier.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: totalCents,
      payment: { method: 'token', token: ' 99999999-9999-4999-8999-999999999999 ' },
    })
    expectError(refused, 'INVALID_TOKEN', `Invalid token '${TOKENS.rich.toUpperCase()}'`)
    expect(refused.ok || refused.error.params).toEqual({ token: TOKENS.rich.toUpperCase() })
    expect(unknown.ok || { code: unknown.error.code, params: Object.keys(unknown.error.params ?? {}) }).toEqual({
      code: refused.ok || refused.error.code,
      params: ['token'],
    })
    expect(readState(store.dbPath)).toEqual(before)
    expect(ok(await cashier.invoke('cart:get', {}))).toEqual(cart)
  })

  it('takes a reactivated token again', async () => {
    ok(await manager.invoke('tokens:update', { code: TOKENS.rich, active: false }))
    ok(await manager.invoke('tokens:update', { code: TOKENS.rich, active: true }))
    const paid = ok(await payByToken(cashier, TOKENS.rich))
    expect(paid).toMatchObject({ method: 'token', tokenBalanceCents: 1_000_000 - 5_500 })
  })

  it('keeps every ledger summing to its token’s balance, step by step, through issues, top-ups and sales', async () => {
    const issued = ok(await manager.invoke('tokens:issue', { balanceCents: 20_000, expiresOn: '2026-12-31' }))
    for (const code of [issued.code, TOKENS.poor, issued.code]) ok(await manager.invoke('tokens:topUp', { code, amountCents: 6_000 }))
    for (const code of [issued.code, TOKENS.poor, TOKENS.rich, issued.code]) ok(await payByToken(cashier, code))
    expect(withRawDb(store.dbPath, (db) => checkBooks(db, initial))).toEqual([])
    const sums = withRawDb(store.dbPath, (db) =>
      db
        .prepare(
          'select t.balance_cents as balance, sum(e.delta_cents) as ledger from token t join token_ledger_entry e on e.token_id = t.id group by t.id',
        )
        .all(),
    ) as { balance: number; ledger: number }[]
    expect(sums).toHaveLength(4)
    for (const { balance, ledger } of sums) expect(ledger).toBe(balance)
    expect(ok(await manager.invoke('tokens:get', { code: issued.code })).balanceCents).toBe(20_000 + 12_000 - 11_000)

    // A ledger row whose "balance after" does not follow from the rows before it is caught.
    const broken = withRawDb(store.dbPath, (db) => {
      db.exec('begin')
      try {
        db.prepare(
          "update token_ledger_entry set balance_after_cents = balance_after_cents + 1 where reason = 'topUp' and token_id = ?",
        ).run(issued.id)
        return checkBooks(db, initial).map(({ rule }) => rule)
      } finally {
        db.exec('rollback')
      }
    })
    expect(broken).toEqual(['token-ledger', 'token-ledger'])
  })
})
