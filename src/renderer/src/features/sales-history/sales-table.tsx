import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useShallow } from 'zustand/react/shallow'
import type { InvoiceSummaryDto } from '#shared/contract/invoices'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import type { UiTexts } from '../../ui/ui.en'
import { localeOf, useSession } from '../session/public'
import type { SalesHistoryTexts } from './sales-history.en'
import { useSalesHistory } from './use-sales-history'

type Texts = SalesHistoryTexts & UiTexts

/** Every row is this tall (px): the virtual window's arithmetic depends on it. */
export const SALE_ROW_HEIGHT = 44
/** Rows rendered beyond each edge of the viewport, so a short scroll shows no blank. */
const OVERSCAN = 8
/** Rows a Page Up / Page Down moves the selection by. */
const PAGE_STEP = 10

export const SALES_GRID_ID = 'sales-grid'
export const saleRowId = (index: number) => `sales-row-${index}`

// The rows arrive newest first from SQL, page by page: the library sees only the rows in view.
const features = tableFeatures({})
const helper = createColumnHelper<typeof features, InvoiceSummaryDto>()

/**
 * An instant as the store's own clock read it (the store's time zone, not this computer's): in full,
 * or short for the table's rows.
 */
export function useStoreDateTime(style: 'medium' | 'short' = 'medium'): (iso: string) => string {
  const locale = useSession(localeOf)
  const timeZone = useSession((s) => s.appInfo?.timeZone)
  return useMemo(() => {
    let format: Intl.DateTimeFormat
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: style, timeStyle: 'short', timeZone })
    } catch {
      format = new Intl.DateTimeFormat(locale, { dateStyle: style, timeStyle: 'short' })
    }
    return (iso: string) => format.format(new Date(iso))
  }, [locale, timeZone, style])
}

function useColumns() {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  const dateTime = useStoreDateTime('short')
  return useMemo(
    () =>
      helper.columns([
        helper.accessor('number', { header: t('sales.col.number'), cell: ({ getValue }) => <strong>{String(getValue())}</strong> }),
        helper.accessor('paidAt', {
          header: t('sales.col.paidAt'),
          cell: ({ getValue }) => <time dateTime={getValue()}>{dateTime(getValue())}</time>,
        }),
        helper.accessor('cashier', { header: t('sales.col.cashier') }),
        helper.accessor('itemCount', { id: 'items', header: t('sales.col.items') }),
        helper.accessor('tenderMethods', {
          id: 'tender',
          header: t('sales.col.tender'),
          cell: ({ row }) => {
            const methods = row.original.tenderMethods
            // An invoice without tender rows of its own still says how it was paid.
            return methods.length > 0
              ? methods.map((method) => t(`sales.method.${method}`)).join(' + ')
              : t(`sales.method.${row.original.paymentMethod}`)
          },
        }),
        helper.accessor('discountCents', {
          id: 'discount',
          header: t('sales.col.discount'),
          cell: ({ getValue }) => (getValue() > 0 ? `−${money(getValue())}` : ''),
        }),
        helper.accessor('totalCents', { id: 'total', header: t('sales.col.total'), cell: ({ getValue }) => money(getValue()) }),
      ]),
    [t, money, dateTime],
  )
}

/**
 * The answer as one scrolling grid: a virtual window of fixed-height rows over the answer's total,
 * filled page by page from `invoices:list` as rows come into view. Arrows move the selection,
 * Enter shows the selected sale, a click shows the one clicked.
 */
export function SalesTable() {
  const { t } = useI18n<Texts>()
  const { rows, total, answer, selected, stale, shownId } = useSalesHistory(
    useShallow((s) => ({
      rows: s.rows,
      total: s.total,
      answer: s.answer,
      selected: s.selected,
      stale: s.stale,
      shownId: s.detail?.id ?? null,
    })),
  )
  const rowsShown = useSalesHistory((s) => s.rowsShown)
  const selectionMoved = useSalesHistory((s) => s.selectionMoved)
  const rowSelected = useSalesHistory((s) => s.rowSelected)
  const rowOpened = useSalesHistory((s) => s.rowOpened)
  const columns = useColumns()
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = total ?? 0

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => SALE_ROW_HEIGHT,
    overscan: OVERSCAN,
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
    const loaded: InvoiceSummaryDto[] = []
    for (let index = first; index < end; index += 1) {
      const row = rows[index]
      if (row) loaded.push(row)
    }
    return loaded
  }, [rows, first, end])

  const table = useTable({ features, columns, data, getRowId: (sale) => String(sale.id) })

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

  return (
    <div
      id={SALES_GRID_ID}
      className={stale ? 'sales-grid sales-grid-stale' : 'sales-grid'}
      role="grid"
      aria-label={t('sales.table')}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      aria-busy={stale}
      aria-activedescendant={selectedShown ? saleRowId(selected) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="sales-head" role="rowgroup">
        <div className="sales-row sales-head-row" role="row" aria-rowindex={1}>
          {headerGroup?.headers.map((header) => (
            <div key={header.id} role="columnheader" className={`sales-cell sales-cell-${header.column.id}`}>
              <table.FlexRender header={header} />
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="sales-scroller">
        {total === 0 && (
          <p className="sales-empty" role="status" data-testid="sales-count">
            {t('sales.none')}
          </p>
        )}
        <div className="sales-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const sale = rows[item.index]
            const position = { transform: `translateY(${item.start}px)`, height: SALE_ROW_HEIGHT }
            const isSelected = item.index === selected
            if (!sale) {
              return (
                <div
                  key={`loading-${item.index}`}
                  className="sales-row sales-row-loading"
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  style={position}
                >
                  <div className="sales-cell sales-cell-loading" role="gridcell">
                    {t('sales.loadingRow')}
                  </div>
                </div>
              )
            }
            const row = table.getRow(String(sale.id), true)
            const classes = ['sales-row', isSelected ? 'sales-row-selected' : '', sale.id === shownId ? 'sales-row-shown' : '']
            return (
              <div
                key={sale.id}
                id={saleRowId(item.index)}
                className={classes.filter(Boolean).join(' ')}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                data-invoice-number={sale.number}
                style={position}
                onClick={() => rowOpened(item.index)}
              >
                {row.getAllCells().map((cell) => (
                  <div key={cell.id} role="gridcell" className={`sales-cell sales-cell-${cell.column.id}`}>
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
