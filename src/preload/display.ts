/** The customer display window's preload: it exposes `window.customerDisplay` (listen only) and nothing else. */
import { contextBridge, ipcRenderer } from 'electron'
import { buildCustomerDisplayApi, DISPLAY_STATE_EVENT } from './display-api.builder'

contextBridge.exposeInMainWorld(
  'customerDisplay',
  buildCustomerDisplayApi((deliver) => {
    const listener = (_event: Electron.IpcRendererEvent, state: unknown) => deliver(state)
    ipcRenderer.on(DISPLAY_STATE_EVENT, listener)
    return () => ipcRenderer.removeListener(DISPLAY_STATE_EVENT, listener)
  }),
)
