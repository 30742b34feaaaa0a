import { describe, expect, it } from 'vitest'
import { drainTasks } from '../../platform/lib/drain-tasks'
import { createSearchSequencer, type Timers } from './search-sequencer'

/** Timers advanced by hand, so the test decides when the typing pause ends. */
function manualTimers() {
  let next = 1
  const pending = new Map<number, () => void>()
  const timers: Timers = {
    setTimeout: (callback) => {
      const id = next++
      pending.set(id, callback)
      return id
    },
    clearTimeout: (handle) => {
      pending.delete(handle)
    },
  }
  return {
    timers,
    fire() {
      const callbacks = [...pending.values()]
      pending.clear()
      for (const callback of callbacks) callback()
    },
    get pendingCount() {
      return pending.size
    },
  }
}

function controllable() {
  const calls: { query: string; resolve: (value: string) => void }[] = []
  const search = (query: string) => new Promise<string>((resolve) => calls.push({ query, resolve }))
  return { calls, search }
}

describe('createSearchSequencer', () => {
  it('waits for a pause in typing and searches only the last text', () => {
    const clock = manualTimers()
    const backend = controllable()
    const sequencer = createSearchSequencer({ delayMs: 60, search: backend.search, onResult: () => {}, timers: clock.timers })
    sequencer.typed('m')
    sequencer.typed('mi')
    sequencer.typed('mil')
    expect(backend.calls).toEqual([])
    clock.fire()
    expect(backend.calls.map((c) => c.query)).toEqual(['mil'])
  })

  it('drops a reply that arrives after a newer query was sent', async () => {
    const clock = manualTimers()
    const backend = controllable()
    const shown: string[] = []
    const sequencer = createSearchSequencer({
      delayMs: 60,
      search: backend.search,
      onResult: (query, result) => shown.push(`${query}=${result}`),
      timers: clock.timers,
    })
    sequencer.typed('mi')
    clock.fire()
    sequencer.typed('milk')
    clock.fire()
    const [older, newer] = backend.calls
    newer?.resolve('2 results')
    older?.resolve('9 results')
    await drainTasks()
    expect(shown).toEqual(['milk=2 results'])
  })

  it('drops an in-flight reply once the text was typed over, before the pause ends', async () => {
    const clock = manualTimers()
    const backend = controllable()
    const shown: string[] = []
    const sequencer = createSearchSequencer({
      delayMs: 60,
      search: backend.search,
      onResult: (query) => shown.push(query),
      timers: clock.timers,
    })
    sequencer.typed('mi')
    clock.fire()
    sequencer.typed('mil')
    backend.calls[0]?.resolve('stale')
    await drainTasks()
    expect(shown).toEqual([])
  })

  it('an empty text cancels the pending search', () => {
    const clock = manualTimers()
    const backend = controllable()
    const sequencer = createSearchSequencer({ delayMs: 60, search: backend.search, onResult: () => {}, timers: clock.timers })
    sequencer.typed('milk')
    sequencer.typed('')
    expect(clock.pendingCount).toBe(0)
    clock.fire()
    expect(backend.calls).toEqual([])
  })

  it('now() skips the pause and cancel() drops its reply', async () => {
    const clock = manualTimers()
    const backend = controllable()
    const shown: string[] = []
    const sequencer = createSearchSequencer({
      delayMs: 60,
      search: backend.search,
      onResult: (query) => shown.push(query),
      timers: clock.timers,
    })
    sequencer.typed('mil')
    const reply = sequencer.now('milk')
    expect(clock.pendingCount).toBe(0)
    expect(backend.calls.map((c) => c.query)).toEqual(['milk'])
    sequencer.cancel()
    backend.calls[0]?.resolve('x')
    expect(await reply).toBeUndefined()
    expect(shown).toEqual([])
  })

  it('more() fetches further pages of the answer shown, and drops them once a newer query is typed', async () => {
    const clock = manualTimers()
    const backend = controllable()
    const pages = controllable()
    const sequencer = createSearchSequencer({ delayMs: 60, search: backend.search, onResult: () => {}, timers: clock.timers })
    sequencer.typed('milk')
    clock.fire()
    backend.calls[0]?.resolve('page 1')
    await drainTasks()

    const second = sequencer.more(() => pages.search('milk @25'))
    expect(pages.calls.map((c) => c.query)).toEqual(['milk @25'])
    pages.calls[0]?.resolve('page 2')
    expect(await second).toBe('page 2')

    const third = sequencer.more(() => pages.search('milk @50'))
    sequencer.typed('milk p')
    pages.calls[1]?.resolve('page 3 of milk')
    expect(await third).toBeUndefined()
  })

  it('more() fetches nothing while a newer query has not been answered', async () => {
    const clock = manualTimers()
    const backend = controllable()
    const sequencer = createSearchSequencer({ delayMs: 60, search: backend.search, onResult: () => {}, timers: clock.timers })
    let fetched = 0
    const fetch = async () => ++fetched
    expect(await sequencer.more(fetch)).toBeUndefined()
    sequencer.typed('mi')
    clock.fire()
    backend.calls[0]?.resolve('mi')
    await drainTasks()
    expect(await sequencer.more(fetch)).toBe(1)
    sequencer.typed('mil')
    expect(await sequencer.more(fetch)).toBeUndefined()
    sequencer.cancel()
    expect(await sequencer.more(fetch)).toBeUndefined()
    expect(fetched).toBe(1)
  })
})
