import type { CartDto, PromoProblem } from '#shared/contract/cart'
import type { ParkedCartDto, ParkedPriceChangeDto, ParkedUnavailableDto } from '#shared/contract/parked'
import type { DbContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { uuidv7 } from '#core/common/ids'
import { read, writeStatements } from '#core/db/tx'
import { storeDate } from '#core/common/store-day'
import { CART_SQL, cartPromoOf, deleteCartLines, promoCodeKey, readCart, type CartEnv, type PricingSettings } from './cart.service'
import { PARKED_SQL, type ParkedCartRow, type ParkedLineRow } from './parked.statements'

/** Who parks or recalls, and how the store prices (a recalled cart is priced like any other). */
export interface ParkEnv {
  user: SessionUser
  pricing: PricingSettings
}

export interface ParkResult {
  cart: CartDto
  parked: ParkedCartDto
}

export interface RecallResult {
  cart: CartDto
  recalled: ParkedCartDto
  priceChanges: ParkedPriceChangeDto[]
  unavailable: ParkedUnavailableDto[]
  promoDropped: { code: string; reason: PromoProblem } | null
}

const valueOf = (discount: { kind: 'percent'; bps: number } | { kind: 'amount'; cents: number }) =>
  discount.kind === 'percent' ? discount.bps : discount.cents

const cartEnvOf = (env: ParkEnv, now: Date): CartEnv => ({ userId: env.user.id, pricing: env.pricing, now })
const actorOf = (user: SessionUser) => ({ id: user.id, name: user.displayName })

function toParkedCartDto(row: ParkedCartRow): ParkedCartDto {
  return {
    id: row.id,
    label: row.label,
    parkedBy: { id: row.user_id, name: row.parked_by_name },
    parkedAt: row.parked_at,
    lineCount: row.line_count,
    itemCount: row.item_count,
    totalCents: row.total_cents,
  }
}

function notParked(id: number): DomainError<'NOT_FOUND'> {
  return new DomainError('NOT_FOUND', 'That basket is no longer parked.', { what: 'parkedCart', id })
}

/** The lines for the audit trail, `productId:quantity@unitPriceCents` each, in the cart's order. */
function auditLines(lines: readonly { productId: number; quantity: number; unitPriceCents: number }[]): string {
  return lines.map((line) => `${line.productId}:${line.quantity}@${line.unitPriceCents}`).join(',')
}

/**
 * Moves the user's cart into a new parked basket and empties the cart, in one transaction. The
 * basket keeps each line's quantity and unit price and the cart's total as priced now.
 */
export function parkCart(ctx: DbContext, env: ParkEnv, label: string | undefined): Promise<ParkResult> {
  const at = ctx.now()
  return writeStatements(ctx, PARKED_SQL, (tx) => {
    const carts = tx.use(CART_SQL)
    const cart = readCart(carts, cartEnvOf(env, at))
    if (cart.lines.length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty: there is nothing to park.')
    const uid = uuidv7(at)
    const order = cart.orderDiscount
    const id = Number(
      tx.sql.insertCart({
        uid,
        till_id: tx.tillId,
        label: label ? label : null,
        user_id: env.user.id,
        parked_at: at.toISOString(),
        line_count: cart.lines.length,
        total_cents: cart.totalCents,
        order_discount_kind: order?.discount.kind ?? null,
        order_discount_value: order ? valueOf(order.discount) : null,
        order_discount_reason: order?.reason ?? null,
        order_discount_approved_by: order?.approvedBy ?? null,
        promo_code: cart.promo?.code ?? null,
      }).lastInsertRowid,
    )
    cart.lines.forEach((line, position) =>
      tx.sql.insertLine({
        parkedCartId: id,
        productId: line.productId,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        position,
        kind: line.discount?.discount.kind ?? null,
        value: line.discount ? valueOf(line.discount.discount) : null,
        reason: line.discount?.reason ?? null,
        approvedBy: line.discount?.approvedBy ?? null,
      }),
    )
    deleteCartLines(carts, env.user.id)
    const parked = toParkedCartDto(tx.sql.one(id, tx.tillId)!)
    tx.audit({
      action: 'cart.parked',
      actor: actorOf(env.user),
      subject: uid,
      details: { parkedId: id, label: parked.label, lines: auditLines(cart.lines), totalCents: cart.totalCents },
    })
    return { cart: readCart(carts, cartEnvOf(env, at)), parked }
  })
}

/** This till's parked baskets, newest first. */
export function listParked(ctx: DbContext, page: { limit?: number; offset?: number }): Promise<{ items: ParkedCartDto[]; total: number }> {
  return read(ctx, PARKED_SQL, ({ sql, tillId }) => ({
    items: sql.list(tillId, page.limit ?? 100, page.offset ?? 0).map(toParkedCartDto),
    total: sql.count(tillId) ?? 0,
  }))
}

const parkedAudit = (parked: ParkedCartDto, lines: readonly ParkedLineRow[]) => ({
  parkedId: parked.id,
  label: parked.label,
  parkedById: parked.parkedBy.id,
  lines: auditLines(lines.map((line) => ({ productId: line.product_id, quantity: line.quantity, unitPriceCents: line.unit_price_cents }))),
  totalCents: parked.totalCents,
})

/**
 * Puts a parked basket back into the user's cart, which must be empty, and deletes the basket. Lines
 * come back at today's prices (the answer names every price that changed); products archived since
 * are left out (and named). Whoever parked it, anyone on the till may recall it; of two recalls of
 * one basket the first wins and the second is NOT_FOUND.
 */
export function recallParked(ctx: DbContext, env: ParkEnv, parkedId: number): Promise<RecallResult> {
  const at = ctx.now()
  return writeStatements(ctx, PARKED_SQL, (tx) => {
    const carts = tx.use(CART_SQL)
    const row = tx.sql.one(parkedId, tx.tillId)
    if (!row) throw notParked(parkedId)
    if (carts.lines(env.user.id).length > 0) {
      throw new DomainError('CONFLICT', 'A parked basket comes back only into an empty cart.', { what: 'cartNotEmpty' })
    }
    const recalled = toParkedCartDto(row)
    const lines = tx.sql.lines(parkedId)
    const priceChanges: ParkedPriceChangeDto[] = []
    const unavailable: ParkedUnavailableDto[] = []
    for (const line of lines) {
      if (!line.active) {
        unavailable.push({ productId: line.product_id, name: line.name })
        continue
      }
      carts.insertLine(env.user.id, line.product_id, line.quantity, at.toISOString())
      if (line.discount_kind !== null) {
        carts.setLineDiscount({
          userId: env.user.id,
          productId: line.product_id,
          kind: line.discount_kind,
          value: line.discount_value,
          reason: line.discount_reason,
          approvedBy: line.discount_approved_by,
        })
      }
      if (line.price_cents !== line.unit_price_cents) {
        priceChanges.push({
          productId: line.product_id,
          name: line.name,
          parkedUnitPriceCents: line.unit_price_cents,
          unitPriceCents: line.price_cents,
        })
      }
    }
    if (row.order_discount_kind !== null) {
      carts.setOrderDiscount({
        userId: env.user.id,
        kind: row.order_discount_kind,
        value: row.order_discount_value,
        reason: row.order_discount_reason,
        approvedBy: row.order_discount_approved_by,
      })
    }
    // The promo comes back if it can still be used today; otherwise the answer says why it was left out.
    let promoDropped: RecallResult['promoDropped'] = null
    if (row.promo_code !== null) {
      const promo = carts.promoByCode(promoCodeKey(row.promo_code))
      const problem = promo
        ? cartPromoOf(carts, env.user.id, promo, carts.lines(env.user.id), storeDate(at, env.pricing.timeZone)).problem
        : 'unknown'
      if (promo && problem === null) carts.setPromo({ userId: env.user.id, promoId: promo.id })
      else promoDropped = { code: row.promo_code, reason: problem ?? 'unknown' }
    }
    tx.sql.remove(parkedId, tx.tillId)
    // Priced as any cart is: a sale grown past what a total can hold is refused here and nothing is written.
    const cart = readCart(carts, cartEnvOf(env, at))
    tx.audit({
      action: 'cart.recalled',
      actor: actorOf(env.user),
      subject: row.uid,
      details: {
        ...parkedAudit(recalled, lines),
        recalledTotalCents: cart.totalCents,
        priceChanges: priceChanges.length,
        unavailable: unavailable.map((product) => product.productId).join(','),
        promoDropped: promoDropped?.code ?? null,
      },
    })
    return { cart, recalled, priceChanges, unavailable, promoDropped }
  })
}

/** Deletes a parked basket without recalling it. */
export function discardParked(ctx: DbContext, user: SessionUser, parkedId: number): Promise<{ discarded: ParkedCartDto }> {
  return writeStatements(ctx, PARKED_SQL, (tx) => {
    const row = tx.sql.one(parkedId, tx.tillId)
    if (!row) throw notParked(parkedId)
    const discarded = toParkedCartDto(row)
    const lines = tx.sql.lines(parkedId)
    tx.sql.remove(parkedId, tx.tillId)
    tx.audit({ action: 'cart.park-discarded', actor: actorOf(user), subject: row.uid, details: parkedAudit(discarded, lines) })
    return { discarded }
  })
}
