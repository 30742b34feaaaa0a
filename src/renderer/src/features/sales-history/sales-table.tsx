import { useMemo } from 'react'
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table'
import { useShallow } from 'zustand/react/shallow'
import type { InvoiceSummaryDto } from '#shared/contract/invoices'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { PagedGrid, pagedGridSource, usePagedGridWindow } from '../../ui/paged-grid'
import type { UiTexts } from '../../ui/ui.en'
import { localeOf, useSession } from '../session/public'
import type { SalesHistoryTexts } from './sales-history.en'
import { useSalesHistory } from './use-sales-history'

type Texts = SalesHistoryTexts & UiTexts

/** Every row is this tall (px): the virtual window's arithmetic depends on it. */
export const SALE_ROW_HEIGHT = 44
/** Rows rendered beyond each edge of the viewport, so a short scroll shows no blank. */
const OVERSCAN = 8

export const SALES_GRID_ID = 'sales-grid'

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
  const source = useSalesHistory(useShallow(pagedGridSource<InvoiceSummaryDto>))
  const shownId = useSalesHistory((s) => s.detail?.id ?? null)
  const columns = useColumns()
  const view = usePagedGridWindow(source, SALE_ROW_HEIGHT, OVERSCAN)
  const table = useTable({ features, columns, data: view.data, getRowId: (sale) => String(sale.id) })

  return (
    <PagedGrid
      id={SALES_GRID_ID}
      prefix="sales"
      label={t('sales.table')}
      loadingRowText={t('sales.loadingRow')}
      source={source}
      view={view}
      table={table}
      rowId={(sale) => String(sale.id)}
      empty={
        <p className="paged-grid-empty sales-empty" role="status" data-testid="sales-count">
          {t('sales.none')}
        </p>
      }
      rowExtras={(sale) => ({ classes: sale.id === shownId ? ['sales-row-shown'] : [], data: { 'data-invoice-number': sale.number } })}
    />
  )
}
