import type { EntityManager } from '@mikro-orm/sqlite'
import type { CheckoutResultDto, InvoiceDto, PaymentInput } from '../../shared/contract'
import { formatMoney, lineTotalCents, sumCents } from '../../shared/money'
import { localDate } from '../clock'
import type { RequestContext, SessionUser, StoreSettings } from '../context'
import { nativeDatabase, prepared, type Sqlite } from '../db/prepared'
import { DomainError } from '../domain-error'
import { appendAudit, appendAuditEntry } from './audit.service'
import { deleteCartLines, readCartLines } from './cart.service'
import { readInvoiceHeader, readInvoiceLines, toInvoiceDto, type InvoiceHeader } from './invoice.service'

export interface CheckoutRequest {
  idempotencyKey: string
  expectedTotalCents: number
  payment: PaymentInput
}

export interface CheckoutEnv {
  user: SessionUser
  settings: StoreSettings
  now: Date
}

/** A token as typed or scanned: surrounding spaces dropped, case folded. */
export function normalizeToken(text: string): string {
  return text.trim().toLowerCase()
}

/** Valid through its expiry date inclusive, in the store's local date. */
export function isTokenExpired(expiresOn: string, now: Date): boolean {
  return localDate(now) > expiresOn
}

function resultOf(invoice: InvoiceDto, settings: StoreSettings): CheckoutResultDto {
  const amount = formatMoney(invoice.totalCents, settings)
  if (invoice.paymentMethod === 'token') {
    return {
      invoice,
      message: `Payment successfully completed with ${amount} from your balance!`,
      tokenBalanceCents: invoice.tokenBalanceAfterCents ?? 0,
    }
  }
  return {
    invoice,
    message: `Payment of ${amount} received in cash.`,
    changeCents: invoice.changeCents ?? 0,
  }
}

/**
 * A sale is the hot path with the most writes, so it runs as prepared statements (db/prepared.ts),
 * in the order SQLite needs them: the invoice first, then what refers to it.
 */
const SQL = {
  lastNumber: 'select max(number) from invoice',
  token: 'select id, code, balance_cents as balanceCents, expires_on as expiresOn from token where code = ?',
  debitToken: 'update token set balance_cents = balance_cents - @amount where id = @id and balance_cents >= @amount',
  insertInvoice: `insert into invoice (number, idempotency_key, cashier_id, cashier_name, payment_method, token_id, token_last4,
      paid_at, total_cents, tendered_cents, change_cents, token_balance_after_cents)
    values (@number, @idempotencyKey, @cashierId, @cashierName, @paymentMethod, @tokenId, @tokenLast4,
      @paidAt, @totalCents, @tenderedCents, @changeCents, @tokenBalanceAfterCents)`,
  insertLedger: `insert into token_ledger_entry (token_id, delta_cents, balance_after_cents, reason, invoice_id, at)
    values (?, ?, ?, 'sale', ?, ?)`,
  insertLine: `insert into invoice_line (invoice_id, product_id, sku, name, unit_price_cents, quantity, sub_amount_cents)
    values (?, ?, ?, ?, ?, ?, ?)`,
  /** Conditional: two tills racing for the last unit cannot both take it. */
  takeStock: 'update product set stock = stock - @quantity, updated_at = @at where id = @id and stock >= @quantity',
  insertMovement: "insert into stock_movement (product_id, delta_qty, reason, invoice_id, at) values (?, ?, 'sale', ?, ?)",
} as const

interface TokenRow {
  id: number
  code: string
  balanceCents: number
  expiresOn: string
}

/**
 * One transaction, all or nothing: check the cart and the payment, debit the token with a
 * conditional update, write the invoice with its lines, take the stock (never below zero), clear
 * the cart. Any refusal rolls everything back. Awaits nothing but the database.
 */
export async function checkout(em: EntityManager, request: CheckoutRequest, env: CheckoutEnv): Promise<CheckoutResultDto> {
  const db = await nativeDatabase(em)
  return db.transaction(() => checkoutNow(db, request, env)).immediate()
}

function checkoutNow(db: Sqlite, request: CheckoutRequest, env: CheckoutEnv): CheckoutResultDto {
  const previous = readInvoiceHeader(db, { idempotencyKey: request.idempotencyKey })
  if (previous) {
    if (previous.cashierId !== env.user.id) {
      throw new DomainError('CONFLICT', 'This payment key was already used by another till.')
    }
    return resultOf(toInvoiceDto(previous, readInvoiceLines(db, previous.id)), env.settings)
  }

  const cart = readCartLines(db, env.user.id)
  if (cart.length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty.')
  const totalCents = sumCents(cart.map((line) => lineTotalCents(line.unitPriceCents, line.quantity)))
  if (totalCents !== request.expectedTotalCents) {
    throw new DomainError(
      'CART_CHANGED',
      `The cart changed: the total is now ${formatMoney(totalCents, env.settings)}. Check it and try again.`,
    )
  }

  const paidAt = env.now.toISOString()
  const number = ((prepared(db, SQL.lastNumber).pluck().get() as number | null) ?? 0) + 1
  const header: Omit<InvoiceHeader, 'id'> = {
    number,
    cashierId: env.user.id,
    cashierName: env.user.displayName,
    paymentMethod: request.payment.method,
    tokenLast4: null,
    paidAt,
    totalCents,
    tenderedCents: null,
    changeCents: null,
    tokenBalanceAfterCents: null,
  }
  let token: TokenRow | null = null
  if (request.payment.method === 'token') {
    token = debitToken(db, request.payment.token, totalCents, env.now)
    header.tokenLast4 = token.code.slice(-4)
    header.tokenBalanceAfterCents = token.balanceCents
  } else {
    const tendered = request.payment.tenderedCents
    if (tendered < totalCents) {
      throw new DomainError(
        'INSUFFICIENT_TENDER',
        `Cash tendered ${formatMoney(tendered, env.settings)} is less than the total ${formatMoney(totalCents, env.settings)}.`,
      )
    }
    header.tenderedCents = tendered
    header.changeCents = tendered - totalCents
  }

  const invoiceId = Number(
    prepared(db, SQL.insertInvoice).run({ ...header, idempotencyKey: request.idempotencyKey, tokenId: token?.id ?? null }).lastInsertRowid,
  )
  if (token) prepared(db, SQL.insertLedger).run(token.id, -totalCents, token.balanceCents, invoiceId, paidAt)

  const lines = cart.map((line) => {
    const subAmountCents = lineTotalCents(line.unitPriceCents, line.quantity)
    prepared(db, SQL.insertLine).run(invoiceId, line.productId, line.sku, line.name, line.unitPriceCents, line.quantity, subAmountCents)
    const taken = prepared(db, SQL.takeStock).run({ id: line.productId, quantity: line.quantity, at: paidAt }).changes
    if (taken !== 1) {
      throw new DomainError('INSUFFICIENT_STOCK', `Insufficient quantity ${line.quantity} for ${line.name}`)
    }
    prepared(db, SQL.insertMovement).run(line.productId, -line.quantity, invoiceId, paidAt)
    return {
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
      subAmountCents,
    }
  })

  deleteCartLines(db, env.user.id)
  appendAuditEntry(
    db,
    {
      action: 'sale',
      actor: { id: env.user.id, name: env.user.displayName },
      subject: `invoice ${number}`,
      details: { totalCents, method: header.paymentMethod, lines: cart.length },
    },
    env.now,
  )
  return resultOf(toInvoiceDto({ ...header, id: invoiceId }, lines), env.settings)
}

/**
 * The checkout as the till calls it: a refusal changed nothing, but it still gets its own line in
 * the audit trail (written after the sale's transaction rolled back).
 */
export async function checkoutRecordingRefusals(
  db: RequestContext['db'],
  request: CheckoutRequest,
  env: CheckoutEnv,
): Promise<CheckoutResultDto> {
  try {
    return await db((em) => checkout(em, request, env))
  } catch (error) {
    if (error instanceof DomainError) {
      await db((em) =>
        appendAudit(
          em,
          {
            action: 'payment.refused',
            actor: { id: env.user.id, name: env.user.displayName },
            subject: request.idempotencyKey,
            details: { code: error.code, method: request.payment.method, expectedTotalCents: request.expectedTotalCents },
          },
          env.now,
        ),
      )
    }
    throw error
  }
}

/** Debits the token for the sale, or refuses; the token as it is after the debit. */
function debitToken(db: Sqlite, typed: string, totalCents: number, now: Date): TokenRow {
  const token = prepared<TokenRow>(db, SQL.token).get(normalizeToken(typed))
  if (!token) throw new DomainError('INVALID_TOKEN', `Invalid token '${typed.trim()}'`)
  if (isTokenExpired(token.expiresOn, now)) throw new DomainError('TOKEN_EXPIRED', 'Token has expired')
  if (token.balanceCents < totalCents) throw new DomainError('INSUFFICIENT_BALANCE', 'Insufficient balance')
  const debited = prepared(db, SQL.debitToken).run({ id: token.id, amount: totalCents }).changes
  if (debited !== 1) throw new DomainError('INSUFFICIENT_BALANCE', 'Insufficient balance')
  return { ...token, balanceCents: token.balanceCents - totalCents }
}
