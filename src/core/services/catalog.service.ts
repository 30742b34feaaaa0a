import type { EntityManager } from '@mikro-orm/sqlite'
import type { ProductDto } from '../../shared/contract'
import { Product } from '../db/entities'
import { DomainError } from '../domain-error'

export function toProductDto(product: Product): ProductDto {
  return {
    id: product.id,
    sku: product.sku,
    barcode: product.barcode ?? null,
    name: product.name,
    priceCents: product.priceCents,
    stock: product.stock,
  }
}

/** `%`, `_` and the escape character itself are literal in what a cashier types. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** Exact barcode or SKU (SKUs compare case-insensitively, as printed labels vary). */
export async function lookupProduct(em: EntityManager, code: string): Promise<Product> {
  const trimmed = code.trim()
  const product =
    (await em.findOne(Product, { barcode: trimmed, active: true })) ??
    (await em.findOne(Product, { sku: trimmed, active: true })) ??
    (await em.findOne(Product, { sku: trimmed.toUpperCase(), active: true }))
  if (!product) throw new DomainError('NOT_FOUND', `No product with code '${trimmed}'`)
  return product
}

export interface SearchResult {
  items: ProductDto[]
  total: number
}

interface ProductRow {
  id: number
  sku: string
  barcode: string | null
  name: string
  price_cents: number
  stock: number
}

/**
 * Name contains every word, or SKU or barcode starts with the text. An exact code match comes first,
 * then names that start with the text, then the rest by name. LIKE metacharacters typed by the
 * cashier are literal. (An FTS index replaces this scan for large catalogs.)
 */
export async function searchProducts(
  em: EntityManager,
  query: string | undefined,
  limit: number,
  offset: number,
): Promise<SearchResult> {
  const text = (query ?? '').trim()
  const connection = em.getConnection()
  const conditions: string[] = ['active = 1']
  const params: unknown[] = []
  if (text) {
    const words = text.split(/\s+/).filter(Boolean).slice(0, 8)
    const nameMatch = words.map(() => "name like ? escape '\\'").join(' and ')
    conditions.push(`((${nameMatch}) or sku like ? escape '\\' or barcode like ? escape '\\')`)
    params.push(...words.map((word) => `%${escapeLike(word)}%`), `${escapeLike(text)}%`, `${escapeLike(text)}%`)
  }
  const where = conditions.join(' and ')
  const [{ total } = { total: 0 }] = await connection.execute<{ total: number }[]>(
    `select count(*) as total from product where ${where}`,
    params,
  )
  const rank = text
    ? "case when barcode = ? or sku = ? then 0 when name like ? escape '\\' then 1 else 2 end, "
    : ''
  const rankParams = text ? [text, text, `${escapeLike(text)}%`] : []
  const rows = await connection.execute<ProductRow[]>(
    `select id, sku, barcode, name, price_cents, stock from product where ${where}
     order by ${rank}name collate nocase, id limit ? offset ?`,
    [...params, ...rankParams, limit, offset],
  )
  return {
    items: rows.map((row) => ({
      id: row.id,
      sku: row.sku,
      barcode: row.barcode,
      name: row.name,
      priceCents: row.price_cents,
      stock: row.stock,
    })),
    total,
  }
}
