import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState, type Updater } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useShallow } from 'zustand/react/shallow'
import type { ProductAdminDto, ProductSort } from '#shared/contract/catalog'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import type { UiTexts } from '../../ui/ui.en'
import { ProductThumb } from '../../ui/product-thumb'
import type { ProductsTexts } from './products.en'
import type { ProductOrder } from './products.slice'
import { useProducts } from './use-products'

type Texts = ProductsTexts & UiTexts

/** Every row is this tall (px): the virtual window's arithmetic depends on it. */
export const PRODUCT_ROW_HEIGHT = 54
const THUMB_SIZE = 42
/** Rows rendered beyond each edge of the viewport, so a short scroll shows no blank. */
const OVERSCAN = 6
/** Rows a Page Up / Page Down moves the selection by. */
const PAGE_STEP = 10

export const PRODUCTS_GRID_ID = 'products-grid'
export const productRowId = (index: number) => `products-row-${index}`

const SORTABLE: readonly string[] = ['name', 'sku', 'price', 'stock'] satisfies readonly ProductSort[]
const isSort = (id: string): id is ProductSort => SORTABLE.includes(id)

// Sorting is the table library's state, but the rows arrive sorted from SQL (manualSorting): the
// library never sees more than the rows in view, so it must never reorder them itself.
const features = tableFeatures({ rowSortingFeature })
const helper = createColumnHelper<typeof features, ProductAdminDto>()

const sortingOf = (order: ProductOrder): SortingState => [{ id: order.by, desc: order.direction === 'desc' }]

function useColumns() {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  return useMemo(
    () =>
      helper.columns([
        helper.display({
          id: 'image',
          header: () => <span className="visually-hidden">{t('products.col.image')}</span>,
          cell: ({ row }) => <ProductThumb file={row.original.images[0]?.file ?? row.original.imageFile} size={THUMB_SIZE} />,
        }),
        helper.accessor('name', {
          header: t('products.col.name'),
          cell: ({ row }) => (
            <div className="product-cell-stack">
              <span className="product-name" title={row.original.name}>
                {row.original.name}
              </span>
              {row.original.tags.length > 0 && <span className="product-tags">{row.original.tags.join(' · ')}</span>}
            </div>
          ),
        }),
        helper.accessor('sku', {
          header: t('products.col.sku'),
          cell: ({ getValue }) => <span className="product-code">{getValue()}</span>,
        }),
        helper.accessor('barcode', {
          header: t('products.col.barcode'),
          enableSorting: false,
          cell: ({ getValue }) => <span className="product-code">{getValue() ?? ''}</span>,
        }),
        helper.accessor((product) => product.category?.name ?? '', {
          id: 'category',
          header: t('products.col.category'),
          enableSorting: false,
        }),
        helper.accessor('priceCents', { id: 'price', header: t('products.col.price'), cell: ({ getValue }) => money(getValue()) }),
        helper.accessor('stock', { header: t('products.col.stock') }),
        helper.display({
          id: 'status',
          header: t('products.col.status'),
          cell: ({ row }) => (
            <span className="product-badges">
              {row.original.archived && <span className="badge badge-archived">{t('products.badge.archived')}</span>}
              {row.original.low && !row.original.archived && <span className="badge badge-low">{t('products.badge.low')}</span>}
            </span>
          ),
        }),
      ]),
    [t, money],
  )
}

/** An empty answer says why in the table itself: no products at all, or none for these filters. */
function ProductsEmpty() {
  const { t } = useI18n<Texts>()
  const anyFilter = useProducts(
    (s) =>
      s.filters.query.trim() !== '' ||
      s.filters.categoryId !== null ||
      s.filters.tag !== null ||
      s.filters.lowStock ||
      s.filters.status !== 'active',
  )
  return (
    <p className="products-empty" role="status" data-testid="products-count">
      {anyFilter ? t('products.none') : t('products.empty')}
    </p>
  )
}

/**
 * The whole catalog as one scrolling grid: a virtual window of fixed-height rows over the answer's
 * total, filled page by page from `products:list` as rows come into view. Arrows move the
 * selection, Enter opens the selected product, a click opens the one clicked.
 */
export function ProductTable() {
  const { t } = useI18n<Texts>()
  const { rows, total, answer, selected, order, stale } = useProducts(
    useShallow((s) => ({ rows: s.rows, total: s.total, answer: s.answer, selected: s.selected, order: s.order, stale: s.stale })),
  )
  const rowsShown = useProducts((s) => s.rowsShown)
  const orderChanged = useProducts((s) => s.orderChanged)
  const selectionMoved = useProducts((s) => s.selectionMoved)
  const rowSelected = useProducts((s) => s.rowSelected)
  const rowOpened = useProducts((s) => s.rowOpened)
  const columns = useColumns()
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = total ?? 0

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => PRODUCT_ROW_HEIGHT,
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

  // The library sees only the loaded rows in the window, keyed by product id.
  const data = useMemo(() => {
    const loaded: ProductAdminDto[] = []
    for (let index = first; index < end; index += 1) {
      const row = rows[index]
      if (row) loaded.push(row)
    }
    return loaded
  }, [rows, first, end])

  const sorting = useMemo(() => sortingOf(order), [order])
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (product) => String(product.id),
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater
      const [sort] = next
      if (sort && isSort(sort.id)) orderChanged({ by: sort.id, direction: sort.desc ? 'desc' : 'asc' })
    },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
  })

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
      id={PRODUCTS_GRID_ID}
      className={stale ? 'products-grid products-grid-stale' : 'products-grid'}
      role="grid"
      aria-label={t('products.table')}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      aria-busy={stale}
      aria-activedescendant={selectedShown ? productRowId(selected) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="products-head" role="rowgroup">
        <div className="products-row products-head-row" role="row" aria-rowindex={1}>
          {headerGroup?.headers.map((header) => {
            const sorted = header.column.getIsSorted()
            return (
              <div
                key={header.id}
                role="columnheader"
                className={`products-cell products-cell-${header.column.id}`}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
              >
                {header.column.getCanSort() ? (
                  <button
                    type="button"
                    className="products-sort"
                    aria-label={t('products.sortBy', { column: String(header.column.columnDef.header) })}
                    onClick={header.column.getToggleSortingHandler()}
                  >
                    <table.FlexRender header={header} />
                    <span className="products-sort-mark" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                ) : (
                  <table.FlexRender header={header} />
                )}
              </div>
            )
          })}
        </div>
      </div>
      <div ref={scrollRef} className="products-scroller">
        {total === 0 && <ProductsEmpty />}
        <div className="products-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const product = rows[item.index]
            const position = { transform: `translateY(${item.start}px)`, height: PRODUCT_ROW_HEIGHT }
            const isSelected = item.index === selected
            if (!product) {
              return (
                <div
                  key={`loading-${item.index}`}
                  className="products-row products-row-loading"
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  style={position}
                >
                  <div className="products-cell products-cell-loading" role="gridcell">
                    {t('products.loadingRow')}
                  </div>
                </div>
              )
            }
            const row = table.getRow(String(product.id), true)
            const classes = ['products-row', product.archived ? 'products-row-archived' : '', isSelected ? 'products-row-selected' : '']
            return (
              <div
                key={product.id}
                id={productRowId(item.index)}
                className={classes.join(' ')}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                data-product-id={product.id}
                style={position}
                onClick={() => rowOpened(item.index)}
              >
                {row.getAllCells().map((cell) => (
                  <div key={cell.id} role="gridcell" className={`products-cell products-cell-${cell.column.id}`}>
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
