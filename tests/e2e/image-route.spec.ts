/**
 * Product images in the browser: the harness serves `images/<file>` from the open till's images
 * folder as the app's protocol does, the page draws one under its CSP (img-src 'self'), and nothing
 * but a stored image's name is served from there.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMAGE_BYTES, pickableFile } from '#core/testing/product-factory'
import { startHarness, type Harness, type Till } from './harness'

interface ImagePage {
  fetch(url: string): Promise<{ status: number; headers: { get(name: string): string | null } }>
  document: { createElement(tag: 'img'): { src: string; naturalWidth: number; decode(): Promise<void> } }
}

let harness: Harness | undefined
let till: Till | undefined
let file: string

beforeAll(async () => {
  harness = await startHarness()
  till = await harness.openTill()
  const manager = await till.signedInClient('manager')
  const product = await manager.invoke('products:create', { sku: 'IMG-ROUTE', name: 'Pictured', priceCents: 100 })
  if (!product.ok) throw new Error(product.error.message)
  till.dialogs.imageFiles = [pickableFile(mkdtempSync(join(tmpdir(), 'tillwise-picked-')), 'dot.png', IMAGE_BYTES.png)]
  const added = await manager.invoke('products:addImages', { id: product.data.id })
  till.dialogs.imageFiles = null
  if (!added.ok || added.data.cancelled) throw new Error('the image was not added')
  file = added.data.product.imageFile!
})

afterAll(async () => {
  await harness?.close()
})

describe('images/<file>', () => {
  it('serves a stored image that the page draws under its CSP', async () => {
    const { page, problems } = till!
    const served = await page.evaluate(async (url) => {
      const response = await (globalThis as unknown as ImagePage).fetch(url)
      return { status: response.status, type: response.headers.get('content-type') }
    }, `images/${file}`)
    expect(served).toEqual({ status: 200, type: 'image/png' })
    const width = await page.evaluate(async (url) => {
      const image = (globalThis as unknown as ImagePage).document.createElement('img')
      image.src = url
      await image.decode()
      return image.naturalWidth
    }, `images/${file}`)
    expect(width).toBe(1)
    expect(problems).toEqual([])
  })

  it.each([
    (name: string) => `images/${name.replace('.png', '.jpg')}`,
    () => 'images/index.html',
    () => 'images/../index.html/../images/nothing.png',
    (name: string) => `images/sub/${name}`,
    (name: string) => `images/..%2f${name}`,
    (name: string) => `IMAGES/%2e%2e%2f${name}`,
    () => 'images/',
  ])('answers 404 for anything else under images/ (%#)', async (url) => {
    const status = await till!.page.evaluate(async (path) => (await (globalThis as unknown as ImagePage).fetch(path)).status, url(file))
    expect(status).toBe(404)
  })
})
