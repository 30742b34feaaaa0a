import { randomBytes } from 'node:crypto'

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Every fact row carries one,
 * so rows from many tills can be merged later without clashing, and they sort by time of writing.
 */
export function uuidv7(at: Date = new Date()): string {
  const bytes = randomBytes(16)
  const ms = BigInt(at.getTime())
  for (let i = 0; i < 6; i += 1) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn)
  bytes[6] = 0x70 | (bytes[6]! & 0x0f)
  bytes[8] = 0x80 | (bytes[8]! & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The time a UUIDv7 was made at. */
export function uuidv7Time(uid: string): Date {
  return new Date(Number.parseInt(uid.replace(/-/g, '').slice(0, 12), 16))
}
