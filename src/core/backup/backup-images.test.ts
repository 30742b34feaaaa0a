/**
 * A backup copied off the till carries the product images it names, and one brought back puts
 * them into the till's own `images/`: restored on another computer, the products keep their pictures.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { IMAGE_BYTES, pickableFile } from '#core/testing/product-factory'
import { auditOf } from '#core/testing/audit-trail'
import { expectError, ok, openTestStore, readState, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'
import { EXPORTED_IMAGES_FOLDER } from './backup-images'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const PNG = `${sha256(IMAGE_BYTES.png)}.png`
const JPG = `${sha256(IMAGE_BYTES.jpg)}.jpg`

/** What main's dialogs answer next, for each store. */
interface Dialogs {
  exportFolder: string | null
  importFile: string | null
}

async function storeWithDialogs(): Promise<{ store: TestStore; dialogs: Dialogs }> {
  const dialogs: Dialogs = { exportFolder: null, importFile: null }
  const store = await openTestStore({
    files: { chooseExportFolder: async () => dialogs.exportFolder, chooseImportFile: async () => dialogs.importFile },
  })
  return { store, dialogs }
}

let shop: { store: TestStore; dialogs: Dialogs }
let manager: BackendClient
let usb: string

beforeEach(async () => {
  shop = await storeWithDialogs()
  manager = await signedInClient(shop.store.backend, 'manager')
  usb = join(shop.store.dir, 'USB STICK')
  mkdirSync(usb)
})

afterEach(async () => {
  await shop.store.cleanup()
})

/** Gives product `id` the images picked from `files` (name → bytes). */
async function addImages(id: number, files: Record<string, Buffer>): Promise<void> {
  const picks = join(shop.store.dir, 'picked')
  mkdirSync(picks, { recursive: true })
  shop.store.dialogs.imageFiles = Object.entries(files).map(([name, bytes]) => pickableFile(picks, name, bytes))
  const added = ok(await manager.invoke('products:addImages', { id }))
  shop.store.dialogs.imageFiles = null
  expect(added.cancelled).toBe(false)
}

async function exportCopy(): Promise<string> {
  shop.dialogs.exportFolder = usb
  const copy = ok(await manager.invoke('backup:export', {}))
  if (copy.cancelled) throw new Error('expected a copy')
  return copy.file
}

const audited = (dbPath: string, action: string) => auditOf(dbPath, action).map((row) => row.details)

describe('backup:export with product images', () => {
  it('puts the images the copy names beside it, byte for byte, and only those', async () => {
    await addImages(1, { 'front.png': IMAGE_BYTES.png, 'side.jpg': IMAGE_BYTES.jpg })
    await addImages(2, { 'same again.png': IMAGE_BYTES.png })
    // An image file nothing names any more stays at home.
    writeFileSync(join(shop.store.backend.imagesDir, `${sha256(Buffer.from('old'))}.png`), 'old')

    const file = await exportCopy()
    expect(readdirSync(usb).sort()).toEqual([file, EXPORTED_IMAGES_FOLDER].sort())
    expect(readdirSync(join(usb, EXPORTED_IMAGES_FOLDER)).sort()).toEqual([JPG, PNG].sort())
    expect(readFileSync(join(usb, EXPORTED_IMAGES_FOLDER, PNG)).equals(IMAGE_BYTES.png)).toBe(true)
    expect(readFileSync(join(usb, EXPORTED_IMAGES_FOLDER, JPG)).equals(IMAGE_BYTES.jpg)).toBe(true)
    expect(audited(shop.store.dbPath, 'backup.exported')).toEqual([expect.objectContaining({ images: 2, imagesMissing: 0 })])

    // A second copy into the same folder shares the images already there.
    await addImages(3, { 'new.webp': IMAGE_BYTES.webp })
    const second = await exportCopy()
    expect(readdirSync(usb).sort()).toEqual([file, second, EXPORTED_IMAGES_FOLDER].sort())
    expect(readdirSync(join(usb, EXPORTED_IMAGES_FOLDER))).toHaveLength(3)
  })

  it('makes no images folder for a store without images, and counts an image gone from the till', async () => {
    await exportCopy()
    expect(existsSync(join(usb, EXPORTED_IMAGES_FOLDER))).toBe(false)

    await addImages(1, { 'front.png': IMAGE_BYTES.png })
    rmSync(join(shop.store.backend.imagesDir, PNG))
    await exportCopy()
    expect(existsSync(join(usb, EXPORTED_IMAGES_FOLDER))).toBe(false)
    expect(audited(shop.store.dbPath, 'backup.exported').at(-1)).toMatchObject({ images: 0, imagesMissing: 1 })
  })

  it('leaves no copy behind when its images cannot be written there, and says why', async () => {
    await addImages(1, { 'front.png': IMAGE_BYTES.png })
    // Something in the way where the images go: the folder cannot be made.
    writeFileSync(join(usb, EXPORTED_IMAGES_FOLDER), 'a file, not a folder')
    shop.dialogs.exportFolder = usb
    const reply = await manager.invoke('backup:export', {})
    expectError(reply, 'CONFLICT')
    expect(!reply.ok && reply.error.params).toMatchObject({ what: 'exportFolder' })
    expect(readdirSync(usb)).toEqual([EXPORTED_IMAGES_FOLDER])
    expect(audited(shop.store.dbPath, 'backup.exported')).toEqual([])
  })
})

describe('backup:importFile with product images', () => {
  it('restores on another till with its images: the products show them again', async () => {
    await addImages(1, { 'front.png': IMAGE_BYTES.png, 'side.jpg': IMAGE_BYTES.jpg })
    const file = await exportCopy()
    const shown = ok(await manager.invoke('products:get', { id: 1 }))

    const other = await storeWithDialogs()
    try {
      expect(existsSync(other.store.backend.imagesDir)).toBe(false)
      other.dialogs.importFile = join(usb, file)
      const restored = ok(await (await signedInClient(other.store.backend, 'manager')).invoke('backup:importFile', {}))
      expect(restored).toMatchObject({ cancelled: false, fileName: file })
      expect(readdirSync(other.store.backend.imagesDir).sort()).toEqual([JPG, PNG].sort())
      expect(readFileSync(join(other.store.backend.imagesDir, PNG)).equals(IMAGE_BYTES.png)).toBe(true)
      const there = ok(await (await signedInClient(other.store.backend, 'manager')).invoke('products:get', { id: 1 }))
      expect(there.images).toEqual(shown.images)
      expect(there.imageFile).toBe(shown.imageFile)
      expect(audited(other.store.dbPath, 'backup.restored')).toEqual([expect.objectContaining({ images: 2, imagesMissing: 0 })])
    } finally {
      await other.store.cleanup()
    }
  })

  it('takes no file that is not the image its name says, nor a name that is not an image’s, and keeps the till’s own', async () => {
    await addImages(1, { 'front.png': IMAGE_BYTES.png, 'side.jpg': IMAGE_BYTES.jpg })
    const file = await exportCopy()
    // On the stick, one image was altered; in the copy, a row was edited to point outside the folder.
    writeFileSync(join(usb, EXPORTED_IMAGES_FOLDER, JPG), 'not the picture it was')
    withRawDb(join(usb, file), (db) => {
      db.prepare("insert into product_image (product_id, file, position, created_at) values (2, '../../outside.png', 1, 'x')").run()
    })
    writeFileSync(join(usb, 'outside.png'), IMAGE_BYTES.png)

    const other = await storeWithDialogs()
    try {
      // This till already has the PNG: its own file is kept.
      mkdirSync(other.store.backend.imagesDir)
      writeFileSync(join(other.store.backend.imagesDir, PNG), IMAGE_BYTES.png)
      other.dialogs.importFile = join(usb, file)
      ok(await (await signedInClient(other.store.backend, 'manager')).invoke('backup:importFile', {}))
      expect(readdirSync(other.store.backend.imagesDir)).toEqual([PNG])
      expect(audited(other.store.dbPath, 'backup.restored')).toEqual([expect.objectContaining({ images: 1, imagesMissing: 2 })])
    } finally {
      await other.store.cleanup()
    }
  })

  it('restores a copy whose images were not brought along: the books come back, the pictures are counted missing', async () => {
    await addImages(1, { 'front.png': IMAGE_BYTES.png })
    const file = await exportCopy()
    rmSync(join(usb, EXPORTED_IMAGES_FOLDER), { recursive: true })
    const before = readState(shop.store.dbPath)

    const other = await storeWithDialogs()
    try {
      other.dialogs.importFile = join(usb, file)
      ok(await (await signedInClient(other.store.backend, 'manager')).invoke('backup:importFile', {}))
      expect(readState(other.store.dbPath)).toEqual(before)
      expect(existsSync(other.store.backend.imagesDir)).toBe(false)
      expect(audited(other.store.dbPath, 'backup.restored')).toEqual([expect.objectContaining({ images: 0, imagesMissing: 1 })])
    } finally {
      await other.store.cleanup()
    }
  })
})

describe('unused product images', () => {
  /** Makes the till's image files look `days` old on the store's clock. */
  const age = (names: string[], days: number) => {
    const when = new Date(shop.store.clock.now.getTime() - days * 24 * 3_600_000)
    for (const name of names) utimesSync(join(shop.store.backend.imagesDir, name), when, when)
  }
  const onDisk = () => readdirSync(shop.store.backend.imagesDir).sort()

  it('are removed by the next backup once no kept copy names them, and never a day-old one or a file that is not an image', async () => {
    await addImages(1, { 'front.png': IMAGE_BYTES.png, 'side.jpg': IMAGE_BYTES.jpg })
    const orphan = `${sha256(Buffer.from('gone long ago'))}.png`
    const fresh = `${sha256(Buffer.from('just added'))}.webp`
    writeFileSync(join(shop.store.backend.imagesDir, orphan), 'gone long ago')
    writeFileSync(join(shop.store.backend.imagesDir, fresh), 'just added')
    writeFileSync(join(shop.store.backend.imagesDir, 'notes.txt'), 'not an image')
    age([PNG, JPG, orphan, 'notes.txt'], 3)
    age([fresh], 0.5)

    ok(await manager.invoke('backup:create', {}))
    // Only the orphan went: the books name the two images, the fresh file is within its grace, the note is no image.
    expect(onDisk()).toEqual([JPG, PNG, fresh, 'notes.txt'].sort())
    expect(auditOf(shop.store.dbPath, 'backup.created').at(-1)!.details).toMatchObject({ imagesRemoved: 1 })

    // The side view leaves the product, but the backup just taken still names it: it stays for a restore.
    const product = ok(await manager.invoke('products:get', { id: 1 }))
    const side = product.images.find((image) => image.file === JPG)!
    ok(await manager.invoke('products:removeImage', { id: 1, imageId: side.id }))
    ok(await manager.invoke('backup:create', {}))
    expect(onDisk()).toContain(JPG)

    // Once no kept copy names it (the old copies rotated away), it goes.
    for (const file of readdirSync(shop.store.backend.backupDir)) rmSync(join(shop.store.backend.backupDir, file))
    ok(await manager.invoke('backup:create', {}))
    expect(onDisk()).toEqual([PNG, fresh, 'notes.txt'].sort())
    // A product still shows its picture.
    expect(ok(await manager.invoke('products:get', { id: 1 })).images.map((image) => image.file)).toEqual([PNG])
  })
})
