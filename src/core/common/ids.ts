import { randomUUID } from 'node:crypto'

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Every fact row carries one,
 * so rows from many tills can be merged later without clashing, and they sort by time of writing.
 * The random bits are a v4 UUID's (Node draws those from a pooled buffer: a CSV import writes a
 * movement per product, and a random draw per call cost more than the rest of the row).
 */
export function uuidv7(at: Date = new Date()): string {
  const ms = at.getTime()
  if (ms !== lastMs) {
    const time = ms.toString(16).padStart(12, '0')
    lastMs = ms
    lastPrefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`
  }
  const random = randomUUID()
  // A v4's random `xxx` after its version digit and its variant group stay: 12 + 62 random bits.
  return lastPrefix + random.slice(15)
}

/** The time part of the last UUID made (an import writes thousands in one millisecond). */
let lastMs = Number.NaN
let lastPrefix = ''

/** The time a UUIDv7 was made at. */
export function uuidv7Time(uid: string): Date {
  return new Date(Number.parseInt(uid.replace(/-/g, '').slice(0, 12), 16))
}
