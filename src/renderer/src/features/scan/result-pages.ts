/**
 * Search results fetched page by page (limit/offset) into one sparse list, as the cashier scrolls
 * or arrows through them. Pure, so it is tested under Node.
 */

/** A list with holes where pages have not arrived yet. */
export type SparseRows<T> = readonly (T | undefined)[]

export interface PageNeed<T> {
  /** First row wanted. */
  readonly from: number
  /** One past the last row wanted. */
  readonly to: number
  readonly pageSize: number
  /** Rows in the whole answer. */
  readonly total: number
  readonly rows: SparseRows<T>
  /** Pages already asked for (answered or not). */
  readonly requested: ReadonlySet<number>
}

/** The pages (by number: page n holds rows n·pageSize…) to fetch so rows from…to are loaded. */
export function missingPages<T>({ from, to, pageSize, total, rows, requested }: PageNeed<T>): number[] {
  const first = Math.max(0, from)
  const last = Math.min(total, to) - 1
  if (last < first || pageSize <= 0) return []
  const pages: number[] = []
  for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page += 1) {
    if (requested.has(page)) continue
    const end = Math.min(total, (page + 1) * pageSize)
    for (let index = page * pageSize; index < end; index += 1) {
      if (rows[index] === undefined) {
        pages.push(page)
        break
      }
    }
  }
  return pages
}

/** The rows with a page's items put in at `offset`. */
export function withPage<T>(rows: SparseRows<T>, offset: number, items: readonly T[]): SparseRows<T> {
  const next = rows.slice()
  for (let index = next.length; index < offset; index += 1) next[index] = undefined
  items.forEach((item, index) => {
    next[offset + index] = item
  })
  return next
}
