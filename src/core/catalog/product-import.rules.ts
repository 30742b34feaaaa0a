/**
 * What an import's rows mean for the catalog, as a pure function of the rows and what the database
 * holds for them: each row a create, an update or unchanged; a barcode another product keeps, an
 * error. The service reads the products and categories, calls planImport and writes the plan.
 */
import type { ImportErrorDto } from '#shared/contract/catalog'
import type { CsvRow } from './product-csv.rules'
import { categoryKey } from './products.rules'

/** What the import worker is given and what it answers (product-csv.worker.ts), in file order. */
export interface WorkerRequest {
  csv: string
}
export type WorkerReply =
  /** A batch of records as JSON text (`CsvRecords`). */
  | { kind: 'records'; json: string }
  /** A broken record (`badCsv`). */
  | { kind: 'broken'; error: ImportErrorDto }
  /** Forget the records so far: the file is read again from its start (csv-parse, for a file that is not plain). */
  | { kind: 'restart' }
  | { kind: 'progress'; done: number; total: number }
  /** Every record has been sent. */
  | { kind: 'done' }
  | { kind: 'failed'; message: string }

/** A product as the import compares it (matched by SKU, archived ones too). */
export interface ExistingProduct {
  id: number
  sku: string
  name: string
  priceCents: number
  barcode: string | null
  categoryId: number | null
  tags: string | null
  stock: number
  lowStockAt: number | null
  active: boolean
}

/** What the database holds for the file's SKUs, barcodes and category names. */
export interface ImportLookups {
  productsBySku: ReadonlyMap<string, ExistingProduct>
  /** The product holding each barcode the file names (one its row's own product holds may be left out). */
  barcodeOwners: ReadonlyMap<string, { id: number; sku: string }>
  /** Category id by key (`categoryKey`). */
  categoriesByKey: ReadonlyMap<string, number>
}

/** A product's values after the import. */
export interface ProductValues {
  sku: string
  name: string
  priceCents: number
  barcode: string | null
  /** The category's key (its id is known once new categories are written); undefined: the product keeps its own. */
  categoryKey: string | null | undefined
  /** Joined by `|` (null: none); undefined: the product keeps its own. */
  tags: string | null | undefined
  stock: number
  lowStockAt: number | null
  active: boolean
}

export interface PlannedUpdate {
  product: ExistingProduct
  values: ProductValues
  /** A column the search indexes cover changed (name, barcode, tags, archived): the product is indexed again. */
  indexed: boolean
  /** The tags changed: `product_tag` is written again. */
  tagsChanged: boolean
}

export interface ImportPlan {
  creates: ProductValues[]
  updates: PlannedUpdate[]
  unchanged: number
  /** Categories to create: key → the name as first written in the file. */
  newCategories: Map<string, string>
  /** Products whose barcode another row takes: cleared first, so the unique index never sees it twice. */
  barcodeReleases: number[]
  /** Barcodes other products keep (`takenByOther`). */
  errors: ImportErrorDto[]
}

/**
 * Plans an import. A row matches the product with exactly its SKU (after trimming: case counts, as
 * the unique index does). A column the file lacks leaves that field as it is; an empty `stock` cell
 * too. A barcode another product holds is an error unless the file gives that product another one.
 * Rows are planned in order, a slice at a time (core plans a big file in steps, answering the till
 * in between).
 */
export class ImportPlanner {
  readonly plan: ImportPlan = { creates: [], updates: [], unchanged: 0, newCategories: new Map(), barcodeReleases: [], errors: [] }
  /** The file's rows by SKU, made the first time a barcode another product holds needs them (most files never do). */
  #rowsBySku: Map<string, CsvRow> | null = null
  readonly #released = new Set<number>()
  readonly #keys = new Map<string, string>()

  constructor(
    readonly rows: readonly CsvRow[],
    readonly lookups: ImportLookups,
  ) {}

  /** Plans rows `start` to `end` (not included); call with consecutive slices. */
  planRows(start: number, end: number): void {
    for (let index = start; index < Math.min(end, this.rows.length); index += 1) this.#planRow(this.rows[index]!)
  }

  #categoryKey(name: string): string {
    let key = this.#keys.get(name)
    if (key === undefined) {
      key = categoryKey(name)
      this.#keys.set(name, key)
    }
    return key
  }

  #planRow(row: CsvRow): void {
    const { plan, lookups } = this
    const product = lookups.productsBySku.get(row.sku)
    if (row.barcode) {
      const owner = lookups.barcodeOwners.get(row.barcode)
      if (owner && owner.sku !== row.sku) {
        this.#rowsBySku ??= new Map(this.rows.map((fileRow) => [fileRow.sku, fileRow]))
        const ownersRow = this.#rowsBySku.get(owner.sku)
        // The owner keeps the barcode unless its own row names another one (or none).
        if (!ownersRow || ownersRow.barcode === undefined || ownersRow.barcode === row.barcode) {
          plan.errors.push({ line: row.line, column: 'barcode', problem: 'takenByOther', value: owner.sku })
          return
        }
        if (!this.#released.has(owner.id)) {
          this.#released.add(owner.id)
          plan.barcodeReleases.push(owner.id)
        }
      }
    }

    let key: string | null | undefined
    if (row.category !== undefined) {
      key = row.category === null ? null : this.#categoryKey(row.category)
      if (key !== null && !lookups.categoriesByKey.has(key) && !plan.newCategories.has(key)) plan.newCategories.set(key, row.category!)
    }

    if (!product) {
      plan.creates.push({
        sku: row.sku,
        name: row.name,
        priceCents: row.priceCents,
        barcode: row.barcode ?? null,
        categoryKey: key ?? null,
        tags: row.tags ?? null,
        stock: row.stock ?? 0,
        lowStockAt: row.lowStockAt ?? null,
        active: !(row.archived ?? false),
      })
      return
    }

    const tags = row.tags
    const tagsChanged = tags !== undefined && tags !== (product.tags || null)
    const values: ProductValues = {
      sku: product.sku,
      name: row.name,
      priceCents: row.priceCents,
      barcode: row.barcode === undefined ? product.barcode : row.barcode,
      categoryKey: key,
      tags,
      stock: row.stock ?? product.stock,
      lowStockAt: row.lowStockAt === undefined ? product.lowStockAt : row.lowStockAt,
      active: row.archived === undefined ? product.active : !row.archived,
    }
    const indexed = values.name !== product.name || values.barcode !== product.barcode || tagsChanged || values.active !== product.active
    const categoryChanged = key !== undefined && (key === null ? null : (lookups.categoriesByKey.get(key) ?? NEW)) !== product.categoryId
    const changed =
      indexed ||
      categoryChanged ||
      values.priceCents !== product.priceCents ||
      values.stock !== product.stock ||
      values.lowStockAt !== product.lowStockAt
    if (changed) plan.updates.push({ product, values, indexed, tagsChanged })
    else plan.unchanged += 1
  }
}

/** Plans every row at once. */
export function planImport(rows: readonly CsvRow[], lookups: ImportLookups): ImportPlan {
  const planner = new ImportPlanner(rows, lookups)
  planner.planRows(0, rows.length)
  return planner.plan
}

/** A category the store does not have yet: no product is in it. */
const NEW = -1

/** A row's category id once every category exists; a product keeps its own when the file has no category column. */
export function categoryIdOf(values: ProductValues, categories: ReadonlyMap<string, number>, current: number | null): number | null {
  if (values.categoryKey === undefined) return current
  if (values.categoryKey === null) return null
  const id = categories.get(values.categoryKey)
  if (id === undefined) throw new Error(`category '${values.categoryKey}' was not written`)
  return id
}

/** Errors of the file and of the plan together, in line order (the file's first on a line). */
export function mergeErrors(fileErrors: readonly ImportErrorDto[], planErrors: readonly ImportErrorDto[]): ImportErrorDto[] {
  if (planErrors.length === 0) return [...fileErrors]
  return [...fileErrors, ...planErrors].sort((a, b) => a.line - b.line)
}
