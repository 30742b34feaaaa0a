import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { auditRows } from '#core/testing/audit-trail'
import { expectError, ok, openTestStore, productBySku, signedInClient, TOKENS, withRawDb, type TestStore } from '#core/testing/test-store'
import { storeSettings } from '#shared/testing/settings.fixture'
import { projectedBsYear } from '#shared/i18n/bikram-sambat'

let store: TestStore
let manager: BackendClient
let cashier: BackendClient

beforeAll(async () => {
  store = await openTestStore()
  manager = await signedInClient(store.backend, 'manager')
  cashier = await signedInClient(store.backend, 'cashier')
})

afterAll(async () => {
  await store.cleanup()
})

const settingRows = () => withRawDb(store.dbPath, (db) => db.prepare('select key, value from setting order by key').all())

/** A refusal that must leave the settings and the audit trail as they were. */
async function expectRefusedUnchanged(reply: Promise<unknown>, code: string, params?: unknown) {
  const [rows, audit] = [settingRows(), auditRows(store.dbPath).length]
  const result = (await reply) as Awaited<ReturnType<BackendClient['invoke']>>
  expectError(result, code)
  if (params !== undefined && !result.ok) expect(result.error.params).toEqual(params)
  expect(settingRows()).toEqual(rows)
  expect(auditRows(store.dbPath)).toHaveLength(audit)
}

describe('settings:get', () => {
  it('gives anyone signed in the store’s settings, with defaults for those never set', async () => {
    expect(ok(await cashier.invoke('settings:get', {}))).toEqual(
      storeSettings({
        storeName: 'Tillwise Demo Store',
        // The demo's VAT is the store's first tax rate.
        defaultTaxRateIds: [1],
        wallets: ['eSewa', 'Khalti', 'Fonepay'],
        demo: true,
      }),
    )
    expectError(await store.backend.connect().invoke('settings:get', {}), 'NOT_AUTHENTICATED')
  })
})

describe('settings:update', () => {
  it('changes only what the patch names, audits each change before and after, and every window sees it next', async () => {
    const before = auditRows(store.dbPath).length
    const updated = ok(
      await manager.invoke('settings:update', {
        patch: {
          storeName: 'Himal Kirana',
          receiptFooter: '  Thank you!\n',
          timeZone: 'Asia/Kolkata',
          defaultLowStockAt: 0,
          currency: 'NPR',
        },
      }),
    )
    expect(updated).toMatchObject({
      storeName: 'Himal Kirana',
      receiptFooter: '  Thank you!\n',
      timeZone: 'Asia/Kolkata',
      defaultLowStockAt: 0,
    })
    expect(ok(await cashier.invoke('app:info', {}))).toMatchObject({ storeName: 'Himal Kirana', timeZone: 'Asia/Kolkata' })
    expect(ok(await cashier.invoke('settings:get', {}))).toEqual(updated)

    const rows = auditRows(store.dbPath).slice(before)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ action: 'settings.updated', actor_name: 'Maya Manager' })
    // The currency was named but did not change: it is not in the audit row.
    expect(JSON.parse(rows[0]!.details)).toEqual({
      'before.storeName': 'Tillwise Demo Store',
      'after.storeName': 'Himal Kirana',
      'before.receiptFooter': '',
      'after.receiptFooter': '  Thank you!\n',
      'before.timeZone': 'Asia/Kathmandu',
      'after.timeZone': 'Asia/Kolkata',
      'before.defaultLowStockAt': 5,
      'after.defaultLowStockAt': 0,
    })
  })

  it('takes the idle limit at once: a till idle longer than the new limit is signed out', async () => {
    ok(await manager.invoke('settings:update', { patch: { sessionIdleMinutes: 5 } }))
    const idle = await signedInClient(store.backend, 'cashier')
    store.clock.now = new Date(store.clock.now.getTime() + 6 * 60_000)
    try {
      expectError(await idle.invoke('cart:get', {}), 'NOT_AUTHENTICATED')
    } finally {
      store.clock.now = new Date(store.clock.now.getTime() - 6 * 60_000)
      ok(await manager.invoke('settings:update', { patch: { sessionIdleMinutes: 15 } }))
    }
  })

  it('writes nothing when nothing changes', async () => {
    const audit = auditRows(store.dbPath).length
    const current = ok(await manager.invoke('settings:get', {}))
    ok(await manager.invoke('settings:update', { patch: { storeName: current.storeName } }))
    expect(auditRows(store.dbPath)).toHaveLength(audit)
  })

  it('refuses an unknown time zone, an empty patch, bad values and a cashier, and changes nothing', async () => {
    await expectRefusedUnchanged(manager.invoke('settings:update', { patch: { timeZone: 'Atlantis/Capital' } }), 'VALIDATION_FAILED', {
      rule: 'timeZone',
      field: 'patch.timeZone',
    })
    await expectRefusedUnchanged(manager.invoke('settings:update', { patch: {} }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(manager.invoke('settings:update', { patch: { currencyDecimals: 1 as 2 } }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(manager.invoke('settings:update', { patch: { storeName: '   ' } }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(manager.invoke('settings:update', { patch: { locale: 'fr-FR' as 'en-IN' } }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(cashier.invoke('settings:update', { patch: { storeName: 'Mine now' } }), 'FORBIDDEN', {
      permission: 'settings.manage',
    })
  })

  it('keeps the BS years the store added, audited and told to every till, and refuses a list that does not follow the calendar', async () => {
    const months = projectedBsYear(2084)!.months
    const added = [{ year: 2084, months: [...months] }]
    const saved = ok(await manager.invoke('settings:update', { patch: { bikramSambat: true, bikramSambatYears: added } }))
    expect(saved.bikramSambatYears).toEqual(added)
    expect(ok(await cashier.invoke('app:info', {})).bikramSambatYears).toEqual(added)
    const [row] = auditRows(store.dbPath).slice(-1)
    expect(row?.action).toBe('settings.updated')
    expect((JSON.parse(row!.details) as Record<string, unknown>)['after.bikramSambatYears']).toBe(JSON.stringify(added))

    for (const bad of [
      [{ year: 2085, months: [...months] }],
      [{ year: 2084, months: months.slice(0, 11) }],
      [{ year: 2084, months: months.map(() => 32) }],
      [{ year: 2084, months: [28, ...months.slice(1)] }],
      [...added, ...added],
    ]) {
      await expectRefusedUnchanged(manager.invoke('settings:update', { patch: { bikramSambatYears: bad } }), 'VALIDATION_FAILED')
    }
    expect(ok(await manager.invoke('settings:get', {})).bikramSambatYears).toEqual(added)
    ok(await manager.invoke('settings:update', { patch: { bikramSambat: false, bikramSambatYears: [] } }))
  })

  it('changes tax and cash rounding, the discount limit, the wallets and the default taxes, audited before and after', async () => {
    const extra = ok(await manager.invoke('taxes:create', { name: 'Settings test levy', rateBps: 200, included: false }))
    const before = auditRows(store.dbPath).length
    const updated = ok(
      await manager.invoke('settings:update', {
        patch: {
          taxRounding: 'global',
          cashRoundingIncrementCents: 500,
          cashRoundingMode: 'down',
          discountLimitBps: 1500,
          wallets: [' eSewa ', 'Khalti', 'IME Pay'],
          defaultTaxRateIds: [extra.id, 1, extra.id],
        },
      }),
    )
    expect(updated).toMatchObject({
      taxRounding: 'global',
      cashRoundingIncrementCents: 500,
      cashRoundingMode: 'down',
      discountLimitBps: 1500,
      wallets: ['eSewa', 'Khalti', 'IME Pay'],
      defaultTaxRateIds: [extra.id, 1],
    })
    expect(ok(await cashier.invoke('settings:get', {}))).toEqual(updated)
    const rows = auditRows(store.dbPath).slice(before)
    expect(rows).toHaveLength(1)
    expect(JSON.parse(rows[0]!.details)).toMatchObject({
      'before.taxRounding': 'perLine',
      'after.taxRounding': 'global',
      'before.cashRoundingIncrementCents': 100,
      'after.cashRoundingIncrementCents': 500,
      'before.defaultTaxRateIds': '[1]',
      'after.defaultTaxRateIds': `[${extra.id},1]`,
      'before.wallets': '["eSewa","Khalti","Fonepay"]',
    })
    // Back as the demo has it, for the tests after this one.
    ok(
      await manager.invoke('settings:update', {
        patch: {
          taxRounding: 'perLine',
          cashRoundingIncrementCents: 100,
          cashRoundingMode: 'halfUp',
          discountLimitBps: 1000,
          wallets: ['eSewa', 'Khalti', 'Fonepay'],
          defaultTaxRateIds: [1],
        },
      }),
    )
  })

  it('refuses default taxes that the store does not have or that are switched off, and changes nothing', async () => {
    const off = ok(await manager.invoke('taxes:create', { name: 'Settings test old rate', rateBps: 500, included: true }))
    ok(await manager.invoke('taxes:update', { id: off.id, active: false }))
    await expectRefusedUnchanged(manager.invoke('settings:update', { patch: { defaultTaxRateIds: [1, 999_999] } }), 'VALIDATION_FAILED', {
      rule: 'unknownTaxRate',
      field: 'patch.defaultTaxRateIds',
    })
    // The other fields of a refused patch are not written either.
    await expectRefusedUnchanged(
      manager.invoke('settings:update', { patch: { storeName: 'Not saved', defaultTaxRateIds: [off.id] } }),
      'VALIDATION_FAILED',
      { rule: 'inactiveTaxRate', field: 'patch.defaultTaxRateIds' },
    )
    await expectRefusedUnchanged(manager.invoke('settings:update', { patch: { defaultTaxRateIds: [0] } }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(manager.invoke('settings:update', { patch: { wallets: ['eSewa', 'ESEWA '] } }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(manager.invoke('settings:update', { patch: { cashRoundingIncrementCents: 0 } }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(manager.invoke('settings:update', { patch: { discountLimitBps: 10_001 } }), 'VALIDATION_FAILED')
    await expectRefusedUnchanged(
      manager.invoke('settings:update', { patch: { cashRoundingMode: 'sideways' as 'up' } }),
      'VALIDATION_FAILED',
    )
    // No default at all is a choice too.
    expect(ok(await manager.invoke('settings:update', { patch: { defaultTaxRateIds: [] } })).defaultTaxRateIds).toEqual([])
    ok(await manager.invoke('settings:update', { patch: { defaultTaxRateIds: [1] } }))
  })

  it('changes the currency while the store has not sold, and refuses it once it has (CONFLICT currencyLocked)', async () => {
    ok(await manager.invoke('settings:update', { patch: { currency: 'inr', currencyDecimals: 2 } }))
    expect(ok(await cashier.invoke('app:info', {})).currency).toBe('INR')
    ok(await manager.invoke('settings:update', { patch: { currency: 'NPR' } }))

    const product = await productBySku(cashier, 'DEMO-001')
    ok(await cashier.invoke('cart:add', { productId: product.id, quantity: 1 }))
    ok(
      await cashier.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: product.priceCents,
        payment: { method: 'token', token: TOKENS.rich },
      }),
    )
    await expectRefusedUnchanged(manager.invoke('settings:update', { patch: { currency: 'USD' } }), 'CONFLICT', { what: 'currencyLocked' })
    await expectRefusedUnchanged(
      manager.invoke('settings:update', { patch: { currencyDecimals: 3, storeName: 'Also this' } }),
      'CONFLICT',
      {
        what: 'currencyLocked',
      },
    )
    expect(ok(await cashier.invoke('settings:get', {})).currencyLocked).toBe(true)
    // Everything else can still change.
    expect(ok(await manager.invoke('settings:update', { patch: { phone: '01-4000000' } })).currencyLocked).toBe(true)
  })
})
