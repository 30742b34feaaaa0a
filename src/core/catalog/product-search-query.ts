/**
 * Turns what a cashier typed into FTS5 MATCH expressions for the indexes of migration 0003. Pure: no
 * database, so every hostile input is tested here directly.
 *
 * Safety: every word the user typed reaches FTS5 only inside a double-quoted string (inner `"`
 * doubled), where FTS5 operators (`AND`, `OR`, `NOT`, `NEAR`, `*`, `^`, `:`, `-`, `+`, `(`, `)`,
 * `{}`) are plain text. The only syntax in an expression is what this module writes around those
 * strings. Control characters (NUL included) become spaces and invisible format characters and
 * broken UTF-16 are dropped, so the text FTS5 parses is always well formed.
 */

/** Words beyond this many are ignored: a search line is a few words, not a paragraph. */
export const MAX_SEARCH_WORDS = 12

/** The trigram index can only look for text of at least this many characters. */
export const TRIGRAM_MIN_LENGTH = 3

export interface ProductSearchPlan {
  /** The cleaned text, compared exactly with barcodes and SKUs (the first tier). */
  code: string
  /** Name, SKU or barcode starts with the text (`product_search`), or null if the text has no word characters. */
  startsWith: string | null
  /** Every word starts a word somewhere in name, SKU, barcode or tags (`product_search`). */
  allWords: string | null
  /** Every long word occurs inside name, SKU, barcode or tags (`product_substring`, trigrams). */
  substring: string | null
  /** With `substring`: the words too short for trigrams, which must still start a word (`product_search`). */
  substringShortWords: string | null
}

/** Unicode categories FTS5's unicode61 tokenizer keeps in words (plus `_`, declared as a token character). */
const WORD_CHARACTER = /[\p{L}\p{N}\p{Co}_]/u
const CONTROL = /\p{Cc}/gu
/** Zero-width spaces and joiners, bidi marks, soft hyphens, and lone surrogates: invisible or broken. */
const INVISIBLE = /[\p{Cf}\p{Cs}]/gu

/** The text as it will be searched: NFC, no control or invisible characters, single spaces, trimmed. */
export function cleanSearchText(text: string): string {
  return text.replace(CONTROL, ' ').replace(INVISIBLE, '').normalize('NFC').replace(/\s+/gu, ' ').trim()
}

/** An FTS5 string literal: whatever is inside is text, never syntax. */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`
}

/** Null for an empty search (the caller lists the catalog instead). */
export function planProductSearch(query: string | undefined): ProductSearchPlan | null {
  const code = cleanSearchText(query ?? '')
  if (!code) return null
  const words = code.split(' ').slice(0, MAX_SEARCH_WORDS)
  // A word with no word characters (`&`, `-`, `%`) cannot match a word; it can still match as a substring.
  const wordLike = words.filter((word) => WORD_CHARACTER.test(word))
  const long = words.filter((word) => [...word].length >= TRIGRAM_MIN_LENGTH)
  const short = wordLike.filter((word) => [...word].length < TRIGRAM_MIN_LENGTH)
  const prefixes = (list: string[]) => (list.length ? list.map((word) => `${ftsString(word)}*`).join(' AND ') : null)
  return {
    code,
    // One phrase anchored at the column start (`^`), its last token a prefix: "coca co" finds "Coca-Cola".
    startsWith: wordLike.length ? `{name sku barcode} : ^${ftsString(words.join(' '))}*` : null,
    allWords: prefixes(wordLike),
    substring: long.length ? long.map(ftsString).join(' AND ') : null,
    substringShortWords: long.length ? prefixes(short) : null,
  }
}
