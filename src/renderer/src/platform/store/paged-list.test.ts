import { describe, expect, it } from 'vitest'
import { missingPages, withPage } from '../../features/scan/result-pages'
import type { ClientResult } from '../api/client'
import type { Message } from '../i18n/translate'
import { initialPagedList, pagedList, type PagedListState } from './paged-list'

type Reply = ClientResult<{ items: readonly string[]; total: number }>

/** Timers the test runs by hand. */
function manualTimers() {
  let next = 1
  const due = new Map<number, () => void>()
  return {
    setTimeout: (callback: () => void) => {
      const id = next++
      due.set(id, callback)
      return id as unknown as ReturnType<typeof globalThis.setTimeout>
    },
    clearTimeout: (handle: ReturnType<typeof globalThis.setTimeout>) => {
      due.delete(handle as unknown as number)
    },
    runAll: () => {
      const callbacks = [...due.values()]
      due.clear()
      for (const callback of callbacks) callback()
    },
  }
}

/** A paged list of 100 rows `r0…r99`, pages of 10, whose replies the test hands back one by one. */
function list(selectedOnAnswer?: (selected: number, total: number) => number) {
  let state: PagedListState<string> = { ...initialPagedList }
  /** Each request: its offset, and how the test answers it (the answer is in the state once it resolves: the slice's own handler runs first). */
  const asked: { offset: number; answer: (reply: Reply) => Promise<unknown> }[] = []
  const timers = manualTimers()
  const paging = pagedList<string>(
    {
      get: () => state,
      set: (patch) => {
        state = { ...state, ...patch }
      },
    },
    {
      pageSize: 10,
      timers,
      scrollSettleMs: 60,
      pages: { missingPages, withPage },
      list: (offset) => {
        let resolve: (reply: Reply) => void = () => undefined
        const replied = new Promise<Reply>((done) => (resolve = done))
        asked.push({ offset, answer: (reply) => (resolve(reply), replied) })
        return replied
      },
      failed: (reason): Message => ({ key: 'products.loadFailed', params: { reason } }),
      ...(selectedOnAnswer ? { selectedOnAnswer } : {}),
    },
  )
  const page = (offset: number, total = 100): Reply => ({
    ok: true,
    data: { items: Array.from({ length: Math.min(10, total - offset) }, (_, index) => `r${offset + index}`), total },
  })
  return { paging, asked, timers, page, state: () => state }
}

describe('a paged list', () => {
  it('takes only the newest answer, then fetches the pages in view once scrolling rests', async () => {
    const { paging, asked, timers, page, state } = list()
    paging.reload()
    paging.reload()
    expect(state().stale).toBe(true)
    await asked[1]!.answer(page(0))
    await asked[0]!.answer(page(0, 5))
    expect(state()).toMatchObject({ total: 100, stale: false, selected: 0 })
    expect(state().rows).toHaveLength(10)

    paging.rowsShown(25, 35)
    paging.rowsShown(30, 45)
    timers.runAll()
    expect(asked.slice(2).map((call) => call.offset)).toEqual([30, 40])
    await asked[2]!.answer(page(30))
    expect(state().rows[30]).toBe('r30')
    expect(state().rows[20]).toBeUndefined()
  })

  it('keeps the rows it has when a page is refused, and asks for that page again later', async () => {
    const { paging, asked, timers, page, state } = list()
    paging.reload()
    await asked[0]!.answer(page(0))
    paging.rowsShown(10, 15)
    timers.runAll()
    await asked[1]!.answer({ ok: false, error: { code: 'UNREACHABLE', message: 'down' } })
    expect(state().loadError).toMatchObject({ key: 'products.loadFailed' })
    expect(state().rows).toHaveLength(10)
    paging.rowsShown(10, 15)
    timers.runAll()
    expect(asked.map((call) => call.offset)).toEqual([0, 10, 10])
  })

  it('moves the selection within the answer, and places it on a new answer as the list says', async () => {
    const { paging, asked, page, state } = list((selected, total) => Math.min(selected, total - 1))
    paging.selectionMoved(1)
    expect(state().selected).toBe(0)
    paging.reload()
    await asked[0]!.answer(page(0))
    paging.selectionMoved(10)
    paging.selectionMoved(200)
    expect(state().selected).toBe(99)
    paging.rowSelected(100)
    expect(state().selected).toBe(99)
    paging.reload()
    await asked[1]!.answer(page(0, 3))
    expect(state().selected).toBe(2)
  })

  it('drops what is on its way once cancelled', async () => {
    const { paging, asked, timers, page, state } = list()
    paging.reload()
    paging.cancel()
    await asked[0]!.answer(page(0))
    expect(state().total).toBeNull()
    paging.rowsShown(0, 5)
    paging.cancel()
    timers.runAll()
    expect(asked).toHaveLength(1)
  })
})
