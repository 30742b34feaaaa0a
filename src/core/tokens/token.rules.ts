/** Pure rules of a token, shared by checkout (which spends it) and the manager's channels (which keep it). */

/** A token as typed or scanned: surrounding spaces dropped, case folded (codes are stored lower-case). */
export function normalizeTokenCode(text: string): string {
  return text.trim().toLowerCase()
}

const dayFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * The calendar date of `instant` in the store's time zone, `YYYY-MM-DD`. Formatters are kept per
 * zone: making one costs far more than using it, and checkout asks on every token sale.
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

/** Valid through its expiry date inclusive: expired once the store's today is past it. */
export function isTokenExpired(expiresOn: string, now: Date, timeZone: string): boolean {
  return storeDate(now, timeZone) > expiresOn
}
