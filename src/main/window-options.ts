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
    webPreferences: {
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
    },
  }
}
