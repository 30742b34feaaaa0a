/** The only file that touches `ipcRenderer`: it exposes `window.pos` and nothing else. */
import { contextBridge, ipcRenderer } from 'electron'
import { buildPosApi } from './pos-api.builder'

contextBridge.exposeInMainWorld(
  'pos',
  buildPosApi((ipcChannel, input) => ipcRenderer.invoke(ipcChannel, input)),
)
