/**
 * Applies the permission and network policies to a session. Structural like
 * `web-contents.hardening.ts`, so the wiring is tested with a fake session.
 */
import { denyPermissionCheck, denyPermissionRequest, isAllowedRequest } from './security.policy'

export interface HardenableSession {
  setPermissionRequestHandler(handler: typeof denyPermissionRequest): void
  setPermissionCheckHandler(handler: typeof denyPermissionCheck): void
  readonly webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void
  }
}

export function hardenSession(
  session: HardenableSession,
  allowedOrigins: readonly string[],
  logger: Pick<Console, 'warn'> = console,
): void {
  session.setPermissionRequestHandler(denyPermissionRequest)
  session.setPermissionCheckHandler(denyPermissionCheck)
  // Defence in depth behind the CSP: nothing leaves the machine, whatever the page tries.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, allowedOrigins)
    if (!allowed) logger.warn(`[security] blocked request to ${details.url}`)
    callback({ cancel: !allowed })
  })
}
