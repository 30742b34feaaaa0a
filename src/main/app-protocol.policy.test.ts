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

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-1.js', 'text/javascript; charset=utf-8'],
    ['assets/index-1.CSS', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
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
