import { describe, expect, it } from 'vitest'
import { createKeyedQueue, createSerialQueue } from './serial-queue'

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

describe('createKeyedQueue', () => {
  it('runs the tasks of one key in order and lets other keys through at once', async () => {
    const queues = createKeyedQueue()
    const first = deferred<void>()
    const order: string[] = []
    const a1 = queues.run('a', async () => {
      await first.promise
      order.push('a1')
    })
    const a2 = queues.run('a', async () => {
      order.push('a2')
    })
    await queues.run('b', async () => {
      order.push('b1')
    })
    expect(order).toEqual(['b1'])
    expect(queues.size).toBe(1)
    first.resolve()
    await Promise.all([a1, a2])
    expect(order).toEqual(['b1', 'a1', 'a2'])
    expect(queues.size).toBe(0)
  })

  it('keeps going after a task of the key failed', async () => {
    const queues = createKeyedQueue()
    const failed = queues.run('a', async () => {
      throw new Error('no')
    })
    const next = queues.run('a', async () => 'yes')
    await expect(failed).rejects.toThrow('no')
    await expect(next).resolves.toBe('yes')
  })
})
