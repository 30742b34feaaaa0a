/** The store's local calendar date of an instant, `YYYY-MM-DD` (the machine's time zone is the store's). */
export function localDate(instant: Date): string {
  const y = instant.getFullYear()
  const m = String(instant.getMonth() + 1).padStart(2, '0')
  const d = String(instant.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** Start of a local calendar day as an instant. */
export function startOfLocalDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1)
}

export function addDays(date: Date, days: number): Date {
  const next = new Date(date)
  next.setDate(next.getDate() + days)
  return next
}
