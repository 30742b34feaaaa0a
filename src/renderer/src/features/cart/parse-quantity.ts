/** Parses a quantity typed by the cashier: a whole number 0–99,999 (0 removes the line). */
export function parseQuantity(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '')
  if (!/^\d{1,6}$/.test(cleaned)) return null
  const value = Number(cleaned)
  return value <= 99_999 ? value : null
}
