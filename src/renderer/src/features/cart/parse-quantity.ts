import { latinDigits } from '#shared/i18n/digits'

/** Parses a quantity typed by the cashier: a whole number 0–99,999 (0 removes the line), in ASCII or Devanagari digits. */
export function parseQuantity(text: string): number | null {
  const cleaned = latinDigits(text).trim().replace(/,/g, '')
  if (!/^\d{1,6}$/.test(cleaned)) return null
  const value = Number(cleaned)
  return value <= 99_999 ? value : null
}
