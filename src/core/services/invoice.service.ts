import type { EntityManager } from '@mikro-orm/sqlite'
import type { InvoiceDto, InvoiceLineDto, InvoiceSummaryDto, PaymentMethod } from '../../shared/contract'
import { addDays, startOfLocalDay } from '../clock'
import { nativeDatabase, prepared, type Sqlite } from '../db/prepared'
import { DomainError } from '../domain-error'

/** An invoice's own row, as the receipt needs it. */
export interface InvoiceHeader {
  id: number
  number: number
  cashierId: number
  cashierName: string
  paymentMethod: PaymentMethod
  tokenLast4: string | null
  paidAt: string
  totalCents: number
  tenderedCents: number | null
  changeCents: number | null
  tokenBalanceAfterCents: number | null
}

/** The receipt: optional fields appear only when the payment has them. */
export function toInvoiceDto(header: InvoiceHeader, lines: InvoiceLineDto[]): InvoiceDto {
  const dto: InvoiceDto = {
    id: header.id,
    number: header.number,
    cashier: header.cashierName,
    paymentMethod: header.paymentMethod,
    paidAt: header.paidAt,
    totalCents: header.totalCents,
    lines,
  }
  if (header.tokenLast4 != null) dto.tokenLast4 = header.tokenLast4
  if (header.tenderedCents != null) dto.tenderedCents = header.tenderedCents
  if (header.changeCents != null) dto.changeCents = header.changeCents
  if (header.tokenBalanceAfterCents != null) dto.tokenBalanceAfterCents = header.tokenBalanceAfterCents
  return dto
}

const HEADER_COLUMNS = `id, number, cashier_id as cashierId, cashier_name as cashierName, payment_method as paymentMethod,
  token_last4 as tokenLast4, paid_at as paidAt, total_cents as totalCents, tendered_cents as tenderedCents,
  change_cents as changeCents, token_balance_after_cents as tokenBalanceAfterCents`

const SQL = {
  byId: `select ${HEADER_COLUMNS} from invoice where id = ?`,
  byNumber: `select ${HEADER_COLUMNS} from invoice where number = ?`,
  byKey: `select ${HEADER_COLUMNS} from invoice where idempotency_key = ?`,
  lines: `select product_id as productId, sku, name, unit_price_cents as unitPriceCents, quantity, sub_amount_cents as subAmountCents
    from invoice_line where invoice_id = ? order by id`,
} as const

export type InvoiceKey = { id: number } | { number: number } | { idempotencyKey: string }

export function readInvoiceHeader(db: Sqlite, where: InvoiceKey): InvoiceHeader | undefined {
  if ('id' in where) return prepared<InvoiceHeader>(db, SQL.byId).get(where.id)
  if ('number' in where) return prepared<InvoiceHeader>(db, SQL.byNumber).get(where.number)
  return prepared<InvoiceHeader>(db, SQL.byKey).get(where.idempotencyKey)
}

export function readInvoiceLines(db: Sqlite, invoiceId: number): InvoiceLineDto[] {
  return prepared<InvoiceLineDto>(db, SQL.lines).all(invoiceId)
}

export async function getInvoice(em: EntityManager, where: { id: number } | { number: number }): Promise<InvoiceDto> {
  const db = await nativeDatabase(em)
  const header = readInvoiceHeader(db, where)
  if (!header) {
    const what = 'number' in where ? `number ${where.number}` : `id ${where.id}`
    throw new DomainError('NOT_FOUND', `No invoice with ${what}.`)
  }
  return toInvoiceDto(header, readInvoiceLines(db, header.id))
}

export interface InvoiceListQuery {
  from?: string | undefined
  to?: string | undefined
  query?: string | undefined
  limit: number
  offset: number
}

interface InvoiceSummaryRow {
  id: number
  number: number
  cashier_name: string
  payment_method: 'token' | 'cash'
  paid_at: string
  total_cents: number
  item_count: number
}

/**
 * Newest first. `from`/`to` are local calendar days, both inclusive. Ordering by `paid_at` lets
 * SQLite walk its index and stop after one page instead of sorting the whole range.
 */
export async function listInvoices(
  em: EntityManager,
  { from, to, query, limit, offset }: InvoiceListQuery,
): Promise<{ items: InvoiceSummaryDto[]; total: number }> {
  if (from && to && from > to) throw new DomainError('VALIDATION_FAILED', "'from' must not be after 'to'.")
  const conditions: string[] = []
  const params: unknown[] = []
  if (from) {
    conditions.push('i.paid_at >= ?')
    params.push(startOfLocalDay(from).toISOString())
  }
  if (to) {
    conditions.push('i.paid_at < ?')
    params.push(addDays(startOfLocalDay(to), 1).toISOString())
  }
  const text = query?.trim()
  if (text) {
    const byNumber = /^\d{1,15}$/.test(text)
    conditions.push(byNumber ? '(i.number = ? or i.cashier_name like ? escape \'\\\')' : "i.cashier_name like ? escape '\\'")
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    params.push(...(byNumber ? [Number(text), pattern] : [pattern]))
  }
  // One of a handful of fixed SQL texts (which filters are present), each prepared once.
  const where = conditions.length ? `where ${conditions.join(' and ')}` : ''
  const db = await nativeDatabase(em)
  const total = prepared(db, `select count(*) from invoice i ${where}`).pluck().get(...params) as number
  const rows = prepared<InvoiceSummaryRow>(
    db,
    `select i.id, i.number, i.cashier_name, i.payment_method, i.paid_at, i.total_cents,
       (select coalesce(sum(l.quantity), 0) from invoice_line l where l.invoice_id = i.id) as item_count
     from invoice i ${where} order by i.paid_at desc, i.number desc limit ? offset ?`,
  ).all(...params, limit, offset)
  return {
    items: rows.map((row) => ({
      id: row.id,
      number: row.number,
      cashier: row.cashier_name,
      paymentMethod: row.payment_method,
      paidAt: row.paid_at,
      totalCents: row.total_cents,
      itemCount: row.item_count,
    })),
    total,
  }
}
