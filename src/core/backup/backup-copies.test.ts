import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkDatabaseFile } from './backup-writer'
import { expectError, ok, openTestStore, readState, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'

let store: TestStore
/** What main's dialogs answer next. */
const dialogs: { exportFolder: string | null; importFile: string | null } = { exportFolder: null, importFile: null }

beforeEach(async () => {
  dialogs.exportFolder = null
  dialogs.importFile = null
  store = await openTestStore({
    files: { chooseExportFolder: async () => dialogs.exportFolder, chooseImportFile: async () => dialogs.importFile },
  })
})

afterEach(async () => {
  await store.cleanup()
})

async function sale(client: Awaited<ReturnType<typeof signedInClient>>) {
  const cart = ok(await client.invoke('cart:add', { productId: 1, quantity: 1 }))
  return ok(
    await client.invoke('checkout:pay', {
      idempotencyKey: crypto.randomUUID(),
      expectedTotalCents: cart.totalCents,
      payment: { method: 'cash', tenderedCents: cart.totalCents },
    }),
  )
}

describe('backup:export', () => {
  it('writes a verified, self-contained copy to the folder main asked for, audited', async () => {
    const usb = join(store.dir, 'USB STICK')
    mkdirSync(usb)
    dialogs.exportFolder = usb
    const manager = await signedInClient(store.backend, 'manager')
    const copy = ok(await manager.invoke('backup:export', {}))
    if (copy.cancelled) throw new Error('expected a copy')
    expect(copy.folderName).toBe('USB STICK')
    expect(readdirSync(usb)).toEqual([copy.file])
    expect(() => checkDatabaseFile(join(usb, copy.file))).not.toThrow()
    expect(withRawDb(join(usb, copy.file), (db) => db.pragma('journal_mode', { simple: true }))).toBe('delete')
    const audited = withRawDb(store.dbPath, (db) =>
      db.prepare("select subject from audit_entry where action = 'backup.exported'").pluck().all(),
    )
    expect(audited).toEqual([copy.file])
  })

  it('changes nothing when the manager cancels, and says why when the folder cannot be written', async () => {
    const manager = await signedInClient(store.backend, 'manager')
    expect(ok(await manager.invoke('backup:export', {}))).toEqual({ cancelled: true })
    // The stick was pulled out after the folder was chosen: nothing is written to the local disk instead.
    const pulledOut = join(store.dir, 'media', 'USB STICK')
    dialogs.exportFolder = pulledOut
    const reply = await manager.invoke('backup:export', {})
    expectError(reply, 'CONFLICT')
    expect(!reply.ok && reply.error.params).toEqual({ what: 'exportFolder', detail: 'ENOENT' })
    expect(existsSync(join(store.dir, 'media'))).toBe(false)
    // A file where the folder should be is refused the same way.
    writeFileSync(join(store.dir, 'not-a-folder'), '')
    dialogs.exportFolder = join(store.dir, 'not-a-folder')
    const notAFolder = await manager.invoke('backup:export', {})
    expect(!notAFolder.ok && notAFolder.error.params).toEqual({ what: 'exportFolder', detail: 'ENOTDIR' })
    expectError(await (await signedInClient(store.backend)).invoke('backup:export', {}), 'FORBIDDEN')
  })
})

describe('backup:importFile', () => {
  it('restores from a file main asked for, checked like a local backup, and keeps it among the backups', async () => {
    const usb = join(store.dir, 'usb')
    mkdirSync(usb)
    dialogs.exportFolder = usb
    const manager = await signedInClient(store.backend, 'manager')
    const copy = ok(await manager.invoke('backup:export', {}))
    if (copy.cancelled) throw new Error('expected a copy')
    const before = readState(store.dbPath)
    await sale(manager)
    dialogs.importFile = join(usb, copy.file)
    const restored = ok(await (await signedInClient(store.backend, 'manager')).invoke('backup:importFile', {}))
    expect(restored).toMatchObject({ cancelled: false, fileName: copy.file })
    expect(readState(store.dbPath)).toEqual(before)
    const kinds = ok(await (await signedInClient(store.backend, 'manager')).invoke('backup:list', {})).items.map((item) => item.kind)
    expect(kinds).toContain('imported')
  })

  it('refuses a file that is not a sound backup, changing nothing and keeping no copy of it', async () => {
    const junk = join(store.dir, 'holiday-photo.sqlite')
    writeFileSync(junk, 'not a database at all')
    dialogs.importFile = junk
    const manager = await signedInClient(store.backend, 'manager')
    await sale(manager)
    const before = readState(store.dbPath)
    const reply = await manager.invoke('backup:importFile', {})
    expectError(reply, 'CONFLICT')
    expect(!reply.ok && reply.error.params).toMatchObject({ what: 'backup' })
    expect(readState(store.dbPath)).toEqual(before)
    expect(ok(await manager.invoke('backup:list', {})).items.map((item) => item.kind)).not.toContain('imported')
    dialogs.importFile = null
    expect(ok(await manager.invoke('backup:importFile', {}))).toEqual({ cancelled: true })
    expect(ok(await manager.invoke('auth:session', {})).user?.username).toBe('manager')
  })
})
