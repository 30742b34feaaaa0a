import { raw } from '@mikro-orm/core'
import type { EntityManager } from '@mikro-orm/sqlite'
import type { CheckoutResultDto, PaymentInput } from '../../shared/contract'
import { formatMoney, lineTotalCents, sumCents } from '../../shared/money'
import { localDate } from '../clock'
import type { RequestContext, SessionUser, StoreSettings } from '../context'
import { CartLine, Invoice, InvoiceLine, Product, StockMovement, Token, TokenLedgerEntry, User } from '../db/entities'
import { DomainError } from '../domain-error'
import { appendAudit } from './audit.service'
import { loadCartLines } from './cart.service'
import { findInvoice, toInvoiceDto } from './invoice.service'

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

function resultOf(invoice: Invoice, settings: StoreSettings): CheckoutResultDto {
  const dto = toInvoiceDto(invoice)
  const amount = formatMoney(invoice.totalCents, settings)
  if (invoice.paymentMethod === 'token') {
    return {
      invoice: dto,
      message: `Payment successfully completed with ${amount} from your balance!`,
      tokenBalanceCents: invoice.tokenBalanceAfterCents ?? 0,
    }
  }
  return {
    invoice: dto,
    message: `Payment of ${amount} received in cash.`,
    changeCents: invoice.changeCents ?? 0,
  }
}

/**
 * One transaction, all or nothing: check the cart and the payment, debit the token with a
 * conditional update, write the invoice with its lines, take the stock (never below zero), clear
 * the cart. Any refusal rolls everything back. Awaits nothing but the database.
 */
export async function checkout(em: EntityManager, request: CheckoutRequest, env: CheckoutEnv): Promise<CheckoutResultDto> {
  return em.transactional(async (tx) => {
    const previous = await tx.findOne(Invoice, { idempotencyKey: request.idempotencyKey })
    if (previous) {
      if (previous.cashier.id !== env.user.id) {
        throw new DomainError('CONFLICT', 'This payment key was already used by another till.')
      }
      const invoice = await findInvoice(tx, { id: previous.id })
      return resultOf(invoice ?? previous, env.settings)
    }

    const cart = await loadCartLines(tx, env.user.id)
    if (cart.length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty.')
    const totalCents = sumCents(cart.map((line) => lineTotalCents(line.product.priceCents, line.quantity)))
    if (totalCents !== request.expectedTotalCents) {
      throw new DomainError(
        'CART_CHANGED',
        `The cart changed: the total is now ${formatMoney(totalCents, env.settings)}. Check it and try again.`,
      )
    }

    const paidAt = env.now.toISOString()
    const number = await nextInvoiceNumber(tx)
    const invoice = tx.create(Invoice, {
      number,
      idempotencyKey: request.idempotencyKey,
      cashier: tx.getReference(User, env.user.id),
      cashierName: env.user.displayName,
      paymentMethod: request.payment.method,
      token: null,
      tokenLast4: null,
      paidAt,
      totalCents,
      tenderedCents: null,
      changeCents: null,
      tokenBalanceAfterCents: null,
    })

    if (request.payment.method === 'token') {
      const token = await debitToken(tx, request.payment.token, totalCents, env.now)
      invoice.token = token
      invoice.tokenLast4 = token.code.slice(-4)
      invoice.tokenBalanceAfterCents = token.balanceCents
      tx.create(TokenLedgerEntry, {
        token,
        deltaCents: -totalCents,
        balanceAfterCents: token.balanceCents,
        reason: 'sale',
        invoice,
        at: paidAt,
      })
    } else {
      const tendered = request.payment.tenderedCents
      if (tendered < totalCents) {
        throw new DomainError(
          'INSUFFICIENT_TENDER',
          `Cash tendered ${formatMoney(tendered, env.settings)} is less than the total ${formatMoney(totalCents, env.settings)}.`,
        )
      }
      invoice.tenderedCents = tendered
      invoice.changeCents = tendered - totalCents
    }

    for (const line of cart) {
      const { product, quantity } = line
      tx.create(InvoiceLine, {
        invoice,
        product,
        sku: product.sku,
        name: product.name,
        unitPriceCents: product.priceCents,
        quantity,
        subAmountCents: lineTotalCents(product.priceCents, quantity),
      })
      // Conditional update: two tills racing for the last unit cannot both take it.
      const taken = await tx.nativeUpdate(
        Product,
        { id: product.id, stock: { $gte: quantity } },
        { stock: raw('stock - ?', [quantity]), updatedAt: paidAt },
      )
      if (taken !== 1) {
        throw new DomainError('INSUFFICIENT_STOCK', `Insufficient quantity ${quantity} for ${product.name}`)
      }
      tx.create(StockMovement, { product, deltaQty: -quantity, reason: 'sale', invoice, at: paidAt })
    }

    await tx.nativeDelete(CartLine, { user: env.user.id })
    await tx.flush()
    await appendAudit(
      tx,
      {
        action: 'sale',
        actor: { id: env.user.id, name: env.user.displayName },
        subject: `invoice ${number}`,
        details: { totalCents, method: invoice.paymentMethod, lines: cart.length },
      },
      env.now,
    )
    return resultOf(invoice, env.settings)
  })
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

async function nextInvoiceNumber(tx: EntityManager): Promise<number> {
  const [row] = await tx.getConnection().execute<{ last: number | null }[]>(
    'select max(number) as last from invoice',
    [],
    'all',
    tx.getTransactionContext(),
  )
  return (row?.last ?? 0) + 1
}

async function debitToken(tx: EntityManager, typed: string, totalCents: number, now: Date): Promise<Token> {
  const token = await tx.findOne(Token, { code: normalizeToken(typed) })
  if (!token) throw new DomainError('INVALID_TOKEN', `Invalid token '${typed.trim()}'`)
  if (isTokenExpired(token.expiresOn, now)) throw new DomainError('TOKEN_EXPIRED', 'Token has expired')
  if (token.balanceCents < totalCents) throw new DomainError('INSUFFICIENT_BALANCE', 'Insufficient balance')
  const debited = await tx.nativeUpdate(
    Token,
    { id: token.id, balanceCents: { $gte: totalCents } },
    { balanceCents: raw('balance_cents - ?', [totalCents]) },
  )
  if (debited !== 1) throw new DomainError('INSUFFICIENT_BALANCE', 'Insufficient balance')
  await tx.refresh(token)
  return token
}
