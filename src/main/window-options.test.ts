import { describe, expect, it } from 'vitest'
import { createWindowOptions, WINDOW_TITLE } from './window-options'

describe('createWindowOptions', () => {
  const packaged = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', packaged: true })

  it('runs the page isolated and sandboxed, without Node, webviews or insecure content', () => {
    expect(packaged.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      spellcheck: false,
    })
  })

  it('loads the built preload', () => {
    expect(packaged.webPreferences?.preload).toBe('/app/out/preload/index.cjs')
  })

  it('turns DevTools off when packaged and on in development', () => {
    expect(packaged.webPreferences?.devTools).toBe(false)
    expect(createWindowOptions({ preloadPath: '/p.cjs', packaged: false }).webPreferences?.devTools).toBe(true)
  })

  it('shows the app icon it is given', () => {
    expect(createWindowOptions({ preloadPath: '/p.cjs', packaged: true, iconPath: '/app/resources/icon.png' }).icon).toBe(
      '/app/resources/icon.png',
    )
    expect(packaged).not.toHaveProperty('icon')
  })

  it('opens hidden at till size with a title', () => {
    expect(packaged).toMatchObject({ show: false, width: 1280, height: 800, minWidth: 1024, minHeight: 700, title: WINDOW_TITLE })
  })
})
