/**
 * Search-as-you-type: waits for a short pause in typing, then searches; replies that arrive after a
 * newer query was issued are dropped so the newest query always wins. Further pages of the answer
 * on screen go through it too, so a page of an old query never lands in a newer query's list.
 */

/**
 * The pause in typing before a search is sent. It counts in full in keystroke → results (budget
 * 100 ms p95; `npm run bench:screen` measured p95 ≈ 82 ms with 60 ms, ≈ 66 ms with 40 ms on 2
 * cores), so it is kept short; yet it is ten times the 2–5 ms between a scanner's keys, so a scan
 * never searches mid-code.
 */
export const SEARCH_DELAY_MS = 40

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
  /**
   * Fetches more of the answer last delivered (another page). Resolves to undefined, without
   * fetching, when a newer query is already under way, and drops the reply when one was issued
   * before it arrived.
   */
  more<T>(fetch: () => Promise<T>): Promise<T | undefined>
}

export function createSearchSequencer<R>(options: SearchSequencerOptions<R>): SearchSequencer<R> {
  const timers = options.timers ?? realTimers
  let latest = 0
  /** The ticket of the query whose reply was delivered last. */
  let delivered = -1
  let pending: TimerHandle | undefined

  function clearPending(): void {
    if (pending !== undefined) timers.clearTimeout(pending)
    pending = undefined
  }

  async function run(query: string): Promise<R | undefined> {
    const ticket = ++latest
    const result = await options.search(query)
    if (ticket !== latest) return undefined
    delivered = ticket
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
    async more(fetch) {
      const ticket = latest
      if (delivered !== ticket) return undefined
      const result = await fetch()
      return ticket === latest ? result : undefined
    },
  }
}
