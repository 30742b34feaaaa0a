import { BrowserWindow } from 'electron'
import { createWindowOptions } from './window-options'

export interface MainWindowOptions {
  preloadPath: string
  iconPath: string
  packaged: boolean
  url: string
}

/**
 * Opens the till window. Navigation, window.open and webview policies are applied to every
 * webContents from `web-contents-created` in `index.ts`, so this window gets them too.
 */
export function createMainWindow({ preloadPath, iconPath, packaged, url }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions({ preloadPath, packaged, iconPath }))
  window.once('ready-to-show', () => window.show())
  window.loadURL(url).catch((error: unknown) => console.error('[window] could not load', url, error))
  return window
}
