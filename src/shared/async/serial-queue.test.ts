import { describe, expect, it } from 'vitest'
import { createSerialQueue } from './serial-queue'

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('createSerialQueue', () => {
  it('starts a task only after the previous one settled', async () => {
    const queue = createSerialQueue()
    const first = deferred<string>()
    const started: string[] = []
    const a = queue.run(() => {
      started.push('a')
      return first.promise
    })
    const b = queue.run(async () => {
      started.push('b')
      return 'b'
    })
    await Promise.resolve()
    expect(started).toEqual(['a'])
    first.resolve('a')
    expect(await a).toBe('a')
    expect(await b).toBe('b')
    expect(started).toEqual(['a', 'b'])
  })

  it('keeps going after a task fails, and the failure reaches its caller', async () => {
    const queue = createSerialQueue()
    const failing = queue.run(async () => {
      throw new Error('boom')
    })
    const next = queue.run(async () => 'next')
    await expect(failing).rejects.toThrow('boom')
    expect(await next).toBe('next')
  })

  it('idle waits for tasks queued while waiting', async () => {
    const queue = createSerialQueue()
    const order: string[] = []
    const gate = deferred<void>()
    void queue.run(async () => {
      await gate.promise
      order.push('first')
      void queue.run(async () => {
        order.push('second')
      })
    })
    const idle = queue.idle().then(() => order.push('idle'))
    gate.resolve()
    await idle
    expect(order).toEqual(['first', 'second', 'idle'])
  })
})
