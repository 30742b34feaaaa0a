/**
 * Stock's pure rules: what each reason may do to the shelf count, and the instants a store-local
 * day begins and ends. No database: tested directly.
 */
import type { STOCK_REASONS } from '#shared/contract/stock'

export type StockReason = (typeof STOCK_REASONS)[number]

/** How a person asked to change the stock: by a difference, or by the count on the shelf. */
export type StockChange = { delta: number } | { counted: number }

/**
 * What each reason may be, and why:
 * - `received`, `returned`: goods came in — a positive difference.
 * - `damaged`: goods went out — a negative difference, or a count below the recorded stock.
 * - `count`: the shelf was counted — the count (equal to the record is a count too: it confirms it).
 * - `correction`: a mistake put right — a difference either way, or a count.
 * Returns the difference to apply to `stock`, or null when the reason does not fit the change.
 */
export function stockDelta(reason: StockReason, change: StockChange, stock: number): number | null {
  const delta = 'delta' in change ? change.delta : change.counted - stock
  switch (reason) {
    case 'received':
    case 'returned':
      return 'delta' in change && delta > 0 ? delta : null
    case 'damaged':
      return delta < 0 ? delta : null
    case 'count':
      return 'counted' in change ? delta : null
    case 'correction':
      return delta
  }
}
