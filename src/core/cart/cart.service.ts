import { MAX_LINE_QUANTITY } from '#shared/contract/cart'
import type { DbContext, RequestContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { BoundStatements } from '#core/db/statements'
import { read, writeStatements } from '#core/db/tx'
import { storeDate } from '#core/common/store-day'
import type { ErrorParamsByCode } from '#shared/ipc/errors'
import type { PromoProblem, CartDto, DiscountInput } from '#shared/contract/cart'
import type { PromoRow } from './cart.statements'
import { cartPromoOf, lineAfterOwnDiscountOf, priceCart, toCartDto, type PricingSettings } from './cart-pricing'
import { CART_SQL } from './cart.statements'

export type { CartLineRow } from './cart.statements'
export { CART_SQL } from './cart.statements'
export {
  cartPromoOf,
  priceCart,
  toCartDto,
  lineKey,
  type PricedCart,
  type PricingSettings,
  type NamedTax,
  type CartPromo,
} from './cart-pricing'

type CartSql = BoundStatements<typeof CART_SQL>

/** A cart request: who, and how the store prices (every answer is the cart priced by the pricing engine). */
export interface CartEnv {
  userId: number
  pricing: PricingSettings
  /** The request's clock (a promo's dates are store-local days); the machine's when left out. */
  now?: Date | undefined
}

/** The cart as stored, in the order the lines were added, priced at current prices. */
export function readCart(sql: CartSql, env: CartEnv): CartDto {
  return toCartDto(priceCart(sql, env.userId, env.pricing, env.now ?? new Date()))
}

export function getCart(ctx: DbContext, env: CartEnv): Promise<CartDto> {
  return read(ctx, CART_SQL, ({ sql }) => readCart(sql, env))
}

function tooMany(): DomainError {
  return new DomainError('VALIDATION_FAILED', `A line can hold at most ${MAX_LINE_QUANTITY} units.`, {
    rule: 'maxQuantity',
    field: 'quantity',
    max: MAX_LINE_QUANTITY,
  })
}

function requireActiveProduct(sql: CartSql, productId: number): void {
  if (sql.activeProduct(productId) === undefined) {
    throw new DomainError('NOT_FOUND', 'That product is not in the catalog.', { what: 'product', productId })
  }
}

/**
 * Sets a line to `quantity` (> 0), adding it when the product is not in the cart yet, and answers
 * the cart priced. Refused when the sale would reach an amount no total can hold exactly (the
 * pricing engine says so): the transaction then writes nothing.
 */
function putLine(sql: CartSql, env: CartEnv, productId: number, quantity: number, existing: number | undefined, at: Date): CartDto {
  if (existing !== undefined) sql.setQuantity(quantity, env.userId, productId)
  else sql.insertLine(env.userId, productId, quantity, at.toISOString())
  return readCart(sql, env)
}

/** A cart whose last line went takes its sale discount and promo with it: they belonged to that sale. */
function forgetOrderWhenEmpty(sql: CartSql, userId: number): void {
  if (sql.lines(userId).length === 0) sql.clearOrder(userId)
}

/** Adding a product already in the cart adds to its quantity. More than the recorded stock is allowed. */
export function addToCart(ctx: DbContext, env: CartEnv, productId: number, quantity: number): Promise<CartDto> {
  const at = ctx.now()
  return writeStatements(ctx, CART_SQL, ({ sql }) => {
    requireActiveProduct(sql, productId)
    const existing = sql.lineQuantity(env.userId, productId)
    const next = (existing ?? 0) + quantity
    if (next > MAX_LINE_QUANTITY) throw tooMany()
    return putLine(sql, env, productId, next, existing, at)
  })
}

/** Quantity 0 removes the line; a product not in the cart yet is added with that quantity. */
export function setCartQuantity(ctx: DbContext, env: CartEnv, productId: number, quantity: number): Promise<CartDto> {
  const at = ctx.now()
  return writeStatements(ctx, CART_SQL, ({ sql }) => {
    if (quantity === 0) {
      sql.removeLine(env.userId, productId)
      forgetOrderWhenEmpty(sql, env.userId)
      return readCart(sql, env)
    }
    if (quantity > MAX_LINE_QUANTITY) throw tooMany()
    // A line of a product archived since it was added can only be removed.
    requireActiveProduct(sql, productId)
    const existing = sql.lineQuantity(env.userId, productId)
    return putLine(sql, env, productId, quantity, existing, at)
  })
}

export function removeFromCart(ctx: DbContext, env: CartEnv, productId: number): Promise<CartDto> {
  return writeStatements(ctx, CART_SQL, ({ sql }) => {
    const removed = sql.removeLine(env.userId, productId).changes
    if (removed === 0) throw new DomainError('NOT_FOUND', 'That product is not in the cart.', { what: 'cartLine', productId })
    forgetOrderWhenEmpty(sql, env.userId)
    return readCart(sql, env)
  })
}

/** Empties the user's cart, its discounts and promo; a cart that had lines leaves a line in the audit trail. */
export function clearCart(ctx: DbContext, user: SessionUser, pricing: PricingSettings): Promise<CartDto> {
  return writeStatements(ctx, CART_SQL, (tx) => {
    const removed = tx.sql.clear(user.id).changes
    tx.sql.clearOrder(user.id)
    if (removed > 0) tx.audit({ action: 'cart.cleared', actor: { id: user.id, name: user.displayName }, details: { lines: removed } })
    return readCart(tx.sql, { userId: user.id, pricing, now: ctx.now() })
  })
}

/** Empties the cart as part of a sale, its order discount and promo with it (no audit line of its own: the sale has one). */
export function deleteCartLines(sql: CartSql, userId: number): void {
  sql.clear(userId)
  sql.clearOrder(userId)
}

// ---------------------------------------------------------------------------------------------
// Discounts and promo codes
// ---------------------------------------------------------------------------------------------

export interface DiscountRequest {
  discount: DiscountInput | null
  reason?: string | undefined
}

/**
 * Whether a discount is over the store's limit for `sale.discount` alone: a percent above it, or an
 * amount above that share of what it comes off (`baseCents`).
 */
export function overLimit(discount: DiscountInput, baseCents: number, limitBps: number): boolean {
  if (discount.kind === 'percent') return discount.bps > limitBps
  return BigInt(discount.cents) * 10_000n > BigInt(limitBps) * BigInt(baseCents)
}

/**
 * The context a discount is given with: the caller's own within the limit, else one carrying
 * `sale.discountOverLimit` (the caller's role, or the manager's approval the call brought). Answers
 * who approved it, when someone else had to.
 */
function authorityFor(ctx: RequestContext, over: boolean): { ctx: RequestContext; approvedBy: string | null } {
  if (!over) return { ctx, approvedBy: null }
  const allowed = ctx.withPermission('sale.discountOverLimit')
  return { ctx: allowed, approvedBy: allowed.approval?.approver.displayName ?? null }
}

const discountTooLarge = () =>
  new DomainError('VALIDATION_FAILED', 'The discount is more than the price it comes off.', { rule: 'discountTooLarge' })

const reasonOf = (reason: string | undefined) => (reason && reason.trim() !== '' ? reason.trim() : null)

/**
 * Gives (or, with `discount: null`, takes off) a line's own discount. The limit is checked against
 * the line as it is: its unit price × quantity. The cart is priced again in the same transaction,
 * so a discount larger than the line is refused (VALIDATION_FAILED discountTooLarge) with nothing written.
 */
export async function setLineDiscount(ctx: RequestContext, productId: number, request: DiscountRequest): Promise<CartDto> {
  const user = signedInUser(ctx)
  const env: CartEnv = { userId: user.id, pricing: ctx.settings, now: ctx.now() }
  const gross = await read(ctx, CART_SQL, ({ sql }) => {
    const line = sql.lines(user.id).find((row) => row.product_id === productId)
    if (!line) throw new DomainError('NOT_FOUND', 'That product is not in the cart.', { what: 'cartLine', productId })
    return line.price_cents * line.quantity
  })
  const { discount } = request
  // More than the line is refused before any approval is asked for (and used up).
  if (discount?.kind === 'amount' && discount.cents > gross) throw discountTooLarge()
  const authority = authorityFor(ctx, discount !== null && overLimit(discount, gross, ctx.settings.discountLimitBps))
  return writeStatements(authority.ctx, CART_SQL, (tx) => {
    const changed = tx.sql.setLineDiscount({
      userId: user.id,
      productId,
      kind: discount?.kind ?? null,
      value: discount ? (discount.kind === 'percent' ? discount.bps : discount.cents) : null,
      reason: discount ? reasonOf(request.reason) : null,
      approvedBy: discount ? authority.approvedBy : null,
    }).changes
    if (changed === 0) throw new DomainError('NOT_FOUND', 'That product is not in the cart.', { what: 'cartLine', productId })
    const cart = readCart(tx.sql, env)
    tx.audit({
      action: discount ? 'cart.discount' : 'cart.discount-removed',
      actor: { id: user.id, name: user.displayName },
      subject: `product ${productId}`,
      details: discountDetails(discount, request.reason, cart.lines.find((line) => line.productId === productId)?.discountCents ?? 0),
    })
    return cart
  })
}

/**
 * Gives (or takes off) a discount on the whole sale, shared over its lines by the pricing engine.
 * The limit is checked against the lines after their own discounts.
 */
export async function setOrderDiscount(ctx: RequestContext, request: DiscountRequest): Promise<CartDto> {
  const user = signedInUser(ctx)
  const env: CartEnv = { userId: user.id, pricing: ctx.settings, now: ctx.now() }
  const { discount } = request
  const base = await read(ctx, CART_SQL, ({ sql }) => {
    const lines = sql.lines(user.id)
    if (discount && lines.length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty.')
    return lines.reduce((sum, line) => sum + lineAfterOwnDiscountOf(line), 0)
  })
  if (discount?.kind === 'amount' && discount.cents > base) throw discountTooLarge()
  const authority = authorityFor(ctx, discount !== null && overLimit(discount, base, ctx.settings.discountLimitBps))
  return writeStatements(authority.ctx, CART_SQL, (tx) => {
    tx.sql.setOrderDiscount({
      userId: user.id,
      kind: discount?.kind ?? null,
      value: discount ? (discount.kind === 'percent' ? discount.bps : discount.cents) : null,
      reason: discount ? reasonOf(request.reason) : null,
      approvedBy: discount ? authority.approvedBy : null,
    })
    const cart = readCart(tx.sql, env)
    tx.audit({
      action: discount ? 'cart.discount' : 'cart.discount-removed',
      actor: { id: user.id, name: user.displayName },
      subject: 'sale',
      details: discountDetails(discount, request.reason, cart.discountCents),
    })
    return cart
  })
}

function discountDetails(discount: DiscountInput | null, reason: string | undefined, discountCents: number) {
  return {
    kind: discount?.kind ?? null,
    value: discount ? (discount.kind === 'percent' ? discount.bps : discount.cents) : null,
    reason: reasonOf(reason),
    discountCents,
  }
}

/** A promo code as typed: trimmed, without case. */
export const promoCodeKey = (code: string) => code.trim().toUpperCase()

/**
 * Puts a promo code on the cart (replacing one already there) after checking it against the cart
 * today; PROMO_INVALID with the reason and nothing written when it cannot be used.
 */
export function applyPromo(ctx: RequestContext, code: string): Promise<CartDto> {
  const user = signedInUser(ctx)
  const env: CartEnv = { userId: user.id, pricing: ctx.settings, now: ctx.now() }
  return writeStatements(ctx, CART_SQL, (tx) => {
    const promo = tx.sql.promoByCode(promoCodeKey(code))
    const typed = code.trim()
    if (!promo) throw promoRefusal('unknown', typed)
    const lines = tx.sql.lines(user.id)
    const checked = cartPromoOf(tx.sql, user.id, promo, lines, storeDate(env.now!, ctx.settings.timeZone))
    if (checked.problem) throw promoRefusal(checked.problem, promo.code, promo, checked.qualifyingCents)
    tx.sql.setPromo({ userId: user.id, promoId: promo.id })
    const cart = readCart(tx.sql, env)
    tx.audit({
      action: 'cart.promo',
      actor: { id: user.id, name: user.displayName },
      subject: promo.code,
      details: { promoId: promo.id, discountCents: cart.promo?.discountCents ?? 0 },
    })
    return cart
  })
}

export function removePromo(ctx: RequestContext): Promise<CartDto> {
  const user = signedInUser(ctx)
  const env: CartEnv = { userId: user.id, pricing: ctx.settings, now: ctx.now() }
  return writeStatements(ctx, CART_SQL, (tx) => {
    const had = tx.sql.order(user.id)?.promo_id
    tx.sql.setPromo({ userId: user.id, promoId: null })
    if (had != null) tx.audit({ action: 'cart.promo-removed', actor: { id: user.id, name: user.displayName }, details: { promoId: had } })
    return readCart(tx.sql, env)
  })
}

/** PROMO_INVALID with what the screen needs to say why. */
export function promoRefusal(reason: PromoProblem, code: string, promo?: PromoRow, qualifyingCents?: number): DomainError<'PROMO_INVALID'> {
  const params: ErrorParamsByCode['PROMO_INVALID'] = { reason, code }
  if (reason === 'minSpend' && promo?.min_spend_cents != null) {
    params.minSpendCents = promo.min_spend_cents
    params.qualifyingCents = qualifyingCents ?? 0
  }
  if (reason === 'notYetValid' && promo?.starts_on) params.startsOn = promo.starts_on
  if (reason === 'expired' && promo?.ends_on) params.endsOn = promo.ends_on
  return new DomainError('PROMO_INVALID', `The promo code '${code}' cannot be used (${reason}).`, params)
}

function signedInUser(ctx: RequestContext): SessionUser {
  if (!ctx.user) throw new DomainError('NOT_AUTHENTICATED', 'Sign in first.')
  return ctx.user
}
