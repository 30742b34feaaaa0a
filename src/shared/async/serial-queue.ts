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
