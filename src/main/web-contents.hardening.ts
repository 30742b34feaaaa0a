/**
 * Applies the navigation, window and webview policies to one webContents. Written against a
 * structural type so the wiring itself is tested with a fake; `index.ts` calls it for every
 * webContents Electron creates.
 */
import { denyWindowOpen, isAllowedNavigation, preventWebviewAttach } from './security.policy'

export interface PreventableEvent {
  preventDefault(): void
  /** Electron ≥ 25 puts the URL on the event; the positional argument is deprecated. */
  readonly url?: string
}

export interface HardenableWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: () => { action: 'deny' }): void
}

export function hardenWebContents(
  contents: HardenableWebContents,
  allowedOrigins: readonly string[],
  logger: Pick<Console, 'warn'> = console,
): void {
  const guardNavigation = (kind: string) => (event: PreventableEvent, url: string) => {
    const target = event.url ?? url
    if (isAllowedNavigation(target, allowedOrigins)) return
    event.preventDefault()
    logger.warn(`[security] blocked ${kind} to ${target}`)
  }
  contents.on('will-navigate', guardNavigation('navigation'))
  contents.on('will-redirect', guardNavigation('redirect'))
  contents.on('will-attach-webview', preventWebviewAttach)
  contents.setWindowOpenHandler(denyWindowOpen)
}
