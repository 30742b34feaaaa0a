import type { SaleTaxDto } from '#shared/contract/common'
import type { InvoiceDto, InvoiceLineDto, InvoiceReturnDto, InvoiceTenderDto } from '#shared/contract/invoices'
import type { DbContext } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { BoundStatements } from '#core/db/statements'
import { read } from '#core/db/tx'
import {
  INVOICE_SQL,
  type InvoiceHeaderRow,
  type InvoiceLineRow,
  type InvoiceReturnRow,
  type InvoiceTaxRow,
  type InvoiceTenderRow,
} from './invoices.statements'

export { INVOICE_SQL, type InvoiceHeaderRow, type InvoiceTenderRow } from './invoices.statements'

type InvoiceSql = BoundStatements<typeof INVOICE_SQL>

function toLineDto(line: InvoiceLineRow): InvoiceLineDto {
  return {
    id: line.id,
    productId: line.product_id,
    sku: line.sku,
    name: line.name,
    unitPriceCents: line.unit_price_cents,
    quantity: line.quantity,
    subAmountCents: line.sub_amount_cents,
    discountCents: line.discount_cents,
    netCents: line.net_cents,
    taxCents: line.tax_cents,
    totalCents: line.total_cents,
    returnedQuantity: line.returned_quantity,
  }
}

function toTaxDto(row: InvoiceTaxRow): SaleTaxDto {
  return {
    id: row.tax_rate_id,
    name: row.name,
    rateBps: row.rate_bps,
    included: Boolean(row.included),
    baseCents: row.base_cents,
    taxCents: row.tax_cents,
  }
}

function toReturnSummary(row: InvoiceReturnRow): InvoiceReturnDto {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    returnedAt: row.returned_at,
    cashier: row.cashier_name,
    reason: row.reason,
    refundCents: row.refund_cents,
  }
}

/** A tender as the receipt shows it: only the fields its method has. */
export function toTenderDto(row: InvoiceTenderRow): InvoiceTenderDto {
  const dto: InvoiceTenderDto = { method: row.method, amountCents: row.amount_cents }
  if (row.token_last4 != null) dto.tokenLast4 = row.token_last4
  if (row.token_balance_after_cents != null) dto.tokenBalanceAfterCents = row.token_balance_after_cents
  if (row.wallet != null) dto.wallet = row.wallet
  if (row.reference != null) dto.reference = row.reference
  if (row.tendered_cents != null) dto.tenderedCents = row.tendered_cents
  if (row.change_cents != null) dto.changeCents = row.change_cents
  return dto
}

/** The receipt: optional fields appear only when the payment has them. */
export function toInvoiceDto(
  header: InvoiceHeaderRow,
  lines: InvoiceLineDto[],
  taxes: SaleTaxDto[],
  tenders: InvoiceTenderDto[],
  returns: InvoiceReturnDto[] = [],
): InvoiceDto {
  const dto: InvoiceDto = {
    id: header.id,
    number: header.number,
    cashier: header.cashier_name,
    paymentMethod: header.payment_method,
    paidAt: header.paid_at,
    subtotalCents: header.subtotal_cents,
    discountCents: header.discount_cents,
    taxCents: header.tax_cents,
    totalCents: header.total_cents,
    taxes,
    roundingCents: header.rounding_cents,
    tenders,
    lines,
    returns,
  }
  if (header.token_last4 != null) dto.tokenLast4 = header.token_last4
  if (header.tendered_cents != null) dto.tenderedCents = header.tendered_cents
  if (header.change_cents != null) dto.changeCents = header.change_cents
  if (header.token_balance_after_cents != null) dto.tokenBalanceAfterCents = header.token_balance_after_cents
  return dto
}

export type InvoiceKey = { id: number } | { number: number; tillId: string } | { idempotencyKey: string }

export function readInvoiceHeader(sql: InvoiceSql, where: InvoiceKey): InvoiceHeaderRow | undefined {
  if ('id' in where) return sql.byId(where.id)
  if ('number' in where) return sql.byNumber(where.tillId, where.number)
  return sql.byKey(where.idempotencyKey)
}

export function readInvoiceLines(sql: InvoiceSql, invoiceId: number): InvoiceLineDto[] {
  return sql.lines(invoiceId).map(toLineDto)
}

/** The invoice with its lines, taxes, tenders and promo, as the receipt shows it. */
export function readInvoice(sql: InvoiceSql, header: InvoiceHeaderRow): InvoiceDto {
  const dto = toInvoiceDto(
    header,
    readInvoiceLines(sql, header.id),
    sql.taxes(header.id).map(toTaxDto),
    sql.tenders(header.id).map(toTenderDto),
    sql.returns(header.id).map(toReturnSummary),
  )
  const promo = sql.promo(header.id)
  if (promo) dto.promo = { code: promo.code, name: promo.name, discountCents: promo.discount_cents }
  return dto
}

export function getInvoice(ctx: DbContext, where: { id: number } | { number: number }): Promise<InvoiceDto> {
  return read(ctx, INVOICE_SQL, ({ sql, tillId }) => {
    const header = readInvoiceHeader(sql, 'number' in where ? { ...where, tillId } : where)
    if (!header) {
      if ('number' in where)
        throw new DomainError('NOT_FOUND', `No invoice with number ${where.number}.`, { what: 'invoice', number: where.number })
      throw new DomainError('NOT_FOUND', `No invoice with id ${where.id}.`, { what: 'invoice', id: where.id })
    }
    return readInvoice(sql, header)
  })
}
