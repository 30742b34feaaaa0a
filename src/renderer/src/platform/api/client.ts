/**
 * The only module that touches `window.pos`, and the one error funnel every slice calls the
 * backend through. Every call resolves to an envelope: domain errors come back from core as
 * `{ ok: false }` with a code and params, and a transport failure (the bridge missing or the call
 * rejecting) becomes `UNREACHABLE`, so the screens handle one shape. A refusal because the session
 * is gone is reported once, here, so no slice has to look for it.
 */
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import type { ErrorCode, ErrorParams, IpcError } from '#shared/ipc/errors'

/** The backend's codes, plus the client's own for a reply that never arrived. */
export type ClientErrorCode = ErrorCode | 'UNREACHABLE'

type ParamsOf<C extends ClientErrorCode> = C extends ErrorCode ? ErrorParams<C> : Record<never, never>

/** A refusal, its params typed by its code. `message` is for logs; screens translate code and params. */
export type ClientError = {
  readonly [C in ClientErrorCode]: { readonly code: C; readonly message: string; readonly params?: Readonly<ParamsOf<C>> }
}[ClientErrorCode]

export type ClientResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ClientError }

export interface PosClient {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ClientResult<ChannelOutput<C>>>
}

function unreachable(reason: unknown): { readonly ok: false; readonly error: ClientError } {
  const message = reason instanceof Error ? reason.message : String(reason)
  return { ok: false, error: { code: 'UNREACHABLE', message } }
}

/**
 * Core builds every refusal with `failure(code, message, params)`, whose type ties the params to
 * the code; the envelope loses that link on the way over IPC, and this puts it back.
 */
function typed(error: IpcError): ClientError {
  return error as ClientError
}

/** `window.pos` as a client; the funnel turns its failures into `UNREACHABLE`. */
export const windowClient: PosClient = {
  async call(channel, input) {
    const bridge = typeof window === 'undefined' ? undefined : window.pos
    if (!bridge) throw new Error('window.pos is not available')
    const reply = await bridge[channel](input)
    return reply.ok ? reply : { ok: false, error: typed(reply.error) }
  },
}

/** Whether the reply was lost on the way (the call may or may not have been carried out). */
export function replyLost(error: ClientError): boolean {
  return error.code === 'UNREACHABLE'
}

export interface FunnelHooks {
  /** The backend no longer knows this window's session; `error` says why (idle, restored, …). */
  sessionLost(error: Extract<ClientError, { code: 'NOT_AUTHENTICATED' }>): void
}

/**
 * Wraps a client so that a call that throws becomes `UNREACHABLE` and a refusal for a lost
 * session is reported to `hooks` before the caller sees it.
 */
export function withErrorFunnel(client: PosClient, hooks: FunnelHooks): PosClient {
  return {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ClientResult<ChannelOutput<C>>> {
      let reply: ClientResult<ChannelOutput<C>>
      try {
        reply = await client.call(channel, input)
      } catch (reason) {
        return unreachable(reason)
      }
      if (!reply.ok && reply.error.code === 'NOT_AUTHENTICATED') hooks.sessionLost(reply.error)
      return reply
    },
  }
}
