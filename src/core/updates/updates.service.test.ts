import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackendClient, UpdaterPort } from '#core/backend'
import { auditOf, auditRows } from '#core/testing/audit-trail'
import { expectError, fillCart, ok, openTestStore, readState, signedInClient, type TestStore } from '#core/testing/test-store'
import { RUNNING_VERSION } from '#core/common/app-version'

const FEED = 'https://updates.himal-kirana.example/tillwise/'
const NEWER = '9.1.0'

interface RecordingUpdater {
  readonly calls: string[]
  /** What the folder offers next. */
  offers: { version: string; releaseDate?: string } | null
  checkFails: Error | null
  /** Runs while the download is under way (another till acting meanwhile). */
  duringDownload: (() => Promise<void>) | null
  readonly port: UpdaterPort
}

/** Stands in for electron-updater: records every call, answers what the test sets, and runs a test's step inside the download. */
function recordingUpdater(): RecordingUpdater {
  const calls: string[] = []
  const updater: RecordingUpdater = {
    calls,
    offers: { version: NEWER, releaseDate: '2026-03-14T08:00:00.000Z' },
    checkFails: null,
    duringDownload: null,
    port: {
      check: async (url) => {
        calls.push(`check ${url}`)
        if (updater.checkFails) throw updater.checkFails
        return updater.offers
      },
      download: async (version) => {
        calls.push(`download ${version}`)
        await updater.duringDownload?.()
      },
      install: async (version) => {
        calls.push(`install ${version}`)
      },
    },
  }
  return updater
}

let store: TestStore
let updater: RecordingUpdater
let manager: BackendClient
let cashier: BackendClient

async function open(withUpdater = true) {
  updater = recordingUpdater()
  store = await openTestStore(withUpdater ? { updater: updater.port } : {})
  manager = await signedInClient(store.backend, 'manager')
  cashier = await signedInClient(store.backend, 'cashier')
}

/** The manager sets the store's update folder. */
async function setFeed(url: string | null = FEED) {
  ok(await manager.invoke('settings:update', { patch: { updatesUrl: url } }))
}

/** The manager checks and finds the newer version: install may take it from here. */
async function checked() {
  await setFeed()
  expect(ok(await manager.invoke('updates:check', {}))).toEqual({
    status: 'available',
    version: NEWER,
    releaseDate: '2026-03-14T08:00:00.000Z',
  })
}

afterEach(async () => {
  await store.cleanup()
})

describe('updates:check', () => {
  it('answers off by default, without asking anything of the updater', async () => {
    await open()
    expect(ok(await manager.invoke('settings:get', {})).updatesUrl).toBeNull()
    expect(ok(await manager.invoke('updates:check', {}))).toEqual({ status: 'off' })
    expectError(await manager.invoke('updates:install', { version: NEWER }), 'CONFLICT')
    expect(updater.calls).toEqual([])
  })

  it('answers off on a till without an updater, whatever address the store has set', async () => {
    await open(false)
    await setFeed()
    expect(ok(await manager.invoke('updates:check', {}))).toEqual({ status: 'off' })
    const refused = await manager.invoke('updates:install', { version: NEWER })
    expectError(refused, 'CONFLICT')
    expect(!refused.ok && refused.error.params).toEqual({ what: 'updatesOff' })
  })

  it('asks the store’s folder and answers the newer version it offers, or the running one when none is newer', async () => {
    await open()
    await checked()
    updater.offers = null
    expect(ok(await manager.invoke('updates:check', {}))).toEqual({ status: 'upToDate', version: RUNNING_VERSION })
    expect(updater.calls).toEqual([`check ${FEED}`, `check ${FEED}`])
    // Nothing newer now: the version found before is no longer one install takes.
    const refused = await manager.invoke('updates:install', { version: NEWER })
    expect(!refused.ok && refused.error.params).toEqual({ what: 'updateNotChecked' })
  })

  it('says the folder could not be read, by the updater’s code', async () => {
    await open()
    await setFeed()
    updater.checkFails = Object.assign(new Error('Cannot find channel "latest.yml"'), { code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' })
    const refused = await manager.invoke('updates:check', {})
    expectError(refused, 'CONFLICT')
    expect(!refused.ok && refused.error.params).toEqual({ what: 'updateFailed', detail: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' })
  })

  it('refuses a version the feed writes that is not one', async () => {
    await open()
    await setFeed()
    updater.offers = { version: '../../evil' }
    const refused = await manager.invoke('updates:check', {})
    expect(!refused.ok && refused.error.params).toEqual({ what: 'updateFailed', detail: 'badVersion' })
    expectError(await manager.invoke('updates:install', { version: '1.0.0' }), 'CONFLICT')
    expect(updater.calls).toEqual([`check ${FEED}`])
  })
})

describe('the update folder setting', () => {
  it('is audited like every setting, and switched off again with null', async () => {
    await open()
    await setFeed()
    await setFeed(null)
    const changes = auditOf(store.dbPath, 'settings.updated').filter((entry) => entry.subject === 'updatesUrl')
    expect(changes.map((entry) => entry.details)).toEqual([
      { 'before.updatesUrl': null, 'after.updatesUrl': FEED },
      { 'before.updatesUrl': FEED, 'after.updatesUrl': null },
    ])
    expect(ok(await manager.invoke('updates:check', {}))).toEqual({ status: 'off' })
    await store.reopen()
    const again = await signedInClient(store.backend, 'manager')
    expect(ok(await again.invoke('settings:get', {})).updatesUrl).toBeNull()
  })

  it('survives a restart', async () => {
    await open()
    await setFeed('http://192.168.1.20:8080/tillwise')
    await store.reopen()
    const again = await signedInClient(store.backend, 'manager')
    expect(ok(await again.invoke('settings:get', {})).updatesUrl).toBe('http://192.168.1.20:8080/tillwise')
  })

  it.each([
    ['http on the internet', 'http://updates.example.com/tillwise/'],
    ['another scheme', 'ftp://192.168.1.20/tillwise/'],
    ['a name and password', 'https://sita:secret@updates.example.com/'],
    ['a query', 'https://updates.example.com/tillwise/?token=1'],
    ['not an address', 'updates.example.com'],
    ['too long', `https://updates.example.com/${'a'.repeat(300)}/`],
  ])('refuses %s and changes nothing', async (_case, url) => {
    await open()
    const before = auditRows(store.dbPath).length
    expectError(await manager.invoke('settings:update', { patch: { updatesUrl: url } }), 'VALIDATION_FAILED')
    expect(ok(await manager.invoke('settings:get', {})).updatesUrl).toBeNull()
    expect(auditRows(store.dbPath)).toHaveLength(before)
  })

  it('is the manager’s: a cashier can neither set it nor check nor install', async () => {
    await open()
    expectError(await cashier.invoke('settings:update', { patch: { updatesUrl: FEED } }), 'FORBIDDEN')
    await setFeed()
    expectError(await cashier.invoke('updates:check', {}), 'FORBIDDEN')
    expectError(await cashier.invoke('updates:install', { version: NEWER }), 'FORBIDDEN')
    expect(updater.calls).toEqual([])
  })
})

describe('updates:install', () => {
  it('downloads the version found, audits who started it, then installs it', async () => {
    await open()
    await checked()
    const before = readState(store.dbPath)
    expect(ok(await manager.invoke('updates:install', { version: NEWER }))).toEqual({})
    expect(updater.calls.slice(1)).toEqual([`download ${NEWER}`, `install ${NEWER}`])
    expect(auditOf(store.dbPath, 'app.update-started')).toEqual([
      { actor_name: 'Maya Manager', subject: NEWER, details: { from: RUNNING_VERSION, to: NEWER } },
    ])
    expect(readState(store.dbPath)).toEqual(before)
    // The app is quitting: a second press starts nothing.
    const again = await manager.invoke('updates:install', { version: NEWER })
    expect(!again.ok && again.error.params).toEqual({ what: 'updateInstalling' })
    expect(updater.calls).toHaveLength(3)
  })

  it('is refused while a till has a line in its cart, and nothing is downloaded or changed', async () => {
    await open()
    await checked()
    await fillCart(cashier, [['DEMO-001', 1]])
    const before = readState(store.dbPath)
    const audited = auditRows(store.dbPath).length
    const refused = await manager.invoke('updates:install', { version: NEWER })
    expectError(refused, 'CONFLICT')
    expect(!refused.ok && refused.error.params).toEqual({ what: 'saleInProgress' })
    expect(updater.calls).toEqual([`check ${FEED}`])
    expect(readState(store.dbPath)).toEqual(before)
    expect(auditRows(store.dbPath)).toHaveLength(audited)
    // Parked, the sale is kept through a restart: the update may go ahead.
    ok(await cashier.invoke('cart:park', {}))
    expect(ok(await manager.invoke('updates:install', { version: NEWER }))).toEqual({})
    expect(updater.calls.slice(1)).toEqual([`download ${NEWER}`, `install ${NEWER}`])
  })

  it('holds the restart when a sale begins during the download, and goes on once the till is idle', async () => {
    await open()
    await checked()
    updater.duringDownload = async () => {
      updater.duringDownload = null
      await fillCart(cashier, [['DEMO-001', 1]])
    }
    const refused = await manager.invoke('updates:install', { version: NEWER })
    expect(!refused.ok && refused.error.params).toEqual({ what: 'saleInProgress' })
    expect(updater.calls.slice(1)).toEqual([`download ${NEWER}`])
    expect(auditOf(store.dbPath, 'app.update-started')).toEqual([])
    ok(await cashier.invoke('cart:clear', {}))
    expect(ok(await manager.invoke('updates:install', { version: NEWER }))).toEqual({})
    expect(updater.calls.slice(1)).toEqual([`download ${NEWER}`, `download ${NEWER}`, `install ${NEWER}`])
  })

  it('holds the restart while a payment is being answered', async () => {
    await open()
    await checked()
    let payment: Promise<unknown> = Promise.resolve()
    updater.duringDownload = async () => {
      updater.duringDownload = null
      payment = cashier.invoke('checkout:pay', {
        idempotencyKey: randomUUID(),
        expectedTotalCents: 0,
        payment: { method: 'cash', tenderedCents: 0 },
      })
    }
    const refused = await manager.invoke('updates:install', { version: NEWER })
    expect(!refused.ok && refused.error.params).toEqual({ what: 'saleInProgress' })
    expect(updater.calls).not.toContain(`install ${NEWER}`)
    expectError((await payment) as never, 'CART_EMPTY')
    expect(ok(await manager.invoke('updates:install', { version: NEWER }))).toEqual({})
  })

  it('takes only the version the last check found', async () => {
    await open()
    await checked()
    const refused = await manager.invoke('updates:install', { version: '9.2.0' })
    expect(!refused.ok && refused.error.params).toEqual({ what: 'updateNotChecked' })
    expect(updater.calls).toEqual([`check ${FEED}`])
    expect(auditOf(store.dbPath, 'app.update-started')).toEqual([])
  })

  it('takes nothing the last check found once the store’s folder has changed', async () => {
    await open()
    await checked()
    await setFeed('https://mirror.example.com/tillwise/')
    const refused = await manager.invoke('updates:install', { version: NEWER })
    expect(!refused.ok && refused.error.params).toEqual({ what: 'updateNotChecked' })
    expect(updater.calls).toEqual([`check ${FEED}`])
  })

  it('says a failed download by its code and may be tried again', async () => {
    await open()
    await checked()
    updater.duringDownload = async () => {
      updater.duringDownload = null
      throw Object.assign(new Error('sha512 checksum mismatch'), { code: 'ERR_CHECKSUM_MISMATCH' })
    }
    const refused = await manager.invoke('updates:install', { version: NEWER })
    expect(!refused.ok && refused.error.params).toEqual({ what: 'updateFailed', detail: 'ERR_CHECKSUM_MISMATCH' })
    expect(auditOf(store.dbPath, 'app.update-started')).toEqual([])
    expect(ok(await manager.invoke('updates:install', { version: NEWER }))).toEqual({})
  })
})
