/**
 * The only module that touches `window.pos`. Every call resolves to an envelope: domain errors come
 * back from core as `{ ok: false }`, and a transport failure (the bridge missing or the call
 * rejecting) becomes `UNREACHABLE` so the screens handle one shape.
 */
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract'
import type { ErrorCode } from '../../../shared/errors'

export type ClientErrorCode = ErrorCode | 'UNREACHABLE'
export interface ClientError {
  readonly code: ClientErrorCode
  readonly message: string
}
export type ClientResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ClientError }

export interface PosClient {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ClientResult<ChannelOutput<C>>>
}

function unreachable(reason: unknown): { ok: false; error: ClientError } {
  const message = reason instanceof Error ? reason.message : String(reason)
  return { ok: false, error: { code: 'UNREACHABLE', message } }
}

export const api: PosClient = {
  async call(channel, input) {
    const bridge = typeof window === 'undefined' ? undefined : window.pos
    if (!bridge) return unreachable('window.pos is not available')
    try {
      return await bridge[channel](input)
    } catch (reason) {
      return unreachable(reason)
    }
  },
}
