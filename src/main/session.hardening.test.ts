import { describe, expect, it, vi } from 'vitest'
import { hardenSession, type HardenableSession } from './session.hardening'

function fakeSession() {
  const handlers: {
    request?: Parameters<HardenableSession['setPermissionRequestHandler']>[0]
    check?: Parameters<HardenableSession['setPermissionCheckHandler']>[0]
    beforeRequest?: Parameters<HardenableSession['webRequest']['onBeforeRequest']>[0]
  } = {}
  const session: HardenableSession = {
    setPermissionRequestHandler: (handler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler) => (handlers.check = handler),
    webRequest: { onBeforeRequest: (listener) => (handlers.beforeRequest = listener) },
  }
  return { session, handlers }
}

describe('hardenSession', () => {
  it('denies permission requests and checks', () => {
    const { session, handlers } = fakeSession()
    hardenSession(session, ['app://pos'], { warn: vi.fn() })
    const callback = vi.fn()
    handlers.request?.({}, 'media', callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    expect(handlers.check?.()).toBe(false)
  })

  it('cancels requests that would leave the app and logs them', () => {
    const { session, handlers } = fakeSession()
    const logger = { warn: vi.fn() }
    hardenSession(session, ['app://pos'], logger)
    const decide = (url: string) => {
      const callback = vi.fn()
      handlers.beforeRequest?.({ url }, callback)
      return callback.mock.calls[0]?.[0]
    }
    expect(decide('app://pos/assets/index.js')).toEqual({ cancel: false })
    expect(decide('https://cdn.example/lib.js')).toEqual({ cancel: true })
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true })
    expect(logger.warn).toHaveBeenCalledTimes(2)
  })
})
