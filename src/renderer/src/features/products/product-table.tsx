import { useMemo } from 'react'
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState, type Updater } from '@tanstack/react-table'
import { useShallow } from 'zustand/react/shallow'
import type { ProductAdminDto, ProductSort } from '#shared/contract/catalog'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { PagedGrid, pagedGridSource, usePagedGridWindow } from '../../ui/paged-grid'
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

export const PRODUCTS_GRID_ID = 'products-grid'

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
    <p className="paged-grid-empty products-empty" role="status" data-testid="products-count">
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
  const source = useProducts(useShallow(pagedGridSource<ProductAdminDto>))
  const order = useProducts((s) => s.order)
  const orderChanged = useProducts((s) => s.orderChanged)
  const columns = useColumns()
  const view = usePagedGridWindow(source, PRODUCT_ROW_HEIGHT, OVERSCAN)

  const sorting = useMemo(() => sortingOf(order), [order])
  // The library sees only the loaded rows in the window, keyed by product id.
  const table = useTable({
    features,
    columns,
    data: view.data,
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

  return (
    <PagedGrid
      id={PRODUCTS_GRID_ID}
      prefix="products"
      label={t('products.table')}
      loadingRowText={t('products.loadingRow')}
      source={source}
      view={view}
      table={table}
      rowId={(product) => String(product.id)}
      empty={<ProductsEmpty />}
      headerCell={(header) => {
        const sorted = header.column.getIsSorted()
        return {
          sort: sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined,
          content: header.column.getCanSort() ? (
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
          ),
        }
      }}
      rowExtras={(product) => ({ classes: product.archived ? ['products-row-archived'] : [], data: { 'data-product-id': product.id } })}
    />
  )
}
