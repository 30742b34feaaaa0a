import type { RefundDto, ReturnDto, ReturnFiguresDto, ReturnLineDto, ReturnLineInput } from '#shared/contract/returns'
import type { DbContext, SessionUser, StoreSettings } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { uuidv7 } from '#core/common/ids'
import { storeDate } from '#core/common/store-day'
import { SALE_DAY_SQL, saleDay } from '#core/db/sale-day'
import type { BoundStatements } from '#core/db/statements'
import { read, writeStatements, type StatementWriter } from '#core/db/tx'
import { lineRefund, planRefunds } from './returns.rules'
import { RETURNS_SQL, type ReturnHeaderRow, type SoldLineRow, type SoldTenderRow } from './returns.statements'

type ReturnsSql = BoundStatements<typeof RETURNS_SQL>

export interface ReturnRequest {
  invoiceId: number
  lines: ReturnLineInput[]
  reason: string
  idempotencyKey: string
}

export interface ReturnEnv {
  user: SessionUser
  settings: StoreSettings
}

/** What returning `lines` of the invoice would give back, with the rows it needs to make it. */
interface PlannedReturn {
  figures: ReturnFiguresDto
  sold: Map<number, SoldLineRow>
  tenders: SoldTenderRow[]
  /** The planned refunds' tenders, in refund order. */
  refundTenders: SoldTenderRow[]
}

function invoiceOf(sql: ReturnsSql, invoiceId: number) {
  const invoice = sql.invoice(invoiceId)
  if (!invoice) throw new DomainError('NOT_FOUND', `No invoice with id ${invoiceId}.`, { what: 'invoice', id: invoiceId })
  return invoice
}

/**
 * Checks every line against what is left of it (sold − returned by earlier returns: RETURN_EXCEEDS_SALE)
 * and prices the return: each line's share of what was paid for it, then the refunds by tender. Inside
 * the return's transaction this reads what earlier returns wrote, so two returns racing for the last
 * unit cannot both have it (and the database refuses such a row anyway).
 */
function planReturn(sql: ReturnsSql, invoiceId: number, wanted: readonly ReturnLineInput[], settings: StoreSettings): PlannedReturn {
  const invoice = invoiceOf(sql, invoiceId)
  const sold = new Map(sql.soldLines(invoiceId).map((line) => [line.id, line]))
  const lines: ReturnLineDto[] = wanted.map((request) => {
    const line = sold.get(request.invoiceLineId)
    if (!line) {
      throw new DomainError('NOT_FOUND', `Invoice ${invoice.number} has no line ${request.invoiceLineId}.`, {
        what: 'invoiceLine',
        id: request.invoiceLineId,
      })
    }
    if (request.quantity > line.quantity - line.returned_quantity) {
      throw new DomainError(
        'RETURN_EXCEEDS_SALE',
        `Only ${line.quantity - line.returned_quantity} of ${line.name} can still be returned (${line.quantity} sold).`,
        {
          invoiceLineId: line.id,
          name: line.name,
          soldQuantity: line.quantity,
          returnedQuantity: line.returned_quantity,
          requestedQuantity: request.quantity,
        },
      )
    }
    const refund = lineRefund(
      { quantity: line.quantity, totalCents: line.total_cents, taxCents: line.tax_cents },
      line.returned_quantity,
      request.quantity,
    )
    return {
      invoiceLineId: line.id,
      productId: line.product_id,
      sku: line.sku,
      name: line.name,
      quantity: request.quantity,
      refundCents: refund.refundCents,
      taxCents: refund.taxCents,
      restock: request.restock,
    }
  })
  const goodsCents = lines.reduce((sum, line) => sum + line.refundCents, 0)
  const taxCents = lines.reduce((sum, line) => sum + line.taxCents, 0)

  const tenders = sql.soldTenders(invoiceId)
  const cashTender = tenders.find((tender) => tender.method === 'cash')
  const plan = planRefunds(
    goodsCents,
    tenders.map((tender) => ({
      position: tender.position,
      method: tender.method,
      paidCents: tender.amount_cents,
      refundedCents: tender.refunded_cents,
    })),
    { refundedCents: cashTender?.refunded_cents ?? 0, roundingCents: sql.cashRoundingBefore(invoiceId) ?? 0 },
    { incrementCents: settings.cashRoundingIncrementCents, mode: settings.cashRoundingMode },
  )
  if (plan.unplacedCents > 0) {
    throw new DomainError('INTERNAL', `The sale's tenders cannot take back ${plan.unplacedCents} of the refund.`)
  }
  const byPosition = new Map(tenders.map((tender) => [tender.position, tender]))
  const refundTenders = plan.refunds.map((refund) => byPosition.get(refund.position)!)
  const refunds = plan.refunds.map((refund, index): RefundDto => refundDto(refundTenders[index]!, refund.amountCents))
  return {
    figures: {
      invoiceId,
      invoiceNumber: invoice.number,
      lines,
      goodsCents,
      taxCents,
      roundingCents: plan.roundingCents,
      refundCents: refunds.reduce((sum, refund) => sum + refund.amountCents, 0),
      refunds,
    },
    sold,
    tenders,
    refundTenders,
  }
}

function refundDto(
  tender: Pick<SoldTenderRow, 'method' | 'token_last4' | 'wallet' | 'reference'>,
  amountCents: number,
  tokenBalanceAfterCents?: number | null,
): RefundDto {
  const dto: RefundDto = { method: tender.method, amountCents }
  if (tender.token_last4 != null) dto.tokenLast4 = tender.token_last4
  if (tokenBalanceAfterCents != null) dto.tokenBalanceAfterCents = tokenBalanceAfterCents
  if (tender.wallet != null) dto.wallet = tender.wallet
  if (tender.reference != null) dto.reference = tender.reference
  return dto
}

/** What a return of these lines would give back; changes nothing. */
export function previewReturn(
  ctx: DbContext,
  invoiceId: number,
  lines: ReturnLineInput[],
  settings: StoreSettings,
): Promise<ReturnFiguresDto> {
  return read(ctx, RETURNS_SQL, ({ sql }) => planReturn(sql, invoiceId, lines, settings).figures)
}

function readReturn(sql: ReturnsSql, header: ReturnHeaderRow): ReturnDto {
  const invoice = invoiceOf(sql, header.invoice_id)
  const dto: ReturnDto = {
    id: header.id,
    number: header.number,
    kind: header.kind,
    invoiceId: header.invoice_id,
    invoiceNumber: invoice.number,
    returnedAt: header.returned_at,
    cashier: header.cashier_name,
    reason: header.reason,
    lines: sql.lines(header.id).map((line) => ({
      invoiceLineId: line.invoice_line_id,
      productId: line.product_id,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      refundCents: line.refund_cents,
      taxCents: line.tax_cents,
      restock: Boolean(line.restock),
    })),
    goodsCents: header.goods_cents,
    taxCents: header.tax_cents,
    roundingCents: header.rounding_cents,
    refundCents: header.refund_cents,
    refunds: sql.refunds(header.id).map((row) => refundDto(row, row.amount_cents, row.token_balance_after_cents)),
  }
  if (header.approver_name != null) dto.approvedBy = header.approver_name
  return dto
}

export function getReturn(ctx: DbContext, id: number): Promise<ReturnDto> {
  return read(ctx, RETURNS_SQL, ({ sql }) => {
    const header = sql.byId(id)
    if (!header) throw new DomainError('NOT_FOUND', `No return with id ${id}.`, { what: 'return', id })
    return readReturn(sql, header)
  })
}

/**
 * One transaction, all or nothing: a replayed key answers with its return; otherwise the lines are
 * checked and priced, the return numbered and written with its lines, each restocked line puts its
 * units back with a `returned` movement, and each refund goes to its tender (a token re-credited with
 * a ledger row). Awaits nothing but the database.
 */
export function createReturn(ctx: DbContext, request: ReturnRequest, env: ReturnEnv): Promise<ReturnDto> {
  const now = ctx.now()
  const approver = ctx.approval?.approver ?? null
  return writeStatements(ctx, RETURNS_SQL, (tx) => {
    const { sql } = tx
    const previous = sql.byKey(request.idempotencyKey)
    if (previous) {
      if (previous.cashier_id !== env.user.id || previous.invoice_id !== request.invoiceId) {
        throw new DomainError('CONFLICT', 'This return key was already used for another return.', { what: 'idempotencyKey' })
      }
      return readReturn(sql, previous)
    }
    const planned = planReturn(sql, request.invoiceId, request.lines, env.settings)
    return writeReturn(tx, planned, request, env, 'return', approver, now)
  })
}

function writeReturn(
  tx: StatementWriter<typeof RETURNS_SQL>,
  planned: PlannedReturn,
  request: ReturnRequest,
  env: ReturnEnv,
  kind: 'return' | 'void',
  approver: SessionUser | null,
  now: Date,
): ReturnDto {
  const { sql, tillId } = tx
  const { figures } = planned
  // With shifts on, a refund needs the till's open shift, like a payment (cash may leave the drawer).
  const day = saleDay(tx.use(SALE_DAY_SQL), tillId, now, env.settings)
  const at = now.toISOString()
  const number = (sql.lastNumber(tillId) ?? 0) + 1
  const returnId = Number(
    sql.insertReturn({
      uid: uuidv7(now),
      till_id: tillId,
      number,
      idempotency_key: request.idempotencyKey,
      invoice_id: request.invoiceId,
      kind,
      cashier_id: env.user.id,
      cashier_name: env.user.displayName,
      approver_id: approver?.id ?? null,
      approver_name: approver?.displayName ?? null,
      reason: request.reason,
      returned_at: at,
      goods_cents: figures.goodsCents,
      tax_cents: figures.taxCents,
      rounding_cents: figures.roundingCents,
      refund_cents: figures.refundCents,
      ...day,
    }).lastInsertRowid,
  )
  for (const line of figures.lines) {
    sql.insertLine({
      sale_return_id: returnId,
      invoice_line_id: line.invoiceLineId,
      product_id: line.productId,
      quantity: line.quantity,
      refund_cents: line.refundCents,
      tax_cents: line.taxCents,
      restock: line.restock ? 1 : 0,
    })
    if (!line.restock) continue
    sql.restock({ id: line.productId, quantity: line.quantity, at })
    sql.insertMovement({
      uid: uuidv7(now),
      till_id: tillId,
      product_id: line.productId,
      delta_qty: line.quantity,
      sale_return_id: returnId,
      user_id: env.user.id,
      at,
    })
  }
  const refunds = figures.refunds.map((refund, position): RefundDto => {
    const tender = planned.refundTenders[position]!
    let balanceAfter: number | null = null
    if (tender.method === 'token' && tender.token_id !== null) {
      sql.creditToken({ id: tender.token_id, amount: refund.amountCents })
      balanceAfter = sql.tokenBalance(tender.token_id)!
      sql.insertLedger({
        uid: uuidv7(now),
        till_id: tillId,
        token_id: tender.token_id,
        delta_cents: refund.amountCents,
        balance_after_cents: balanceAfter,
        invoice_id: request.invoiceId,
        sale_return_id: returnId,
        user_id: env.user.id,
        at,
      })
    }
    sql.insertRefund({
      uid: uuidv7(now),
      till_id: tillId,
      sale_return_id: returnId,
      position,
      invoice_tender_id: tender.id,
      method: tender.method,
      amount_cents: refund.amountCents,
      token_id: tender.method === 'token' ? tender.token_id : null,
      token_balance_after_cents: balanceAfter,
    })
    return refundDto(tender, refund.amountCents, balanceAfter)
  })
  tx.audit({
    action: kind === 'void' ? 'sale.void' : 'sale.return',
    actor: { id: env.user.id, name: env.user.displayName },
    subject: `return ${number} of invoice ${figures.invoiceNumber}`,
    details: {
      invoiceId: request.invoiceId,
      refundCents: figures.refundCents,
      roundingCents: figures.roundingCents,
      lines: figures.lines.length,
      restocked: figures.lines.filter((line) => line.restock).length,
      refunds: refunds.map((refund) => refund.method).join(','),
      reason: request.reason,
    },
  })
  const dto: ReturnDto = {
    ...figures,
    id: returnId,
    number,
    kind,
    returnedAt: at,
    cashier: env.user.displayName,
    reason: request.reason,
    refunds,
  }
  if (approver) dto.approvedBy = approver.displayName
  return dto
}

/**
 * A void: a full return of whatever is left of a sale from the current business day (the store's
 * time zone), every line restocked. An older sale is returned, not voided (CONFLICT voidNotToday).
 */
export function voidInvoice(
  ctx: DbContext,
  request: { invoiceId: number; reason: string; idempotencyKey: string },
  env: ReturnEnv,
): Promise<ReturnDto> {
  const now = ctx.now()
  const approver = ctx.approval?.approver ?? null
  return writeStatements(ctx, RETURNS_SQL, (tx) => {
    const { sql } = tx
    const previous = sql.byKey(request.idempotencyKey)
    if (previous) {
      if (previous.cashier_id !== env.user.id || previous.invoice_id !== request.invoiceId || previous.kind !== 'void') {
        throw new DomainError('CONFLICT', 'This return key was already used for another return.', { what: 'idempotencyKey' })
      }
      return readReturn(sql, previous)
    }
    const invoice = invoiceOf(sql, request.invoiceId)
    // The day the sale was booked on; a sale from before business days were recorded, by its instant.
    const paidOn = invoice.business_day ?? storeDate(new Date(invoice.paid_at), env.settings.timeZone)
    if (paidOn !== storeDate(now, env.settings.timeZone)) {
      throw new DomainError('CONFLICT', `Invoice ${invoice.number} is from ${paidOn}: only today's sales can be voided.`, {
        what: 'voidNotToday',
        paidOn,
      })
    }
    const left = sql
      .soldLines(request.invoiceId)
      .filter((line) => line.quantity > line.returned_quantity)
      .map((line) => ({ invoiceLineId: line.id, quantity: line.quantity - line.returned_quantity, restock: true }))
    if (left.length === 0) {
      throw new DomainError('CONFLICT', `Everything invoice ${invoice.number} sold has been returned already.`, { what: 'nothingToReturn' })
    }
    return writeReturn(tx, planReturn(sql, request.invoiceId, left, env.settings), { ...request, lines: left }, env, 'void', approver, now)
  })
}
