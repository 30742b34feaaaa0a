/** Pure rules of a token, shared by checkout (which spends it) and the manager's channels (which keep it). */
import { storeDate } from '#core/common/store-day'

/** A token as typed or scanned: surrounding spaces dropped, case folded (codes are stored lower-case). */
export function normalizeTokenCode(text: string): string {
  return text.trim().toLowerCase()
}

/** Valid through its expiry date inclusive: expired once the store's today is past it. */
export function isTokenExpired(expiresOn: string, now: Date, timeZone: string): boolean {
  return storeDate(now, timeZone) > expiresOn
}
