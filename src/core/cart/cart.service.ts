import { MAX_LINE_QUANTITY, type CartDto } from '#shared/contract/cart'
import { lineTotalCents, sumCents } from '#shared/money/money'
import type { DbContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { BoundStatements } from '#core/db/statements'
import { read, writeStatements } from '#core/db/tx'
import { CART_SQL, type CartLineRow } from './cart.statements'

export type { CartLineRow } from './cart.statements'
export { CART_SQL } from './cart.statements'

type CartSql = BoundStatements<typeof CART_SQL>

/** The cart as stored, priced at current prices, in the order the lines were added. */
export function readCartLines(sql: CartSql, userId: number): CartLineRow[] {
  return sql.lines(userId)
}

export function toCartDto(lines: readonly CartLineRow[]): CartDto {
  const dtoLines = lines.map((line) => ({
    productId: line.product_id,
    sku: line.sku,
    name: line.name,
    unitPriceCents: line.price_cents,
    quantity: line.quantity,
    lineTotalCents: lineTotalCents(line.price_cents, line.quantity),
    stock: line.stock,
    imageFile: line.image_file,
  }))
  return {
    lines: dtoLines,
    itemCount: sumCents(dtoLines.map((line) => line.quantity)),
    totalCents: sumCents(dtoLines.map((line) => line.lineTotalCents)),
  }
}

export function getCart(ctx: DbContext, userId: number): Promise<CartDto> {
  return read(ctx, CART_SQL, ({ sql }) => toCartDto(readCartLines(sql, userId)))
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
 * Sets a line to `quantity` (> 0), adding it when the product is not in the cart yet. Refused when
 * the line or the cart would reach an amount no total can hold exactly: nothing is written then.
 */
function putLine(sql: CartSql, userId: number, productId: number, quantity: number, existing: number | undefined, at: Date): void {
  if (existing !== undefined) sql.setQuantity(quantity, userId, productId)
  else sql.insertLine(userId, productId, quantity, at.toISOString())
  if (!amountsAreSafe(readCartLines(sql, userId))) {
    throw new DomainError('VALIDATION_FAILED', 'That would make the sale larger than any total can hold.', {
      rule: 'tooLarge',
      field: 'quantity',
    })
  }
}

/** Whether every line total and the cart's total are exact integers (below 2^53 minor units). */
function amountsAreSafe(lines: readonly CartLineRow[]): boolean {
  let total = 0
  for (const line of lines) {
    const lineTotal = line.price_cents * line.quantity
    total += lineTotal
    if (!Number.isSafeInteger(lineTotal) || !Number.isSafeInteger(total)) return false
  }
  return true
}

/** Adding a product already in the cart adds to its quantity. More than the recorded stock is allowed. */
export function addToCart(ctx: DbContext, userId: number, productId: number, quantity: number): Promise<CartDto> {
  const at = ctx.now()
  return writeStatements(ctx, CART_SQL, ({ sql }) => {
    requireActiveProduct(sql, productId)
    const existing = sql.lineQuantity(userId, productId)
    const next = (existing ?? 0) + quantity
    if (next > MAX_LINE_QUANTITY) throw tooMany()
    putLine(sql, userId, productId, next, existing, at)
    return toCartDto(readCartLines(sql, userId))
  })
}

/** Quantity 0 removes the line; a product not in the cart yet is added with that quantity. */
export function setCartQuantity(ctx: DbContext, userId: number, productId: number, quantity: number): Promise<CartDto> {
  const at = ctx.now()
  return writeStatements(ctx, CART_SQL, ({ sql }) => {
    if (quantity === 0) {
      sql.removeLine(userId, productId)
    } else {
      if (quantity > MAX_LINE_QUANTITY) throw tooMany()
      // A line of a product archived since it was added can only be removed.
      requireActiveProduct(sql, productId)
      const existing = sql.lineQuantity(userId, productId)
      putLine(sql, userId, productId, quantity, existing, at)
    }
    return toCartDto(readCartLines(sql, userId))
  })
}

export function removeFromCart(ctx: DbContext, userId: number, productId: number): Promise<CartDto> {
  return writeStatements(ctx, CART_SQL, ({ sql }) => {
    const removed = sql.removeLine(userId, productId).changes
    if (removed === 0) throw new DomainError('NOT_FOUND', 'That product is not in the cart.', { what: 'cartLine', productId })
    return toCartDto(readCartLines(sql, userId))
  })
}

/** Empties the user's cart; a cart that had lines leaves a line in the audit trail. */
export function clearCart(ctx: DbContext, user: SessionUser): Promise<CartDto> {
  return writeStatements(ctx, CART_SQL, (tx) => {
    const removed = tx.sql.clear(user.id).changes
    if (removed > 0) tx.audit({ action: 'cart.cleared', actor: { id: user.id, name: user.displayName }, details: { lines: removed } })
    return toCartDto(readCartLines(tx.sql, user.id))
  })
}

/** Empties the cart as part of a sale (no audit line of its own: the sale has one). */
export function deleteCartLines(sql: CartSql, userId: number): void {
  sql.clear(userId)
}
