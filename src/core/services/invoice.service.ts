import type { EntityManager } from '@mikro-orm/sqlite'
import type { InvoiceDto, InvoiceSummaryDto } from '../../shared/contract'
import { addDays, startOfLocalDay } from '../clock'
import { Invoice } from '../db/entities'
import { DomainError } from '../domain-error'

export function toInvoiceDto(invoice: Invoice): InvoiceDto {
  const dto: InvoiceDto = {
    id: invoice.id,
    number: invoice.number,
    cashier: invoice.cashierName,
    paymentMethod: invoice.paymentMethod,
    paidAt: invoice.paidAt,
    totalCents: invoice.totalCents,
    lines: invoice.lines.getItems().map((line) => ({
      productId: line.product.id,
      sku: line.sku,
      name: line.name,
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
      subAmountCents: line.subAmountCents,
    })),
  }
  if (invoice.tokenLast4 != null) dto.tokenLast4 = invoice.tokenLast4
  if (invoice.tenderedCents != null) dto.tenderedCents = invoice.tenderedCents
  if (invoice.changeCents != null) dto.changeCents = invoice.changeCents
  if (invoice.tokenBalanceAfterCents != null) dto.tokenBalanceAfterCents = invoice.tokenBalanceAfterCents
  return dto
}

export async function findInvoice(em: EntityManager, where: { id: number } | { number: number }): Promise<Invoice | null> {
  return em.findOne(Invoice, where, { populate: ['lines'], orderBy: { lines: { id: 'asc' } } })
}

export async function getInvoice(em: EntityManager, where: { id: number } | { number: number }): Promise<InvoiceDto> {
  const invoice = await findInvoice(em, where)
  if (!invoice) {
    const what = 'number' in where ? `number ${where.number}` : `id ${where.id}`
    throw new DomainError('NOT_FOUND', `No invoice with ${what}.`)
  }
  return toInvoiceDto(invoice)
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
  const where = conditions.length ? `where ${conditions.join(' and ')}` : ''
  const connection = em.getConnection()
  const [{ total } = { total: 0 }] = await connection.execute<{ total: number }[]>(
    `select count(*) as total from invoice i ${where}`,
    params,
  )
  const rows = await connection.execute<InvoiceSummaryRow[]>(
    `select i.id, i.number, i.cashier_name, i.payment_method, i.paid_at, i.total_cents,
       (select coalesce(sum(l.quantity), 0) from invoice_line l where l.invoice_id = i.id) as item_count
     from invoice i ${where} order by i.paid_at desc, i.number desc limit ? offset ?`,
    [...params, limit, offset],
  )
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
