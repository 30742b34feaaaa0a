/**
 * Security policies for the Electron shell, as pure functions so they are tested under Node.
 * `window.ts`, `index.ts` and `ipc.ts` only wire them to Electron events.
 */

/**
 * The origin of a URL as Chromium sees it, or null when it has none we could trust.
 *
 * The WHATWG parser gives every non-special scheme (our `app:`) an opaque origin ("null"), while
 * Chromium treats a scheme registered as `standard` like http: `scheme://host[:port]` with a
 * case-insensitive host. So special schemes use the parser's origin and other schemes are rebuilt
 * from scheme and host. URLs carrying credentials are refused outright: the app never uses them
 * and `app://pos@evil/` is the classic way to make a host look like ours.
 */
export function originOf(url: string): string | null {
  const parsed = URL.parse(url)
  if (!parsed || parsed.username !== '' || parsed.password !== '') return null
  if (parsed.origin !== 'null') return parsed.origin
  // about:, data:, javascript:, blob:, file:/// and `app:pos` have no host and so no origin.
  if (parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host.toLowerCase()}`
}

/** True when the URL's origin is exactly one of the allowed origins. */
export function isAllowedOrigin(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== null && allowedOrigins.includes(origin)
}

/**
 * `will-navigate` / `will-redirect`: the window may only move within the app's own origin (the
 * dev server's origin in development). Anything else would put foreign content next to the
 * preload's `window.pos`.
 */
export function isAllowedNavigation(url: string, allowedOrigins: readonly string[]): boolean {
  return isAllowedOrigin(url, allowedOrigins)
}

/** Schemes that never leave the machine and that the renderer or DevTools legitimately load. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:'])

/**
 * Every network request of the session: no remote content at all. Only the app's own origins,
 * inline `data:`/`blob:` URLs and DevTools' own pages pass; the dev server's HMR websocket is
 * accepted for the dev server's origin.
 */
export function isAllowedRequest(url: string, allowedOrigins: readonly string[]): boolean {
  const parsed = URL.parse(url)
  if (!parsed) return false
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true
  if (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') {
    const httpUrl = `${parsed.protocol === 'ws:' ? 'http:' : 'https:'}${url.slice(parsed.protocol.length)}`
    return isAllowedOrigin(httpUrl, allowedOrigins)
  }
  return isAllowedOrigin(url, allowedOrigins)
}

/** `setWindowOpenHandler`: the till never opens a second window or a browser tab. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' }
}

/** `session.setPermissionRequestHandler`: camera, notifications, HID… are all refused. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (permissionGranted: boolean) => void): void {
  callback(false)
}

/** `session.setPermissionCheckHandler`: every synchronous permission check answers "no". */
export function denyPermissionCheck(): boolean {
  return false
}

/** `will-attach-webview`: a `<webview>` would be a second, unguarded browser inside the app. */
export function preventWebviewAttach(event: { preventDefault(): void }): void {
  event.preventDefault()
}

/** The part of Electron's `WebFrameMain` the sender check reads (`event.senderFrame`). */
export interface SenderFrameLike {
  readonly url: string
  readonly parent: unknown
  readonly detached?: boolean
}

/**
 * Every IPC call: true only for a live top-level frame (no parent) whose URL's origin is exactly
 * one of ours. A child frame of our own page is refused too: only the page we loaded may call in.
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, allowedOrigins: readonly string[]): boolean {
  if (!frame) return false
  try {
    if (frame.parent !== null || frame.detached === true) return false
    return isAllowedOrigin(frame.url, allowedOrigins)
  } catch {
    // A frame disposed mid-call throws on access: it is not a sender we can vouch for.
    return false
  }
}
