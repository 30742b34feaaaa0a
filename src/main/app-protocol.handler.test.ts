import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAppProtocolHandler } from './app-protocol.handler'
import { CONTENT_SECURITY_POLICY } from './app-protocol.policy'

let base: string
let images: string
let handler: (request: Request) => Promise<Response>

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
const PNG_NAME = `${'c0'.repeat(32)}.png`

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tillwise-app-protocol-'))
  const root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Tillwise</title>')
  await writeFile(join(root, 'assets', 'index.js'), 'console.log(1)')
  // A secret next to the served folder: what a traversal would be after.
  await writeFile(join(base, 'secret.txt'), 'do not serve')
  // The data folder: the database beside the images, and a file in a folder below them.
  images = join(base, 'data', 'images')
  await mkdir(join(images, 'sub'), { recursive: true })
  await writeFile(join(base, 'data', 'tillwise.sqlite'), 'do not serve')
  await writeFile(join(images, PNG_NAME), PNG_BYTES)
  await writeFile(join(images, 'sub', PNG_NAME), 'do not serve')
  await writeFile(join(images, 'notes.txt'), 'do not serve')
  await writeFile(join(root, 'assets', PNG_NAME), 'do not serve')
  handler = createAppProtocolHandler({ rootDir: root, imagesDir: images })
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('app:// protocol handler', () => {
  it('serves index.html for the root with the CSP', async () => {
    const response = await handler(new Request('app://pos/'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).toContain('<title>Tillwise</title>')
  })

  it('serves a script with its type', async () => {
    const response = await handler(new Request('app://pos/assets/index.js'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await response.text()).toBe('console.log(1)')
  })

  it('answers HEAD without a body', async () => {
    const response = await handler(new Request('app://pos/index.html', { method: 'HEAD' }))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it.each([
    'app://pos/missing.js',
    'app://pos/assets',
    'app://pos/assets/',
    'app://pos/assets%2f..%2f..%2fsecret.txt',
    'app://pos/..%5csecret.txt',
    'app://evil/index.html',
  ])('answers 404 for %s, still with the CSP', async (url) => {
    const response = await handler(new Request(url))
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).not.toContain('do not serve')
  })

  it('never reaches outside the folder through dot segments', async () => {
    const response = await handler(new Request('app://pos/%2e%2e/secret.txt'))
    expect(response.status).toBe(404)
  })

  it('answers 404, and logs nothing, for a name longer than any file system allows', async () => {
    const logger = { error: vi.fn() }
    const real = createAppProtocolHandler({ rootDir: join(base, 'renderer'), logger })
    for (const name of [
      'a'.repeat(256),
      'ä'.repeat(128),
      `assets/${'x'.repeat(300)}.js`,
      `${'d'.repeat(250)}/${'f'.repeat(250)}`.repeat(20),
    ]) {
      const response = await real(new Request(`app://pos/${name}`))
      expect(response.status, name.slice(0, 20)).toBe(404)
    }
    // A name the policy lets through but the file system still finds too long is a 404 as well.
    const tooLong = createAppProtocolHandler({
      rootDir: join(base, 'renderer'),
      readFile: () => Promise.reject(Object.assign(new Error('ENAMETOOLONG: name too long'), { code: 'ENAMETOOLONG' })),
      logger,
    })
    expect((await tooLong(new Request('app://pos/index.html'))).status).toBe(404)
    expect(logger.error).not.toHaveBeenCalled()
  })

  it('serves a product image from the images folder with its type and the CSP', async () => {
    const response = await handler(new Request(`app://pos/images/${PNG_NAME}`))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG_BYTES)).toBe(true)
  })

  it.each([
    `app://pos/images/${'d0'.repeat(32)}.png`,
    `app://pos/images/sub/${PNG_NAME}`,
    'app://pos/images/notes.txt',
    'app://pos/images/..%2ftillwise.sqlite',
    'app://pos/images/%2e%2e%2ftillwise.sqlite',
    'app://pos/images/..%5c..%5csecret.txt',
    'app://pos/images/../../data/tillwise.sqlite',
    'app://pos/images/',
    'app://pos/images',
    `app://pos/images/assets/${PNG_NAME}`,
  ])('answers 404 for %s, and never serves what is outside the images folder', async (url) => {
    const response = await handler(new Request(url))
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('do not serve')
  })

  it('has no images without an images folder', async () => {
    const withoutImages = createAppProtocolHandler({ rootDir: join(base, 'renderer') })
    expect((await withoutImages(new Request(`app://pos/images/${PNG_NAME}`))).status).toBe(404)
    expect((await withoutImages(new Request('app://pos/index.html'))).status).toBe(200)
  })

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler(new Request('app://pos/index.html', { method: 'POST', body: 'x' }))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
  })

  it('answers 500 without details when the file cannot be read, and logs why', async () => {
    const logger = { error: vi.fn() }
    const failing = createAppProtocolHandler({
      rootDir: '/srv/renderer',
      readFile: () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
      logger,
    })
    const response = await failing(new Request('app://pos/index.html'))
    expect(response.status).toBe(500)
    expect(await response.text()).not.toContain('EACCES')
    expect(logger.error).toHaveBeenCalledOnce()
  })
})
