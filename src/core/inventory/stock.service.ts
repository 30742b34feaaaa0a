import { sql, type SqlBool } from 'kysely'
import type { ProductAdminDto } from '#shared/contract/catalog'
import type { MovementReason, StockMovementDto } from '#shared/contract/stock'
import type { DbContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { read, write, type Reader } from '#core/db/tx'
import type { StatementSet } from '#core/db/statements'
import { readProductAdmin, readProductAdmins, recordMovement, type LowStockDefault } from '#core/catalog/products.service'
import { storeDayRange } from '#core/common/store-day'
import { stockDelta, type StockChange, type StockReason } from './stock.rules'

export interface StockAdjustment {
  productId: number
  delta?: number | undefined
  counted?: number | undefined
  reason: StockReason
  note?: string | undefined
}

function changeOf({ delta, counted }: StockAdjustment): StockChange {
  if ((delta === undefined) === (counted === undefined)) {
    throw new DomainError('VALIDATION_FAILED', 'Give either the change (delta) or the counted number, not both.', {
      rule: 'deltaOrCounted',
      field: delta === undefined ? 'delta' : 'counted',
    })
  }
  return delta !== undefined ? { delta } : { counted: counted! }
}

/**
 * One movement of recorded stock, and the stock with it, in one transaction: by a difference or by
 * the count on the shelf (the movement is then the difference to the record, at the moment of
 * writing). Each reason moves stock one way (see `stockDelta`); stock never goes below zero
 * (INSUFFICIENT_STOCK). Audited, and the movement names who made it and the stock it left.
 */
export function adjustStock(
  ctx: DbContext,
  actor: SessionUser,
  adjustment: StockAdjustment,
  low: LowStockDefault,
): Promise<{ movement: StockMovementDto; product: ProductAdminDto }> {
  const change = changeOf(adjustment)
  const now = ctx.now()
  return write(ctx, async (tx) => {
    const product = await tx.kysely
      .selectFrom('product')
      .select(['id', 'sku', 'name', 'stock'])
      .where('id', '=', adjustment.productId)
      .executeTakeFirst()
    if (!product) {
      throw new DomainError('NOT_FOUND', 'That product is not in the catalog.', { what: 'product', productId: adjustment.productId })
    }
    const delta = stockDelta(adjustment.reason, change, product.stock)
    if (delta === null) {
      throw new DomainError('VALIDATION_FAILED', `A '${adjustment.reason}' movement cannot change stock that way.`, {
        rule: 'stockReason',
        field: 'delta' in change ? 'delta' : 'counted',
      })
    }
    const stockAfter = product.stock + delta
    if (stockAfter < 0) {
      throw new DomainError('INSUFFICIENT_STOCK', `Insufficient quantity ${-delta} for ${product.name}`, {
        productId: product.id,
        name: product.name,
        quantity: -delta,
      })
    }
    // Conditional on the stock read above: nothing else writes between, but the row says so itself.
    const updated = await tx.kysely
      .updateTable('product')
      .set({ stock: stockAfter, updated_at: now.toISOString() })
      .where('id', '=', product.id)
      .where('stock', '=', product.stock)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new Error('the stock changed while it was being adjusted')
    const note = adjustment.note?.trim() ? adjustment.note.trim() : null
    const movementId = await recordMovement(tx, {
      productId: product.id,
      deltaQty: delta,
      stockAfter,
      reason: adjustment.reason,
      note,
      userId: actor.id,
      at: now,
    })
    tx.audit({
      action: 'stock.adjusted',
      actor: { id: actor.id, name: actor.displayName },
      subject: product.sku,
      details: {
        productId: product.id,
        reason: adjustment.reason,
        deltaQty: delta,
        stockBefore: product.stock,
        stockAfter,
        ...('counted' in change ? { counted: change.counted } : {}),
        note,
      },
    })
    const [movement] = await movementRows(tx).where('m.id', '=', movementId).execute()
    return { movement: toMovementDto(movement!), product: await readProductAdmin(tx, product.id, low) }
  })
}

function movementRows(lanes: Reader<StatementSet>) {
  return lanes.kysely
    .selectFrom('stock_movement as m')
    .innerJoin('product as p', 'p.id', 'm.product_id')
    .leftJoin('user as u', 'u.id', 'm.user_id')
    .leftJoin('invoice as i', 'i.id', 'm.invoice_id')
    .select([
      'm.id',
      'm.product_id',
      'p.sku',
      'p.name',
      'm.delta_qty',
      'm.reason',
      'm.note',
      'u.display_name',
      'i.number',
      'm.at',
      // Rows written without it (by an older till) get their product's running sum up to them.
      sql<number>`coalesce(m.stock_after, (select sum(x.delta_qty) from stock_movement x where x.product_id = m.product_id and x.id <= m.id))`.as(
        'stock_after',
      ),
    ])
}

type MovementRow = Awaited<ReturnType<ReturnType<typeof movementRows>['executeTakeFirstOrThrow']>>

function toMovementDto(row: MovementRow): StockMovementDto {
  return {
    id: row.id,
    productId: row.product_id,
    sku: row.sku,
    productName: row.name,
    deltaQty: row.delta_qty,
    stockAfter: Number(row.stock_after),
    reason: row.reason as MovementReason,
    note: row.note,
    by: row.display_name,
    invoiceNumber: row.number,
    at: row.at,
  }
}

export interface MovementQuery {
  productId?: number | undefined
  /** Store-local days, both included. */
  from?: string | undefined
  to?: string | undefined
  limit: number
  offset: number
}

/** Newest first: one product's history, or the store's between two store-local days (in `timeZone`), or both. */
export function listMovements(
  ctx: DbContext,
  query: MovementQuery,
  timeZone: string,
): Promise<{ items: StockMovementDto[]; total: number }> {
  if (query.from && query.to && query.from > query.to) {
    throw new DomainError('VALIDATION_FAILED', "'from' must not be after 'to'.", { rule: 'dateOrder', field: 'from' })
  }
  const range = storeDayRange(query.from, query.to, timeZone)
  return read(ctx, async (lanes) => {
    const { productId } = query
    if (productId !== undefined) {
      const product = await lanes.kysely.selectFrom('product').select('id').where('id', '=', productId).executeTakeFirst()
      if (!product) throw new DomainError('NOT_FOUND', 'That product is not in the catalog.', { what: 'product', productId })
    }
    let filtered = lanes.kysely.selectFrom('stock_movement as m')
    if (productId !== undefined) filtered = filtered.where('m.product_id', '=', productId)
    if (range.from) filtered = filtered.where('m.at', '>=', range.from.toISOString())
    if (range.before) filtered = filtered.where('m.at', '<', range.before.toISOString())
    const counted = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
    const total = Number(counted.total)
    if (query.offset >= total) return { items: [], total }
    const ids = await filtered
      .select('m.id')
      .orderBy('m.at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute()
    if (ids.length === 0) return { items: [], total }
    const rows = await movementRows(lanes)
      .where(
        'm.id',
        'in',
        ids.map((row) => row.id),
      )
      .orderBy('m.at', 'desc')
      .orderBy('m.id', 'desc')
      .execute()
    return { items: rows.map(toMovementDto), total }
  })
}

/** Active products at or below their threshold (their own, or the store's default), lowest stock first. */
export function listLowStock(
  ctx: DbContext,
  page: { limit: number; offset: number },
  low: LowStockDefault,
): Promise<{ items: ProductAdminDto[]; total: number }> {
  return read(ctx, async (lanes) => {
    const filtered = lanes.kysely
      .selectFrom('product as p')
      .where(sql<SqlBool>`p.active and p.stock <= coalesce(p.low_stock_at, ${low.defaultLowStockAt})`)
    const counted = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
    const total = Number(counted.total)
    if (page.offset >= total) return { items: [], total }
    const ids = await filtered
      .select('p.id')
      .orderBy('p.stock')
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute()
    return {
      items: await readProductAdmins(
        lanes,
        ids.map((row) => row.id),
        low,
      ),
      total,
    }
  })
}
