/**
 * The catalog's pure rules: tags, category names and what an image file is. No database, no files:
 * tested directly.
 */

/** Tags as stored: trimmed, in the order given, the first spelling of each kept (`Vegan` and `vegan` are one tag). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const kept: string[] = []
  for (const tag of tags) {
    const trimmed = tag.trim()
    const key = tagKey(trimmed)
    if (!trimmed || seen.has(key)) continue
    seen.add(key)
    kept.push(trimmed)
  }
  return kept
}

/** How two tags compare: without case, as SQLite's NOCASE does (ASCII letters only). */
export function tagKey(tag: string): string {
  return tag.replace(/[A-Z]/g, (letter) => letter.toLowerCase())
}

/** `product.tags`: the tags joined by `|` (a tag never holds one), null for none. */
export function joinTags(tags: readonly string[]): string | null {
  return tags.length > 0 ? tags.join('|') : null
}

export function splitTags(joined: string | null): string[] {
  return joined ? joined.split('|').filter((tag) => tag !== '') : []
}

/** A category's key: two categories never differ only by case or surrounding spaces. */
export function categoryKey(name: string): string {
  return name.trim().toLowerCase()
}

export type ImageType = 'png' | 'jpg' | 'webp'

/**
 * The type of an image by its first bytes (its extension may say anything): PNG's signature,
 * JPEG's start-of-image marker, or a RIFF container of WebP. Null for anything else.
 */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  const starts = (offset: number, signature: readonly number[]) =>
    bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte)
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (starts(0, [0xff, 0xd8, 0xff])) return 'jpg'
  // "RIFF" <size> "WEBP"
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return 'webp'
  return null
}

/**
 * A LIKE pattern that matches `text` anywhere, literally: LIKE's own wildcards in it are escaped
 * (with `\`, so the query says `escape '\'`).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
