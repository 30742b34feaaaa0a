/**
 * Windowing math for a list of fixed-height rows: which rows to put in the DOM for a scroll
 * position, and where to scroll so a row is fully in view. Pure, so it is tested under Node.
 */
export interface RowWindowInput {
  /** Rows in the whole list. */
  readonly count: number
  /** Height of every row, in px. */
  readonly rowHeight: number
  /** Height of the scrolled viewport, in px. */
  readonly viewportHeight: number
  readonly scrollTop: number
  /** Rows rendered beyond each edge of the viewport, so a short scroll shows no gap. */
  readonly overscan: number
}

export interface RowWindow {
  /** First row to render. */
  readonly start: number
  /** One past the last row to render. */
  readonly end: number
  /** Where the first rendered row sits, in px from the top of the list. */
  readonly offsetTop: number
  /** Height of the whole list, in px. */
  readonly totalHeight: number
}

export function rowWindow({ count, rowHeight, viewportHeight, scrollTop, overscan }: RowWindowInput): RowWindow {
  const rows = Math.max(0, Math.floor(count))
  const totalHeight = rows * rowHeight
  if (rows === 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight }
  const viewport = Math.max(0, viewportHeight)
  // The browser may report a scroll position past the end (elastic scrolling, a list that shrank).
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, totalHeight - viewport))
  const firstVisible = Math.floor(top / rowHeight)
  const endVisible = Math.max(firstVisible + 1, Math.ceil((top + viewport) / rowHeight))
  const start = Math.max(0, firstVisible - overscan)
  const end = Math.min(rows, endVisible + overscan)
  return { start, end, offsetTop: start * rowHeight, totalHeight }
}

/** The scroll position that brings row `index` fully into view with the least movement. */
export function scrollTopToShow(index: number, rowHeight: number, viewportHeight: number, scrollTop: number): number {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < scrollTop) return top
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight)
  return scrollTop
}
