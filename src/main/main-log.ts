/**
 * Starts main's log with the settings of app-log.ts. electron-log/main is imported here only, and
 * its `initialize()` is never called: pages get no logging preload and no channel to the file.
 */
import { ipcMain } from 'electron'
import log from 'electron-log/main'
import { closeLogChannel, configureLog, mainLogOptions, routeConsole } from './app-log'

/** Sets the log up and routes main's console to it; returns the file's path for the start-up error box. */
export function startMainLog(options: { dataDir: string; packaged: boolean }): string {
  closeLogChannel(ipcMain)
  const settings = mainLogOptions(options)
  configureLog(log, settings)
  routeConsole(console, log)
  // Uncaught errors and rejections go to the file rather than a stack-trace box in front of the
  // cashier; a failed start has its own box (index.ts), which names this file.
  log.errorHandler.startCatching({ showDialog: false })
  return settings.file.path
}
