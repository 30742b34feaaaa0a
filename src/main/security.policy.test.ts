import { describe, expect, it, vi } from 'vitest'
import {
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  originOf,
  preventWebviewAttach,
} from './security.policy'

const APP = ['app://pos']
const DEV = ['http://localhost:5173']

describe('originOf', () => {
  it.each([
    ['app://pos/', 'app://pos'],
    ['app://pos/index.html?x=1#cart', 'app://pos'],
    // Chromium lower-cases scheme and host of a standard scheme, so these are the same origin.
    ['APP://POS/index.html', 'app://pos'],
    ['app://pos:8080/', 'app://pos:8080'],
    ['http://LOCALHOST:5173/src/main.tsx', 'http://localhost:5173'],
    ['https://pos/', 'https://pos'],
  ])('%s → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin)
  })

  it.each([
    'about:blank',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'blob:app://pos/5b1c…',
    'app:pos/index.html',
    'app:///index.html',
    'app://pos@evil/',
    'app://user:secret@pos/',
    'http://user@localhost:5173/',
    'not a url',
    '',
  ])('%s has no trusted origin', (url) => {
    expect(originOf(url)).toBeNull()
  })
})

describe('isAllowedNavigation', () => {
  it('allows the app’s own pages', () => {
    expect(isAllowedNavigation('app://pos/index.html', APP)).toBe(true)
    expect(isAllowedNavigation('app://pos/receipt?id=4', APP)).toBe(true)
  })

  it.each([
    'app://pos.evil/',
    'app://evil/',
    'app://pos@evil/',
    'app://pos:1/',
    'http://pos/',
    'https://example.com/',
    'file:///C:/Windows/win.ini',
    'about:blank',
    'data:text/html,hi',
    'javascript:alert(1)',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url, APP)).toBe(false)
  })

  it('in development allows only the dev server’s origin', () => {
    expect(isAllowedNavigation('http://localhost:5173/index.html', DEV)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5174/', DEV)).toBe(false)
    expect(isAllowedNavigation('https://localhost:5173/', DEV)).toBe(false)
    expect(isAllowedNavigation('app://pos/', DEV)).toBe(false)
  })
})

describe('isAllowedRequest', () => {
  it('allows the app’s own assets and local inline data', () => {
    expect(isAllowedRequest('app://pos/assets/index-abc.js', APP)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', APP)).toBe(true)
    expect(isAllowedRequest('blob:app://pos/7c0e', APP)).toBe(true)
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', APP)).toBe(true)
  })

  it('refuses anything remote or from the file system', () => {
    expect(isAllowedRequest('https://fonts.googleapis.com/css', APP)).toBe(false)
    expect(isAllowedRequest('http://127.0.0.1:8080/', APP)).toBe(false)
    expect(isAllowedRequest('file:///etc/passwd', APP)).toBe(false)
    expect(isAllowedRequest('wss://evil.example/', APP)).toBe(false)
    expect(isAllowedRequest('::', APP)).toBe(false)
  })

  it('lets the dev server’s HMR websocket through, and only that one', () => {
    expect(isAllowedRequest('ws://localhost:5173/?token=abc', DEV)).toBe(true)
    expect(isAllowedRequest('ws://localhost:9999/', DEV)).toBe(false)
    expect(isAllowedRequest('wss://localhost:5173/', DEV)).toBe(false)
  })
})

describe('window, permission and webview handlers', () => {
  it('denies every window.open', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' })
  })

  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'openExternal']) {
      const callback = vi.fn()
      denyPermissionRequest({}, permission, callback)
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    }
  })

  it('answers every permission check with no', () => {
    expect(denyPermissionCheck()).toBe(false)
  })

  it('prevents every webview from attaching', () => {
    const event = { preventDefault: vi.fn() }
    preventWebviewAttach(event)
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })
})

describe('isTrustedSender', () => {
  const top = (url: string) => ({ url, parent: null })

  it('trusts the top-level frame of our own origin', () => {
    expect(isTrustedSender(top('app://pos/index.html'), APP)).toBe(true)
    expect(isTrustedSender(top('app://pos/'), APP)).toBe(true)
  })

  it('accepts an upper-case spelling, which is the same origin once parsed', () => {
    expect(isTrustedSender(top('APP://POS/'), APP)).toBe(true)
  })

  it.each([
    'app://pos.evil/',
    'app://evil/',
    'app://pos@evil/',
    'app://pos:pw@pos/',
    'app://p%6fs/',
    'http://pos/',
    'https://pos/',
    'file:///opt/tillwise/resources/app/out/renderer/index.html',
    'about:blank',
    'data:text/html,<h1>pos</h1>',
    'javascript:alert(1)',
    '',
  ])('refuses a top-level frame at %s', (url) => {
    expect(isTrustedSender(top(url), APP)).toBe(false)
  })

  it('refuses a child frame even when it shows our own origin', () => {
    const parent = top('app://pos/index.html')
    expect(isTrustedSender({ url: 'app://pos/index.html', parent }, APP)).toBe(false)
  })

  it('refuses a missing frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null, APP)).toBe(false)
    expect(isTrustedSender(undefined, APP)).toBe(false)
  })

  it('refuses a detached frame', () => {
    expect(isTrustedSender({ url: 'app://pos/', parent: null, detached: true }, APP)).toBe(false)
  })

  it('refuses a frame whose properties throw because it was disposed', () => {
    const disposed = {
      parent: null,
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    }
    expect(isTrustedSender(disposed, APP)).toBe(false)
  })

  it('trusts the dev server only when it is the allowed origin', () => {
    expect(isTrustedSender(top('http://localhost:5173/'), DEV)).toBe(true)
    expect(isTrustedSender(top('http://localhost:5173/'), APP)).toBe(false)
    expect(isTrustedSender(top('app://pos/'), DEV)).toBe(false)
  })

  it('trusts nobody when no origin is allowed', () => {
    expect(isTrustedSender(top('app://pos/'), [])).toBe(false)
  })
})
