/**
 * The `protocol.handle('app', …)` request handler, written against the fetch `Request`/`Response`
 * globals so it runs (and is tested) under plain Node with a real folder of files.
 */
import { readFile as fsReadFile } from 'node:fs/promises'
import { appResponseHeaders, contentTypeFor, resolveAppAsset } from './app-protocol.policy'

export interface AppProtocolHandlerOptions {
  /** The built renderer (`out/renderer`). */
  rootDir: string
  /** The product images (`images/` beside the database), served at `images/<file>`. */
  imagesDir?: string
  readFile?: (path: string) => Promise<Uint8Array>
  logger?: Pick<Console, 'error'>
}

const TEXT = 'text/plain; charset=utf-8'

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...appResponseHeaders(TEXT), ...extra } })
}

function isMissingFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' || code === 'ENAMETOOLONG'
}

export function createAppProtocolHandler(options: AppProtocolHandlerOptions): (request: Request) => Promise<Response> {
  const { rootDir, imagesDir = null, readFile = fsReadFile, logger = console } = options
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' })
    }
    const filePath = resolveAppAsset(request.url, rootDir, imagesDir)
    if (filePath === null) return plain(404, 'Not Found')
    let body: Uint8Array
    try {
      body = await readFile(filePath)
    } catch (error) {
      if (isMissingFile(error)) return plain(404, 'Not Found')
      logger.error('[app-protocol] could not read', filePath, error)
      return plain(500, 'Internal Server Error')
    }
    const headers = appResponseHeaders(contentTypeFor(filePath))
    // Response takes a BodyInit; a Node Buffer is a Uint8Array but not typed as one of its variants.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
  }
}
