import { protocol } from 'electron'
import { createAppProtocolHandler } from './app-protocol.handler'
import { APP_SCHEME } from './app-protocol.policy'

/**
 * Must run before `ready`. `standard` gives `app://pos` a real origin (relative URLs, CSP 'self'),
 * `secure` makes it a secure context, `supportFetchAPI` lets the renderer fetch its own assets.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serves the built renderer folder on `app://pos/`, and the product images at `app://pos/images/`; call after `ready`. */
export function serveAppProtocol(rendererDir: string, imagesDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: rendererDir, imagesDir }))
}
