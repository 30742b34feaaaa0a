import { describe, expect, it, vi } from 'vitest'
import { createQuitGuard } from './quit.guard'

function deferred() {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const quitEvent = () => ({ preventDefault: vi.fn() })

describe('createQuitGuard', () => {
  it('holds the first quit until the backend has closed, then quits for real', async () => {
    const closing = deferred()
    const close = vi.fn(() => closing.promise)
    const quit = vi.fn()
    const guard = createQuitGuard({ close, quit })

    const first = quitEvent()
    guard(first)
    expect(first.preventDefault).toHaveBeenCalledOnce()
    expect(close).toHaveBeenCalledOnce()
    expect(quit).not.toHaveBeenCalled()

    closing.resolve()
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce())

    const replay = quitEvent()
    guard(replay)
    expect(replay.preventDefault).not.toHaveBeenCalled()
    expect(close).toHaveBeenCalledOnce()
  })

  it('closes only once when quit is asked again while closing', () => {
    const close = vi.fn(() => deferred().promise)
    const guard = createQuitGuard({ close, quit: vi.fn() })
    guard(quitEvent())
    const again = quitEvent()
    guard(again)
    expect(again.preventDefault).toHaveBeenCalledOnce()
    expect(close).toHaveBeenCalledOnce()
  })

  it('still quits when closing fails, and logs the failure', async () => {
    const logger = { error: vi.fn() }
    const quit = vi.fn()
    const failure = new Error('disk gone')
    const guard = createQuitGuard({ close: () => Promise.reject(failure), quit, logger })
    guard(quitEvent())
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce())
    expect(logger.error).toHaveBeenCalledWith('[quit] closing the backend failed', failure)
  })
})
