/** The one file that handles our channels on `ipcMain`: one handler per contract channel, all through the router (main-log.ts only removes electron-log's own listener). */
import { ipcMain } from 'electron'
import { CHANNEL_NAMES, ipcChannelName } from '#shared/ipc/channel-names'
import { createIpcRouter, type IpcRouter, type IpcRouterOptions } from './ipc.router'

export function registerIpcHandlers(options: IpcRouterOptions): IpcRouter {
  const router = createIpcRouter(options)
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannelName(channel), (event, input: unknown) => router.handle(channel, event, input))
  }
  return router
}
