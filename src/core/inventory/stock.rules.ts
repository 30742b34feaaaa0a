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

const offsetFormats = new Map<string, Intl.DateTimeFormat>()

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds (+05:45 in Kathmandu). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    offsetFormats.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]))
  const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!)
  return wall - Math.floor(instant / 1000) * 1000
}

const DAY_MS = 86_400_000

/** The store-local date (`YYYY-MM-DD`) of an instant. */
function wallDate(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 10)
}

/**
 * The instant a store-local day (`YYYY-MM-DD`) begins in `timeZone`: its first moment on the wall
 * clock (midnight, or the moment the clocks jump on a day whose midnight is skipped).
 */
export function storeDayStart(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number)
  const midnight = Date.UTC(year!, month! - 1, day!)
  // UTC = wall time − offset, with the zone's offset before or after any change of clocks near that
  // day; the earliest candidate that falls on the day is where it begins.
  const offsets = new Set([midnight - 2 * DAY_MS, midnight, midnight + 2 * DAY_MS].map((instant) => zoneOffsetMs(instant, timeZone)))
  const starts = [...offsets]
    .map((offset) => midnight - offset)
    .filter((instant) => wallDate(instant, timeZone) === date)
    .sort((a, b) => a - b)
  return new Date(starts[0] ?? midnight - zoneOffsetMs(midnight, timeZone))
}

/** The day after `date` (`YYYY-MM-DD`). */
export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year!, month! - 1, day! + 1)).toISOString().slice(0, 10)
}

/** From the start of `from` up to (not including) the start of the day after `to`: both days whole. */
export function storeDayRange(from: string | undefined, to: string | undefined, timeZone: string): { from?: Date; before?: Date } {
  return {
    ...(from ? { from: storeDayStart(from, timeZone) } : {}),
    ...(to ? { before: storeDayStart(nextDay(to), timeZone) } : {}),
  }
}
