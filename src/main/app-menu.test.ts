import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { appMenuTemplate } from './app-menu'
import { resolveLockedDown } from './startup.config'
import { createWindowOptions } from './window-options'

const PLATFORMS = ['darwin', 'win32', 'linux'] as const
const APP_NAME = 'Tillwise POS'

/** Every item of a template, submenus included, top level first. */
function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

const roles = (items: readonly MenuItemConstructorOptions[]) =>
  flatten(items).flatMap((item) => (item.role ? [item.role.toLowerCase()] : []))

/** `CmdOrCtrl+Shift+i` and `Control+Shift+I` as one key: modifiers sorted, names folded. */
function normalizeAccelerator(accelerator: string): string {
  const names: Record<string, string> = {
    commandorcontrol: 'ctrl',
    cmdorctrl: 'ctrl',
    control: 'ctrl',
    command: 'ctrl',
    cmd: 'ctrl',
    option: 'alt',
  }
  const parts = accelerator.toLowerCase().split('+')
  const key = parts.pop() ?? ''
  return [...parts.map((part) => names[part] ?? part).sort(), key].join('+')
}

/** Roles that reload the page or reach DevTools, and Electron's composite View menu that holds them. */
const DEVELOPER_ROLES = ['reload', 'forcereload', 'toggledevtools', 'viewmenu']
/** DevTools' and reload's keys on every system. */
const DEVELOPER_KEYS = [
  'f12',
  'ctrl+shift+i',
  'alt+ctrl+i',
  'ctrl+shift+j',
  'alt+ctrl+j',
  'ctrl+shift+c',
  'ctrl+r',
  'ctrl+shift+r',
  'f5',
].map(normalizeAccelerator)

/** What a packaged till may offer: the platform's standard items and nothing that reloads or inspects. */
const PACKAGED_ROLES = new Set(
  [
    'about',
    'hide',
    'hideOthers',
    'unhide',
    'quit',
    'undo',
    'redo',
    'cut',
    'copy',
    'paste',
    'selectAll',
    'resetZoom',
    'zoomIn',
    'zoomOut',
    'togglefullscreen',
    'minimize',
    'zoom',
    'front',
  ].map((role) => role.toLowerCase()),
)

describe('appMenuTemplate when packaged', () => {
  for (const platform of PLATFORMS) {
    const template = appMenuTemplate({ packaged: true, platform, appName: APP_NAME })

    it(`has no developer item anywhere on ${platform}`, () => {
      expect(roles(template).filter((role) => DEVELOPER_ROLES.includes(role))).toEqual([])
      const keys = flatten(template).flatMap((item) => (item.accelerator ? [normalizeAccelerator(item.accelerator)] : []))
      expect(keys.filter((key) => DEVELOPER_KEYS.includes(key))).toEqual([])
      expect(flatten(template).filter((item) => /develop|devtools|inspect|reload/i.test(item.label ?? ''))).toEqual([])
    })

    it(`offers only standard roles, with their own shortcuts and no code of ours, on ${platform}`, () => {
      expect(roles(template).filter((role) => !PACKAGED_ROLES.has(role))).toEqual([])
      const items = flatten(template)
      expect(items.filter((item) => 'click' in item || 'accelerator' in item)).toEqual([])
      // Every item is a role, a separator or a titled submenu.
      expect(items.filter((item) => !item.role && item.type !== 'separator' && !(item.label && Array.isArray(item.submenu)))).toEqual([])
    })

    it(`keeps text fields' shortcuts and zoom on ${platform}`, () => {
      expect(roles(template)).toEqual(
        expect.arrayContaining([
          'undo',
          'redo',
          'cut',
          'copy',
          'paste',
          'selectall',
          'zoomin',
          'zoomout',
          'resetzoom',
          'togglefullscreen',
          'quit',
        ]),
      )
    })
  }

  it('gives macOS the app menu, Edit and Window', () => {
    const template = appMenuTemplate({ packaged: true, platform: 'darwin', appName: APP_NAME })
    expect(template.map((item) => item.label)).toEqual([APP_NAME, 'Edit', 'View', 'Window'])
    expect(roles(template.slice(0, 1))).toEqual(['about', 'hide', 'hideothers', 'unhide', 'quit'])
    expect(roles(template.slice(3))).toEqual(['minimize', 'zoom', 'front'])
  })

  it('gives Windows and Linux File (Quit), Edit and View, and no app menu', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = appMenuTemplate({ packaged: true, platform, appName: APP_NAME })
      expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View'])
      expect(roles(template.slice(0, 1))).toEqual(['quit'])
      expect(roles(template)).not.toContain('about')
    }
  })

  it('never offers Close, which would shut the till’s only window', () => {
    for (const platform of PLATFORMS) {
      expect(roles(appMenuTemplate({ packaged: true, platform, appName: APP_NAME }))).not.toContain('close')
    }
  })
})

describe('the packaged shell', () => {
  it('has neither DevTools in its window nor a developer item in its menu, whatever the environment says', () => {
    for (const env of [{}, { TILLWISE_LOCKDOWN: '0' }, { TILLWISE_LOCKDOWN: '1' }]) {
      const packaged = resolveLockedDown(true, env)
      expect(createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', packaged }).webPreferences?.devTools).toBe(false)
      for (const platform of PLATFORMS) {
        expect(roles(appMenuTemplate({ packaged, platform, appName: APP_NAME })).filter((role) => DEVELOPER_ROLES.includes(role))).toEqual(
          [],
        )
      }
    }
  })

  it('is what an unpackaged run gets with TILLWISE_LOCKDOWN=1, and only then', () => {
    expect(
      createWindowOptions({ preloadPath: '/p.cjs', packaged: resolveLockedDown(false, { TILLWISE_LOCKDOWN: '1' }) }).webPreferences
        ?.devTools,
    ).toBe(false)
    expect(roles(appMenuTemplate({ packaged: resolveLockedDown(false, {}), platform: 'linux', appName: APP_NAME }))).toContain(
      'toggledevtools',
    )
  })
})

describe('appMenuTemplate in development', () => {
  it('keeps reload and DevTools in View on every system', () => {
    for (const platform of PLATFORMS) {
      const template = appMenuTemplate({ packaged: false, platform, appName: APP_NAME })
      const view = template.find((item) => item.label === 'View')
      expect(roles(view ? [view] : [])).toEqual(expect.arrayContaining(['reload', 'forcereload', 'toggledevtools']))
    }
  })

  it('differs from the packaged menu only by those items', () => {
    const developerOnly = (platform: NodeJS.Platform) => {
      const packaged = roles(appMenuTemplate({ packaged: true, platform, appName: APP_NAME }))
      return roles(appMenuTemplate({ packaged: false, platform, appName: APP_NAME })).filter((role) => !packaged.includes(role))
    }
    for (const platform of PLATFORMS) expect(developerOnly(platform)).toEqual(['reload', 'forcereload', 'toggledevtools'])
  })
})

describe('normalizeAccelerator (the check above)', () => {
  it('folds the spellings of one key together', () => {
    expect(normalizeAccelerator('CmdOrCtrl+Shift+I')).toBe(normalizeAccelerator('Shift+Control+i'))
    expect(normalizeAccelerator('Command+Option+I')).toBe(normalizeAccelerator('Alt+Ctrl+I'))
    expect(normalizeAccelerator('F12')).toBe('f12')
  })
})
