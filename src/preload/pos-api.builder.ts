/**
 * Builds `window.pos` from the channel list alone. Pure, and imports only `shared/channels` (plus
 * types): the sandboxed preload bundle cannot carry zod or any Node module.
 */
import { CHANNEL_NAMES, ipcChannelName } from '#shared/ipc/channel-names'
import type { PosApi } from '#shared/ipc/contract'

/** `ipcRenderer.invoke`, narrowed to what the API needs. */
export type IpcInvoke = (ipcChannel: string, input: unknown) => Promise<unknown>

/**
 * One function per channel, each forwarding exactly one argument; frozen so page scripts cannot
 * swap a function. Main answers every call with an envelope, which is what `PosApi` promises.
 */
export function buildPosApi(invoke: IpcInvoke): PosApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const channel of CHANNEL_NAMES) {
    const wireName = ipcChannelName(channel)
    api[channel] = (input: unknown) => invoke(wireName, input)
  }
  // The object is built from CHANNEL_NAMES, which contract.ts checks equals its channels.
  return Object.freeze(api) as unknown as PosApi
}
