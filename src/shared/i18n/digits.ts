/**
 * The digits a keyboard types are not always 0-9: with a Nepali layout on, the number row gives
 * ०-९, and so does a barcode scanner, which types through whatever layout is on. What reads a typed
 * figure or a scanned code reads them as the same digits. Secrets (passwords, PINs) are never
 * changed: they are compared as typed.
 */

/** U+0966 DEVANAGARI DIGIT ZERO; the nine after it follow in order. */
const DEVANAGARI_ZERO = 0x0966

/** `text` with each Devanagari digit as its ASCII one; everything else as it was. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0966-\u096f]/g, (digit) => String(digit.charCodeAt(0) - DEVANAGARI_ZERO))
}
