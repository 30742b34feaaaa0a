/**
 * What the back office's long tables (products, sales) do the same way: an answer fetched page by
 * page (limit/offset) into one sparse list as rows come into view, replies to an older answer
 * dropped, and a selection the keys move. Each slice keeps its filters and what it asks with them;
 * the state named here is named alike in all of them (`ui/paged-grid.tsx` reads it).
 */
import type { ClientResult } from '../api/client'
import { errorMessage } from '../errors'
import type { Message } from '../i18n/translate'
import type { SliceAccess } from './list-editing'

/** Rows by position, with holes where pages have not arrived yet. */
type SparseRows<T> = readonly (T | undefined)[]

export interface PagedListState<T> {
  /** The loaded rows of the current answer, by position; a hole is a row whose page is not loaded. */
  rows: SparseRows<T>
  /** Rows in the whole answer; null until the first answer arrives. */
  total: number | null
  /** Changes with every new answer: the table starts again at its top. */
  answer: number
  /** A newer answer is on its way: the rows shown belong to the previous filters. */
  stale: boolean
  loadError: Message | null
  /** The highlighted row (arrows move it, Enter opens it). */
  selected: number
}

/** The paged state before anything has loaded, and after a reset. */
export const initialPagedList = { rows: [], total: null, answer: 0, stale: false, loadError: null, selected: 0 } as const

type TimerHandle = ReturnType<typeof globalThis.setTimeout>

export interface PageTimers {
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

/** The sparse-list arithmetic (the scan field's `result-pages`, which pages its results the same way). */
export interface PageArithmetic {
  missingPages<T>(need: {
    from: number
    to: number
    pageSize: number
    total: number
    rows: SparseRows<T>
    requested: ReadonlySet<number>
  }): number[]
  withPage<T>(rows: SparseRows<T>, offset: number, items: readonly T[]): SparseRows<T>
}

export interface PagedListOptions<T> {
  readonly pageSize: number
  readonly timers: PageTimers
  /** Pages are fetched once scrolling rests this long, so a fling loads only where it stops. */
  readonly scrollSettleMs: number
  readonly pages: PageArithmetic
  /** One page of the current answer (the slice's filters as they are now), from `offset`. */
  readonly list: (offset: number) => Promise<ClientResult<{ readonly items: readonly T[]; readonly total: number }>>
  /** What the table says when a list is refused, given why. */
  readonly failed: (reason: Message) => Message
  /** Where the selection is once a new answer arrives; the top unless the slice says otherwise. */
  readonly selectedOnAnswer?: (selected: number, total: number) => number
}

export function pagedList<T>(slice: SliceAccess<PagedListState<T>>, options: PagedListOptions<T>) {
  const { pageSize, timers, scrollSettleMs, pages, list, failed } = options
  const selectedOnAnswer = options.selectedOnAnswer ?? (() => 0)

  /** The newest answer asked for; replies to older ones are dropped. */
  let ticket = 0
  /** Pages of the shown answer already asked for; a new answer starts a new set. */
  let requested = new Set<number>()
  let scrollTimer: TimerHandle | undefined

  function stopScrollTimer(): void {
    if (scrollTimer !== undefined) timers.clearTimeout(scrollTimer)
    scrollTimer = undefined
  }

  function fetchPage(page: number): void {
    const mine = ticket
    const asked = requested
    asked.add(page)
    const offset = page * pageSize
    void list(offset).then((reply) => {
      if (mine !== ticket || asked !== requested) return
      if (!reply.ok) {
        asked.delete(page)
        slice.set({ loadError: failed(errorMessage(reply.error)) })
        return
      }
      slice.set({ rows: pages.withPage(slice.get().rows, offset, reply.data.items), total: reply.data.total })
    })
  }

  return {
    /** Asks for the first page again; its reply becomes a new answer. */
    reload(): void {
      stopScrollTimer()
      ticket += 1
      const mine = ticket
      slice.set({ stale: true })
      void list(0).then((reply) => {
        if (mine !== ticket) return
        if (!reply.ok) {
          slice.set({ stale: false, loadError: failed(errorMessage(reply.error)) })
          return
        }
        requested = new Set([0])
        const { total } = reply.data
        slice.set({
          rows: reply.data.items,
          total,
          answer: mine,
          stale: false,
          loadError: null,
          selected: selectedOnAnswer(slice.get().selected, total),
        })
      })
    },

    /** Drops every reply on its way and the pending page fetch (a reset, the history closed). */
    cancel(): void {
      stopScrollTimer()
      ticket += 1
      requested = new Set()
    },

    /** The table shows rows from…to (exclusive): fetch the pages they are on once scrolling rests. */
    rowsShown(from: number, to: number): void {
      stopScrollTimer()
      scrollTimer = timers.setTimeout(() => {
        scrollTimer = undefined
        const { rows, total, stale } = slice.get()
        if (total === null || stale) return
        for (const page of pages.missingPages({ from, to, pageSize, total, rows, requested })) fetchPage(page)
      }, scrollSettleMs)
    },

    selectionMoved(delta: number): void {
      const { total, selected } = slice.get()
      if (!total) return
      slice.set({ selected: Math.min(total - 1, Math.max(0, selected + delta)) })
    },

    rowSelected(index: number): void {
      const { total } = slice.get()
      if (total && index >= 0 && index < total) slice.set({ selected: index })
    },
  }
}
