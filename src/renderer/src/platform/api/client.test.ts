import { describe, expect, it } from 'vitest'
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract'
import { windowClient, withErrorFunnel, type ClientError, type ClientResult, type PosClient } from './client'

/** A client that answers every call with `reply`, or throws it when it is an Error. */
function clientAnswering(reply: ClientResult<unknown> | Error): PosClient {
  return {
    async call<C extends Channel>(_channel: C, _input: ChannelInput<C>) {
      if (reply instanceof Error) throw reply
      return reply as ClientResult<ChannelOutput<C>>
    },
  }
}

function funnelled(reply: ClientResult<unknown> | Error) {
  const lost: ClientError[] = []
  const api = withErrorFunnel(clientAnswering(reply), { sessionLost: (error) => lost.push(error) })
  return { api, lost }
}

describe('the error funnel', () => {
  it('turns a call that throws into UNREACHABLE', async () => {
    const { api, lost } = funnelled(new Error('the bridge is gone'))
    expect(await api.call('cart:get', {})).toEqual({ ok: false, error: { code: 'UNREACHABLE', message: 'the bridge is gone' } })
    expect(lost).toEqual([])
  })

  it('reports a refusal for a lost session, once, and still hands it to the caller', async () => {
    const refusal = {
      ok: false,
      error: { code: 'NOT_AUTHENTICATED', message: 'idle', params: { reason: 'idle', idleMinutes: 15 } },
    } as const
    const { api, lost } = funnelled(refusal)
    expect(await api.call('cart:get', {})).toEqual(refusal)
    expect(lost).toEqual([refusal.error])
  })

  it('leaves every other reply alone', async () => {
    const refusal = { ok: false, error: { code: 'TOKEN_EXPIRED', message: 'Token has expired' } } as const
    const { api, lost } = funnelled(refusal)
    expect(await api.call('cart:get', {})).toEqual(refusal)
    expect(lost).toEqual([])
    expect(await funnelled({ ok: true, data: { lines: [] } }).api.call('cart:get', {})).toEqual({ ok: true, data: { lines: [] } })
  })

  it('answers UNREACHABLE where there is no window.pos', async () => {
    const api = withErrorFunnel(windowClient, { sessionLost: () => {} })
    expect(await api.call('app:info', {})).toEqual({ ok: false, error: { code: 'UNREACHABLE', message: 'window.pos is not available' } })
  })
})
