import type { BrowserWindowConstructorOptions } from 'electron'

export interface WindowOptionsInput {
  /** Absolute path of the built preload (`out/preload/index.cjs`). */
  preloadPath: string
  /** `app.isPackaged`: DevTools are off in what ships to shops. */
  packaged: boolean
  /** The app icon (`resources/icon.png`), shown in the task bar and the window switcher. */
  iconPath?: string
}

export const WINDOW_TITLE = 'Tillwise POS'

/**
 * What every window's page runs under: isolated and sandboxed, no Node, no webviews, only its
 * preload's frozen object exposed, and DevTools off in what ships.
 */
export function hardenedWebPreferences(preloadPath: string, packaged: boolean) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    navigateOnDragDrop: false,
    devTools: !packaged,
    spellcheck: false,
  } as const satisfies BrowserWindowConstructorOptions['webPreferences']
}

/** The main window: a till-sized window whose page runs sandboxed with only `window.pos` exposed. */
export function createWindowOptions({ preloadPath, packaged, iconPath }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...(iconPath ? { icon: iconPath } : {}),
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    // Shown on `ready-to-show` so the cashier never sees a blank frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(preloadPath, packaged),
  }
}
