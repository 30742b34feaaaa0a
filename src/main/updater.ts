/**
 * The shell's updater: electron-updater's `autoUpdater` behind core's `UpdaterPort`, on the
 * generic provider at the store's own folder. The rules live in `updater.rules.ts`; this only loads
 * electron-updater (at the first check a manager asks for, never at start) and routes its log.
 */
import { app } from 'electron'
import type { UpdaterPort } from '#core/backend'
import { createUpdaterPort, type AutoUpdaterLike } from './updater.rules'

/** Where the updater's own lines go: main's log. */
export interface UpdaterLogger {
  info(...parts: unknown[]): void
  warn(...parts: unknown[]): void
  error(...parts: unknown[]): void
}

/** Core's updater for a packaged app. */
export function createUpdater(logger: UpdaterLogger): UpdaterPort {
  return createUpdaterPort(async () => {
    // CommonJS: its exports arrive as the default export of an ES module import.
    const { default: electronUpdater } = await import('electron-updater')
    const { autoUpdater } = electronUpdater
    autoUpdater.logger = logger
    // An 'error' with no listener would throw in main; each step's own promise carries it to core.
    autoUpdater.on('error', (error) => logger.error('[updater]', error))
    return autoUpdater as AutoUpdaterLike
  }, app.getVersion())
}
