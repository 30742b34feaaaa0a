import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  appResponseHeaders,
  contentTypeFor,
  resolveAppAsset,
} from './app-protocol.policy'

const ROOT = join(sep, 'opt', 'tillwise', 'out', 'renderer')
const IMAGES = join(sep, 'home', 'shop', '.config', 'Tillwise', 'images')
const HASH = 'ab'.repeat(32)

describe('resolveAppAsset', () => {
  it('serves index.html for the root and the entry URL', () => {
    expect(APP_ENTRY_URL).toBe(`${APP_ORIGIN}/index.html`)
    expect(resolveAppAsset('app://pos/', ROOT)).toBe(join(ROOT, 'index.html'))
    expect(resolveAppAsset(APP_ENTRY_URL, ROOT)).toBe(join(ROOT, 'index.html'))
  })

  it('maps nested assets and ignores query and fragment', () => {
    expect(resolveAppAsset('app://pos/assets/index-Bx3.js?v=2#x', ROOT)).toBe(join(ROOT, 'assets', 'index-Bx3.js'))
  })

  it('decodes ordinary percent-encoding in file names', () => {
    expect(resolveAppAsset('app://pos/assets/logo%20small.svg', ROOT)).toBe(join(ROOT, 'assets', 'logo small.svg'))
  })

  it('keeps dot segments that the URL parser folds inside the root', () => {
    // `/assets/../index.html` is `/index.html` before the handler ever sees it.
    expect(resolveAppAsset('app://pos/assets/../index.html', ROOT)).toBe(join(ROOT, 'index.html'))
    expect(resolveAppAsset('app://pos/../../../etc/passwd', ROOT)).toBe(join(ROOT, 'etc', 'passwd'))
    expect(resolveAppAsset('app://pos/%2e%2e/%2E%2E/package.json', ROOT)).toBe(join(ROOT, 'package.json'))
  })

  it.each([
    ['an encoded slash hiding dot segments', 'app://pos/assets%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['an encoded backslash', 'app://pos/..%5c..%5cwin.ini'],
    ['a lone encoded dot-dot after an encoded slash', 'app://pos/a%2F%2e%2e'],
    ['an empty segment (absolute-looking path)', 'app://pos//etc/passwd'],
    ['a trailing slash (directory)', 'app://pos/assets/'],
    ['a Windows drive letter', 'app://pos/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://pos/C%3A%5CWindows%5Cwin.ini'],
    ['a NUL byte', 'app://pos/index.html%00.png'],
    ['malformed percent-encoding', 'app://pos/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://pos.evil/index.html'],
    ['credentials', 'app://pos@evil/index.html'],
    ['a port', 'app://pos:80/index.html'],
    ['another scheme', 'file:///opt/tillwise/out/renderer/index.html'],
    ['http on the same host name', 'http://pos/index.html'],
    ['not a URL', 'index.html'],
  ])('answers 404 for %s', (_case, url) => {
    expect(resolveAppAsset(url, ROOT)).toBeNull()
  })
})

describe('resolveAppAsset for product images', () => {
  it.each(['png', 'jpg', 'webp'])('maps images/<sha256>.%s to that file in the images folder', (ext) => {
    expect(resolveAppAsset(`app://pos/images/${HASH}.${ext}`, ROOT, IMAGES)).toBe(join(IMAGES, `${HASH}.${ext}`))
    expect(resolveAppAsset(`app://pos/images/${HASH}.${ext}?v=1#top`, ROOT, IMAGES)).toBe(join(IMAGES, `${HASH}.${ext}`))
  })

  it.each([
    ['no images folder given', `app://pos/images/${HASH}.png`, null],
    ['the folder itself', 'app://pos/images', IMAGES],
    ['the folder with a slash', 'app://pos/images/', IMAGES],
    ['a sub-folder', `app://pos/images/sub/${HASH}.png`, IMAGES],
    ['a file after the name', `app://pos/images/${HASH}.png/x`, IMAGES],
    ['an encoded slash', `app://pos/images/..%2f${HASH}.png`, IMAGES],
    ['an encoded backslash', `app://pos/images/..%5c${HASH}.png`, IMAGES],
    ['an encoded dot-dot segment after an encoded slash', 'app://pos/images/x%2f%2e%2e%2fsecret.png', IMAGES],
    ['percent-encoded hex in the name', `app://pos/images/%61${HASH.slice(1)}.png`, IMAGES],
    ['upper-case hex', `app://pos/images/${HASH.toUpperCase()}.png`, IMAGES],
    ['a short hash', 'app://pos/images/abc.png', IMAGES],
    ['a long hash', `app://pos/images/${HASH}0.png`, IMAGES],
    ['another type', `app://pos/images/${HASH}.svg`, IMAGES],
    ['an upper-case type', `app://pos/images/${HASH}.PNG`, IMAGES],
    ['jpeg spelled out', `app://pos/images/${HASH}.jpeg`, IMAGES],
    ['a second extension', `app://pos/images/${HASH}.png.js`, IMAGES],
    ['a NUL byte', `app://pos/images/${HASH}.png%00`, IMAGES],
    ['a renderer file under images', 'app://pos/images/index.html', IMAGES],
    ['a renderer file under images spelled with an escape', 'app://pos/%69mages/index.html', IMAGES],
    ['a renderer file under images in capitals', 'app://pos/IMAGES/index.html', IMAGES],
    ['malformed escape in the folder name', `app://pos/%E0%A4%A/${HASH}.png`, IMAGES],
    ['an empty segment before images', `app://pos//images/${HASH}.png`, IMAGES],
  ])('answers 404 for %s', (_case, url, imagesDir) => {
    expect(resolveAppAsset(url, ROOT, imagesDir)).toBeNull()
  })

  it('takes images however the folder is spelled, so a file system that ignores case never serves the renderer folder instead', () => {
    expect(resolveAppAsset(`app://pos/%69mages/${HASH}.png`, ROOT, IMAGES)).toBe(join(IMAGES, `${HASH}.png`))
    expect(resolveAppAsset(`app://pos/Images/${HASH}.png`, ROOT, IMAGES)).toBe(join(IMAGES, `${HASH}.png`))
    expect(resolveAppAsset(`app://pos/IMAGES/${HASH}.png`, ROOT, null)).toBeNull()
  })

  it('never reaches the images folder or its parent through dot segments: the URL parser folds them first', () => {
    // `/images/../x` is `/x` before the handler sees it: a renderer file, never one beside the images.
    expect(resolveAppAsset('app://pos/images/../index.html', ROOT, IMAGES)).toBe(join(ROOT, 'index.html'))
    expect(resolveAppAsset('app://pos/images/%2e%2e/tillwise.sqlite', ROOT, IMAGES)).toBe(join(ROOT, 'tillwise.sqlite'))
    expect(resolveAppAsset(`app://pos/images/./${HASH}.png`, ROOT, IMAGES)).toBe(join(IMAGES, `${HASH}.png`))
    expect(resolveAppAsset(`app://pos/x/../images/${HASH}.png`, ROOT, IMAGES)).toBe(join(IMAGES, `${HASH}.png`))
  })
})

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-1.js', 'text/javascript; charset=utf-8'],
    ['assets/index-1.CSS', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    [`${'0'.repeat(64)}.png`, 'image/png'],
    [`${'0'.repeat(64)}.jpg`, 'image/jpeg'],
    [`${'0'.repeat(64)}.webp`, 'image/webp'],
    ['README', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type)
  })
})

describe('appResponseHeaders', () => {
  it('carries the strict CSP and nosniff on every response', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8')
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8')
  })

  it('allows no inline script, no eval and no remote origin', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/)
        return [name, values] as const
      }),
    )
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/)
  })
})
