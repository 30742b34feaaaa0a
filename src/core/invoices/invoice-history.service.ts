import { sql, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import type { InvoiceSummaryDto, PaymentMethod, TenderMethod } from '#shared/contract/invoices'
import { roleHas } from '#core/api/policy'
import type { DbContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { storeDayRange } from '#core/common/store-day'
import type { TillDatabase } from '#core/db/entities'
import { read } from '#core/db/tx'
import { INVOICE_HISTORY_SQL, type HistoryRow, type HistoryTenderRow } from './invoice-history.statements'

export interface InvoiceHistoryFilters {
  /** Store-local days (`YYYY-MM-DD`), both whole. */
  from?: string | undefined
  to?: string | undefined
  /** An invoice number (a leading `#` allowed), or else part of a cashier's name. */
  query?: string | undefined
  cashierId?: number | undefined
  /** A tender method: every sale with a tender of it; `split`: every sale of several tenders. */
  method?: PaymentMethod | undefined
  productId?: number | undefined
}

export interface HistoryPage {
  limit: number
  offset: number
}

/** Whose sales a user may list: everyone's with `reports.view`, else only their own. */
export interface HistoryViewer {
  readonly userId: number
  readonly seesEveryone: boolean
}

export function historyViewerOf(user: SessionUser): HistoryViewer {
  return { userId: user.id, seesEveryone: roleHas(user.role, 'reports.view') }
}

/** Which sales a tender method keeps: both kinds, or (to count them) one sale's own method, or split sales with a tender of it. */
export type TenderPart = 'both' | 'single' | 'split'

type HistoryFrom = TillDatabase & { i: TillDatabase['invoice'] }

/** An invoice number as people type it: digits, perhaps after a `#`. */
const INVOICE_NUMBER = /^#?(\d{1,15})$/

/**
 * The cashier whose sales are listed (undefined: everyone's). A cashier naming someone else is
 * refused rather than quietly shown their own: an answer of "no sales" would read as the other
 * cashier having sold nothing.
 */
function cashierScope(viewer: HistoryViewer, cashierId: number | undefined): number | undefined {
  if (viewer.seesEveryone) return cashierId
  if (cashierId !== undefined && cashierId !== viewer.userId) {
    throw new DomainError('FORBIDDEN', 'Only a manager can see other cashiers’ sales.', { permission: 'reports.view' })
  }
  return viewer.userId
}

/**
 * The invoices the filters keep, as one query to count and to page. Every filter has an index to
 * start from (migration 0016): the cashier's and the tender's together with the day, the product's
 * lines with their invoice, the number on its own; the store-local days become a range of instants.
 */
export function filteredInvoices(
  kysely: Kysely<TillDatabase>,
  filters: InvoiceHistoryFilters,
  cashierId: number | undefined,
  timeZone: string,
  tenderPart: TenderPart = 'both',
) {
  let filtered = kysely.selectFrom('invoice as i')
  if (cashierId !== undefined) filtered = filtered.where('i.cashier_id', '=', cashierId)
  const range = storeDayRange(filters.from, filters.to, timeZone)
  if (range.from) filtered = filtered.where('i.paid_at', '>=', range.from.toISOString())
  if (range.before) filtered = filtered.where('i.paid_at', '<', range.before.toISOString())

  const text = filters.query?.trim()
  const number = text ? INVOICE_NUMBER.exec(text)?.[1] : undefined
  if (number !== undefined) {
    filtered = filtered.where('i.number', '=', Number(number))
  } else if (text) {
    // The text is matched literally: LIKE's own wildcards in it are escaped.
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    filtered = filtered.where(sql<SqlBool>`i.cashier_name like ${pattern} escape '\\'`)
  }

  const { method } = filters
  if (method === 'split') {
    filtered = filtered.where('i.payment_method', '=', 'split')
  } else if (method !== undefined) {
    // A sale of one tender says its method itself; a split sale is asked of its tenders.
    const splitWith = (eb: ExpressionBuilder<HistoryFrom, 'i'>) =>
      eb.exists(eb.selectFrom('invoice_tender as t').select('t.id').whereRef('t.invoice_id', '=', 'i.id').where('t.method', '=', method))
    if (tenderPart === 'single') filtered = filtered.where('i.payment_method', '=', method)
    else if (tenderPart === 'split') filtered = filtered.where('i.payment_method', '=', 'split').where(splitWith)
    else {
      filtered = filtered
        .where('i.payment_method', 'in', [method, 'split'])
        .where((eb) => eb.or([eb('i.payment_method', '=', method), splitWith(eb)]))
    }
  }

  if (filters.productId !== undefined) {
    const { productId } = filters
    filtered = filtered.where('i.id', 'in', (eb) =>
      eb.selectFrom('invoice_line as l').select('l.invoice_id').where('l.product_id', '=', productId),
    )
  }
  return filtered
}

type FilteredInvoices = ReturnType<typeof filteredInvoices>

/**
 * The counts whose sum is how many invoices the filters keep. A product's sales and nothing else
 * are counted from its lines' index alone (every line's invoice exists). A tender method is counted
 * in two parts, the sales of that one tender and the split sales with one of it: SQLite counts each
 * from its index, where both at once would weigh every row against both.
 */
export function countQueries(
  kysely: Kysely<TillDatabase>,
  filters: InvoiceHistoryFilters,
  cashierId: number | undefined,
  timeZone: string,
) {
  const { productId, from, to, query, method } = filters
  if (productId !== undefined && cashierId === undefined && !from && !to && !query?.trim() && method === undefined) {
    return [
      kysely
        .selectFrom('invoice_line as l')
        .where('l.product_id', '=', productId)
        .select((eb) => eb.fn.count<number>('l.invoice_id').distinct().as('total')),
    ]
  }
  const parts: TenderPart[] = method !== undefined && method !== 'split' ? ['single', 'split'] : ['both']
  return parts.map((part) =>
    filteredInvoices(kysely, filters, cashierId, timeZone, part).select((eb) => eb.fn.countAll<number>().as('total')),
  )
}

/** The ids of one page, newest first. */
export const pageOf = (filtered: FilteredInvoices, page: HistoryPage) =>
  filtered.select('i.id').orderBy('i.paid_at', 'desc').orderBy('i.id', 'desc').limit(page.limit).offset(page.offset)

function toSummaryDto(row: HistoryRow, tenderMethods: TenderMethod[]): InvoiceSummaryDto {
  return {
    id: row.id,
    number: row.number,
    cashier: row.cashier_name,
    cashierId: row.cashier_id,
    paymentMethod: row.payment_method,
    tenderMethods,
    paidAt: row.paid_at,
    discountCents: row.discount_cents,
    totalCents: row.total_cents,
    itemCount: Number(row.item_count),
  }
}

/** Each invoice's tender methods, once each, in the order given. */
function methodsByInvoice(tenders: HistoryTenderRow[]): Map<number, TenderMethod[]> {
  const methods = new Map<number, TenderMethod[]>()
  for (const tender of tenders) {
    const list = methods.get(tender.invoice_id) ?? []
    if (!list.includes(tender.method)) list.push(tender.method)
    methods.set(tender.invoice_id, list)
  }
  return methods
}

/**
 * The invoice history, newest first (`paid_at`, then id), counted and paged in SQL: the page's ids
 * come from the filters' index walk, then only those rows are read whole.
 */
export function listInvoiceHistory(
  ctx: DbContext,
  viewer: HistoryViewer,
  filters: InvoiceHistoryFilters,
  page: HistoryPage,
  timeZone: string,
): Promise<{ items: InvoiceSummaryDto[]; total: number }> {
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new DomainError('VALIDATION_FAILED', "'from' must not be after 'to'.", { rule: 'dateOrder', field: 'from' })
  }
  const cashierId = cashierScope(viewer, filters.cashierId)
  return read(ctx, INVOICE_HISTORY_SQL, async (lanes) => {
    const filtered = filteredInvoices(lanes.kysely, filters, cashierId, timeZone)
    let total = 0
    for (const count of countQueries(lanes.kysely, filters, cashierId, timeZone))
      total += Number((await count.executeTakeFirstOrThrow()).total)
    if (page.offset >= total) return { items: [], total }
    const ids = (await pageOf(filtered, page).execute()).map((row) => row.id)
    const json = JSON.stringify(ids)
    const rows = new Map(lanes.sql.rows(json).map((row) => [row.id, row]))
    const methods = methodsByInvoice(lanes.sql.tenders(json))
    const items = ids.flatMap((id) => {
      const row = rows.get(id)
      return row ? [toSummaryDto(row, methods.get(id) ?? [])] : []
    })
    return { items, total }
  })
}
