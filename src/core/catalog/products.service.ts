import { sql, type Expression, type SqlBool } from 'kysely'
import type { CategoryDto, ProductAdminDto, ProductListInput } from '#shared/contract/catalog'
import type { MovementReason } from '#shared/contract/stock'
import { uuidv7 } from '#core/common/ids'
import type { DbContext, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { Category, Product } from '#core/db/entities'
import { read, write, type Reader, type Writer } from '#core/db/tx'
import type { StatementSet } from '#core/db/statements'
import { rowToDto } from './catalog.service'
import { planProductSearch } from './product-search-query'
import { categoryKey, containsPattern, joinTags, normalizeTags, splitTags } from './products.rules'
import { activeTaxRateIds, checkTaxRateIds } from './taxes.service'
import { sameIds } from './taxes.rules'

type Lanes = Reader<StatementSet>
type WriteLanes = Writer<StatementSet>

/** What a person edits on a product (`products:create`, `products:update`). */
export interface ProductFields {
  sku: string
  name: string
  priceCents: number
  barcode?: string | null | undefined
  categoryId?: number | null | undefined
  tags?: string[] | undefined
  /** Replaces the product's taxes; a new product without it gets the store's default ones that are switched on. */
  taxRateIds?: number[] | undefined
  lowStockAt?: number | null | undefined
}

export type ProductPatch = Partial<ProductFields>

/** The store's default threshold, for products without their own (`settings.defaultLowStockAt`). */
export interface LowStockDefault {
  defaultLowStockAt: number
}

/** What a new product takes from the store's settings: the low-stock default and the taxes new products start with. */
export interface ProductDefaults extends LowStockDefault {
  defaultTaxRateIds: readonly number[]
}

const DEFAULT_PAGE = 50

function actorOf(user: SessionUser): { id: number; name: string } {
  return { id: user.id, name: user.displayName }
}

function productNotFound(productId: number): DomainError<'NOT_FOUND'> {
  return new DomainError('NOT_FOUND', 'That product is not in the catalog.', { what: 'product', productId })
}

// ---------------------------------------------------------------------------------------------
// Reading products as the back office sees them
// ---------------------------------------------------------------------------------------------

function adminRows(lanes: Lanes) {
  return lanes.kysely
    .selectFrom('product as p')
    .leftJoin('category as c', 'c.id', 'p.category_id')
    .select([
      'p.id',
      'p.sku',
      'p.barcode',
      'p.name',
      'p.price_cents',
      'p.stock',
      'p.image_file',
      'p.tags',
      'p.low_stock_at',
      'p.active',
      'p.created_at',
      'p.updated_at',
      'p.category_id',
      'c.name as category_name',
    ])
}

type AdminRow = Awaited<ReturnType<ReturnType<typeof adminRows>['executeTakeFirstOrThrow']>>

/** The DTOs of these rows, in their order, with their images (one query for all of them). */
async function toAdminDtos(lanes: Lanes, rows: readonly AdminRow[], low: LowStockDefault): Promise<ProductAdminDto[]> {
  if (rows.length === 0) return []
  const images = await lanes.kysely
    .selectFrom('product_image')
    .select(['id', 'product_id', 'file'])
    .where(
      'product_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('product_id')
    .orderBy('position')
    .orderBy('id')
    .execute()
  const imagesOf = new Map<number, { id: number; file: string }[]>()
  for (const image of images) {
    const list = imagesOf.get(image.product_id) ?? []
    list.push({ id: image.id, file: image.file })
    imagesOf.set(image.product_id, list)
  }
  const taxes = await lanes.kysely
    .selectFrom('product_tax')
    .select(['product_id', 'tax_rate_id'])
    .where(
      'product_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('product_id')
    .orderBy('tax_rate_id')
    .execute()
  const taxesOf = new Map<number, number[]>()
  for (const tax of taxes) {
    const list = taxesOf.get(tax.product_id) ?? []
    list.push(tax.tax_rate_id)
    taxesOf.set(tax.product_id, list)
  }
  return rows.map((row) => {
    const threshold = row.low_stock_at ?? low.defaultLowStockAt
    return {
      ...rowToDto(row),
      category: row.category_id !== null && row.category_name !== null ? { id: row.category_id, name: row.category_name } : null,
      tags: splitTags(row.tags),
      taxRateIds: taxesOf.get(row.id) ?? [],
      images: imagesOf.get(row.id) ?? [],
      lowStockAt: row.low_stock_at,
      low: row.stock <= threshold,
      archived: !row.active,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  })
}

/** One product's DTO on these lanes (inside a read or a write), or NOT_FOUND. */
export async function readProductAdmin(lanes: Lanes, productId: number, low: LowStockDefault): Promise<ProductAdminDto> {
  const row = await adminRows(lanes).where('p.id', '=', productId).executeTakeFirst()
  if (!row) throw productNotFound(productId)
  const [dto] = await toAdminDtos(lanes, [row], low)
  return dto!
}

/** The DTOs of these products, in the order given (missing ids are left out). */
export async function readProductAdmins(lanes: Lanes, productIds: readonly number[], low: LowStockDefault): Promise<ProductAdminDto[]> {
  if (productIds.length === 0) return []
  const rows = await adminRows(lanes)
    .where('p.id', 'in', [...productIds])
    .execute()
  const byId = new Map(rows.map((row) => [row.id, row]))
  return toAdminDtos(
    lanes,
    productIds.flatMap((id) => byId.get(id) ?? []),
    low,
  )
}

export function getProduct(ctx: DbContext, productId: number, low: LowStockDefault): Promise<ProductAdminDto> {
  return read(ctx, (lanes) => readProductAdmin(lanes, productId, low))
}

const SORT_COLUMNS = { name: 'p.name', sku: 'p.sku', price: 'p.price_cents', stock: 'p.stock' } as const

/**
 * The back office's table, one page at a time, all in SQL. Active products are searched like the
 * till searches (the FTS indexes of migration 0003: a word start anywhere in name, SKU, barcode or
 * tags, text inside a word, or the exact code); archived ones are not in those indexes and are
 * matched by their name, SKU, barcode or tags containing the text. Sorted by the column asked for,
 * then by id in the same direction, so equal values keep one order from page to page.
 */
export function listProducts(
  ctx: DbContext,
  input: ProductListInput,
  low: LowStockDefault,
): Promise<{ items: ProductAdminDto[]; total: number }> {
  const status = input.status ?? 'active'
  const direction = input.direction ?? 'asc'
  const column = SORT_COLUMNS[input.sort ?? 'name']
  return read(ctx, async (lanes) => {
    let filtered = lanes.kysely.selectFrom('product as p')
    // A boolean column is 0 or 1 in SQLite, and better-sqlite3 binds no booleans.
    if (status !== 'all') filtered = filtered.where(status === 'active' ? sql<SqlBool>`p.active` : sql<SqlBool>`not p.active`)
    if (input.categoryId !== undefined) filtered = filtered.where('p.category_id', '=', input.categoryId)
    if (input.tag !== undefined) {
      const tag = input.tag
      // product_tag.tag compares without case (NOCASE), along its (tag, product_id) index.
      filtered = filtered.where('p.id', 'in', (eb) => eb.selectFrom('product_tag').select('product_id').where('tag', '=', tag))
    }
    if (input.lowStock) filtered = filtered.where(sql<SqlBool>`p.stock <= coalesce(p.low_stock_at, ${low.defaultLowStockAt})`)
    const matching = searchCondition(input.query, status)
    if (matching) filtered = filtered.where(matching)

    const counted = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
    const total = Number(counted.total)
    const limit = input.limit ?? DEFAULT_PAGE
    const offset = input.offset ?? 0
    if (offset >= total) return { items: [], total }
    const ids = await filtered.select('p.id').orderBy(column, direction).orderBy('p.id', direction).limit(limit).offset(offset).execute()
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

/** The search as a condition on `p`, or null for no search. */
function searchCondition(query: string | undefined, status: 'active' | 'archived' | 'all'): Expression<SqlBool> | null {
  const plan = planProductSearch(query)
  if (!plan) return null
  const pattern = containsPattern(plan.code)
  const contains = sql<SqlBool>`(p.name like ${pattern} escape '\\' or p.sku like ${pattern} escape '\\'
    or p.barcode like ${pattern} escape '\\' or p.tags like ${pattern} escape '\\')`
  if (status === 'archived') return contains
  const indexed: Expression<SqlBool>[] = [
    sql<SqlBool>`(p.barcode = ${plan.code} or p.sku = ${plan.code} or p.sku = ${plan.code.toUpperCase()})`,
  ]
  const ids = (table: 'product_search' | 'product_substring', match: string) =>
    sql<SqlBool>`p.id in (select rowid from ${sql.table(table)} where ${sql.table(table)} match ${match})`
  if (plan.startsWith) indexed.push(ids('product_search', plan.startsWith))
  if (plan.allWords) indexed.push(ids('product_search', plan.allWords))
  if (plan.substring) {
    indexed.push(
      plan.substringShortWords
        ? sql<SqlBool>`(${ids('product_substring', plan.substring)} and ${ids('product_search', plan.substringShortWords)})`
        : ids('product_substring', plan.substring),
    )
  }
  const found = sql<SqlBool>`(${sql.join(indexed, sql` or `)})`
  return status === 'active' ? found : sql<SqlBool>`((p.active and ${found}) or (not p.active and ${contains}))`
}

/** Every tag in use and how many products carry it, A to Z (a tag's spellings count as one). */
export function listTags(ctx: DbContext): Promise<{ tag: string; productCount: number }[]> {
  return read(ctx, async ({ kysely }) => {
    const rows = await kysely
      .selectFrom('product_tag')
      .select(['tag', (eb) => eb.fn.countAll<number>().as('productCount')])
      .groupBy('tag')
      .orderBy('tag')
      .execute()
    return rows.map((row) => ({ tag: row.tag, productCount: Number(row.productCount) }))
  })
}

// ---------------------------------------------------------------------------------------------
// Creating and editing products
// ---------------------------------------------------------------------------------------------

/** Refuses a SKU or barcode another product has, naming that product. */
async function refuseTaken(lanes: Lanes, what: 'sku' | 'barcode', value: string, exceptId: number | null): Promise<void> {
  const other = await lanes.kysely
    .selectFrom('product')
    .select(['id', 'sku', 'name'])
    .where(what, '=', value)
    .$if(exceptId !== null, (query) => query.where('id', '!=', exceptId!))
    .executeTakeFirst()
  if (other) throw takenBy(what, value, other)
}

function takenBy(what: 'sku' | 'barcode', value: string, other: { id: number; sku: string; name: string }): DomainError<'CONFLICT'> {
  return new DomainError('CONFLICT', `${what === 'sku' ? 'SKU' : 'Barcode'} '${value}' already belongs to ${other.name} (${other.sku}).`, {
    what,
    value,
    productId: other.id,
    productSku: other.sku,
    productName: other.name,
  })
}

/**
 * A unique index said no after the checks passed (another connection wrote in between): the same
 * CONFLICT, naming the product that has the value now.
 */
async function asConflict(
  lanes: Lanes,
  error: unknown,
  fields: { sku?: string | undefined; barcode?: string | null | undefined },
): Promise<never> {
  const message = error instanceof Error ? error.message : ''
  for (const what of ['sku', 'barcode'] as const) {
    const value = fields[what]
    if (typeof value === 'string' && message.includes(`UNIQUE constraint failed: product.${what}`)) {
      const other = await lanes.kysely.selectFrom('product').select(['id', 'sku', 'name']).where(what, '=', value).executeTakeFirst()
      if (other) throw takenBy(what, value, other)
    }
  }
  throw error
}

async function requireCategory(lanes: Lanes, categoryId: number): Promise<Category> {
  const category = await lanes.em.findOne(Category, { id: categoryId })
  if (!category) throw new DomainError('NOT_FOUND', 'That category no longer exists.', { what: 'category', id: categoryId })
  return category
}

/** Replaces a product's tags (`product_tag` and the joined `product.tags`, which the search indexes follow). */
async function writeTags(lanes: WriteLanes, product: Product, tags: readonly string[]): Promise<void> {
  await lanes.kysely.deleteFrom('product_tag').where('product_id', '=', product.id).execute()
  if (tags.length > 0) {
    await lanes.kysely
      .insertInto('product_tag')
      .values(tags.map((tag) => ({ product_id: product.id, tag })))
      .execute()
  }
  product.tags = joinTags(tags)
}

/** The tax rate ids a product lists, by id. */
async function productTaxIds(lanes: Lanes, productId: number): Promise<number[]> {
  const rows = await lanes.kysely
    .selectFrom('product_tax')
    .select('tax_rate_id')
    .where('product_id', '=', productId)
    .orderBy('tax_rate_id')
    .execute()
  return rows.map((row) => row.tax_rate_id)
}

/** Replaces the taxes a product is sold with (ids already checked with `checkTaxRateIds`), in the open transaction. */
export async function writeProductTaxes(lanes: WriteLanes, productId: number, taxRateIds: readonly number[]): Promise<void> {
  await lanes.kysely.deleteFrom('product_tax').where('product_id', '=', productId).execute()
  if (taxRateIds.length > 0) {
    await lanes.kysely
      .insertInto('product_tax')
      .values(taxRateIds.map((taxRateId) => ({ product_id: productId, tax_rate_id: taxRateId })))
      .execute()
  }
}

export interface MovementRecord {
  productId: number
  deltaQty: number
  stockAfter: number
  reason: MovementReason
  note: string | null
  userId: number | null
  at: Date
}

/** Appends a stock movement (a fact row: its own uid, this till's id) in the open transaction. */
export async function recordMovement(lanes: WriteLanes, movement: MovementRecord): Promise<number> {
  const inserted = await lanes.kysely
    .insertInto('stock_movement')
    .values({
      uid: uuidv7(movement.at),
      till_id: lanes.tillId,
      product_id: movement.productId,
      delta_qty: movement.deltaQty,
      reason: movement.reason,
      invoice_id: null,
      at: movement.at.toISOString(),
      note: movement.note,
      user_id: movement.userId,
      stock_after: movement.stockAfter,
    })
    .executeTakeFirstOrThrow()
  return Number(inserted.insertId)
}

/**
 * A new product; `openingStock` is its first movement (`initial`). Its taxes are the ones given
 * (each known and switched on) or, when none are given, the store's default ones that are switched on.
 */
export function createProduct(
  ctx: DbContext,
  actor: SessionUser,
  fields: ProductFields & { openingStock?: number | undefined },
  low: ProductDefaults,
): Promise<ProductAdminDto> {
  const now = ctx.now()
  return write(ctx, async (tx) => {
    const barcode = fields.barcode ?? null
    await refuseTaken(tx, 'sku', fields.sku, null)
    if (barcode !== null) await refuseTaken(tx, 'barcode', barcode, null)
    const category = fields.categoryId != null ? await requireCategory(tx, fields.categoryId) : null
    const taxRateIds =
      fields.taxRateIds === undefined
        ? await activeTaxRateIds(tx, low.defaultTaxRateIds)
        : await checkTaxRateIds(tx, fields.taxRateIds, 'taxRateIds')
    const tags = normalizeTags(fields.tags ?? [])
    const openingStock = fields.openingStock ?? 0
    const at = now.toISOString()
    const product = tx.em.create(Product, {
      sku: fields.sku,
      barcode,
      name: fields.name,
      tags: joinTags(tags),
      priceCents: fields.priceCents,
      stock: openingStock,
      active: true,
      category,
      lowStockAt: fields.lowStockAt ?? null,
      imageFile: null,
      createdAt: at,
      updatedAt: at,
    })
    try {
      await tx.em.flush()
    } catch (error) {
      await asConflict(tx, error, { sku: fields.sku, barcode })
    }
    await writeTags(tx, product, tags)
    await writeProductTaxes(tx, product.id, taxRateIds)
    if (openingStock > 0) {
      await recordMovement(tx, {
        productId: product.id,
        deltaQty: openingStock,
        stockAfter: openingStock,
        reason: 'initial',
        note: null,
        userId: actor.id,
        at: now,
      })
    }
    await tx.em.flush()
    tx.audit({
      action: 'product.created',
      actor: actorOf(actor),
      subject: product.sku,
      details: {
        productId: product.id,
        name: product.name,
        priceCents: product.priceCents,
        openingStock,
        taxRateIds: taxRateIds.join(','),
      },
    })
    return readProductAdmin(tx, product.id, low)
  })
}

/**
 * A partial edit: only the fields given change (`barcode`, `categoryId` and `lowStockAt` null clear
 * them; `tags` and `taxRateIds` replace them all). Nothing changed, nothing written. A new price
 * applies from now on: every invoice line keeps the price it was sold at. A switched-off tax the
 * product already lists may stay listed (it is not charged); it cannot be added anew.
 */
export function updateProduct(
  ctx: DbContext,
  actor: SessionUser,
  productId: number,
  patch: ProductPatch,
  low: LowStockDefault,
): Promise<ProductAdminDto> {
  const now = ctx.now()
  return write(ctx, async (tx) => {
    const product = await tx.em.findOne(Product, { id: productId })
    if (!product) throw productNotFound(productId)
    const changed: string[] = []
    const details: Record<string, string | number | null> = { productId }
    if (patch.sku !== undefined && patch.sku !== product.sku) {
      await refuseTaken(tx, 'sku', patch.sku, productId)
      details['fromSku'] = product.sku
      product.sku = patch.sku
      changed.push('sku')
    }
    if (patch.barcode !== undefined && patch.barcode !== product.barcode) {
      if (patch.barcode !== null) await refuseTaken(tx, 'barcode', patch.barcode, productId)
      product.barcode = patch.barcode
      changed.push('barcode')
    }
    if (patch.name !== undefined && patch.name !== product.name) {
      product.name = patch.name
      changed.push('name')
    }
    if (patch.priceCents !== undefined && patch.priceCents !== product.priceCents) {
      details['fromPriceCents'] = product.priceCents
      details['toPriceCents'] = patch.priceCents
      product.priceCents = patch.priceCents
      changed.push('priceCents')
    }
    if (patch.categoryId !== undefined && patch.categoryId !== (product.category?.id ?? null)) {
      product.category = patch.categoryId === null ? null : await requireCategory(tx, patch.categoryId)
      changed.push('categoryId')
    }
    if (patch.lowStockAt !== undefined && patch.lowStockAt !== product.lowStockAt) {
      product.lowStockAt = patch.lowStockAt
      changed.push('lowStockAt')
    }
    if (patch.tags !== undefined) {
      const tags = normalizeTags(patch.tags)
      if (joinTags(tags) !== product.tags) {
        await writeTags(tx, product, tags)
        changed.push('tags')
      }
    }
    if (patch.taxRateIds !== undefined) {
      const current = await productTaxIds(tx, productId)
      const taxRateIds = await checkTaxRateIds(tx, patch.taxRateIds, 'taxRateIds', current)
      if (!sameIds(taxRateIds, current)) {
        details['fromTaxRateIds'] = current.join(',')
        details['toTaxRateIds'] = [...taxRateIds].sort((a, b) => a - b).join(',')
        await writeProductTaxes(tx, productId, taxRateIds)
        changed.push('taxRateIds')
      }
    }
    if (changed.length === 0) return readProductAdmin(tx, productId, low)
    product.updatedAt = now.toISOString()
    try {
      await tx.em.flush()
    } catch (error) {
      await asConflict(tx, error, { sku: patch.sku, barcode: patch.barcode })
    }
    tx.audit({
      action: 'product.updated',
      actor: actorOf(actor),
      subject: product.sku,
      details: { ...details, changed: changed.join(',') },
    })
    return readProductAdmin(tx, productId, low)
  })
}

/**
 * Archives (no longer sold, out of the till's search; kept for its sales) or brings back a product.
 * Already so: nothing written.
 */
export function setArchived(
  ctx: DbContext,
  actor: SessionUser,
  productId: number,
  archived: boolean,
  low: LowStockDefault,
): Promise<ProductAdminDto> {
  const now = ctx.now()
  return write(ctx, async (tx) => {
    const product = await tx.em.findOne(Product, { id: productId })
    if (!product) throw productNotFound(productId)
    if (product.active === !archived) return readProductAdmin(tx, productId, low)
    product.active = !archived
    product.updatedAt = now.toISOString()
    await tx.em.flush()
    tx.audit({
      action: archived ? 'product.archived' : 'product.unarchived',
      actor: actorOf(actor),
      subject: product.sku,
      details: { productId },
    })
    return readProductAdmin(tx, productId, low)
  })
}

// ---------------------------------------------------------------------------------------------
// Images (the files are written by products.images.ts before these rows)
// ---------------------------------------------------------------------------------------------

async function requireProductSku(lanes: Lanes, productId: number): Promise<{ id: number; sku: string }> {
  const product = await lanes.kysely.selectFrom('product').select(['id', 'sku']).where('id', '=', productId).executeTakeFirst()
  if (!product) throw productNotFound(productId)
  return product
}

/** Keeps `product.image_file` on the first image by position, for the till's thumbnails. */
async function refreshThumbnail(tx: WriteLanes, productId: number): Promise<void> {
  await tx.kysely
    .updateTable('product')
    .set({
      image_file: (eb) =>
        eb.selectFrom('product_image').select('file').where('product_id', '=', productId).orderBy('position').orderBy('id').limit(1),
    })
    .where('id', '=', productId)
    .execute()
}

/** Adds stored image files to a product, after its others; a file it already has is left where it is. */
export function attachImages(
  ctx: DbContext,
  actor: SessionUser,
  productId: number,
  files: readonly string[],
  low: LowStockDefault,
): Promise<ProductAdminDto> {
  const now = ctx.now()
  return write(ctx, async (tx) => {
    const product = await requireProductSku(tx, productId)
    const existing = await tx.kysely.selectFrom('product_image').select(['file', 'position']).where('product_id', '=', productId).execute()
    const have = new Set(existing.map((image) => image.file))
    let position = Math.max(0, ...existing.map((image) => image.position))
    const added: string[] = []
    for (const file of files) {
      if (have.has(file)) continue
      have.add(file)
      position += 1
      await tx.kysely.insertInto('product_image').values({ product_id: productId, file, position, created_at: now.toISOString() }).execute()
      added.push(file)
    }
    if (added.length > 0) {
      await refreshThumbnail(tx, productId)
      await tx.kysely.updateTable('product').set({ updated_at: now.toISOString() }).where('id', '=', productId).execute()
      tx.audit({
        action: 'product.images-added',
        actor: actorOf(actor),
        subject: product.sku,
        details: { productId, added: added.length, files: added.join(',') },
      })
    }
    return readProductAdmin(tx, productId, low)
  })
}

/** Takes an image off a product. The file stays: another product may show the same picture. */
export function removeImage(
  ctx: DbContext,
  actor: SessionUser,
  productId: number,
  imageId: number,
  low: LowStockDefault,
): Promise<ProductAdminDto> {
  const now = ctx.now()
  return write(ctx, async (tx) => {
    const product = await requireProductSku(tx, productId)
    const removed = await tx.kysely
      .deleteFrom('product_image')
      .where('id', '=', imageId)
      .where('product_id', '=', productId)
      .returning('file')
      .executeTakeFirst()
    if (!removed) throw new DomainError('NOT_FOUND', 'That image is no longer on the product.', { what: 'image', id: imageId })
    await refreshThumbnail(tx, productId)
    await tx.kysely.updateTable('product').set({ updated_at: now.toISOString() }).where('id', '=', productId).execute()
    tx.audit({
      action: 'product.image-removed',
      actor: actorOf(actor),
      subject: product.sku,
      details: { productId, imageId, file: removed.file },
    })
    return readProductAdmin(tx, productId, low)
  })
}

// ---------------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------------

/** A to Z, each with how many products (archived ones too) are in it. */
export function listCategories(ctx: DbContext): Promise<CategoryDto[]> {
  return read(ctx, async ({ kysely }) => {
    const rows = await kysely
      .selectFrom('category as c')
      .select(['c.id', 'c.name'])
      .select((eb) =>
        eb.selectFrom('product as p').whereRef('p.category_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('productCount'),
      )
      .orderBy('c.name_key')
      .orderBy('c.id')
      .execute()
    return rows.map((row) => ({ id: row.id, name: row.name, productCount: Number(row.productCount ?? 0) }))
  })
}

async function refuseCategoryName(lanes: Lanes, name: string, exceptId: number | null): Promise<void> {
  const other = await lanes.em.findOne(Category, { nameKey: categoryKey(name), ...(exceptId !== null ? { id: { $ne: exceptId } } : {}) })
  if (other)
    throw new DomainError('CONFLICT', `There is already a category called '${other.name}'.`, { what: 'category', name: other.name })
}

async function categoryDto(lanes: Lanes, category: Category): Promise<CategoryDto> {
  const counted = await lanes.kysely
    .selectFrom('product')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('category_id', '=', category.id)
    .executeTakeFirstOrThrow()
  return { id: category.id, name: category.name, productCount: Number(counted.n) }
}

/** A name in use, ignoring case and surrounding spaces, is refused (CONFLICT category). */
export function createCategory(ctx: DbContext, actor: SessionUser, name: string): Promise<CategoryDto> {
  const now = ctx.now()
  return write(ctx, async (tx) => {
    const trimmed = name.trim()
    await refuseCategoryName(tx, trimmed, null)
    const category = tx.em.create(Category, { name: trimmed, nameKey: categoryKey(trimmed), createdAt: now.toISOString() })
    await tx.em.flush()
    tx.audit({ action: 'category.created', actor: actorOf(actor), subject: category.name, details: { categoryId: category.id } })
    return categoryDto(tx, category)
  })
}

/** Renames a category (its products follow); another category's name is refused. */
export function renameCategory(ctx: DbContext, actor: SessionUser, categoryId: number, name: string): Promise<CategoryDto> {
  return write(ctx, async (tx) => {
    const category = await requireCategory(tx, categoryId)
    const trimmed = name.trim()
    if (trimmed === category.name) return categoryDto(tx, category)
    await refuseCategoryName(tx, trimmed, categoryId)
    const from = category.name
    category.name = trimmed
    category.nameKey = categoryKey(trimmed)
    await tx.em.flush()
    tx.audit({ action: 'category.updated', actor: actorOf(actor), subject: category.name, details: { categoryId, fromName: from } })
    return categoryDto(tx, category)
  })
}
