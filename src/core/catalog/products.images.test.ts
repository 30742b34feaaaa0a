/**
 * Product images: picked in main's dialog (the test store's stands in), checked by their bytes and
 * size, stored under `images/` by content hash, all or nothing; thumbnails on the till's hot paths.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_IMAGE_BYTES, PRODUCT_IMAGE_FILE } from '#shared/contract/catalog'
import type { BackendClient } from '#core/backend'
import { catalogState, IMAGE_BYTES, makeProduct, pickableFile } from '#core/testing/product-factory'
import { expectError, ok, openTestStore, signedInClient, type TestStore, withRawDb } from '#core/testing/test-store'

let store: TestStore
let manager: BackendClient
let cashier: BackendClient
let picks: string
let imagesDir: string

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

beforeAll(async () => {
  store = await openTestStore()
  ;[manager, cashier] = await Promise.all([signedInClient(store.backend, 'manager'), signedInClient(store.backend, 'cashier')])
  picks = join(store.dir, 'picked')
  mkdirSync(picks)
  imagesDir = store.backend.imagesDir
})

afterAll(async () => {
  await store.cleanup()
})

function storedFiles(): string[] {
  return existsSync(imagesDir) ? readdirSync(imagesDir).sort() : []
}

async function addImages(productId: number, paths: string[] | null) {
  store.dialogs.imageFiles = paths
  try {
    return await manager.invoke('products:addImages', { id: productId })
  } finally {
    store.dialogs.imageFiles = null
  }
}

describe('products:addImages', () => {
  it('keeps images beside the database by default', () => {
    expect(imagesDir).toBe(join(dirname(store.dbPath), 'images'))
  })

  it('stores PNG, JPEG and WebP by the hash of their bytes, whatever their names say, and the first is the thumbnail', async () => {
    const product = await makeProduct(manager)
    const paths = [
      pickableFile(picks, 'photo.PNG', IMAGE_BYTES.png),
      pickableFile(picks, 'no extension', IMAGE_BYTES.jpg),
      pickableFile(picks, 'looks-like.gif', IMAGE_BYTES.webp),
    ]
    const reply = ok(await addImages(product.id, paths))
    expect(reply.cancelled).toBe(false)
    if (reply.cancelled) return
    const files = [`${sha256(IMAGE_BYTES.png)}.png`, `${sha256(IMAGE_BYTES.jpg)}.jpg`, `${sha256(IMAGE_BYTES.webp)}.webp`]
    expect(reply.product.images.map((image) => image.file)).toEqual(files)
    expect(reply.product.imageFile).toBe(files[0])
    for (const file of files) expect(file).toMatch(PRODUCT_IMAGE_FILE)
    expect(storedFiles()).toEqual(expect.arrayContaining(files))
    expect(readFileSync(join(imagesDir, files[1]!)).equals(IMAGE_BYTES.jpg)).toBe(true)
    // No temporary file is left behind.
    expect(storedFiles().filter((name) => !PRODUCT_IMAGE_FILE.test(name))).toEqual([])
    expect(ok(await manager.invoke('products:get', { id: product.id }))).toEqual(reply.product)
    const audit = withRawDb(store.dbPath, (db) =>
      db.prepare("select details from audit_entry where action = 'product.images-added' and subject = ?").pluck().all(product.sku),
    ) as string[]
    expect(audit.map((details) => JSON.parse(details).added)).toEqual([3])
  })

  it('adds the same image twice to one product once, and shares one file between products', async () => {
    const first = await makeProduct(manager)
    const second = await makeProduct(manager)
    const bytes = Buffer.concat([IMAGE_BYTES.png, Buffer.from('twice')])
    const path = pickableFile(picks, 'twice.png', bytes)
    const added = ok(await addImages(first.id, [path, path]))
    expect(added.cancelled === false && added.product.images).toHaveLength(1)
    const before = catalogState(store.dbPath)
    const again = ok(await addImages(first.id, [path]))
    expect(again.cancelled === false && again.product.images).toHaveLength(1)
    expect(catalogState(store.dbPath)).toEqual(before)

    const shared = ok(await addImages(second.id, [path]))
    expect(shared.cancelled === false && shared.product.imageFile).toBe(`${sha256(bytes)}.png`)
    expect(storedFiles().filter((name) => name.startsWith(sha256(bytes)))).toEqual([`${sha256(bytes)}.png`])
  })

  it.each([
    ['a GIF', () => IMAGE_BYTES.gif, 'imageType'],
    ['text named .png', () => Buffer.from('not really a picture'), 'imageType'],
    ['an empty file', () => Buffer.alloc(0), 'imageType'],
    [
      'a PNG one byte over 5 MB',
      () => Buffer.concat([IMAGE_BYTES.png, Buffer.alloc(MAX_IMAGE_BYTES + 1 - IMAGE_BYTES.png.length)]),
      'tooLarge',
    ],
  ])('refuses %s among good ones, storing nothing at all', async (label, bytes, rule) => {
    const product = await makeProduct(manager)
    const good = pickableFile(picks, `good-${label}.png`, Buffer.concat([IMAGE_BYTES.png, Buffer.from(label)]))
    const bad = pickableFile(picks, `bad-${label}.png`, bytes())
    const filesBefore = storedFiles()
    const before = catalogState(store.dbPath)
    const reply = await addImages(product.id, [good, bad])
    expectError(reply, 'VALIDATION_FAILED')
    if (!reply.ok) {
      expect(reply.error.params).toEqual(rule === 'tooLarge' ? { rule, field: 'images', max: MAX_IMAGE_BYTES } : { rule, field: 'images' })
    }
    expect(catalogState(store.dbPath)).toEqual(before)
    expect(storedFiles()).toEqual(filesBefore)
  })

  it('takes an image of exactly 5 MB', async () => {
    const product = await makeProduct(manager)
    const bytes = Buffer.concat([IMAGE_BYTES.jpg, Buffer.alloc(MAX_IMAGE_BYTES - IMAGE_BYTES.jpg.length, 7)])
    const reply = ok(await addImages(product.id, [pickableFile(picks, 'big.jpg', bytes)]))
    expect(reply.cancelled === false && reply.product.imageFile).toBe(`${sha256(bytes)}.jpg`)
  })

  it('refuses a picked file that is gone or is a folder as not an image, storing nothing', async () => {
    const product = await makeProduct(manager)
    const before = catalogState(store.dbPath)
    for (const path of [join(picks, 'gone.png'), picks]) {
      const reply = await addImages(product.id, [path])
      expectError(reply, 'VALIDATION_FAILED')
      if (!reply.ok) expect(reply.error.params).toEqual({ rule: 'imageType', field: 'images' })
    }
    expect(catalogState(store.dbPath)).toEqual(before)
  })

  it('answers cancelled, changing nothing, when the person closes the dialog or picks nothing', async () => {
    const product = await makeProduct(manager)
    const before = catalogState(store.dbPath)
    expect(ok(await addImages(product.id, null))).toEqual({ cancelled: true })
    expect(ok(await addImages(product.id, []))).toEqual({ cancelled: true })
    expect(catalogState(store.dbPath)).toEqual(before)
  })

  it('answers NOT_FOUND for a product that is not there, before any dialog opens', async () => {
    let asked = 0
    const other = await openTestStore({
      files: {
        chooseExportFolder: async () => null,
        chooseImportFile: async () => null,
        chooseImageFiles: async () => {
          asked += 1
          return [pickableFile(picks, 'never.png', IMAGE_BYTES.png)]
        },
      },
    })
    try {
      const client = await signedInClient(other.backend, 'manager')
      expectError(await client.invoke('products:addImages', { id: 999_999 }), 'NOT_FOUND')
      expect(asked).toBe(0)
      expect(existsSync(other.backend.imagesDir)).toBe(false)
    } finally {
      await other.cleanup()
    }
  })

  it('is a manager’s: a cashier is refused before any dialog opens', async () => {
    const product = await makeProduct(manager)
    store.dialogs.imageFiles = [pickableFile(picks, 'cashier.png', IMAGE_BYTES.png)]
    try {
      expectError(await cashier.invoke('products:addImages', { id: product.id }), 'FORBIDDEN')
    } finally {
      store.dialogs.imageFiles = null
    }
  })
})

describe('products:removeImage', () => {
  it('takes the image off (the next one becomes the thumbnail) and keeps the file', async () => {
    const product = await makeProduct(manager)
    const a = pickableFile(picks, 'remove-a.png', Buffer.concat([IMAGE_BYTES.png, Buffer.from('a')]))
    const b = pickableFile(picks, 'remove-b.webp', Buffer.concat([IMAGE_BYTES.webp, Buffer.from('b')]))
    const added = ok(await addImages(product.id, [a, b]))
    if (added.cancelled) throw new Error('cancelled')
    const [first, second] = added.product.images
    const after = ok(await manager.invoke('products:removeImage', { id: product.id, imageId: first!.id }))
    expect(after.images).toEqual([second])
    expect(after.imageFile).toBe(second!.file)
    expect(storedFiles()).toContain(first!.file)
    const none = ok(await manager.invoke('products:removeImage', { id: product.id, imageId: second!.id }))
    expect(none).toMatchObject({ images: [], imageFile: null })
  })

  it('answers NOT_FOUND for an image the product does not have, changing nothing', async () => {
    const owner = await makeProduct(manager)
    const other = await makeProduct(manager)
    const added = ok(await addImages(owner.id, [pickableFile(picks, 'owned.jpg', Buffer.concat([IMAGE_BYTES.jpg, Buffer.from('o')]))]))
    if (added.cancelled) throw new Error('cancelled')
    const before = catalogState(store.dbPath)
    const reply = await manager.invoke('products:removeImage', { id: other.id, imageId: added.product.images[0]!.id })
    expectError(reply, 'NOT_FOUND')
    if (!reply.ok) expect(reply.error.params).toEqual({ what: 'image', id: added.product.images[0]!.id })
    expectError(await manager.invoke('products:removeImage', { id: 999_999, imageId: 1 }), 'NOT_FOUND')
    expect(catalogState(store.dbPath)).toEqual(before)
  })
})

describe('thumbnails on the till', () => {
  it('come with a lookup, a search and every cart line', async () => {
    const product = await makeProduct(manager, { name: 'Thumbnailed Tea', barcode: '4290009000707', openingStock: 3 })
    const plain = await makeProduct(manager, { name: 'Plain Thumbless Tea', openingStock: 3 })
    const added = ok(await addImages(product.id, [pickableFile(picks, 'tea.png', Buffer.concat([IMAGE_BYTES.png, Buffer.from('tea')]))]))
    if (added.cancelled) throw new Error('cancelled')
    const file = added.product.imageFile

    expect(ok(await cashier.invoke('catalog:lookup', { code: '4290009000707' })).imageFile).toBe(file)
    const found = ok(await cashier.invoke('catalog:search', { query: 'thumbnailed' }))
    expect(found.items.map((item) => item.imageFile)).toEqual([file])
    ok(await cashier.invoke('cart:add', { productId: product.id, quantity: 1 }))
    const cart = ok(await cashier.invoke('cart:add', { productId: plain.id, quantity: 1 }))
    expect(cart.lines.map((line) => [line.productId, line.imageFile])).toEqual([
      [product.id, file],
      [plain.id, null],
    ])
    ok(await cashier.invoke('cart:clear', {}))
  })

  it('follow the images: a product whose images are all gone has none', async () => {
    const product = await makeProduct(manager, { barcode: '4290009000714' })
    const added = ok(await addImages(product.id, [pickableFile(picks, 'once.png', Buffer.concat([IMAGE_BYTES.png, Buffer.from('once')]))]))
    if (added.cancelled) throw new Error('cancelled')
    ok(await manager.invoke('products:removeImage', { id: product.id, imageId: added.product.images[0]!.id }))
    expect(ok(await cashier.invoke('catalog:lookup', { code: '4290009000714' })).imageFile).toBeNull()
  })
})
