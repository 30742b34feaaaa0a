/**
 * The customer display's rules: which screen it opens on, the window it is, and when it opens,
 * shows a state and closes. Pure (no electron import) so every rule is tested under Node;
 * `customer-display.ts` only hands it Electron's screens and windows.
 */
import type { BrowserWindowConstructorOptions } from 'electron'
import { hardenedWebPreferences } from './window-options'
import type { CustomerDisplaySettings, DisplayScreen, DisplayState } from '#shared/contract/display'

export interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

/** A screen as main knows it (Electron's `Display`, with whether it is the primary one). */
export interface ScreenInfo {
  id: number
  label: string
  bounds: Bounds
  primary: boolean
}

export const DISPLAY_WINDOW_TITLE = 'Tillwise POS — customer display'

export interface DisplayWindowOptionsInput {
  /** Absolute path of the display's own preload (`out/preload/display.cjs`). */
  preloadPath: string
  /** The chosen screen's bounds: the window covers it. */
  bounds: Bounds
  /** `app.isPackaged`: DevTools are off in what ships to shops. */
  packaged: boolean
}

/**
 * The display window: frameless and full screen on the customer's screen, never focusable (a
 * click or a touch on it never takes the keyboard from the till), off the task bar, and as
 * sandboxed as the till's window, with only `window.customerDisplay` exposed by its preload.
 * Created hidden and shown with `showInactive()`, so showing it does not take focus either.
 */
export function displayWindowOptions({ preloadPath, bounds, packaged }: DisplayWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: DISPLAY_WINDOW_TITLE,
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    show: false,
    frame: false,
    fullscreen: true,
    focusable: false,
    skipTaskbar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    closable: true,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      ...hardenedWebPreferences(preloadPath, packaged),
      // The display shows what it is sent, whether or not it is covered: never throttled behind the till.
      backgroundThrottling: false,
    },
  }
}

/**
 * The screen the display opens on: the one chosen when the computer still has it; else the first
 * that is not the till's (primary) screen; else none, and no window opens (a display on the till's
 * own screen would cover the till).
 */
export function chooseDisplay<S extends Pick<ScreenInfo, 'id' | 'primary'>>(screens: readonly S[], screenId: number | null): S | null {
  if (screenId !== null) {
    const chosen = screens.find((screen) => screen.id === screenId)
    if (chosen) return chosen
  }
  return screens.find((screen) => !screen.primary) ?? null
}

/** The screens as the setting's picker lists them. */
export function screensForPicker(screens: readonly ScreenInfo[]): DisplayScreen[] {
  return screens.map((screen) => ({
    id: screen.id,
    label: screen.label.trim() === '' ? `${screen.bounds.width}×${screen.bounds.height}` : screen.label.slice(0, 200),
    width: Math.max(0, Math.round(screen.bounds.width)),
    height: Math.max(0, Math.round(screen.bounds.height)),
    primary: screen.primary,
  }))
}

/** The display's page, beside the till's own: `app://pos/display.html`, or the dev server's. */
export function displayPageUrl(tillUrl: string): string {
  return new URL('display.html', tillUrl).href
}

/** An open display window, as the controller drives it. */
export interface DisplayWindowHandle {
  /** Shows `state` (the window keeps the latest until its page has loaded). */
  send(state: DisplayState): void
  close(): void
}

export interface DisplayControllerDeps {
  /** The screens the computer has now. */
  screens(): readonly ScreenInfo[]
  /** Opens the display window on `screen`; `closed` is called when it goes away by itself. */
  open(screen: ScreenInfo, closed: () => void): DisplayWindowHandle
}

export interface DisplayController {
  configure(settings: CustomerDisplaySettings): void
  show(state: DisplayState): void
  screens(): Promise<DisplayScreen[]>
  /** A screen was added, removed or changed: the display moves to the screen the setting now means, or closes. */
  screensChanged(): void
  /**
   * The till's window closed: the display closes and forgets the sale it showed, and opens nothing
   * until the till is back (an open display alone would keep the app from quitting).
   */
  tillClosed(): void
  /** The till's window opened (again, as on macOS from the dock): the display follows its next state. */
  tillOpened(): void
}

/**
 * When the window opens and closes: it opens lazily, with the first state while the setting is on
 * and there is a screen for it; it closes when the setting goes off or its screen goes away, and
 * moves when another screen is chosen. The latest state is kept, so a window opened again shows
 * the sale as it stands.
 */
export function createDisplayController(deps: DisplayControllerDeps): DisplayController {
  let settings: CustomerDisplaySettings = { enabled: false, screenId: null }
  let latest: DisplayState | null = null
  let current: { window: DisplayWindowHandle; screenId: number } | null = null
  let tillOpen = true

  const close = () => {
    const open = current
    current = null
    open?.window.close()
  }

  /** Opens, moves or closes the window as the setting and the screens now say. */
  const follow = () => {
    const screen = settings.enabled && tillOpen ? chooseDisplay(deps.screens(), settings.screenId) : null
    if (current && current.screenId !== screen?.id) close()
    if (!screen || current || latest === null) return
    const opened: { window: DisplayWindowHandle; screenId: number } = {
      screenId: screen.id,
      window: deps.open(screen, () => {
        if (current === opened) current = null
      }),
    }
    current = opened
    opened.window.send(latest)
  }

  return {
    configure(next) {
      settings = { enabled: next.enabled, screenId: next.screenId }
      follow()
    },
    show(state) {
      latest = state
      if (current) current.window.send(state)
      else follow()
    },
    async screens() {
      return screensForPicker(deps.screens())
    },
    screensChanged: follow,
    tillClosed() {
      tillOpen = false
      latest = null
      close()
    },
    tillOpened() {
      tillOpen = true
      follow()
    },
  }
}
