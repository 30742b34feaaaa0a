/**
 * The customer display's Electron side: Electron's screens, and the display window itself, handed
 * to the controller in `display-window.ts`, where every rule lives. The window can call nothing: its
 * preload only listens, and its webContents is not one of the till's, so `ipc.ts` refuses it.
 */
import { BrowserWindow, screen } from 'electron'
import { DISPLAY_STATE_EVENT } from '#shared/ipc/channel-names'
import type { DisplayState } from '#shared/contract/display'
import { createDisplayController, displayWindowOptions, type DisplayController, type ScreenInfo } from './display-window'

export interface CustomerDisplayOptions {
  /** `out/preload/display.cjs`. */
  preloadPath: string
  /** The display's page (`displayPageUrl` of the till's). */
  url: string
  packaged: boolean
}

/** The screens as the controller takes them. Call only once the app is ready. */
function currentScreens(): ScreenInfo[] {
  const primary = screen.getPrimaryDisplay().id
  return screen
    .getAllDisplays()
    .map((display) => ({ id: display.id, label: display.label, bounds: display.bounds, primary: display.id === primary }))
}

/** The display, following its screens; for `openBackend`'s `display`. Create it once the app is ready. */
export function createCustomerDisplay({ preloadPath, url, packaged }: CustomerDisplayOptions): DisplayController {
  const controller = createDisplayController({
    screens: currentScreens,
    open(target, closed) {
      const window = new BrowserWindow(displayWindowOptions({ preloadPath, bounds: target.bounds, packaged }))
      // The page listens once it has loaded: until then only the latest state is kept.
      let loaded = false
      let pending: DisplayState | null = null
      window.webContents.once('did-finish-load', () => {
        loaded = true
        if (pending) window.webContents.send(DISPLAY_STATE_EVENT, pending)
        pending = null
      })
      // Shown without being activated: the till keeps the keyboard.
      window.once('ready-to-show', () => window.showInactive())
      window.once('closed', closed)
      window.loadURL(url).catch((error: unknown) => console.error('[display] could not load', url, error))
      return {
        send(state) {
          if (window.isDestroyed()) return
          if (loaded) window.webContents.send(DISPLAY_STATE_EVENT, state)
          else pending = state
        },
        close() {
          if (!window.isDestroyed()) window.close()
        },
      }
    },
  })
  // A screen plugged in or out: the display follows the setting to the screen it now means.
  screen.on('display-added', () => controller.screensChanged())
  screen.on('display-removed', () => controller.screensChanged())
  screen.on('display-metrics-changed', () => controller.screensChanged())
  return controller
}
