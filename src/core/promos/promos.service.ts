import type { PromoDto } from '#shared/contract/promos'
import type { CartPromo } from '#core/cart/cart.service'
import { promoCodeKey } from '#core/cart/cart.service'
import type { DbContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { BoundStatements, StatementSet } from '#core/db/statements'
import { read, writeStatements, type StatementWriter } from '#core/db/tx'
import { PROMO_SQL, type PromoAdminRow } from './promos.statements'

type PromoSql = BoundStatements<typeof PROMO_SQL>

/**
 * Counts a sale's use of its promo in the sale's own transaction, by a conditional update: when
 * another till took the last use first this sale is refused (PROMO_INVALID usedUp) and rolls back.
 * Records the promo on the invoice with what it took off.
 */
export function usePromo(tx: Pick<StatementWriter<StatementSet>, 'use'>, promo: CartPromo, invoiceId: number, at: string): void {
  const sql = tx.use(PROMO_SQL)
  if (sql.use({ id: promo.row.id, at }).changes !== 1) {
    throw new DomainError('PROMO_INVALID', `The promo code '${promo.row.code}' has no uses left.`, {
      reason: 'usedUp',
      code: promo.row.code,
    })
  }
  sql.insertInvoicePromo({
    invoiceId,
    promoId: promo.row.id,
    code: promo.row.code,
    name: promo.row.name,
    discountCents: promo.discountCents,
  })
}

function toDto(sql: PromoSql, row: PromoAdminRow): PromoDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    value: row.value,
    minSpendCents: row.min_spend_cents,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    maxUses: row.max_uses,
    uses: row.uses,
    active: Boolean(row.active),
    productIds: sql.productIds(row.id),
    categoryIds: sql.categoryIds(row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function listPromos(
  ctx: DbContext,
  { status = 'all', query }: { status?: 'active' | 'inactive' | 'all' | undefined; query?: string | undefined },
): Promise<{ items: PromoDto[]; total: number }> {
  return read(ctx, PROMO_SQL, ({ sql }) => {
    const text = query?.trim().toUpperCase() ?? ''
    const rows = sql
      .all()
      .filter((row) => status === 'all' || Boolean(row.active) === (status === 'active'))
      .filter((row) => text === '' || row.code_key.includes(text) || row.name.toUpperCase().includes(text))
    return { items: rows.map((row) => toDto(sql, row)), total: rows.length }
  })
}

export interface PromoFields {
  code: string
  name: string
  kind: 'percent' | 'amount'
  value: number
  minSpendCents?: number | null | undefined
  startsOn?: string | null | undefined
  endsOn?: string | null | undefined
  maxUses?: number | null | undefined
  productIds?: number[] | undefined
  categoryIds?: number[] | undefined
  active: boolean
}

/** The same rules as the contract's, for a partial update merged with what is stored. */
function checkFields(fields: PromoFields): void {
  if (fields.kind === 'percent' && fields.value > 10_000) {
    throw new DomainError('VALIDATION_FAILED', 'A percent is at most 100%.', { rule: 'schema', field: 'value' })
  }
  if (fields.startsOn && fields.endsOn && fields.startsOn > fields.endsOn) {
    throw new DomainError('VALIDATION_FAILED', 'The last day is before the first.', { rule: 'dateOrder', field: 'endsOn' })
  }
}

function checkScope(sql: PromoSql, fields: PromoFields): void {
  const products = [...new Set(fields.productIds ?? [])]
  const categories = [...new Set(fields.categoryIds ?? [])]
  if (products.length > 0 && sql.knownProducts(JSON.stringify(products)) !== products.length) {
    throw new DomainError('VALIDATION_FAILED', 'A product the promo names does not exist.', { rule: 'schema', field: 'productIds' })
  }
  if (categories.length > 0 && sql.knownCategories(JSON.stringify(categories)) !== categories.length) {
    throw new DomainError('VALIDATION_FAILED', 'A category the promo names does not exist.', { rule: 'schema', field: 'categoryIds' })
  }
}

function writeScope(sql: PromoSql, promoId: number, fields: Pick<PromoFields, 'productIds' | 'categoryIds'>): void {
  if (fields.productIds !== undefined) {
    sql.clearProducts(promoId)
    sql.addProducts({ promoId, ids: JSON.stringify([...new Set(fields.productIds)]) })
  }
  if (fields.categoryIds !== undefined) {
    sql.clearCategories(promoId)
    sql.addCategories({ promoId, ids: JSON.stringify([...new Set(fields.categoryIds)]) })
  }
}

function bindings(fields: PromoFields, at: string) {
  return {
    code: fields.code.trim(),
    codeKey: promoCodeKey(fields.code),
    name: fields.name.trim(),
    kind: fields.kind,
    value: fields.value,
    minSpendCents: fields.minSpendCents ?? null,
    startsOn: fields.startsOn ?? null,
    endsOn: fields.endsOn ?? null,
    maxUses: fields.maxUses ?? null,
    active: fields.active ? 1 : 0,
    at,
  }
}

function refuseTakenCode(sql: PromoSql, code: string, exceptId: number | null): void {
  const other = sql.byCode(promoCodeKey(code))
  if (other && other.id !== exceptId) {
    throw new DomainError('CONFLICT', `Another promo has the code ${other.code}.`, { what: 'promoCode', code: other.code })
  }
}

/** A new promo code; its code is unique without case (CONFLICT naming the other). Audited. */
export function createPromo(ctx: DbContext, actor: SessionUser, fields: PromoFields): Promise<PromoDto> {
  const at = ctx.now().toISOString()
  checkFields(fields)
  return writeStatements(ctx, PROMO_SQL, (tx) => {
    const { sql } = tx
    refuseTakenCode(sql, fields.code, null)
    checkScope(sql, fields)
    const id = Number(sql.insert(bindings(fields, at)).lastInsertRowid)
    writeScope(sql, id, fields)
    const dto = toDto(sql, sql.byId(id)!)
    tx.audit({
      action: 'promo.created',
      actor: { id: actor.id, name: actor.displayName },
      subject: dto.code,
      details: auditOf(dto, 'after'),
    })
    return dto
  })
}

/** Changes what is given and keeps the rest; its uses so far stay. Audited with before and after. */
export function updatePromo(ctx: DbContext, actor: SessionUser, id: number, patch: Partial<PromoFields>): Promise<PromoDto> {
  const at = ctx.now().toISOString()
  return writeStatements(ctx, PROMO_SQL, (tx) => {
    const { sql } = tx
    const row = sql.byId(id)
    if (!row) throw new DomainError('NOT_FOUND', `No promo with id ${id}.`, { what: 'promo', id })
    const before = toDto(sql, row)
    const merged: PromoFields = {
      code: patch.code ?? before.code,
      name: patch.name ?? before.name,
      kind: patch.kind ?? before.kind,
      value: patch.value ?? before.value,
      minSpendCents: patch.minSpendCents === undefined ? before.minSpendCents : patch.minSpendCents,
      startsOn: patch.startsOn === undefined ? before.startsOn : patch.startsOn,
      endsOn: patch.endsOn === undefined ? before.endsOn : patch.endsOn,
      maxUses: patch.maxUses === undefined ? before.maxUses : patch.maxUses,
      productIds: patch.productIds,
      categoryIds: patch.categoryIds,
      active: patch.active ?? before.active,
    }
    checkFields(merged)
    if (patch.code !== undefined) refuseTakenCode(sql, patch.code, id)
    checkScope(sql, merged)
    sql.update({ ...bindings(merged, at), id })
    writeScope(sql, id, merged)
    const after = toDto(sql, sql.byId(id)!)
    tx.audit({
      action: 'promo.updated',
      actor: { id: actor.id, name: actor.displayName },
      subject: after.code,
      details: { ...auditOf(before, 'before'), ...auditOf(after, 'after') },
    })
    return after
  })
}

function auditOf(promo: PromoDto, prefix: 'before' | 'after'): Record<string, string | number | boolean | null> {
  return {
    [`${prefix}.code`]: promo.code,
    [`${prefix}.kind`]: promo.kind,
    [`${prefix}.value`]: promo.value,
    [`${prefix}.minSpendCents`]: promo.minSpendCents,
    [`${prefix}.startsOn`]: promo.startsOn,
    [`${prefix}.endsOn`]: promo.endsOn,
    [`${prefix}.maxUses`]: promo.maxUses,
    [`${prefix}.active`]: promo.active,
    [`${prefix}.scope`]: JSON.stringify({ products: promo.productIds, categories: promo.categoryIds }),
  }
}
