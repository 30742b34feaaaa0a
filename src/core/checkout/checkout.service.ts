import type { CheckoutResultDto, PaymentInput } from '#shared/contract/checkout'
import type { InvoiceDto } from '#shared/contract/invoices'
import { formatMoney, lineTotalCents, sumCents } from '#shared/money/money'
import { uuidv7 } from '#core/common/ids'
import type { DbContext, SessionUser, StoreSettings } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { BoundStatements } from '#core/db/statements'
import { write, writeStatements, type StatementWriter } from '#core/db/tx'
import { CART_SQL, deleteCartLines, readCartLines } from '#core/cart/cart.service'
import { INVOICE_SQL, readInvoiceHeader, readInvoiceLines, toInvoiceDto, type InvoiceHeaderRow } from '#core/invoices/invoices.service'
import { isTokenExpired, normalizeTokenCode } from '#core/tokens/tokens.service'
import { CHECKOUT_SQL, type TokenRow } from './checkout.statements'

export interface CheckoutRequest {
  idempotencyKey: string
  expectedTotalCents: number
  payment: PaymentInput
}

export interface CheckoutEnv {
  user: SessionUser
  settings: StoreSettings
}

/** What the sale took, as figures: the screen words it. */
function resultOf(invoice: InvoiceDto): CheckoutResultDto {
  if (invoice.paymentMethod === 'token') {
    return { invoice, method: 'token', amountCents: invoice.totalCents, tokenBalanceCents: invoice.tokenBalanceAfterCents ?? 0 }
  }
  return { invoice, method: 'cash', amountCents: invoice.totalCents, changeCents: invoice.changeCents ?? 0 }
}

/**
 * One transaction, all or nothing: check the cart and the payment, debit the token with a
 * conditional update, write the invoice with its lines, take the stock (never below zero), clear
 * the cart. Any refusal rolls everything back. Awaits nothing but the database.
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
    return resultOf(toInvoiceDto(previous, readInvoiceLines(invoices, previous.id)))
  }

  const cart = readCartLines(carts, env.user.id)
  if (cart.length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty.')
  // A product archived after it went into the cart is no longer sold: the line has to go first.
  const archived = cart.find((line) => !line.active)
  if (archived) {
    throw new DomainError('NOT_FOUND', `${archived.name} is no longer sold.`, { what: 'product', productId: archived.product_id })
  }
  const totalCents = sumCents(cart.map((line) => lineTotalCents(line.price_cents, line.quantity)))
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
  const header: Omit<InvoiceHeaderRow, 'id'> = {
    number,
    cashier_id: env.user.id,
    cashier_name: env.user.displayName,
    payment_method: request.payment.method,
    token_last4: null,
    paid_at: paidAt,
    total_cents: totalCents,
    tendered_cents: null,
    change_cents: null,
    token_balance_after_cents: null,
  }
  let token: TokenRow | null = null
  if (request.payment.method === 'token') {
    token = debitToken(sql, request.payment.token, totalCents, now, env.settings.timeZone)
    header.token_last4 = token.code.slice(-4)
    header.token_balance_after_cents = token.balance_cents
  } else {
    const tendered = request.payment.tenderedCents
    if (tendered < totalCents) {
      throw new DomainError(
        'INSUFFICIENT_TENDER',
        `Cash tendered ${formatMoney(tendered, env.settings)} is less than the total ${formatMoney(totalCents, env.settings)}.`,
        { tenderedCents: tendered, totalCents },
      )
    }
    header.tendered_cents = tendered
    header.change_cents = tendered - totalCents
  }

  const invoiceId = Number(
    sql.insertInvoice({
      ...header,
      uid: uuidv7(now),
      till_id: tillId,
      idempotency_key: request.idempotencyKey,
      token_id: token?.id ?? null,
    }).lastInsertRowid,
  )
  if (token) sql.insertLedger(uuidv7(now), tillId, token.id, -totalCents, token.balance_cents, invoiceId, paidAt)

  const lines = cart.map((line) => {
    const subAmountCents = lineTotalCents(line.price_cents, line.quantity)
    sql.insertLine(invoiceId, line.product_id, line.sku, line.name, line.price_cents, line.quantity, subAmountCents)
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
      productId: line.product_id,
      sku: line.sku,
      name: line.name,
      unitPriceCents: line.price_cents,
      quantity: line.quantity,
      subAmountCents,
    }
  })

  deleteCartLines(carts, env.user.id)
  tx.audit({
    action: 'sale',
    actor: { id: env.user.id, name: env.user.displayName },
    subject: `invoice ${number}`,
    details: { totalCents, method: header.payment_method, lines: cart.length },
  })
  return resultOf(toInvoiceDto({ ...header, id: invoiceId }, lines))
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
          details: { code: error.code, method: request.payment.method, expectedTotalCents: request.expectedTotalCents },
        }),
      )
    }
    throw error
  }
}

/**
 * Debits the token for the sale, or refuses; the token as it is after the debit. A switched-off
 * token is not found, so it is refused exactly like an unknown code.
 */
function debitToken(sql: BoundStatements<typeof CHECKOUT_SQL>, typed: string, totalCents: number, now: Date, timeZone: string): TokenRow {
  const token = sql.token(normalizeTokenCode(typed))
  if (!token) throw new DomainError('INVALID_TOKEN', `Invalid token '${typed.trim()}'`, { token: typed.trim() })
  if (isTokenExpired(token.expires_on, now, timeZone)) throw new DomainError('TOKEN_EXPIRED', 'Token has expired')
  if (token.balance_cents < totalCents) throw new DomainError('INSUFFICIENT_BALANCE', 'Insufficient balance')
  const debited = sql.debitToken({ id: token.id, amount: totalCents }).changes
  if (debited !== 1) throw new DomainError('INSUFFICIENT_BALANCE', 'Insufficient balance')
  return { ...token, balance_cents: token.balance_cents - totalCents }
}
