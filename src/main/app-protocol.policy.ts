/**
 * The `app://pos/` scheme that serves the built renderer in production, and the product images
 * under `images/`. Pure: the path resolver and headers are tested under Node; `app-protocol.ts`
 * registers them with Electron.
 */
import { isAbsolute, join, relative, sep } from 'node:path'
import { PRODUCT_IMAGE_FILE } from '#shared/contract/catalog'
import { CSP_HEADER } from '#shared/csp'
import { originOf } from './security.policy'

export const APP_SCHEME = 'app'
export const APP_HOST = 'pos'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** The header every app:// response carries (see src/shared/csp.ts). */
export const CONTENT_SECURITY_POLICY = CSP_HEADER

/** The longest file name the usual file systems allow (ext4, NTFS, APFS). */
const MAX_NAME_BYTES = 255

/** The first segment of the URLs of product images (`app://pos/images/<file>`). */
export const IMAGES_SEGMENT = 'images'

/**
 * Maps a request URL to a file under `rootDir`, or null (answer 404). `images/<file>` maps to
 * `imagesDir` instead, and only for a file directly inside it whose name is a stored image's
 * (`<sha256>.<png|jpg|webp>`, written as is: no percent-encoding); anything else under `images/`
 * is refused, never looked up in the renderer's folder.
 *
 * Refuses other schemes and hosts, credentials, `..` and `.` segments in any encoding (the URL
 * parser already folds `/../` and `/%2e%2e/`; a segment that still decodes to one was smuggled
 * through as `%2f`), encoded separators, drive letters, NUL bytes and empty segments (`//etc`).
 * The final containment check is a second line of defence, not the only one.
 */
export function resolveAppAsset(requestUrl: string, rootDir: string, imagesDir: string | null = null): string | null {
  if (originOf(requestUrl) !== APP_ORIGIN) return null
  const { protocol, pathname } = new URL(requestUrl)
  if (protocol !== `${APP_SCHEME}:`) return null

  const rawSegments = pathname === '/' ? ['index.html'] : pathname.slice(1).split('/')
  // However it is spelled (`%69mages`, `IMAGES` on a file system that ignores case), never the renderer's folder.
  if (isImagesSegment(rawSegments[0] ?? '')) return resolveProductImage(rawSegments, imagesDir)
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

function isImagesSegment(raw: string): boolean {
  try {
    return decodeURIComponent(raw).toLowerCase() === IMAGES_SEGMENT
  } catch {
    return false
  }
}

/** `images/<file>` → the file in `imagesDir`, or null. */
function resolveProductImage(rawSegments: readonly string[], imagesDir: string | null): string | null {
  const [, name, ...rest] = rawSegments
  if (imagesDir === null || name === undefined || rest.length > 0 || !PRODUCT_IMAGE_FILE.test(name)) return null
  const filePath = join(imagesDir, name)
  return relative(imagesDir, filePath) === name ? filePath : null
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
