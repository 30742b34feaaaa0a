import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import type { Header, ReactTable, RowData, TableFeatures } from '@tanstack/react-table'
import { useVirtualizer, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual'
import './paged-grid.css'

/** Rows a Page Up / Page Down moves the selection by. */
const PAGE_STEP = 10

/** The part of a paged list's state and actions the grid reads and calls (see `platform/store/paged-list.ts`). */
export interface PagedGridSource<T> {
  /** The loaded rows by position; a hole is a row whose page has not arrived. */
  readonly rows: readonly (T | undefined)[]
  /** Rows in the whole answer; null until the first answer. */
  readonly total: number | null
  /** Changes with every new answer: the grid starts again at its top. */
  readonly answer: number
  readonly selected: number
  readonly stale: boolean
  rowsShown(from: number, to: number): void
  selectionMoved(delta: number): void
  rowSelected(index: number): void
  rowOpened(index: number): void
}

/** What the grid reads of a paged slice: a selector for `useShallow`. */
export function pagedGridSource<T>(s: PagedGridSource<T>): PagedGridSource<T> {
  const { rows, total, answer, selected, stale, rowsShown, selectionMoved, rowSelected, rowOpened } = s
  return { rows, total, answer, selected, stale, rowsShown, selectionMoved, rowSelected, rowOpened }
}

export interface PagedGridWindow<T> {
  readonly scrollRef: RefObject<HTMLDivElement | null>
  readonly virtualizer: Virtualizer<HTMLDivElement, Element>
  readonly items: readonly VirtualItem[]
  readonly first: number
  readonly end: number
  /** The loaded rows in the window, for the table library, which sees no more than these. */
  readonly data: T[]
  readonly rowHeight: number
}

/**
 * The virtual window of fixed-height rows over the answer's total: it asks for the pages in view,
 * starts a new answer at its top and keeps the selected row in view.
 */
export function usePagedGridWindow<T>(source: PagedGridSource<T>, rowHeight: number, overscan: number): PagedGridWindow<T> {
  const { rows, total, answer, selected, rowsShown } = source
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = total ?? 0
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const end = (items.at(-1)?.index ?? -1) + 1

  // A new answer starts at its top, before paint.
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0
  }, [answer])

  useEffect(() => {
    if (end > first) rowsShown(first, end)
  }, [rowsShown, first, end, answer])

  useEffect(() => {
    if (selected < count) virtualizer.scrollToIndex(selected, { align: 'auto' })
  }, [virtualizer, selected, count])

  const data = useMemo(() => {
    const loaded: T[] = []
    for (let index = first; index < end; index += 1) {
      const row = rows[index]
      if (row) loaded.push(row)
    }
    return loaded
  }, [rows, first, end])

  return { scrollRef, virtualizer, items, first, end, data, rowHeight }
}

interface HeaderCell {
  readonly content: ReactNode
  readonly sort?: 'ascending' | 'descending' | undefined
}

interface PagedGridProps<F extends TableFeatures, T extends RowData> {
  readonly id: string
  /**
   * The feature's class prefix, beside the shared classes: `<prefix>-grid`, `-head`, `-scroller`,
   * `-body`, `-row`, `-row-selected`, `-row-loading`, `-cell`, `-cell-<column>`, so its own css
   * sets the columns and what only it shows.
   */
  readonly prefix: string
  readonly label: string
  readonly loadingRowText: string
  readonly source: PagedGridSource<T>
  readonly view: PagedGridWindow<T>
  readonly table: ReactTable<F, T>
  readonly rowId: (row: T) => string
  /** What the scroller shows when the answer is empty. */
  readonly empty: ReactNode
  /** A header cell's content and its sort, where the default (the column's header) is not enough. */
  readonly headerCell?: (header: Header<F, T>) => HeaderCell
  /** A row's own classes and data attributes. */
  readonly rowExtras?: (row: T) => { classes?: readonly string[]; data?: Record<`data-${string}`, string | number> }
}

/** A row's element id (`<prefix>-row-<index>`), the grid's active descendant while it is selected. */
export const pagedRowId = (prefix: string, index: number) => `${prefix}-row-${index}`

/**
 * One scrolling grid over a paged answer: a header row and a virtual window of rows (a row whose
 * page has not arrived says so). Arrows, Page Up/Down, Home and End move the selection, Enter opens
 * the selected row, a click opens the one clicked.
 */
export function PagedGrid<F extends TableFeatures, T extends RowData>(props: PagedGridProps<F, T>) {
  const { id, prefix, label, loadingRowText, source, view, table, rowId, empty, headerCell, rowExtras } = props
  const { rows, total, selected, stale, selectionMoved, rowSelected, rowOpened } = source
  const { scrollRef, virtualizer, items, first, end, rowHeight } = view
  const count = total ?? 0
  const columnCount = table.getAllLeafColumns().length

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP }
    const move = moves[event.key]
    if (move !== undefined) {
      event.preventDefault()
      selectionMoved(move)
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      rowSelected(event.key === 'Home' ? 0 : count - 1)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      rowOpened(selected)
    }
  }

  const headerGroup = table.getHeaderGroups()[0]
  const selectedShown = selected >= first && selected < end && rows[selected] !== undefined
  const cellClass = (column: string) => `paged-grid-cell ${prefix}-cell ${prefix}-cell-${column}`

  return (
    <div
      id={id}
      className={['paged-grid', `${prefix}-grid`, stale ? `paged-grid-stale ${prefix}-grid-stale` : ''].filter(Boolean).join(' ')}
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-colcount={columnCount}
      aria-busy={stale}
      aria-activedescendant={selectedShown ? pagedRowId(prefix, selected) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className={`paged-grid-head ${prefix}-head`} role="rowgroup">
        <div className={`paged-grid-row ${prefix}-row ${prefix}-head-row`} role="row" aria-rowindex={1}>
          {headerGroup?.headers.map((header) => {
            const cell: HeaderCell = headerCell?.(header) ?? { content: <table.FlexRender header={header} /> }
            return (
              <div key={header.id} role="columnheader" className={cellClass(header.column.id)} aria-sort={cell.sort}>
                {cell.content}
              </div>
            )
          })}
        </div>
      </div>
      <div ref={scrollRef} className={`paged-grid-scroller ${prefix}-scroller`}>
        {total === 0 && empty}
        <div className={`paged-grid-body ${prefix}-body`} role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]
            const position = { transform: `translateY(${item.start}px)`, height: rowHeight }
            const isSelected = item.index === selected
            if (!row) {
              return (
                <div
                  key={`loading-${item.index}`}
                  className={`paged-grid-row paged-grid-row-loading ${prefix}-row ${prefix}-row-loading`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  style={position}
                >
                  <div className={cellClass('loading')} role="gridcell">
                    {loadingRowText}
                  </div>
                </div>
              )
            }
            const key = rowId(row)
            const extras = rowExtras?.(row) ?? {}
            const classes = [
              'paged-grid-row',
              `${prefix}-row`,
              ...(extras.classes ?? []),
              isSelected ? `paged-grid-row-selected ${prefix}-row-selected` : '',
            ]
            return (
              <div
                key={key}
                id={pagedRowId(prefix, item.index)}
                className={classes.filter(Boolean).join(' ')}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                {...extras.data}
                style={position}
                onClick={() => rowOpened(item.index)}
              >
                {table
                  .getRow(key, true)
                  .getAllCells()
                  .map((cell) => (
                    <div key={cell.id} role="gridcell" className={cellClass(cell.column.id)}>
                      <table.FlexRender cell={cell} />
                    </div>
                  ))}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
