/**
 * The application menu, as a template: pure so what a shop's till offers is tested without
 * Electron. Every item is a built-in role (or a separator), so no item runs code of ours and every
 * shortcut is Electron's own for that role.
 *
 * A packaged till offers no reload (it would drop the sale on screen) and no DevTools. The menu is
 * not the lock: `webPreferences.devTools: false` (window-options.ts) is. With it Electron 45's
 * `openDevTools()`/`toggleDevTools()` do nothing, whatever calls them, and Electron binds no
 * DevTools or reload key of its own outside a menu (F12, Ctrl+Shift+I and Ctrl+R/F5 are
 * Chromium-browser shortcuts Electron does not have; its default menu's View items are the only
 * place it offers them). Setting this menu also stops Electron from installing that default menu.
 */
import type { MenuItemConstructorOptions } from 'electron'

export interface AppMenuInput {
  /** `app.isPackaged` (or the lock-down asked for, startup.config.ts): no developer items. */
  packaged: boolean
  platform: NodeJS.Platform
  /** Shown as the macOS app menu's title. */
  appName: string
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/** Text fields' shortcuts: on macOS copy and paste work only through a menu that has them. */
const editMenu: MenuItemConstructorOptions = {
  label: 'Edit',
  submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
}

/** Zoom for a far-off or small screen, full screen for a till that shows nothing else. */
function viewMenu(packaged: boolean): MenuItemConstructorOptions {
  const developer: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
  return {
    label: 'View',
    submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
  }
}

export function appMenuTemplate({ packaged, platform, appName }: AppMenuInput): MenuItemConstructorOptions[] {
  if (platform === 'darwin') {
    return [
      {
        label: appName,
        submenu: [{ role: 'about' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
      },
      editMenu,
      viewMenu(packaged),
      // No Close: Cmd+W would shut the till's only window while the app stays open.
      { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] },
    ]
  }
  return [{ label: 'File', submenu: [{ role: 'quit' }] }, editMenu, viewMenu(packaged)]
}
