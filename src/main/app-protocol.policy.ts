/**
 * The `app://pos/` scheme that serves the built renderer in production. Pure: the path resolver
 * and headers are tested under Node; `app-protocol.ts` registers them with Electron.
 */
import { isAbsolute, join, relative, sep } from 'node:path'
import { CSP_HEADER } from '#shared/csp'
import { originOf } from './security.policy'

export const APP_SCHEME = 'app'
export const APP_HOST = 'pos'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** The header every app:// response carries (see src/shared/csp.ts). */
export const CONTENT_SECURITY_POLICY = CSP_HEADER

/**
 * Maps a request URL to a file under `rootDir`, or null (answer 404).
 *
 * Refuses other schemes and hosts, credentials, `..` and `.` segments in any encoding (the URL
 * parser already folds `/../` and `/%2e%2e/`; a segment that still decodes to one was smuggled
 * through as `%2f`), encoded separators, drive letters, NUL bytes and empty segments (`//etc`).
 * The final containment check is a second line of defence, not the only one.
 */
/** The longest file name the usual file systems allow (ext4, NTFS, APFS). */
const MAX_NAME_BYTES = 255

export function resolveAppAsset(requestUrl: string, rootDir: string): string | null {
  if (originOf(requestUrl) !== APP_ORIGIN) return null
  const { protocol, pathname } = new URL(requestUrl)
  if (protocol !== `${APP_SCHEME}:`) return null

  const rawSegments = pathname === '/' ? ['index.html'] : pathname.slice(1).split('/')
  const segments: string[] = []
  for (const raw of rawSegments) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (segment === '' || segment === '.' || segment === '..') return null
    if (/[/\\:\0]/.test(segment)) return null
    // No file system has a name this long: it cannot be one of ours.
    if (Buffer.byteLength(segment) > MAX_NAME_BYTES) return null
    segments.push(segment)
  }

  const filePath = join(rootDir, ...segments)
  const fromRoot = relative(rootDir, filePath)
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
    return null
  }
  return filePath
}

export { contentTypeFor } from '#shared/content-types'

/** Headers on every `app://` response, errors included. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  }
}
