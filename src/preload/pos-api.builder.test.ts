import { describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '#shared/ipc/channel-names'
import { contract } from '#shared/ipc/contract'
import { buildPosApi } from './pos-api.builder'

describe('buildPosApi', () => {
  it('has exactly one function per contract channel', () => {
    const api = buildPosApi(vi.fn())
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort())
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort())
    for (const channel of CHANNEL_NAMES) expect(typeof api[channel]).toBe('function')
  })

  it('is frozen, so page scripts cannot replace or add a function', () => {
    const api = buildPosApi(vi.fn())
    expect(Object.isFrozen(api)).toBe(true)
    expect(() => {
      ;(api as unknown as Record<string, unknown>)['cart:add'] = () => 'hijacked'
    }).toThrow(TypeError)
    expect(() => {
      ;(api as unknown as Record<string, unknown>)['shell:exec'] = () => 'added'
    }).toThrow(TypeError)
  })

  it('forwards the wire channel name and exactly the one input argument', async () => {
    const invoke = vi.fn(async () => ({ ok: true, data: { lines: [], itemCount: 0, totalCents: 0 } }))
    const api = buildPosApi(invoke)
    const callWithExtra = api['cart:add'] as unknown as (...args: unknown[]) => Promise<unknown>
    const reply = await callWithExtra({ productId: 7, quantity: 1 }, 'extra', { userId: 1 })
    expect(invoke).toHaveBeenCalledExactlyOnceWith('pos:cart:add', { productId: 7, quantity: 1 })
    expect(reply).toEqual({ ok: true, data: { lines: [], itemCount: 0, totalCents: 0 } })
  })

  it('routes every channel to its own wire name', async () => {
    const invoke = vi.fn(async (ipcChannel: string) => ipcChannel)
    const api = buildPosApi(invoke) as unknown as Record<string, (input: unknown) => Promise<unknown>>
    for (const channel of CHANNEL_NAMES) {
      await expect(api[channel]?.({})).resolves.toBe(`pos:${channel}`)
    }
    expect(invoke).toHaveBeenCalledTimes(CHANNEL_NAMES.length)
  })
})
