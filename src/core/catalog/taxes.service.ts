import type { TaxRateDto } from '#shared/contract/taxes'
import type { DbContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { AuditDetails } from '#core/db/audit-chain'
import { TaxRate } from '#core/db/entities'
import { read, write, type Reader } from '#core/db/tx'
import type { StatementSet } from '#core/db/statements'
import { taxNameKey, uniqueIds } from './taxes.rules'

type Lanes = Reader<StatementSet>

export interface NewTaxRate {
  name: string
  rateBps: number
  included: boolean
}

export type TaxRatePatch = Partial<NewTaxRate & { active: boolean }>

function taxRows(lanes: Lanes) {
  return lanes.kysely
    .selectFrom('tax_rate as t')
    .select(['t.id', 't.name', 't.rate_bps', 't.included', 't.active'])
    .select((eb) =>
      eb
        .selectFrom('product_tax as pt')
        .whereRef('pt.tax_rate_id', '=', 't.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('productCount'),
    )
}

type TaxRow = Awaited<ReturnType<ReturnType<typeof taxRows>['executeTakeFirstOrThrow']>>

// A boolean column reads as 0 or 1 from SQLite.
const toDto = (row: TaxRow): TaxRateDto => ({
  id: row.id,
  name: row.name,
  rateBps: row.rate_bps,
  included: Boolean(row.included),
  active: Boolean(row.active),
  productCount: Number(row.productCount ?? 0),
})

async function readTax(lanes: Lanes, id: number): Promise<TaxRateDto> {
  const row = await taxRows(lanes).where('t.id', '=', id).executeTakeFirst()
  if (!row) throw taxNotFound(id)
  return toDto(row)
}

function taxNotFound(id: number): DomainError<'NOT_FOUND'> {
  return new DomainError('NOT_FOUND', 'That tax no longer exists.', { what: 'taxRate', id })
}

/** Every rate, switched-off ones too, A to Z, each with how many products list it. */
export function listTaxes(ctx: DbContext): Promise<TaxRateDto[]> {
  return read(ctx, async (lanes) => (await taxRows(lanes).orderBy('t.name_key').orderBy('t.id').execute()).map(toDto))
}

function nameTaken(other: { name: string }): DomainError<'CONFLICT'> {
  return new DomainError('CONFLICT', `There is already a tax called '${other.name}'.`, { what: 'taxRate', name: other.name })
}

async function refuseTaxName(lanes: Lanes, name: string, exceptId: number | null): Promise<void> {
  const other = await lanes.em.findOne(TaxRate, { nameKey: taxNameKey(name), ...(exceptId !== null ? { id: { $ne: exceptId } } : {}) })
  if (other) throw nameTaken(other)
}

/** The unique index said no after the check passed (another connection wrote in between): the same CONFLICT. */
async function asNameConflict(lanes: Lanes, error: unknown, name: string): Promise<never> {
  if (error instanceof Error && error.message.includes('UNIQUE constraint failed: tax_rate.name_key')) {
    const other = await lanes.kysely.selectFrom('tax_rate').select('name').where('name_key', '=', taxNameKey(name)).executeTakeFirst()
    if (other) throw nameTaken(other)
  }
  throw error
}

const actorOf = (user: SessionUser) => ({ id: user.id, name: user.displayName })

/** A new rate, switched on. A name in use, ignoring case and surrounding spaces, is refused (CONFLICT taxRate). */
export function createTax(ctx: DbContext, actor: SessionUser, fields: NewTaxRate): Promise<TaxRateDto> {
  const at = ctx.now().toISOString()
  return write(ctx, async (tx) => {
    const name = fields.name.trim()
    await refuseTaxName(tx, name, null)
    const tax = tx.em.create(TaxRate, {
      name,
      nameKey: taxNameKey(name),
      rateBps: fields.rateBps,
      included: fields.included,
      active: true,
      createdAt: at,
      updatedAt: at,
    })
    try {
      await tx.em.flush()
    } catch (error) {
      await asNameConflict(tx, error, name)
    }
    tx.audit({
      action: 'tax.created',
      actor: actorOf(actor),
      subject: tax.name,
      details: {
        taxRateId: tax.id,
        'after.name': tax.name,
        'after.rateBps': tax.rateBps,
        'after.included': tax.included,
        'after.active': true,
      },
    })
    return readTax(tx, tax.id)
  })
}

/**
 * A partial edit, audited with each changed field before and after; nothing changed, nothing
 * written. Past invoices keep their own copy of the rate, so they never change with it.
 */
export function updateTax(ctx: DbContext, actor: SessionUser, id: number, patch: TaxRatePatch): Promise<TaxRateDto> {
  const at = ctx.now().toISOString()
  return write(ctx, async (tx) => {
    const tax = await tx.em.findOne(TaxRate, { id })
    if (!tax) throw taxNotFound(id)
    const wanted = { ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}) }
    const fields = (['name', 'rateBps', 'included', 'active'] as const).filter(
      (field) => wanted[field] !== undefined && wanted[field] !== tax[field],
    )
    if (fields.length === 0) return readTax(tx, id)
    if (fields.includes('name')) await refuseTaxName(tx, wanted.name!, id)
    const details: AuditDetails = { taxRateId: id }
    for (const field of fields) {
      details[`before.${field}`] = tax[field]
      details[`after.${field}`] = wanted[field]!
    }
    if (wanted.name !== undefined) {
      tax.name = wanted.name
      tax.nameKey = taxNameKey(wanted.name)
    }
    if (wanted.rateBps !== undefined) tax.rateBps = wanted.rateBps
    if (wanted.included !== undefined) tax.included = wanted.included
    if (wanted.active !== undefined) tax.active = wanted.active
    tax.updatedAt = at
    try {
      await tx.em.flush()
    } catch (error) {
      await asNameConflict(tx, error, tax.name)
    }
    tx.audit({ action: 'tax.updated', actor: actorOf(actor), subject: tax.name, details: { ...details, changed: fields.join(',') } })
    return readTax(tx, id)
  })
}

/**
 * The tax rate ids a product or the store's default may be given, each once in the order given:
 * every one must exist (VALIDATION_FAILED unknownTaxRate) and be switched on (inactiveTaxRate),
 * except those in `kept` — the product's own, which it may keep while switched off. `field` names
 * the input for the screen. Run inside the write that then stores them.
 */
export async function checkTaxRateIds(
  lanes: Lanes,
  ids: readonly number[],
  field: string,
  kept: readonly number[] = [],
): Promise<number[]> {
  const wanted = uniqueIds(ids)
  if (wanted.length === 0) return wanted
  const rows = await lanes.kysely.selectFrom('tax_rate').select(['id', 'active']).where('id', 'in', wanted).execute()
  const active = new Map(rows.map((row) => [row.id, Boolean(row.active)]))
  const unknown = wanted.find((taxId) => !active.has(taxId))
  if (unknown !== undefined) {
    throw new DomainError('VALIDATION_FAILED', `There is no tax rate ${unknown}.`, { rule: 'unknownTaxRate', field })
  }
  const off = wanted.find((taxId) => active.get(taxId) === false && !kept.includes(taxId))
  if (off !== undefined) {
    throw new DomainError('VALIDATION_FAILED', `Tax rate ${off} is switched off.`, { rule: 'inactiveTaxRate', field })
  }
  return wanted
}

/** Of these ids (the store's default for new products), the rates that exist and are switched on, in order. */
export async function activeTaxRateIds(lanes: Lanes, ids: readonly number[]): Promise<number[]> {
  const wanted = uniqueIds(ids)
  if (wanted.length === 0) return wanted
  const rows = await lanes.kysely.selectFrom('tax_rate').select(['id', 'active']).where('id', 'in', wanted).execute()
  const on = new Set(rows.filter((row) => Boolean(row.active)).map((row) => row.id))
  return wanted.filter((taxId) => on.has(taxId))
}
