/**
 * The store-local calendar date of an instant: the store's time zone (a setting), not the
 * machine's, decides which day it belongs to. Pure (Intl only), so core's business days and the
 * receipt model's printed dates are the same function.
 */

const dayFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * The calendar date of `instant` in the store's time zone, `YYYY-MM-DD`. Formatters are kept per
 * zone: making one costs far more than using it, and checkout asks on every sale. An unknown zone
 * throws (settings refuse one).
 */
export function storeDate(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormats.set(timeZone, format)
  }
  const parts = format.formatToParts(instant)
  const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? ''
  return `${value('year')}-${value('month')}-${value('day')}`
}
