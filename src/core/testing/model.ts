/**
 * The reference model for the model-based checkout test (`model.property.test.ts`): what the store
 * should hold and what a till should answer, worked out without the database from DESIGN §3.
 * Pure and synchronous; imported only by tests.
 */
import type { CartDto } from '#shared/contract/cart'
import type { CheckoutResultDto, PaymentInput } from '#shared/contract/checkout'
import type { InvoiceDto } from '#shared/contract/invoices'
import type { ErrorCode } from '#shared/ipc/errors'

/** The largest quantity one cart line may hold (the contract's bound for a single add). */
export const MAX_LINE_QUANTITY = 99_999

export interface ModelProduct {
  id: number
  sku: string
  name: string
  priceCents: number
  /** Its thumbnail (`product.image_file`); none when left out. */
  imageFile?: string | null
}

export interface PayRequest {
  idempotencyKey: string
  expectedTotalCents: number
  payment: PaymentInput
}

/** One `checkout:pay` request sent during a run, and the first successful reply to it. */
export interface PayAttempt {
  request: PayRequest
  userId: number
  first?: CheckoutResultDto
}

export interface TillModel {
  /** Every product a command may put in a cart, by id. */
  products: Map<number, ModelProduct>
  /** Recorded stock of every product in the store, by SKU. */
  stock: Record<string, number>
  /** Balance of every token, by its (lower-case) code. */
  tokens: Record<string, number>
  /** Codes of the tokens whose expiry date is before the store's today. */
  expired: ReadonlySet<string>
  /** userId → productId → quantity; a Map keeps lines in the order they were first added. */
  carts: Map<number, Map<number, number>>
  invoices: number
  lastInvoiceNumber: number
  attempts: PayAttempt[]
}

export type Outcome = { ok: true } | { ok: false; code: ErrorCode }

/** A copy to try a possible future on (products and expiry facts never change, so they are shared). */
export function cloneModel(model: TillModel): TillModel {
  return {
    ...model,
    stock: { ...model.stock },
    tokens: { ...model.tokens },
    carts: new Map([...model.carts].map(([userId, cart]) => [userId, new Map(cart)])),
    attempts: model.attempts.map((attempt) => ({ ...attempt })),
  }
}

const refused = (code: ErrorCode): Outcome => ({ ok: false, code })
const done: Outcome = { ok: true }

export function cartOf(model: TillModel, userId: number): Map<number, number> {
  let cart = model.carts.get(userId)
  if (!cart) {
    cart = new Map()
    model.carts.set(userId, cart)
  }
  return cart
}

function product(model: TillModel, productId: number): ModelProduct {
  const found = model.products.get(productId)
  if (!found) throw new Error(`product ${productId} is not in the model`)
  return found
}

export function cartTotalCents(model: TillModel, userId: number): number {
  let total = 0
  for (const [productId, quantity] of cartOf(model, userId)) total += product(model, productId).priceCents * quantity
  return total
}

/** The cart as `cart:get` should show it: current prices, recorded stock, lines in the order added. */
export function expectedCart(model: TillModel, userId: number): CartDto {
  const lines = [...cartOf(model, userId)].map(([productId, quantity]) => {
    const { sku, name, priceCents, imageFile = null } = product(model, productId)
    return {
      productId,
      sku,
      name,
      unitPriceCents: priceCents,
      quantity,
      lineTotalCents: priceCents * quantity,
      stock: model.stock[sku]!,
      imageFile,
    }
  })
  return {
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    totalCents: lines.reduce((sum, line) => sum + line.lineTotalCents, 0),
  }
}

/** Every cart line in the store, as `readState` lists them (ordered by user, then product). */
export function expectedCartRows(model: TillModel): { user_id: number; product_id: number; quantity: number }[] {
  const rows = [...model.carts].flatMap(([userId, cart]) =>
    [...cart].map(([productId, quantity]) => ({ user_id: userId, product_id: productId, quantity })),
  )
  return rows.sort((a, b) => a.user_id - b.user_id || a.product_id - b.product_id)
}

/** Adding a product already in the cart adds to its quantity; more than the recorded stock is allowed. */
export function applyAdd(model: TillModel, userId: number, productId: number, quantity: number): Outcome {
  if (!model.products.has(productId)) return refused('NOT_FOUND')
  const cart = cartOf(model, userId)
  const next = (cart.get(productId) ?? 0) + quantity
  if (next > MAX_LINE_QUANTITY) return refused('VALIDATION_FAILED')
  cart.set(productId, next)
  return done
}

/** Quantity 0 removes the line (and is no error when there is none). */
export function applySetQuantity(model: TillModel, userId: number, productId: number, quantity: number): Outcome {
  const cart = cartOf(model, userId)
  if (quantity === 0) {
    cart.delete(productId)
    return done
  }
  if (cart.has(productId)) {
    cart.set(productId, quantity)
    return done
  }
  return applyAdd(model, userId, productId, quantity)
}

export function applyRemove(model: TillModel, userId: number, productId: number): Outcome {
  return cartOf(model, userId).delete(productId) ? done : refused('NOT_FOUND')
}

export function applyClear(model: TillModel, userId: number): Outcome {
  cartOf(model, userId).clear()
  return done
}

/** What `checkout:pay` should answer, in the order DESIGN §3 checks things. */
export type PayPrediction =
  | { kind: 'replay'; result: CheckoutResultDto }
  | { kind: 'refused'; code: ErrorCode }
  | {
      kind: 'sale'
      totalCents: number
      lines: { productId: number; sku: string; name: string; unitPriceCents: number; quantity: number; subAmountCents: number }[]
      token?: { code: string; balanceAfterCents: number }
      changeCents?: number
    }

export function normalizeTokenText(text: string): string {
  return text.trim().toLowerCase()
}

export function predictPay(model: TillModel, userId: number, request: PayRequest): PayPrediction {
  const paid = model.attempts.find((attempt) => attempt.first && attempt.request.idempotencyKey === request.idempotencyKey)
  if (paid?.first) {
    return paid.userId === userId ? { kind: 'replay', result: paid.first } : { kind: 'refused', code: 'CONFLICT' }
  }
  const cart = cartOf(model, userId)
  if (cart.size === 0) return { kind: 'refused', code: 'CART_EMPTY' }
  const totalCents = cartTotalCents(model, userId)
  if (totalCents !== request.expectedTotalCents) return { kind: 'refused', code: 'CART_CHANGED' }

  let token: { code: string; balanceAfterCents: number } | undefined
  let changeCents: number | undefined
  if (request.payment.method === 'token') {
    const code = normalizeTokenText(request.payment.token)
    const balance = model.tokens[code]
    if (balance === undefined) return { kind: 'refused', code: 'INVALID_TOKEN' }
    if (model.expired.has(code)) return { kind: 'refused', code: 'TOKEN_EXPIRED' }
    if (balance < totalCents) return { kind: 'refused', code: 'INSUFFICIENT_BALANCE' }
    token = { code, balanceAfterCents: balance - totalCents }
  } else {
    if (request.payment.tenderedCents < totalCents) return { kind: 'refused', code: 'INSUFFICIENT_TENDER' }
    changeCents = request.payment.tenderedCents - totalCents
  }

  const lines = [...cart].map(([productId, quantity]) => {
    const { sku, name, priceCents } = product(model, productId)
    return { productId, sku, name, unitPriceCents: priceCents, quantity, subAmountCents: priceCents * quantity }
  })
  if (lines.some((line) => line.quantity > model.stock[line.sku]!)) return { kind: 'refused', code: 'INSUFFICIENT_STOCK' }
  return { kind: 'sale', totalCents, lines, ...(token ? { token } : {}), ...(changeCents !== undefined ? { changeCents } : {}) }
}

/** The invoice a predicted sale should produce (ids and the formatted message are the till's). */
export function expectedInvoice(
  model: TillModel,
  sale: Extract<PayPrediction, { kind: 'sale' }>,
  request: PayRequest,
  cashier: string,
  paidAt: string,
): Omit<InvoiceDto, 'id'> {
  return {
    number: model.lastInvoiceNumber + 1,
    cashier,
    paymentMethod: request.payment.method,
    paidAt,
    totalCents: sale.totalCents,
    lines: sale.lines,
    ...(sale.token ? { tokenLast4: sale.token.code.slice(-4), tokenBalanceAfterCents: sale.token.balanceAfterCents } : {}),
    ...(request.payment.method === 'cash' ? { tenderedCents: request.payment.tenderedCents, changeCents: sale.changeCents! } : {}),
  }
}

/**
 * Books a sale: stock and token taken, one more invoice, the cart emptied. `result` is the till's
 * reply, kept for replays; null when only trying out a possible future.
 */
export function applySale(
  model: TillModel,
  userId: number,
  sale: Extract<PayPrediction, { kind: 'sale' }>,
  attempt: PayAttempt,
  result: CheckoutResultDto | null,
): void {
  for (const line of sale.lines) model.stock[line.sku]! -= line.quantity
  if (sale.token) model.tokens[sale.token.code] = sale.token.balanceAfterCents
  model.invoices += 1
  model.lastInvoiceNumber = result ? result.invoice.number : model.lastInvoiceNumber + 1
  cartOf(model, userId).clear()
  if (result) attempt.first = result
}
