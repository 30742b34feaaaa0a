/**
 * The reference model for the model-based checkout test (`model.property.test.ts`): what the store
 * should hold and what a till should answer, worked out without the database from DESIGN §3.
 * Pure and synchronous; imported only by tests.
 */
import type { CartDto, DiscountInput, PromoProblem } from '#shared/contract/cart'
import type { CheckoutResultDto, PaymentInput, TenderInput } from '#shared/contract/checkout'
import type { InvoiceDto, InvoiceLineDto, InvoiceReturnDto, InvoiceTenderDto, PaymentMethod } from '#shared/contract/invoices'
import type { ErrorCode } from '#shared/ipc/errors'
import {
  lineAfterOwnDiscount,
  priceSale,
  PricingError,
  roundCash,
  type CashRounding,
  type OrderDiscount,
  type PricedSale,
} from '#shared/money/pricing'
import { firstRefusal, settle } from '#shared/money/tenders'

/** The largest quantity one cart line may hold (the contract's bound for a single add). */
export const MAX_LINE_QUANTITY = 99_999

export interface ModelProduct {
  id: number
  sku: string
  name: string
  priceCents: number
  /** Its thumbnail (`product.image_file`); none when left out. */
  imageFile?: string | null
  /** The active taxes it is sold with; none when left out. */
  taxes?: { id: number; name: string; rateBps: number; included: boolean }[]
}

/** One tender (`payment`) or several (`payments`), as `checkout:pay` takes them. */
export interface PayRequest {
  idempotencyKey: string
  expectedTotalCents: number
  payment?: PaymentInput
  payments?: TenderInput[]
}

/** One `checkout:pay` request sent during a run, and the first successful reply to it. */
export interface PayAttempt {
  request: PayRequest
  userId: number
  first?: CheckoutResultDto
}

/** A promo code the run created (every promo of the model applies to all lines or to named products only). */
export interface ModelPromo {
  id: number
  code: string
  name: string
  kind: 'percent' | 'amount'
  value: number
  minSpendCents: number | null
  maxUses: number | null
  uses: number
  /** The products it is limited to; null: every line. */
  productIds: ReadonlySet<number> | null
}

/** A discount as a cart holds it (no approvals in the model: approvedBy is always null). */
export interface ModelDiscount {
  discount: DiscountInput
  reason: string | null
}

/** The sale-wide part of a cart (`cart_order`): its manual discount and its promo. */
export interface ModelOrder {
  discount: ModelDiscount | null
  promoId: number | null
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
  /** The store's cash rounding and the wallets it takes (settings). */
  cashRounding: CashRounding
  wallets: readonly string[]
  /** userId → productId → the line's own discount. */
  lineDiscounts: Map<number, Map<number, ModelDiscount>>
  /** userId → the cart's order discount and promo (kept while the cart has no lines, as the store does). */
  orders: Map<number, ModelOrder>
  /** The promos a command may apply, by id. */
  promos: Map<number, ModelPromo>
  /** Above this (bps of what it comes off) a discount needs `sale.discountOverLimit` (settings). */
  discountLimitBps: number
  /** The run's sales as a return sees them, oldest first, and how many returns the store holds. */
  sales: ModelSale[]
  returns: number
}

/** A sale of the run: its invoice as paid, and what returns have taken back of each line and each tender. */
export interface ModelSale {
  invoice: InvoiceDto
  /** Units returned, by line index. */
  returned: number[]
  /** Refunded, by tender position. */
  refunded: number[]
  /** What returns paid out in cash, and the rounding they made doing it. */
  cashRefundedCents: number
  cashRoundingCents: number
  /** The returns made of it, as the invoice lists them (from each return's reply, checked against the model). */
  returns: InvoiceReturnDto[]
}

/** A refusal; PROMO_INVALID also says why. */
export type Outcome = { ok: true } | { ok: false; code: ErrorCode; reason?: PromoProblem }

/** A copy to try a possible future on (products and expiry facts never change, so they are shared). */
export function cloneModel(model: TillModel): TillModel {
  return {
    ...model,
    stock: { ...model.stock },
    tokens: { ...model.tokens },
    attempts: model.attempts.map((attempt) => ({ ...attempt })),
    ...cloneCarts(model),
    promos: new Map([...model.promos].map(([id, promo]) => [id, { ...promo }])),
    sales: model.sales.map((sale) => ({ ...sale, returned: [...sale.returned], refunded: [...sale.refunded], returns: [...sale.returns] })),
  }
}

function cloneCarts(model: TillModel): Pick<TillModel, 'carts' | 'lineDiscounts' | 'orders'> {
  return {
    carts: new Map([...model.carts].map(([userId, cart]) => [userId, new Map(cart)])),
    lineDiscounts: new Map([...model.lineDiscounts].map(([userId, lines]) => [userId, new Map(lines)])),
    orders: new Map([...model.orders].map(([userId, order]) => [userId, { ...order }])),
  }
}

const refused = (code: ErrorCode, reason?: PromoProblem): Outcome => (reason ? { ok: false, code, reason } : { ok: false, code })
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

function lineDiscountsOf(model: TillModel, userId: number): Map<number, ModelDiscount> {
  let lines = model.lineDiscounts.get(userId)
  if (!lines) {
    lines = new Map()
    model.lineDiscounts.set(userId, lines)
  }
  return lines
}

export function orderOf(model: TillModel, userId: number): ModelOrder {
  let order = model.orders.get(userId)
  if (!order) {
    order = { discount: null, promoId: null }
    model.orders.set(userId, order)
  }
  return order
}

/** A line's price after its own discount (what an order discount's limit and a promo's minimum spend are counted on). */
function ownNet(model: TillModel, userId: number, productId: number, quantity: number): number {
  return lineAfterOwnDiscount({
    key: String(productId),
    unitPriceCents: product(model, productId).priceCents,
    quantity,
    discount: lineDiscountsOf(model, userId).get(productId)?.discount,
  })
}

/** The promo in a cart checked against its lines, as the cart shows it. */
export interface ModelCartPromo {
  promo: ModelPromo
  problem: PromoProblem | null
  qualifying: number[]
  qualifyingCents: number
}

/** DESIGN's order of a promo's problems (the model's promos are active and undated): used up, nothing qualifying, minimum not met. */
function checkPromo(model: TillModel, userId: number, promo: ModelPromo): ModelCartPromo {
  const qualifying = [...cartOf(model, userId).keys()].filter((productId) => !promo.productIds || promo.productIds.has(productId))
  const qualifyingCents = qualifying.reduce(
    (sum, productId) => sum + ownNet(model, userId, productId, cartOf(model, userId).get(productId)!),
    0,
  )
  let problem: PromoProblem | null = null
  if (promo.maxUses !== null && promo.uses >= promo.maxUses) problem = 'usedUp'
  else if (qualifying.length === 0) problem = 'nothingQualifies'
  else if (promo.minSpendCents !== null && qualifyingCents < promo.minSpendCents) problem = 'minSpend'
  return { promo, problem, qualifying, qualifyingCents }
}

interface PricedModelCart {
  priced: PricedSale
  /** The promo of a cart with lines (an empty cart shows none). */
  promo: ModelCartPromo | null
  promoDiscountCents: number
}

/**
 * The user's cart priced by the pricing engine (tested on its own against published figures),
 * per-line tax rounding: line discounts on their lines, the manual order discount first, the promo
 * second on its qualifying lines (an amount at most what they cost after their own discounts), and
 * only while it qualifies. Throws PricingError where the till refuses the cart (VALIDATION_FAILED).
 */
function pricedCart(model: TillModel, userId: number): PricedModelCart {
  const cart = cartOf(model, userId)
  const discounts = lineDiscountsOf(model, userId)
  const order = orderOf(model, userId)
  const orderDiscounts: OrderDiscount[] = []
  let promo: ModelCartPromo | null = null
  if (cart.size > 0) {
    if (order.discount) orderDiscounts.push({ discount: order.discount.discount })
    const row = order.promoId === null ? undefined : model.promos.get(order.promoId)
    if (row) {
      promo = checkPromo(model, userId, row)
      if (promo.problem === null) {
        const { kind, value } = row
        orderDiscounts.push({
          discount: kind === 'percent' ? { kind, bps: value } : { kind, cents: Math.min(value, promo.qualifyingCents) },
          lineKeys: promo.qualifying.map(String),
        })
      }
    }
  }
  const priced = priceSale({
    currencyDecimals: 2,
    taxRounding: 'perLine',
    lines: [...cart].map(([productId, quantity]) => {
      const { priceCents, taxes = [] } = product(model, productId)
      return { key: String(productId), unitPriceCents: priceCents, quantity, taxes, discount: discounts.get(productId)?.discount }
    }),
    orderDiscounts,
  })
  const promoDiscountCents = promo?.problem === null ? priced.orderDiscounts[orderDiscounts.length - 1]!.discountCents : 0
  return { priced, promo, promoDiscountCents }
}

/**
 * Changes the user's cart as `change` says, if the cart can still be priced: otherwise
 * VALIDATION_FAILED (the till prices the cart in the same transaction) and nothing changed.
 */
function changeCart(model: TillModel, userId: number, change: (trial: TillModel) => void): Outcome {
  const trial = { ...model, ...cloneCarts(model) }
  change(trial)
  try {
    pricedCart(trial, userId)
  } catch (error) {
    if (error instanceof PricingError) return refused('VALIDATION_FAILED')
    throw error
  }
  model.carts = trial.carts
  model.lineDiscounts = trial.lineDiscounts
  model.orders = trial.orders
  return done
}

function saleTaxes(model: TillModel, priced: PricedSale) {
  const names = new Map([...model.products.values()].flatMap((p) => (p.taxes ?? []).map((tax) => [tax.id, tax.name] as const)))
  return priced.taxes.map((row) => ({ ...row, name: names.get(row.id) ?? '' }))
}

export function cartTotalCents(model: TillModel, userId: number): number {
  return pricedCart(model, userId).priced.totalCents
}

const discountDto = (held: ModelDiscount | undefined | null) =>
  held ? { discount: held.discount, reason: held.reason, approvedBy: null } : null

/** The cart as `cart:get` should show it: current prices, recorded stock, lines in the order added. */
export function expectedCart(model: TillModel, userId: number): CartDto {
  const { priced, promo, promoDiscountCents } = pricedCart(model, userId)
  const order = cartOf(model, userId).size > 0 ? orderOf(model, userId) : null
  const lines = [...cartOf(model, userId)].map(([productId, quantity], index) => {
    const { sku, name, priceCents, imageFile = null } = product(model, productId)
    const figures = priced.lines[index]!
    return {
      productId,
      sku,
      name,
      unitPriceCents: priceCents,
      quantity,
      lineTotalCents: figures.grossCents,
      discountCents: figures.discountCents,
      taxCents: figures.taxCents,
      totalCents: figures.totalCents,
      discount: discountDto(lineDiscountsOf(model, userId).get(productId)),
      stock: model.stock[sku]!,
      imageFile,
    }
  })
  return {
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotalCents: priced.subtotalCents,
    discountCents: priced.discountCents,
    taxCents: priced.taxCents,
    totalCents: priced.totalCents,
    taxes: saleTaxes(model, priced),
    orderDiscount: order?.discount ? { ...discountDto(order.discount)!, discountCents: priced.orderDiscounts[0]!.discountCents } : null,
    promo: promo
      ? {
          code: promo.promo.code,
          name: promo.promo.name,
          discountCents: promoDiscountCents,
          problem: promo.problem,
          minSpendCents: promo.promo.minSpendCents,
          qualifyingCents: promo.qualifyingCents,
        }
      : null,
  }
}

/** The line discounts of every cart (as `cart_line` holds them), ordered by user, then product. */
export function expectedLineDiscountRows(model: TillModel) {
  const rows = [...model.lineDiscounts].flatMap(([userId, lines]) =>
    [...lines].map(([productId, { discount, reason }]) => ({
      user_id: userId,
      product_id: productId,
      discount_kind: discount.kind,
      discount_value: discount.kind === 'percent' ? discount.bps : discount.cents,
      discount_reason: reason,
    })),
  )
  return rows.sort((a, b) => a.user_id - b.user_id || a.product_id - b.product_id)
}

/** The carts' order discounts and promos (as `cart_order` holds them, rows with neither left out), by user. */
export function expectedOrderRows(model: TillModel) {
  return [...model.orders]
    .filter(([, order]) => order.discount || order.promoId !== null)
    .map(([userId, { discount, promoId }]) => ({
      user_id: userId,
      discount_kind: discount?.discount.kind ?? null,
      discount_value: discount ? (discount.discount.kind === 'percent' ? discount.discount.bps : discount.discount.cents) : null,
      discount_reason: discount?.reason ?? null,
      promo_id: promoId,
    }))
    .sort((a, b) => a.user_id - b.user_id)
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
  const next = (cartOf(model, userId).get(productId) ?? 0) + quantity
  if (next > MAX_LINE_QUANTITY) return refused('VALIDATION_FAILED')
  return changeCart(model, userId, (trial) => cartOf(trial, userId).set(productId, next))
}

/** A line gone takes its own discount with it; the last line gone takes the sale's discount and promo too. */
function dropLine(model: TillModel, userId: number, productId: number): void {
  const cart = cartOf(model, userId)
  cart.delete(productId)
  lineDiscountsOf(model, userId).delete(productId)
  if (cart.size === 0) model.orders.delete(userId)
}

/** Quantity 0 removes the line (and is no error when there is none). */
export function applySetQuantity(model: TillModel, userId: number, productId: number, quantity: number): Outcome {
  const cart = cartOf(model, userId)
  if (quantity === 0) return changeCart(model, userId, (trial) => dropLine(trial, userId, productId))
  if (cart.has(productId)) return changeCart(model, userId, (trial) => cartOf(trial, userId).set(productId, quantity))
  return applyAdd(model, userId, productId, quantity)
}

export function applyRemove(model: TillModel, userId: number, productId: number): Outcome {
  if (!cartOf(model, userId).has(productId)) return refused('NOT_FOUND')
  return changeCart(model, userId, (trial) => dropLine(trial, userId, productId))
}

/** Empties the cart with its discounts and promo. */
export function applyClear(model: TillModel, userId: number): Outcome {
  cartOf(model, userId).clear()
  lineDiscountsOf(model, userId).clear()
  model.orders.delete(userId)
  return done
}

/** Whether a discount is over the store's limit: a percent above it, an amount above that share of what it comes off. */
function overLimit(discount: DiscountInput, baseCents: number, limitBps: number): boolean {
  return discount.kind === 'percent' ? discount.bps > limitBps : discount.cents * 10_000 > limitBps * baseCents
}

const heldDiscount = (discount: DiscountInput, reason: string | undefined): ModelDiscount => ({
  discount,
  reason: reason && reason.trim() !== '' ? reason.trim() : null,
})

/**
 * A line's own discount (null takes it off): the line must be in the cart; an amount above the line
 * is too large; above the store's limit (of the line's price × quantity) only with `overLimit`
 * rights (a cashier is FORBIDDEN); the cart must still price.
 */
export function applyLineDiscount(
  model: TillModel,
  userId: number,
  productId: number,
  discount: DiscountInput | null,
  reason: string | undefined,
  mayExceedLimit: boolean,
): Outcome {
  const quantity = cartOf(model, userId).get(productId)
  if (quantity === undefined) return refused('NOT_FOUND')
  const gross = product(model, productId).priceCents * quantity
  if (discount?.kind === 'amount' && discount.cents > gross) return refused('VALIDATION_FAILED')
  if (discount && !mayExceedLimit && overLimit(discount, gross, model.discountLimitBps)) return refused('FORBIDDEN')
  return changeCart(model, userId, (trial) => {
    if (discount) lineDiscountsOf(trial, userId).set(productId, heldDiscount(discount, reason))
    else lineDiscountsOf(trial, userId).delete(productId)
  })
}

/**
 * The sale's manual discount (null takes it off; a discount needs lines): the limit and "too large"
 * are counted on the lines after their own discounts.
 */
export function applyOrderDiscount(
  model: TillModel,
  userId: number,
  discount: DiscountInput | null,
  reason: string | undefined,
  mayExceedLimit: boolean,
): Outcome {
  const cart = cartOf(model, userId)
  if (discount && cart.size === 0) return refused('CART_EMPTY')
  const base = [...cart].reduce((sum, [productId, quantity]) => sum + ownNet(model, userId, productId, quantity), 0)
  if (discount?.kind === 'amount' && discount.cents > base) return refused('VALIDATION_FAILED')
  if (discount && !mayExceedLimit && overLimit(discount, base, model.discountLimitBps)) return refused('FORBIDDEN')
  return changeCart(model, userId, (trial) => {
    orderOf(trial, userId).discount = discount ? heldDiscount(discount, reason) : null
  })
}

/** A promo code as typed (trimmed, any case), checked against the cart today; it replaces one already there. */
export function applyPromoCode(model: TillModel, userId: number, code: string): Outcome {
  const promo = [...model.promos.values()].find((row) => row.code.toUpperCase() === code.trim().toUpperCase())
  if (!promo) return refused('PROMO_INVALID', 'unknown')
  const { problem } = checkPromo(model, userId, promo)
  if (problem) return refused('PROMO_INVALID', problem)
  return changeCart(model, userId, (trial) => {
    orderOf(trial, userId).promoId = promo.id
  })
}

export function applyRemovePromo(model: TillModel, userId: number): Outcome {
  orderOf(model, userId).promoId = null
  return done
}

/** What `checkout:pay` should answer, in the order DESIGN §3 checks things. */
export type PayPrediction =
  | { kind: 'replay'; result: CheckoutResultDto }
  | { kind: 'refused'; code: ErrorCode; reason?: PromoProblem }
  | {
      kind: 'sale'
      totalCents: number
      figures: Pick<InvoiceDto, 'subtotalCents' | 'discountCents' | 'taxCents' | 'taxes'>
      /** The promo it uses, by id, with what the invoice shows of it. */
      promo: { id: number; code: string; name: string; discountCents: number } | null
      lines: Omit<InvoiceLineDto, 'id'>[]
      method: PaymentMethod
      tenders: InvoiceTenderDto[]
      roundingCents: number
      /** Each token tender's debit, in the order given. */
      debits: { code: string; amountCents: number; balanceAfterCents: number }[]
    }

export function normalizeTokenText(text: string): string {
  return text.trim().toLowerCase()
}

export function predictPay(model: TillModel, userId: number, request: PayRequest): PayPrediction {
  const paid = model.attempts.find((attempt) => attempt.first && attempt.request.idempotencyKey === request.idempotencyKey)
  if (paid?.first) {
    if (paid.userId !== userId) return { kind: 'refused', code: 'CONFLICT' }
    // The invoice as it is now: what returns have taken back since is on it.
    const sale = model.sales.find((candidate) => candidate.invoice.id === paid.first!.invoice.id)
    if (!sale || sale.returns.length === 0) return { kind: 'replay', result: paid.first }
    const invoice = {
      ...paid.first.invoice,
      lines: paid.first.invoice.lines.map((line, index) => ({ ...line, returnedQuantity: sale.returned[index]! })),
      returns: sale.returns,
    }
    return { kind: 'replay', result: { ...paid.first, invoice } }
  }
  const cart = cartOf(model, userId)
  if (cart.size === 0) return { kind: 'refused', code: 'CART_EMPTY' }
  const { priced, promo, promoDiscountCents } = pricedCart(model, userId)
  // A promo checked when applied is checked again: another till may have taken its last use, the cart may have shrunk.
  if (promo?.problem) return { kind: 'refused', code: 'PROMO_INVALID', reason: promo.problem }
  const { totalCents } = priced
  if (totalCents !== request.expectedTotalCents) return { kind: 'refused', code: 'CART_CHANGED' }

  const payment = predictTenders(model, request, totalCents)
  if ('code' in payment) return { kind: 'refused', code: payment.code }

  const lines = [...cart].map(([productId, quantity], index) => {
    const { sku, name, priceCents } = product(model, productId)
    const { grossCents, discountCents, netCents, taxCents } = priced.lines[index]!
    return {
      productId,
      sku,
      name,
      unitPriceCents: priceCents,
      quantity,
      subAmountCents: grossCents,
      discountCents,
      netCents,
      taxCents,
      totalCents: priced.lines[index]!.totalCents,
      returnedQuantity: 0,
    }
  })
  if (lines.some((line) => line.quantity > model.stock[line.sku]!)) return { kind: 'refused', code: 'INSUFFICIENT_STOCK' }
  const figures = {
    subtotalCents: priced.subtotalCents,
    discountCents: priced.discountCents,
    taxCents: priced.taxCents,
    taxes: saleTaxes(model, priced),
  }
  const used = promo ? { id: promo.promo.id, code: promo.promo.code, name: promo.promo.name, discountCents: promoDiscountCents } : null
  return { kind: 'sale', totalCents, figures, promo: used, lines, ...payment }
}

/** The tenders as given: the one-tender form's token pays the whole sale or nothing. */
export function tendersOf(request: PayRequest, totalCents: number): TenderInput[] {
  if (request.payments) return request.payments
  const payment = request.payment!
  return [payment.method === 'token' ? { method: 'token', token: payment.token, amountCents: totalCents } : payment]
}

/**
 * Wallets the store takes, tokens known and not expired (in the order given), then the shared
 * settlement (tested on its own): its first refusal, or short of the total, refuses the sale.
 */
function predictTenders(
  model: TillModel,
  request: PayRequest,
  totalCents: number,
): { code: ErrorCode } | Pick<Extract<PayPrediction, { kind: 'sale' }>, 'method' | 'tenders' | 'roundingCents' | 'debits'> {
  const given = tendersOf(request, totalCents)
  const walletNames = new Map(model.wallets.map((name) => [name.trim().toLowerCase(), name]))
  if (given.some((tender) => tender.method === 'wallet' && !walletNames.has(tender.wallet.trim().toLowerCase()))) {
    return { code: 'VALIDATION_FAILED' }
  }
  for (const tender of given) {
    if (tender.method !== 'token') continue
    const code = normalizeTokenText(tender.token)
    if (model.tokens[code] === undefined) return { code: 'INVALID_TOKEN' }
    if (model.expired.has(code)) return { code: 'TOKEN_EXPIRED' }
  }
  const settlement = settle(
    totalCents,
    given.map((tender) =>
      tender.method === 'token'
        ? { method: 'token', balanceCents: model.tokens[normalizeTokenText(tender.token)]!, amountCents: tender.amountCents }
        : tender.method === 'cash'
          ? tender
          : { method: tender.method, amountCents: tender.amountCents },
    ),
    model.cashRounding,
  )
  const refusal = firstRefusal(settlement)?.refusal
  if (refusal === 'overBalance' || refusal === 'noBalance') return { code: 'INSUFFICIENT_BALANCE' }
  if (refusal) return { code: 'VALIDATION_FAILED' }
  if (!settlement.settled) return { code: 'INSUFFICIENT_TENDER' }

  const debits: { code: string; amountCents: number; balanceAfterCents: number }[] = []
  const tenders = given.map((tender, index): InvoiceTenderDto => {
    const { amountCents, tenderedCents, changeCents } = settlement.tenders[index]!
    switch (tender.method) {
      case 'token': {
        const code = normalizeTokenText(tender.token)
        const balanceAfterCents = model.tokens[code]! - amountCents
        debits.push({ code, amountCents, balanceAfterCents })
        return { method: 'token', amountCents, tokenLast4: code.slice(-4), tokenBalanceAfterCents: balanceAfterCents }
      }
      case 'cash':
        return { method: 'cash', amountCents, tenderedCents: tenderedCents!, changeCents: changeCents! }
      case 'card':
        return { method: 'card', amountCents, reference: tender.reference.trim() }
      case 'wallet':
        return {
          method: 'wallet',
          amountCents,
          wallet: walletNames.get(tender.wallet.trim().toLowerCase())!,
          reference: tender.reference.trim(),
        }
    }
  })
  return { method: given.length === 1 ? given[0]!.method : 'split', tenders, roundingCents: settlement.roundingCents, debits }
}

/** The figures of a sale's reply (`checkout:pay`) beside its invoice. */
export function expectedPaidFigures(sale: Extract<PayPrediction, { kind: 'sale' }>): Omit<CheckoutResultDto, 'invoice'> {
  const cash = sale.tenders.find((tender) => tender.method === 'cash')
  return {
    method: sale.method,
    amountCents: sale.tenders.reduce((sum, tender) => sum + tender.amountCents, 0),
    ...(cash ? { changeCents: cash.changeCents! } : {}),
    ...(sale.debits.length === 1 ? { tokenBalanceCents: sale.debits[0]!.balanceAfterCents } : {}),
    tenders: sale.tenders,
    roundingCents: sale.roundingCents,
  }
}

/** The invoice a predicted sale should produce (ids and the formatted message are the till's). */
export function expectedInvoice(
  model: TillModel,
  sale: Extract<PayPrediction, { kind: 'sale' }>,
  cashier: string,
  paidAt: string,
): Omit<InvoiceDto, 'id' | 'lines'> & { lines: Omit<InvoiceLineDto, 'id'>[] } {
  const only = sale.tenders.length === 1 ? sale.tenders[0]! : undefined
  const cash = sale.tenders.find((tender) => tender.method === 'cash')
  return {
    number: model.lastInvoiceNumber + 1,
    cashier,
    paymentMethod: sale.method,
    paidAt,
    ...sale.figures,
    totalCents: sale.totalCents,
    roundingCents: sale.roundingCents,
    tenders: sale.tenders,
    lines: sale.lines,
    returns: [],
    ...(sale.promo ? { promo: { code: sale.promo.code, name: sale.promo.name, discountCents: sale.promo.discountCents } } : {}),
    ...(only?.method === 'token' ? { tokenLast4: only.tokenLast4!, tokenBalanceAfterCents: only.tokenBalanceAfterCents! } : {}),
    ...(cash ? { tenderedCents: cash.tenderedCents!, changeCents: cash.changeCents! } : {}),
  }
}

/**
 * Books a sale: stock and tokens taken, the promo's use counted, one more invoice, the cart emptied
 * with its discounts and promo. `result` is the till's
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
  for (const debit of sale.debits) model.tokens[debit.code] = debit.balanceAfterCents
  model.invoices += 1
  model.lastInvoiceNumber = result ? result.invoice.number : model.lastInvoiceNumber + 1
  if (sale.promo) model.promos.get(sale.promo.id)!.uses += 1
  applyClear(model, userId)
  if (result) {
    attempt.first = result
    model.sales.push({
      invoice: result.invoice,
      returned: result.invoice.lines.map(() => 0),
      refunded: result.invoice.tenders.map(() => 0),
      cashRefundedCents: 0,
      cashRoundingCents: 0,
      returns: [],
    })
  }
}

/** One line a return asks for: its index on the invoice, how many, back on the shelf or not. */
export interface ReturnWanted {
  index: number
  quantity: number
  restock: boolean
}

export type ReturnPrediction =
  | { kind: 'refused'; code: ErrorCode }
  | {
      kind: 'return'
      lines: (ReturnWanted & { refundCents: number; taxCents: number })[]
      goodsCents: number
      taxCents: number
      roundingCents: number
      refunds: { position: number; method: InvoiceTenderDto['method']; amountCents: number }[]
    }

/** `amount` × `part` / `whole`, half up, in exact integers. */
const proportion = (amount: number, part: number, whole: number) =>
  Number((2n * BigInt(amount) * BigInt(part) + BigInt(whole)) / (2n * BigInt(whole)))

/**
 * What the store should do with a return (DESIGN §3.4), worked out on its own: refused without
 * sale.return, or when a line asks for more than is left of it; else each line's share of what was
 * paid for it, placed on the sale's tokens, then cards and wallets, then cash (rounded over every
 * return of the sale), none above what it paid less earlier refunds.
 */
export function predictReturn(model: TillModel, sale: ModelSale, wanted: readonly ReturnWanted[], mayReturn: boolean): ReturnPrediction {
  if (!mayReturn) return { kind: 'refused', code: 'FORBIDDEN' }
  const lines = []
  for (const want of wanted) {
    const line = sale.invoice.lines[want.index]!
    const before = sale.returned[want.index]!
    if (want.quantity > line.quantity - before) return { kind: 'refused', code: 'RETURN_EXCEEDS_SALE' }
    const after = before + want.quantity
    lines.push({
      ...want,
      refundCents: proportion(line.totalCents, after, line.quantity) - proportion(line.totalCents, before, line.quantity),
      taxCents: proportion(line.taxCents, after, line.quantity) - proportion(line.taxCents, before, line.quantity),
    })
  }
  const goodsCents = lines.reduce((sum, line) => sum + line.refundCents, 0)
  const rank = { token: 0, card: 1, wallet: 1, cash: 2 } as const
  const order = sale.invoice.tenders
    .map((tender, position) => ({ tender, position }))
    .sort((a, b) => rank[a.tender.method] - rank[b.tender.method] || a.position - b.position)
  const refunds: Extract<ReturnPrediction, { kind: 'return' }>['refunds'] = []
  let left = goodsCents
  let roundingCents = 0
  for (const { tender, position } of order) {
    if (left === 0) break
    const room = tender.amountCents - sale.refunded[position]!
    if (tender.method === 'cash') {
      const paidOut =
        roundCash(sale.cashRefundedCents - sale.cashRoundingCents + left, model.cashRounding).dueCents - sale.cashRefundedCents
      const amountCents = Math.min(room, Math.max(0, paidOut))
      if (amountCents > 0) refunds.push({ position, method: 'cash', amountCents })
      roundingCents = amountCents - left
      left = 0
    } else {
      const amountCents = Math.min(left, room)
      if (amountCents > 0) refunds.push({ position, method: tender.method, amountCents })
      left -= amountCents
    }
  }
  return { kind: 'return', lines, goodsCents, taxCents: lines.reduce((sum, line) => sum + line.taxCents, 0), roundingCents, refunds }
}

/** The return made: lines and tenders take it, restocked units are back, tokens re-credited. */
export function applyReturn(
  model: TillModel,
  sale: ModelSale,
  made: Extract<ReturnPrediction, { kind: 'return' }>,
  listed: InvoiceReturnDto,
): void {
  sale.returns.push(listed)
  for (const line of made.lines) {
    sale.returned[line.index]! += line.quantity
    if (line.restock) model.stock[sale.invoice.lines[line.index]!.sku]! += line.quantity
  }
  for (const refund of made.refunds) {
    sale.refunded[refund.position]! += refund.amountCents
    const tender = sale.invoice.tenders[refund.position]!
    if (refund.method === 'cash') sale.cashRefundedCents += refund.amountCents
    if (refund.method === 'token') {
      const code = Object.keys(model.tokens).find((candidate) => candidate.endsWith(tender.tokenLast4!))!
      model.tokens[code]! += refund.amountCents
    }
  }
  sale.cashRoundingCents += made.roundingCents
  model.returns += 1
}
