import { latinDigits } from '#shared/i18n/digits'
import type { ProductDto } from '#shared/contract/catalog'
import type { DbContext } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { BoundStatements } from '#core/db/statements'
import { read } from '#core/db/tx'
import { CATALOG_SQL, type ProductRow } from './catalog.statements'
import { planProductSearch, type ProductSearchPlan } from './product-search-query'

type CatalogSql = BoundStatements<typeof CATALOG_SQL>

/**
 * A search counts its matches up to this many and pages only through these: `total` is exact below
 * the cap and means "this many or more" at it. Counting every match of a one-letter search in a big
 * catalog would cost more than the search itself, and a search's cost grows with the cap (at 500,
 * two-word searches reached p99 5.4 ms at 100k products; at 250, 1.8 ms). Nobody scrolls through
 * 250 results at a till: they type another letter.
 */
export const SEARCH_TOTAL_CAP = 250

export interface SearchResult {
  items: ProductDto[]
  total: number
}

/** A product as the till shows it (the back office's DTO extends it). */
export function rowToDto(row: ProductRow): ProductDto {
  return {
    id: row.id,
    sku: row.sku,
    barcode: row.barcode,
    name: row.name,
    priceCents: row.price_cents,
    stock: row.stock,
    imageFile: row.image_file,
  }
}

/**
 * Exact barcode or SKU (SKUs compare case-insensitively, as printed labels vary). When a code is
 * both one product's barcode and another's SKU, the barcode wins: a scanner sends barcodes. A
 * scanner types through the keyboard's layout, so with a Nepali one on its digits arrive as ०-९
 * and its letters as other Devanagari letters: a code not found as it came is looked up once more
 * with ASCII digits, then as `keys`, what the same keys spell on a US layout (the till reads them).
 */
export function lookupProduct(ctx: DbContext, code: string, keys?: string): Promise<ProductDto> {
  const trimmed = code.trim()
  const tries = [...new Set([trimmed, latinDigits(trimmed), ...(keys === undefined ? [] : [keys.trim()])])].filter((c) => c !== '')
  return read(ctx, CATALOG_SQL, ({ sql }) => {
    let row: ReturnType<typeof sql.lookup> = undefined
    for (const attempt of tries) {
      row = sql.lookup({ code: attempt, upper: attempt.toUpperCase() })
      if (row) break
    }
    if (!row) throw new DomainError('NOT_FOUND', `No product with code '${trimmed}'`, { what: 'productCode', code: trimmed })
    return rowToDto(row)
  })
}

/**
 * Search as the cashier types. Tiers, each after the one before: (0) barcode or SKU equal to the
 * text; (1) name, SKU or barcode starting with it; (2) every word starting a word of the name, SKU,
 * barcode or tags; (3) every word inside one of them (`ilk` finds `Dairymilk`). Within a tier, by
 * name. Inactive products are not in the indexes and never returned. An empty query lists the
 * catalog by name.
 *
 * Matches are collected tier by tier in index order until SEARCH_TOTAL_CAP, so a search costs the
 * same however many products match; see SEARCH_TOTAL_CAP for what `total` means.
 */
export function searchProducts(ctx: DbContext, query: string | undefined, limit: number, offset: number): Promise<SearchResult> {
  const plan = planProductSearch(query)
  const pageLimit = Math.max(0, Math.min(limit, SEARCH_TOTAL_CAP - offset))
  return read(ctx, CATALOG_SQL, ({ sql }) => {
    if (!plan) {
      const total = sql.browseCount(SEARCH_TOTAL_CAP) ?? 0
      const rows = pageLimit > 0 ? sql.browse(pageLimit, offset) : []
      return { items: rows.map(rowToDto), total }
    }
    const hits = collectHits(sql, plan)
    if (hits.size === 0 || pageLimit === 0) return { items: [], total: hits.size }
    const rows = sql.page(JSON.stringify([...hits]), pageLimit, offset)
    return { items: rows.map(rowToDto), total: hits.size }
  })
}

/** Product id → tier of its best match; at most SEARCH_TOTAL_CAP of them, best tiers first. */
function collectHits(sql: CatalogSql, plan: ProductSearchPlan): Map<number, number> {
  const hits = new Map<number, number>()
  /** Adds a tier's ids; false once the cap is reached and later tiers cannot add anything. */
  const add = (tier: number, ids: readonly number[]): boolean => {
    for (const id of ids) {
      if (hits.size >= SEARCH_TOTAL_CAP) return false
      if (!hits.has(id)) hits.set(id, tier)
    }
    return hits.size < SEARCH_TOTAL_CAP
  }
  // Each tier reads up to the cap: even when the ids found before are all among them, it fills the cap.
  const cap = SEARCH_TOTAL_CAP
  if (!add(0, sql.exactCode({ code: plan.code, upper: plan.code.toUpperCase() }))) return hits
  if (plan.startsWith && !add(1, sql.words(plan.startsWith, cap))) return hits
  if (plan.allWords && !add(2, sql.words(plan.allWords, cap))) return hits
  if (plan.substring) {
    if (plan.substringShortWords) add(3, sql.substringAndWords(plan.substring, plan.substringShortWords, cap))
    else add(3, sql.substring(plan.substring, cap))
  }
  return hits
}
