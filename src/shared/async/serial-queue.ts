/**
 * Runs async tasks one after another in call order. Core runs database work through one so
 * transactions never interleave on its single connection; the till runs cart changes through one so a fast
 * scanner's replies are applied in the order the codes were scanned, and a payment is sent only
 * after the cart changes before it have landed.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>
  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void>
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run(task) {
      const result = tail.then(task)
      // A failed task must not stall the ones behind it; its caller still sees the rejection.
      tail = result.catch(() => undefined)
      return result
    },
    async idle() {
      let seen: Promise<unknown>
      do {
        seen = tail
        await seen
      } while (seen !== tail)
    },
  }
}

/** One serial queue per key: tasks of one key run one after another, tasks of different keys do not wait. */
export interface KeyedQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>
  /** Keys with a task queued or running (a key's queue is dropped once it is idle). */
  readonly size: number
}

export function createKeyedQueue(): KeyedQueue {
  const queues = new Map<string, { queue: SerialQueue; pending: number }>()
  return {
    run(key, task) {
      let entry = queues.get(key)
      if (!entry) {
        entry = { queue: createSerialQueue(), pending: 0 }
        queues.set(key, entry)
      }
      const current = entry
      current.pending += 1
      return current.queue.run(task).finally(() => {
        current.pending -= 1
        if (current.pending === 0 && queues.get(key) === current) queues.delete(key)
      })
    },
    get size() {
      return queues.size
    },
  }
}
