import { describe, expect, it } from 'vitest'
import { idleDisplayState, type DisplayState } from '#shared/contract/display'
import {
  chooseDisplay,
  createDisplayController,
  displayPageUrl,
  displayWindowOptions,
  screensForPicker,
  type DisplayWindowHandle,
  type ScreenInfo,
} from './display-window'
import { createWindowOptions } from './window-options'

const TILL: ScreenInfo = { id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true }
const POLE: ScreenInfo = { id: 7, label: 'Pole display', bounds: { x: 1920, y: 0, width: 800, height: 480 }, primary: false }
const TV: ScreenInfo = { id: 9, label: '', bounds: { x: -1280, y: 0, width: 1280, height: 720 }, primary: false }

const IDLE = idleDisplayState({ storeName: 'Himal Kirana', currency: 'NPR', currencyDecimals: 2, locale: 'en-IN' })
const SALE: DisplayState = {
  ...IDLE,
  phase: 'sale',
  lines: [{ name: 'Tea', quantity: 1, lineTotalCents: 25_000 }],
  lineCount: 1,
  itemCount: 1,
  totalCents: 25_000,
}

describe('displayWindowOptions', () => {
  const options = displayWindowOptions({ preloadPath: '/app/out/preload/display.cjs', bounds: POLE.bounds, packaged: true })

  it('covers the chosen screen, frameless and full screen, off the task bar', () => {
    expect(options).toMatchObject({ x: 1920, y: 0, width: 800, height: 480, frame: false, fullscreen: true, skipTaskbar: true })
  })

  it('never takes focus: not focusable, and created hidden (main shows it inactive)', () => {
    expect(options.focusable).toBe(false)
    expect(options.show).toBe(false)
  })

  it('is sandboxed exactly like the till window, with its own preload', () => {
    const till = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', packaged: true }).webPreferences!
    const { preload, backgroundThrottling, ...hardening } = options.webPreferences!
    const { preload: tillPreload, ...tillHardening } = till
    expect(preload).toBe('/app/out/preload/display.cjs')
    expect(tillPreload).not.toBe(preload)
    expect(hardening).toEqual(tillHardening)
    expect(hardening).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false })
    expect(backgroundThrottling).toBe(false)
  })

  it('keeps DevTools for development only', () => {
    expect(displayWindowOptions({ preloadPath: 'p', bounds: POLE.bounds, packaged: false }).webPreferences?.devTools).toBe(true)
  })
})

describe('chooseDisplay', () => {
  it('takes the chosen screen while the computer has it', () => {
    expect(chooseDisplay([TILL, POLE, TV], 9)).toBe(TV)
    // The till's own screen, when someone chose it on purpose.
    expect(chooseDisplay([TILL, POLE], 1)).toBe(TILL)
  })

  it('falls back to the first screen that is not the till’s', () => {
    expect(chooseDisplay([TILL, POLE, TV], null)).toBe(POLE)
    expect(chooseDisplay([TILL, POLE, TV], 42)).toBe(POLE)
  })

  it('answers none with only the till’s screen, or none at all', () => {
    expect(chooseDisplay([TILL], null)).toBeNull()
    expect(chooseDisplay([TILL], 42)).toBeNull()
    expect(chooseDisplay([], null)).toBeNull()
  })
})

describe('screensForPicker and displayPageUrl', () => {
  it('lists each screen with its size, a nameless one by its size', () => {
    expect(screensForPicker([TILL, TV])).toEqual([
      { id: 1, label: 'Built-in', width: 1920, height: 1080, primary: true },
      { id: 9, label: '1280×720', width: 1280, height: 720, primary: false },
    ])
  })

  it('puts the display page beside the till’s', () => {
    expect(displayPageUrl('app://pos/index.html')).toBe('app://pos/display.html')
    expect(displayPageUrl('http://localhost:5173/')).toBe('http://localhost:5173/display.html')
  })
})

/** Windows as the controller opens them, with what each was sent and whether it was closed. */
function fakeWindows(screens: ScreenInfo[]) {
  const opened: { screen: ScreenInfo; sent: DisplayState[]; closed: boolean; goAway: () => void }[] = []
  const controller = createDisplayController({
    screens: () => screens,
    open(screen, closed) {
      const record = { screen, sent: [] as DisplayState[], closed: false, goAway: closed }
      opened.push(record)
      const handle: DisplayWindowHandle = {
        send: (state) => void record.sent.push(state),
        close: () => {
          record.closed = true
        },
      }
      return handle
    },
  })
  return { controller, opened, screens }
}

describe('createDisplayController', () => {
  it('opens nothing while the setting is off', () => {
    const { controller, opened } = fakeWindows([TILL, POLE])
    controller.configure({ enabled: false, screenId: null })
    controller.show(SALE)
    expect(opened).toEqual([])
  })

  it('opens lazily with the first state once the setting is on, then forwards each state', () => {
    const { controller, opened } = fakeWindows([TILL, POLE])
    controller.configure({ enabled: true, screenId: null })
    expect(opened).toEqual([])
    controller.show(IDLE)
    controller.show(SALE)
    expect(opened).toHaveLength(1)
    expect(opened[0]!.screen).toBe(POLE)
    expect(opened[0]!.sent).toEqual([IDLE, SALE])
  })

  it('opens at once when switched on after a state came, showing the latest', () => {
    const { controller, opened } = fakeWindows([TILL, POLE])
    controller.configure({ enabled: false, screenId: null })
    controller.show(IDLE)
    controller.show(SALE)
    controller.configure({ enabled: true, screenId: null })
    expect(opened).toHaveLength(1)
    expect(opened[0]!.sent).toEqual([SALE])
  })

  it('closes when switched off, and moves when another screen is chosen', () => {
    const { controller, opened } = fakeWindows([TILL, POLE, TV])
    controller.configure({ enabled: true, screenId: null })
    controller.show(SALE)
    controller.configure({ enabled: true, screenId: 7 })
    expect(opened).toHaveLength(1)
    controller.configure({ enabled: true, screenId: 9 })
    expect(opened.map((window) => [window.screen.id, window.closed])).toEqual([
      [7, true],
      [9, false],
    ])
    expect(opened[1]!.sent).toEqual([SALE])
    controller.configure({ enabled: false, screenId: 9 })
    expect(opened[1]!.closed).toBe(true)
    controller.show(IDLE)
    expect(opened).toHaveLength(2)
  })

  it('opens no window with only the till’s screen, and one once a second screen is plugged in', () => {
    const { controller, opened, screens } = fakeWindows([TILL])
    controller.configure({ enabled: true, screenId: null })
    controller.show(SALE)
    expect(opened).toEqual([])
    screens.push(POLE)
    controller.screensChanged()
    expect(opened.map((window) => window.screen.id)).toEqual([7])
    screens.splice(1)
    controller.screensChanged()
    expect(opened[0]!.closed).toBe(true)
  })

  it('opens again with the next state after the window went away by itself', () => {
    const { controller, opened } = fakeWindows([TILL, POLE])
    controller.configure({ enabled: true, screenId: null })
    controller.show(IDLE)
    opened[0]!.goAway()
    controller.show(SALE)
    expect(opened).toHaveLength(2)
    expect(opened[1]!.sent).toEqual([SALE])
  })

  it('stays closed while the till’s window is closed, whatever comes', () => {
    const { controller, opened, screens } = fakeWindows([TILL, POLE])
    controller.configure({ enabled: true, screenId: null })
    controller.show(IDLE)
    controller.tillClosed()
    controller.show(SALE)
    controller.configure({ enabled: true, screenId: 7 })
    screens.push(TV)
    controller.screensChanged()
    expect(opened).toHaveLength(1)
    expect(opened[0]!.closed).toBe(true)
  })

  it('opens again once the till’s window is back (macOS, from the dock), with its next state and never the old sale', () => {
    const { controller, opened } = fakeWindows([TILL, POLE])
    controller.configure({ enabled: true, screenId: null })
    controller.show(SALE)
    controller.tillClosed()
    controller.tillOpened()
    // Nothing to show yet: the sale on the display when the till closed is not shown again.
    expect(opened).toHaveLength(1)
    controller.show(IDLE)
    expect(opened).toHaveLength(2)
    expect(opened[1]!.screen).toBe(POLE)
    expect(opened[1]!.sent).toEqual([IDLE])
  })

  it('lists the screens for the picker', async () => {
    const { controller } = fakeWindows([TILL, POLE])
    await expect(controller.screens()).resolves.toEqual(screensForPicker([TILL, POLE]))
  })
})
