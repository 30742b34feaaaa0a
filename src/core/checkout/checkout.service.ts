import type { CheckoutResultDto } from '#shared/contract/checkout'
import type { InvoiceDto } from '#shared/contract/invoices'
import { formatMoney } from '#shared/money/money'
import { uuidv7 } from '#core/common/ids'
import type { DbContext, SessionUser, StoreSettings } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { SALE_DAY_SQL, saleDay } from '#core/db/sale-day'
import { write, writeStatements, type StatementWriter } from '#core/db/tx'
import { CART_SQL, deleteCartLines, priceCart, promoRefusal } from '#core/cart/cart.service'
import { usePromo } from '#core/promos/promos.service'
import { INVOICE_SQL, readInvoice, readInvoiceHeader, toInvoiceDto, type InvoiceHeaderRow } from '#core/invoices/invoices.service'
import { paidFigures, takeTenders, writeTenders, type PaymentRequest } from './checkout-tenders'
import { CHECKOUT_SQL } from './checkout.statements'

export interface CheckoutRequest extends PaymentRequest {
  idempotencyKey: string
  expectedTotalCents: number
}

export interface CheckoutEnv {
  user: SessionUser
  settings: StoreSettings
}

/** What the sale took, as figures: the screen words it. */
function resultOf(invoice: InvoiceDto): CheckoutResultDto {
  return { invoice, ...paidFigures(invoice) }
}

/**
 * One transaction, all or nothing: check the cart and the tenders, debit each token with a
 * conditional update, write the invoice with its lines and tenders, take the stock (never below
 * zero), clear the cart. Any refusal rolls everything back. Awaits nothing but the database.
 */
export function checkout(ctx: DbContext, request: CheckoutRequest, env: CheckoutEnv): Promise<CheckoutResultDto> {
  const now = ctx.now()
  return writeStatements(ctx, CHECKOUT_SQL, (tx) => checkoutNow(tx, request, env, now))
}

function checkoutNow(tx: StatementWriter<typeof CHECKOUT_SQL>, request: CheckoutRequest, env: CheckoutEnv, now: Date): CheckoutResultDto {
  const { sql } = tx
  const invoices = tx.use(INVOICE_SQL)
  const carts = tx.use(CART_SQL)
  const previous = readInvoiceHeader(invoices, { idempotencyKey: request.idempotencyKey })
  if (previous) {
    if (previous.cashier_id !== env.user.id) {
      throw new DomainError('CONFLICT', 'This payment key was already used by another till.', { what: 'idempotencyKey' })
    }
    return resultOf(readInvoice(invoices, previous))
  }
  // Its day and shift first: with shifts on and none open, nothing else is worth checking.
  const day = saleDay(tx.use(SALE_DAY_SQL), tx.tillId, now, env.settings)

  const { lines: cart, priced, taxes, promo } = priceCart(carts, env.user.id, env.settings, now)
  if (cart.length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty.')
  // A product archived after it went into the cart is no longer sold: the line has to go first.
  const archived = cart.find((line) => !line.active)
  if (archived) {
    throw new DomainError('NOT_FOUND', `${archived.name} is no longer sold.`, { what: 'product', productId: archived.product_id })
  }
  // A promo checked when it was applied is checked again: its last day may have passed, its last use gone to another till.
  if (promo?.problem) throw promoRefusal(promo.problem, promo.row.code, promo.row, promo.qualifyingCents)
  const { totalCents } = priced
  if (totalCents !== request.expectedTotalCents) {
    throw new DomainError(
      'CART_CHANGED',
      `The cart changed: the total is now ${formatMoney(totalCents, env.settings)}. Check it and try again.`,
      { totalCents },
    )
  }

  const paidAt = now.toISOString()
  const tillId = tx.tillId
  const number = (sql.lastNumber(tillId) ?? 0) + 1
  const payment = takeTenders(sql, request, totalCents, env.settings, now)
  const { token_id: tokenId, ...paidBy } = payment.columns
  const header: Omit<InvoiceHeaderRow, 'id'> = {
    number,
    cashier_id: env.user.id,
    cashier_name: env.user.displayName,
    ...paidBy,
    paid_at: paidAt,
    total_cents: totalCents,
    subtotal_cents: priced.subtotalCents,
    discount_cents: priced.discountCents,
    tax_cents: priced.taxCents,
  }

  const invoiceId = Number(
    sql.insertInvoice({
      ...header,
      uid: uuidv7(now),
      till_id: tillId,
      idempotency_key: request.idempotencyKey,
      token_id: tokenId,
      ...day,
      units: cart.reduce((units, line) => units + line.quantity, 0),
    }).lastInsertRowid,
  )
  const tenders = writeTenders(sql, payment, invoiceId, tillId, now)
  if (promo) usePromo(tx, promo, invoiceId, paidAt)

  const lines = cart.map((line, index) => {
    const figures = priced.lines[index]!
    const row = {
      product_id: line.product_id,
      sku: line.sku,
      name: line.name,
      unit_price_cents: line.price_cents,
      quantity: line.quantity,
      sub_amount_cents: figures.grossCents,
      discount_cents: figures.discountCents,
      net_cents: figures.netCents,
      tax_cents: figures.taxCents,
      total_cents: figures.totalCents,
    }
    const lineId = Number(sql.insertLine({ invoice_id: invoiceId, ...row }).lastInsertRowid)
    const taken = sql.takeStock({ id: line.product_id, quantity: line.quantity, at: paidAt }).changes
    if (taken !== 1) {
      throw new DomainError('INSUFFICIENT_STOCK', `Insufficient quantity ${line.quantity} for ${line.name}`, {
        productId: line.product_id,
        name: line.name,
        quantity: line.quantity,
      })
    }
    sql.insertMovement({
      uid: uuidv7(now),
      till_id: tillId,
      product_id: line.product_id,
      delta_qty: -line.quantity,
      invoice_id: invoiceId,
      at: paidAt,
    })
    return {
      id: lineId,
      productId: row.product_id,
      sku: row.sku,
      name: row.name,
      unitPriceCents: row.unit_price_cents,
      quantity: row.quantity,
      subAmountCents: row.sub_amount_cents,
      discountCents: row.discount_cents,
      netCents: row.net_cents,
      taxCents: row.tax_cents,
      totalCents: row.total_cents,
      returnedQuantity: 0,
    }
  })
  const saleTaxes = priced.taxes.map((row) => ({ ...row, name: taxes.get(row.id)?.name ?? '' }))
  for (const tax of saleTaxes) {
    sql.insertTax({
      invoice_id: invoiceId,
      tax_rate_id: tax.id,
      name: tax.name,
      rate_bps: tax.rateBps,
      included: tax.included ? 1 : 0,
      base_cents: tax.baseCents,
      tax_cents: tax.taxCents,
    })
  }

  deleteCartLines(carts, env.user.id)
  tx.audit({
    action: 'sale',
    actor: { id: env.user.id, name: env.user.displayName },
    subject: `invoice ${number}`,
    details: {
      totalCents,
      method: header.payment_method,
      tenders: tenders.length,
      roundingCents: header.rounding_cents,
      lines: cart.length,
    },
  })
  const invoice = toInvoiceDto({ ...header, id: invoiceId }, lines, saleTaxes, tenders)
  if (promo) invoice.promo = { code: promo.row.code, name: promo.row.name, discountCents: promo.discountCents }
  return resultOf(invoice)
}

/**
 * The checkout as the till calls it: a refusal changed nothing, but it still gets its own line in
 * the audit trail (written after the sale's transaction rolled back).
 */
export async function checkoutRecordingRefusals(ctx: DbContext, request: CheckoutRequest, env: CheckoutEnv): Promise<CheckoutResultDto> {
  try {
    return await checkout(ctx, request, env)
  } catch (error) {
    if (error instanceof DomainError) {
      await write(ctx, (tx) =>
        tx.audit({
          action: 'payment.refused',
          actor: { id: env.user.id, name: env.user.displayName },
          subject: request.idempotencyKey,
          details: {
            code: error.code,
            method: request.payment?.method ?? (request.payments?.length === 1 ? request.payments[0]!.method : 'split'),
            expectedTotalCents: request.expectedTotalCents,
          },
        }),
      )
    }
    throw error
  }
}
