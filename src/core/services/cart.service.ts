import type { EntityManager } from '@mikro-orm/sqlite'
import type { CartDto } from '../../shared/contract'
import { lineTotalCents, sumCents } from '../../shared/money'
import type { SessionUser } from '../context'
import { nativeDatabase, prepared, type Sqlite } from '../db/prepared'
import { DomainError } from '../domain-error'
import { appendAuditEntry } from './audit.service'

/**
 * The cart is on the till's hot path (every scan answers the whole cart), so it runs as prepared
 * statements on the ORM's connection; see db/prepared.ts.
 */

/** A cart line as stored, with its product's current sku, name, price and stock. */
export interface CartLineRow {
  productId: number
  sku: string
  name: string
  unitPriceCents: number
  quantity: number
  stock: number
}

const SQL = {
  lines: `select l.product_id as productId, p.sku, p.name, p.price_cents as unitPriceCents, l.quantity, p.stock
    from cart_line l join product p on p.id = l.product_id where l.user_id = ? order by l.id`,
  activeProduct: 'select 1 from product where id = ? and active',
  lineQuantity: 'select quantity from cart_line where user_id = ? and product_id = ?',
  insertLine: 'insert into cart_line (user_id, product_id, quantity, added_at) values (?, ?, ?, ?)',
  setQuantity: 'update cart_line set quantity = ? where user_id = ? and product_id = ?',
  removeLine: 'delete from cart_line where user_id = ? and product_id = ?',
  clear: 'delete from cart_line where user_id = ?',
} as const

/** The cart as stored, priced at current prices, in the order the lines were added. */
export function readCartLines(db: Sqlite, userId: number): CartLineRow[] {
  return prepared<CartLineRow>(db, SQL.lines).all(userId)
}

export function toCartDto(lines: readonly CartLineRow[]): CartDto {
  const dtoLines = lines.map((line) => ({
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    unitPriceCents: line.unitPriceCents,
    quantity: line.quantity,
    lineTotalCents: lineTotalCents(line.unitPriceCents, line.quantity),
    stock: line.stock,
  }))
  return {
    lines: dtoLines,
    itemCount: sumCents(dtoLines.map((line) => line.quantity)),
    totalCents: sumCents(dtoLines.map((line) => line.lineTotalCents)),
  }
}

export async function getCart(em: EntityManager, userId: number): Promise<CartDto> {
  return toCartDto(readCartLines(await nativeDatabase(em), userId))
}

const MAX_LINE_QUANTITY = 99_999

function lineQuantity(db: Sqlite, userId: number, productId: number): number | undefined {
  return prepared(db, SQL.lineQuantity).pluck().get(userId, productId) as number | undefined
}

function tooMany(): DomainError {
  return new DomainError('VALIDATION_FAILED', `A line can hold at most ${MAX_LINE_QUANTITY} units.`)
}

function requireActiveProduct(db: Sqlite, productId: number): void {
  if (prepared(db, SQL.activeProduct).get(productId) === undefined) {
    throw new DomainError('NOT_FOUND', 'That product is not in the catalog.')
  }
}

/** Sets a line to `quantity` (> 0), adding it when the product is not in the cart yet. */
function putLine(db: Sqlite, userId: number, productId: number, quantity: number, existing: number | undefined, at: Date): void {
  if (existing !== undefined) prepared(db, SQL.setQuantity).run(quantity, userId, productId)
  else prepared(db, SQL.insertLine).run(userId, productId, quantity, at.toISOString())
}

/** Adding a product already in the cart adds to its quantity. More than the recorded stock is allowed. */
export async function addToCart(em: EntityManager, userId: number, productId: number, quantity: number, at: Date): Promise<CartDto> {
  const db = await nativeDatabase(em)
  db.transaction(() => {
    requireActiveProduct(db, productId)
    const existing = lineQuantity(db, userId, productId)
    const next = (existing ?? 0) + quantity
    if (next > MAX_LINE_QUANTITY) throw tooMany()
    putLine(db, userId, productId, next, existing, at)
  }).immediate()
  return toCartDto(readCartLines(db, userId))
}

/** Quantity 0 removes the line; a product not in the cart yet is added with that quantity. */
export async function setCartQuantity(em: EntityManager, userId: number, productId: number, quantity: number, at: Date): Promise<CartDto> {
  const db = await nativeDatabase(em)
  db.transaction(() => {
    if (quantity === 0) {
      prepared(db, SQL.removeLine).run(userId, productId)
      return
    }
    if (quantity > MAX_LINE_QUANTITY) throw tooMany()
    const existing = lineQuantity(db, userId, productId)
    if (existing === undefined) requireActiveProduct(db, productId)
    putLine(db, userId, productId, quantity, existing, at)
  }).immediate()
  return toCartDto(readCartLines(db, userId))
}

export async function removeFromCart(em: EntityManager, userId: number, productId: number): Promise<CartDto> {
  const db = await nativeDatabase(em)
  const removed = prepared(db, SQL.removeLine).run(userId, productId).changes
  if (removed === 0) throw new DomainError('NOT_FOUND', 'That product is not in the cart.')
  return toCartDto(readCartLines(db, userId))
}

/** Empties the user's cart; a cart that had lines leaves a line in the audit trail. */
export async function clearCart(em: EntityManager, user: SessionUser, at: Date): Promise<CartDto> {
  const db = await nativeDatabase(em)
  db.transaction(() => {
    const removed = prepared(db, SQL.clear).run(user.id).changes
    if (removed > 0) {
      appendAuditEntry(db, { action: 'cart.cleared', actor: { id: user.id, name: user.displayName }, details: { lines: removed } }, at)
    }
  }).immediate()
  return toCartDto(readCartLines(db, user.id))
}

/** Empties the cart as part of a sale (no audit line of its own: the sale has one). */
export function deleteCartLines(db: Sqlite, userId: number): void {
  prepared(db, SQL.clear).run(userId)
}
