import type Database from 'better-sqlite3'
import type { EntityManager } from '@mikro-orm/sqlite'
import type { ProductDto } from '../../shared/contract'
import { nativeDatabase, prepared } from '../db/prepared'
import { DomainError } from '../domain-error'
import { planProductSearch, type ProductSearchPlan } from '../search/product-search-query'

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

interface ProductRow {
  id: number
  sku: string
  barcode: string | null
  name: string
  price_cents: number
  stock: number
}

function rowToDto(row: ProductRow): ProductDto {
  return { id: row.id, sku: row.sku, barcode: row.barcode, name: row.name, priceCents: row.price_cents, stock: row.stock }
}

const PRODUCT_COLUMNS = 'p.id, p.sku, p.barcode, p.name, p.price_cents, p.stock'

/** The indexes (`product_search`, `product_substring`) and the triggers that fill them are in migration 0003. */
const SQL = {
  /** A barcode equal to the code first, then a SKU equal to it, then a SKU equal to it upper-cased. */
  lookup: `select ${PRODUCT_COLUMNS} from product p where active and (barcode = @code or sku = @code or sku = @upper)
    order by barcode = @code desc, sku = @code desc limit 1`,
  exactCode: `select id from product where active and (barcode = @code or sku = @code or sku = @upper)
    order by barcode = @code desc, sku = @code desc, id`,
  words: 'select rowid from product_search where product_search match ? order by rowid limit ?',
  substring: 'select rowid from product_substring where product_substring match ? order by rowid limit ?',
  substringAndWords: `select rowid from product_substring where product_substring match ?
    and rowid in (select rowid from product_search where product_search match ?) order by rowid limit ?`,
  /** One page of the hits, given as [id, tier] pairs: by tier, then name, then id (a stable order). */
  page: `select ${PRODUCT_COLUMNS} from json_each(?) hit join product p on p.id = hit.value ->> 0
    where p.active order by hit.value ->> 1, p.name collate nocase, p.id limit ? offset ?`,
  /** The catalog along `product_name_index`. */
  browse: `select ${PRODUCT_COLUMNS} from product p where p.active order by p.name, p.id limit ? offset ?`,
  browseCount: 'select count(*) from (select 1 from product where active limit ?)',
} as const

async function statement(em: EntityManager, sql: string): Promise<Database.Statement> {
  return prepared(await nativeDatabase(em), sql)
}

/**
 * Exact barcode or SKU (SKUs compare case-insensitively, as printed labels vary). When a code is
 * both one product's barcode and another's SKU, the barcode wins: a scanner sends barcodes.
 */
export async function lookupProduct(em: EntityManager, code: string): Promise<ProductDto> {
  const trimmed = code.trim()
  const lookup = await statement(em, SQL.lookup)
  const row = lookup.get({ code: trimmed, upper: trimmed.toUpperCase() }) as ProductRow | undefined
  if (!row) throw new DomainError('NOT_FOUND', `No product with code '${trimmed}'`)
  return rowToDto(row)
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
export async function searchProducts(em: EntityManager, query: string | undefined, limit: number, offset: number): Promise<SearchResult> {
  const plan = planProductSearch(query)
  const pageLimit = Math.max(0, Math.min(limit, SEARCH_TOTAL_CAP - offset))

  if (!plan) {
    const total = (await statement(em, SQL.browseCount)).pluck().get(SEARCH_TOTAL_CAP) as number
    const rows = pageLimit > 0 ? ((await statement(em, SQL.browse)).all(pageLimit, offset) as ProductRow[]) : []
    return { items: rows.map(rowToDto), total }
  }

  const hits = await collectHits(em, plan)
  if (hits.size === 0 || pageLimit === 0) return { items: [], total: hits.size }
  const rows = (await statement(em, SQL.page)).all(JSON.stringify([...hits]), pageLimit, offset) as ProductRow[]
  return { items: rows.map(rowToDto), total: hits.size }
}

/** Product id → tier of its best match; at most SEARCH_TOTAL_CAP of them, best tiers first. */
async function collectHits(em: EntityManager, plan: ProductSearchPlan): Promise<Map<number, number>> {
  const hits = new Map<number, number>()
  /** Adds a tier's ids; false once the cap is reached and later tiers cannot add anything. */
  const add = async (tier: number, sql: string, ...params: unknown[]): Promise<boolean> => {
    for (const id of (await statement(em, sql)).pluck().all(...params) as number[]) {
      if (hits.size >= SEARCH_TOTAL_CAP) return false
      if (!hits.has(id)) hits.set(id, tier)
    }
    return hits.size < SEARCH_TOTAL_CAP
  }
  // Each tier reads up to the cap: even when the ids found before are all among them, it fills the cap.
  const cap = SEARCH_TOTAL_CAP
  if (!(await add(0, SQL.exactCode, { code: plan.code, upper: plan.code.toUpperCase() }))) return hits
  if (plan.startsWith && !(await add(1, SQL.words, plan.startsWith, cap))) return hits
  if (plan.allWords && !(await add(2, SQL.words, plan.allWords, cap))) return hits
  if (plan.substring) {
    if (plan.substringShortWords) await add(3, SQL.substringAndWords, plan.substring, plan.substringShortWords, cap)
    else await add(3, SQL.substring, plan.substring, cap)
  }
  return hits
}
