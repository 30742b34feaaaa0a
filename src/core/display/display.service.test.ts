import { afterEach, describe, expect, it } from 'vitest'
import { DISPLAY_MAX_LINES, idleDisplayState, type CustomerDisplaySettings, type DisplayState } from '#shared/contract/display'
import type { CustomerDisplayPort } from '#core/backend'
import { auditRows } from '#core/testing/audit-trail'
import { expectError, ok, openTestStore, signedInClient, type TestStore } from '#core/testing/test-store'
import { cleanScreens, displayPortOf } from './display.service'

const SALE: DisplayState = {
  phase: 'sale',
  lines: [
    { name: 'Basmati Rice 1kg', quantity: 2, lineTotalCents: 36_000 },
    { name: 'Soap', quantity: 1, lineTotalCents: 9_000, discountCents: 1_000 },
  ],
  lineCount: 2,
  itemCount: 3,
  subtotalCents: 39_823,
  discountCents: 1_000,
  taxCents: 5_177,
  totalCents: 45_000,
  tenders: [],
  storeName: 'Himal Kirana',
  currency: 'NPR',
  currencyDecimals: 2,
  locale: 'en-IN',
}

/** A display that keeps what core told it, as the shell's window would show it. */
function recordingDisplay(screens: unknown[] = []) {
  const seen = { configured: [] as CustomerDisplaySettings[], shown: [] as DisplayState[] }
  const port: CustomerDisplayPort = {
    configure: (settings) => void seen.configured.push(settings),
    show: (state) => void seen.shown.push(state),
    screens: async () => screens as never,
  }
  return { port, seen }
}

let store: TestStore | undefined

afterEach(async () => {
  await store?.cleanup()
  store = undefined
})

describe('display:publish', () => {
  it('hands the state the till sent to the display, as sent', async () => {
    const { port, seen } = recordingDisplay()
    store = await openTestStore({ display: port })
    const till = await signedInClient(store.backend)
    expect(ok(await till.invoke('display:publish', { state: SALE }))).toEqual({})
    expect(seen.shown).toEqual([SALE])
  })

  it('refuses what a customer must not see or the display cannot hold, and shows nothing of it', async () => {
    const { port, seen } = recordingDisplay()
    store = await openTestStore({ display: port })
    const till = await signedInClient(store.backend)
    const refused: unknown[] = [
      // A field the display has no place for (a cost, a stock count) is refused, not passed on.
      { ...SALE, lines: [{ ...SALE.lines[0], costCents: 100 }] },
      { ...SALE, stock: 4 },
      { ...SALE, lines: Array.from({ length: DISPLAY_MAX_LINES + 1 }, () => SALE.lines[0]) },
      { ...SALE, totalCents: -1 },
      { ...SALE, totalCents: 1.5 },
      { ...SALE, storeName: 'x'.repeat(81) },
      { ...SALE, lines: [{ ...SALE.lines[0], name: 'Rice\u0000' }] },
      { ...SALE, phase: 'refund' },
      { ...SALE, currency: 'npr' },
      { ...SALE, locale: '<script>' },
      { ...SALE, tenders: [{ method: 'cheque', amountCents: 1 }] },
    ]
    for (const state of refused) expectError(await till.invokeUnknown('display:publish', { state }), 'VALIDATION_FAILED')
    expectError(await till.invokeUnknown('display:publish', {}), 'VALIDATION_FAILED')
    expect(seen.shown).toEqual([])
  })

  it('takes a state from a till signed out (its welcome), and answers SETUP_REQUIRED before set-up, showing nothing', async () => {
    const { port, seen } = recordingDisplay()
    store = await openTestStore({ display: port })
    const welcome = idleDisplayState({ storeName: 'Himal Kirana', currency: 'NPR', currencyDecimals: 2, locale: 'en-IN' })
    expect(ok(await store.backend.connect().invoke('display:publish', { state: welcome }))).toEqual({})
    expect(seen.shown).toEqual([welcome])
    await store.cleanup()

    const fresh = recordingDisplay()
    store = await openTestStore({ seed: 'none', display: fresh.port })
    expectError(await store.backend.connect().invoke('display:publish', { state: welcome }), 'SETUP_REQUIRED')
    expect(fresh.seen.shown).toEqual([])
  })

  it('without a display still validates, and goes nowhere', async () => {
    store = await openTestStore()
    const till = await signedInClient(store.backend)
    expect(ok(await till.invoke('display:publish', { state: SALE }))).toEqual({})
    expectError(await till.invokeUnknown('display:publish', { state: { ...SALE, phase: 'refund' } }), 'VALIDATION_FAILED')
  })

  it('answers even when the display fails: the sale never waits on it', async () => {
    const logged: string[] = []
    const port = displayPortOf(
      {
        configure: () => {
          throw new Error('no window')
        },
        show: () => {
          throw new Error('window gone')
        },
        screens: async () => {
          throw new Error('no screen')
        },
      },
      (message) => void logged.push(message),
    )
    port.configure({ enabled: true, screenId: null })
    port.show(SALE)
    await expect(port.screens()).resolves.toEqual([])
    expect(logged).toEqual([
      'customer display: configure failed',
      'customer display: show failed',
      'customer display: listing screens failed',
    ])
  })
})

describe('display:screens', () => {
  const SCREENS = [
    { id: 1, label: 'Built-in', width: 1920, height: 1080, primary: true },
    { id: 2, label: 'Customer', width: 800, height: 480, primary: false },
  ]

  it('lists the screens main knows, for a manager', async () => {
    const { port } = recordingDisplay([...SCREENS, { id: -1, label: 'broken' }, { ...SCREENS[1], id: 3, label: 'L'.repeat(500) }])
    store = await openTestStore({ display: port })
    const manager = await signedInClient(store.backend, 'manager')
    const { screens } = ok(await manager.invoke('display:screens', {}))
    expect(screens).toEqual([...SCREENS, { ...SCREENS[1], id: 3, label: 'L'.repeat(200) }])
  })

  it('is refused to a cashier, and answers no screens without a display', async () => {
    store = await openTestStore()
    expectError(await (await signedInClient(store.backend)).invoke('display:screens', {}), 'FORBIDDEN')
    expect(ok(await (await signedInClient(store.backend, 'manager')).invoke('display:screens', {}))).toEqual({ screens: [] })
  })

  it('keeps only well-formed screens', () => {
    expect(cleanScreens([null, 7, { id: 1 }, SCREENS[0]])).toEqual([SCREENS[0]])
  })
})

describe('the customer display setting', () => {
  it('is off by default, and the display is told so at open', async () => {
    const { port, seen } = recordingDisplay()
    store = await openTestStore({ display: port })
    expect(seen.configured).toEqual([{ enabled: false, screenId: null }])
    const manager = await signedInClient(store.backend, 'manager')
    expect(ok(await manager.invoke('settings:get', {})).customerDisplay).toEqual({ enabled: false, screenId: null })
  })

  it('is changed by a manager, audited, kept across a restart, and the display follows', async () => {
    const { port, seen } = recordingDisplay()
    store = await openTestStore({ display: port })
    const manager = await signedInClient(store.backend, 'manager')
    const audited = auditRows(store.dbPath).length
    const updated = ok(await manager.invoke('settings:update', { patch: { customerDisplay: { enabled: true, screenId: 2 } } }))
    expect(updated.customerDisplay).toEqual({ enabled: true, screenId: 2 })
    expect(seen.configured.at(-1)).toEqual({ enabled: true, screenId: 2 })

    const rows = auditRows(store.dbPath).slice(audited)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ action: 'settings.updated', subject: 'customerDisplay' })
    expect(JSON.parse(rows[0]!.details)).toEqual({
      'before.customerDisplay': JSON.stringify({ enabled: false, screenId: null }),
      'after.customerDisplay': JSON.stringify({ enabled: true, screenId: 2 }),
    })

    await store.reopen()
    expect(seen.configured.at(-1)).toEqual({ enabled: true, screenId: 2 })
    const again = await signedInClient(store.backend, 'manager')
    expect(ok(await again.invoke('settings:get', {})).customerDisplay).toEqual({ enabled: true, screenId: 2 })
  })

  it('refuses a cashier and a malformed setting, changing nothing', async () => {
    const { port, seen } = recordingDisplay()
    store = await openTestStore({ display: port })
    const cashier = await signedInClient(store.backend)
    const manager = await signedInClient(store.backend, 'manager')
    const audited = auditRows(store.dbPath).length
    expectError(await cashier.invoke('settings:update', { patch: { customerDisplay: { enabled: true, screenId: null } } }), 'FORBIDDEN')
    for (const customerDisplay of [{ enabled: 'yes', screenId: null }, { enabled: true }, { enabled: true, screenId: -2 }]) {
      expectError(await manager.invokeUnknown('settings:update', { patch: { customerDisplay } }), 'VALIDATION_FAILED')
    }
    expect(auditRows(store.dbPath)).toHaveLength(audited)
    expect(seen.configured).toEqual([{ enabled: false, screenId: null }])
    expect(ok(await manager.invoke('settings:get', {})).customerDisplay).toEqual({ enabled: false, screenId: null })
  })
})
