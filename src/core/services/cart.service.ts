import type { EntityManager } from '@mikro-orm/sqlite'
import type { CartDto } from '../../shared/contract'
import { lineTotalCents, sumCents } from '../../shared/money'
import { CartLine, Product, User } from '../db/entities'
import type { SessionUser } from '../context'
import { DomainError } from '../domain-error'
import { appendAudit } from './audit.service'

/** The cart as stored, priced at current prices. */
export async function loadCartLines(em: EntityManager, userId: number): Promise<CartLine[]> {
  return em.find(CartLine, { user: userId }, { populate: ['product'], orderBy: { id: 'asc' } })
}

export function toCartDto(lines: CartLine[]): CartDto {
  const dtoLines = lines.map((line) => ({
    productId: line.product.id,
    sku: line.product.sku,
    name: line.product.name,
    unitPriceCents: line.product.priceCents,
    quantity: line.quantity,
    lineTotalCents: lineTotalCents(line.product.priceCents, line.quantity),
    stock: line.product.stock,
  }))
  return {
    lines: dtoLines,
    itemCount: sumCents(dtoLines.map((line) => line.quantity)),
    totalCents: sumCents(dtoLines.map((line) => line.lineTotalCents)),
  }
}

export async function getCart(em: EntityManager, userId: number): Promise<CartDto> {
  return toCartDto(await loadCartLines(em, userId))
}

const MAX_LINE_QUANTITY = 99_999

async function requireProduct(em: EntityManager, productId: number): Promise<Product> {
  const product = await em.findOne(Product, { id: productId, active: true })
  if (!product) throw new DomainError('NOT_FOUND', 'That product is not in the catalog.')
  return product
}

/** Adding a product already in the cart adds to its quantity. More than the recorded stock is allowed. */
export async function addToCart(em: EntityManager, userId: number, productId: number, quantity: number, at: Date): Promise<CartDto> {
  const product = await requireProduct(em, productId)
  const existing = await em.findOne(CartLine, { user: userId, product: productId })
  if (existing) {
    const next = existing.quantity + quantity
    if (next > MAX_LINE_QUANTITY) {
      throw new DomainError('VALIDATION_FAILED', `A line can hold at most ${MAX_LINE_QUANTITY} units.`)
    }
    existing.quantity = next
  } else {
    em.create(CartLine, {
      user: em.getReference(User, userId),
      product,
      quantity,
      addedAt: at.toISOString(),
    })
  }
  await em.flush()
  return getCart(em, userId)
}

/** Quantity 0 removes the line. */
export async function setCartQuantity(em: EntityManager, userId: number, productId: number, quantity: number, at: Date): Promise<CartDto> {
  const existing = await em.findOne(CartLine, { user: userId, product: productId })
  if (quantity === 0) {
    if (existing) await em.remove(existing).flush()
    return getCart(em, userId)
  }
  if (existing) {
    existing.quantity = quantity
    await em.flush()
    return getCart(em, userId)
  }
  return addToCart(em, userId, productId, quantity, at)
}

export async function removeFromCart(em: EntityManager, userId: number, productId: number): Promise<CartDto> {
  const existing = await em.findOne(CartLine, { user: userId, product: productId })
  if (!existing) throw new DomainError('NOT_FOUND', 'That product is not in the cart.')
  await em.remove(existing).flush()
  return getCart(em, userId)
}

export async function clearCart(em: EntityManager, user: SessionUser, at: Date): Promise<CartDto> {
  await em.transactional(async (tx) => {
    const removed = await tx.nativeDelete(CartLine, { user: user.id })
    if (removed > 0) {
      await appendAudit(tx, { action: 'cart.cleared', actor: { id: user.id, name: user.displayName }, details: { lines: removed } }, at)
    }
  })
  return getCart(em, user.id)
}
