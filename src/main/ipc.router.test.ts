import { describe, expect, it, vi } from 'vitest'
import type { IpcResult } from '#shared/ipc/errors'
import type { ClientWindow } from '#core/backend'
import { FORBIDDEN_REPLY, INTERNAL_REPLY, createIpcRouter, type IpcInvokeEventLike } from './ipc.router'

class FakeSender {
  destroyed = false
  /** The options of every print of this window's page. */
  readonly prints: unknown[] = []
  private readonly listeners: Array<() => void> = []
  constructor(readonly id: number) {}
  async printToPDF(options: unknown): Promise<Uint8Array> {
    this.prints.push(options)
    return Buffer.from(`%PDF- window ${this.id}`)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  once(_event: 'destroyed', listener: () => void): this {
    this.listeners.push(listener)
    return this
  }
  destroy(): void {
    this.destroyed = true
    for (const listener of this.listeners.splice(0)) listener()
  }
}

function event(sender: FakeSender, url = 'app://pos/index.html', parent: unknown = null): IpcInvokeEventLike {
  return { sender, senderFrame: { url, parent } }
}

function setup(options: { ownIds?: number[]; invoke?: (channel: unknown, input: unknown) => Promise<IpcResult<unknown>> } = {}) {
  const { ownIds = [1, 2], invoke = async (channel: unknown, input: unknown) => ({ ok: true as const, data: { channel, input } }) } =
    options
  const clients: Array<{ invokeUnknown: ReturnType<typeof vi.fn>; disconnect: ReturnType<typeof vi.fn> }> = []
  const connect = vi.fn((_window: ClientWindow) => {
    const client = { invokeUnknown: vi.fn(invoke), disconnect: vi.fn() }
    clients.push(client)
    return client
  })
  const logger = { warn: vi.fn(), error: vi.fn() }
  const router = createIpcRouter({
    allowedOrigins: ['app://pos'],
    isOwnWindow: (id) => ownIds.includes(id),
    connect,
    logger,
  })
  return { router, connect, clients, logger }
}

describe('IPC router', () => {
  it('forwards a trusted call to the window’s backend client and returns its envelope', async () => {
    const { router, clients } = setup()
    const reply = await router.handle('cart:add', event(new FakeSender(1)), { productId: 3, quantity: 2 })
    expect(reply).toEqual({ ok: true, data: { channel: 'cart:add', input: { productId: 3, quantity: 2 } } })
    expect(clients[0]?.invokeUnknown).toHaveBeenCalledExactlyOnceWith('cart:add', { productId: 3, quantity: 2 })
  })

  it('keeps one client (one sign-in session) per window', async () => {
    const { router, connect, clients } = setup()
    const first = new FakeSender(1)
    const second = new FakeSender(2)
    await router.handle('auth:session', event(first), {})
    await router.handle('cart:get', event(first), {})
    await router.handle('auth:session', event(second), {})
    expect(connect).toHaveBeenCalledTimes(2)
    expect(clients[0]?.invokeUnknown).toHaveBeenCalledTimes(2)
    expect(clients[1]?.invokeUnknown).toHaveBeenCalledTimes(1)
    expect(router.size).toBe(2)
  })

  it('gives each window’s client a PDF of that window, laid out by its print styles', async () => {
    const { router, connect } = setup()
    const first = new FakeSender(1)
    const second = new FakeSender(2)
    await router.handle('auth:session', event(first), {})
    await router.handle('auth:session', event(second), {})
    const secondWindow = connect.mock.calls[1]![0]
    expect(Buffer.from(await secondWindow.printToPdf()).toString()).toBe('%PDF- window 2')
    expect(second.prints).toEqual([{ printBackground: true, preferCSSPageSize: true }])
    expect(first.prints).toEqual([])
  })

  it('ends the window’s session when its contents are destroyed', async () => {
    const { router, connect, clients } = setup()
    const sender = new FakeSender(1)
    await router.handle('auth:session', event(sender), {})
    sender.destroy()
    expect(clients[0]?.disconnect).toHaveBeenCalledOnce()
    expect(router.size).toBe(0)
    const reused = new FakeSender(1)
    await router.handle('auth:session', event(reused), {})
    expect(connect).toHaveBeenCalledTimes(2)
  })

  it.each([
    ['a foreign origin', event(new FakeSender(1), 'https://evil.example/')],
    ['a look-alike origin', event(new FakeSender(1), 'app://pos.evil/')],
    ['a child frame of our page', event(new FakeSender(1), 'app://pos/index.html', { url: 'app://pos/' })],
    ['a missing frame', { sender: new FakeSender(1), senderFrame: null }],
    ['a webContents that is not one of our windows', event(new FakeSender(99))],
  ])('refuses %s with FORBIDDEN and never opens a session', async (_case, untrusted) => {
    const { router, connect, logger } = setup()
    const reply = await router.handle('checkout:pay', untrusted, {})
    expect(reply).toEqual(FORBIDDEN_REPLY)
    expect(reply).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
    expect(connect).not.toHaveBeenCalled()
    expect(logger.warn).toHaveBeenCalledOnce()
  })

  it('refuses a destroyed sender', async () => {
    const { router, connect } = setup()
    const sender = new FakeSender(1)
    sender.destroyed = true
    expect(await router.handle('cart:get', event(sender), {})).toEqual(FORBIDDEN_REPLY)
    expect(connect).not.toHaveBeenCalled()
  })

  it('refuses when reading the sender frame throws (frame disposed)', async () => {
    const { router, connect } = setup()
    const throwing = {
      sender: new FakeSender(1),
      get senderFrame(): never {
        throw new Error('Render frame was disposed')
      },
    }
    expect(await router.handle('cart:get', throwing, {})).toEqual(FORBIDDEN_REPLY)
    expect(connect).not.toHaveBeenCalled()
  })

  it('turns a thrown error into INTERNAL without leaking its message or stack', async () => {
    const secret = new Error('SQLITE_CORRUPT at /home/shop/tillwise.sqlite')
    const { router, logger } = setup({ invoke: () => Promise.reject(secret) })
    const reply = await router.handle('checkout:pay', event(new FakeSender(1)), {})
    expect(reply).toEqual(INTERNAL_REPLY)
    expect(JSON.stringify(reply)).not.toContain('SQLITE')
    expect(logger.error).toHaveBeenCalledWith('[ipc] checkout:pay failed', secret)
  })

  it('turns a reply that is not an envelope into INTERNAL', async () => {
    const { router } = setup({ invoke: async () => 'oops' as unknown as IpcResult<unknown> })
    expect(await router.handle('cart:get', event(new FakeSender(1)), {})).toEqual(INTERNAL_REPLY)
  })

  it('passes domain errors through unchanged', async () => {
    const insufficient = { ok: false as const, error: { code: 'INSUFFICIENT_BALANCE' as const, message: 'Insufficient balance' } }
    const { router } = setup({ invoke: async () => insufficient })
    expect(await router.handle('checkout:pay', event(new FakeSender(1)), {})).toEqual(insufficient)
  })

  it('disconnects every session before the backend closes, even if one disconnect throws', async () => {
    const { router, clients, logger } = setup()
    await router.handle('auth:session', event(new FakeSender(1)), {})
    await router.handle('auth:session', event(new FakeSender(2)), {})
    clients[0]?.disconnect.mockImplementation(() => {
      throw new Error('already closed')
    })
    router.disconnectAll()
    expect(clients[0]?.disconnect).toHaveBeenCalledOnce()
    expect(clients[1]?.disconnect).toHaveBeenCalledOnce()
    expect(logger.error).toHaveBeenCalledOnce()
    expect(router.size).toBe(0)
  })
})
