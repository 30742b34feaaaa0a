/**
 * Search-as-you-type: waits for a short pause in typing, then searches; replies that arrive after a
 * newer query was issued are dropped so the newest query always wins.
 */
type TimerHandle = ReturnType<typeof globalThis.setTimeout>

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
}

export interface SearchSequencerOptions<R> {
  delayMs: number
  search: (query: string) => Promise<R>
  /** Called only with the reply to the newest query. */
  onResult: (query: string, result: R) => void
  timers?: Timers
}

export interface SearchSequencer<R> {
  /** The text changed: search after the pause. An empty query cancels instead. */
  typed(query: string): void
  /** Search at once (skipping the pause); resolves to undefined when a newer query overtook it. */
  now(query: string): Promise<R | undefined>
  /** Drops the pending pause and any reply still in flight. */
  cancel(): void
}

export function createSearchSequencer<R>(options: SearchSequencerOptions<R>): SearchSequencer<R> {
  const timers = options.timers ?? realTimers
  let latest = 0
  let pending: TimerHandle | undefined

  function clearPending(): void {
    if (pending !== undefined) timers.clearTimeout(pending)
    pending = undefined
  }

  async function run(query: string): Promise<R | undefined> {
    const ticket = ++latest
    const result = await options.search(query)
    if (ticket !== latest) return undefined
    options.onResult(query, result)
    return result
  }

  return {
    typed(query) {
      clearPending()
      latest++
      if (query.trim() === '') return
      pending = timers.setTimeout(() => {
        pending = undefined
        void run(query)
      }, options.delayMs)
    },
    now(query) {
      clearPending()
      return run(query)
    },
    cancel() {
      clearPending()
      latest++
    },
  }
}
