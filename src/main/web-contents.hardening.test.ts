import { describe, expect, it, vi } from 'vitest'
import { hardenWebContents, type PreventableEvent } from './web-contents.hardening'

type Listener = (event: PreventableEvent, url: string) => void

class FakeWebContents {
  readonly listeners = new Map<string, Listener>()
  windowOpenHandler: (() => { action: 'deny' }) | undefined
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener)
    return this
  }
  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.windowOpenHandler = handler
  }
  emit(name: string, url: string, onEvent = true): PreventableEvent & { preventDefault: ReturnType<typeof vi.fn> } {
    const event = { preventDefault: vi.fn(), ...(onEvent ? { url } : {}) }
    this.listeners.get(name)?.(event, url)
    return event
  }
}

function harden() {
  const contents = new FakeWebContents()
  const logger = { warn: vi.fn() }
  hardenWebContents(contents, ['app://pos'], logger)
  return { contents, logger }
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-redirect'])('%s: blocks a foreign URL and lets our own through', (name) => {
    const { contents, logger } = harden()
    expect(contents.emit(name, 'https://evil.example/phish').preventDefault).toHaveBeenCalledOnce()
    expect(logger.warn).toHaveBeenCalledOnce()
    expect(contents.emit(name, 'app://pos/index.html').preventDefault).not.toHaveBeenCalled()
  })

  it('reads the URL from the deprecated argument when the event has none', () => {
    const { contents } = harden()
    expect(contents.emit('will-navigate', 'file:///etc/passwd', false).preventDefault).toHaveBeenCalledOnce()
  })

  it('prevents webviews from attaching', () => {
    const { contents } = harden()
    expect(contents.emit('will-attach-webview', '').preventDefault).toHaveBeenCalledOnce()
  })

  it('denies window.open', () => {
    const { contents } = harden()
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' })
  })
})
