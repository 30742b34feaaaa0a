/**
 * Locale formatting of dates and file sizes, pure so store actions and tests can use it as well as
 * the screens. The locale is the store's (from `app:info`), not the browser's.
 */

export function dateTimeFormatter(locale: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return (iso) => format.format(new Date(iso))
}

const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const

/** "812 byte", "1.4 MB": decimal units (1 kB = 1000 bytes), as file managers show them. */
export function formatFileSize(bytes: number, locale: string): string {
  let value = bytes
  let unit = 0
  // 999,960 bytes would round to "1,000 kB": move up a unit once the rounded figure would reach 1000.
  while (unit < SIZE_UNITS.length - 1 && value >= (unit === 0 ? 1000 : 999.95)) {
    value /= 1000
    unit += 1
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: SIZE_UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value)
}

/** A share in basis points as a percent: 1300 → "13%", 550 → "5.5%", 1 → "0.01%". */
export function formatPercentBps(bps: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000)
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * "15 Mar 2027" (in the store's locale) for a calendar day (`YYYY-MM-DD`, the store's own day). A
 * day has no time of day, so it is formatted at noon UTC and can never slip into the day before or after.
 */
export function dayFormatter(locale: string): (day: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  return (day) => {
    const match = DAY.exec(day)
    if (!match) return day
    const [, year, month, date] = match
    return format.format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(date), 12)))
  }
}
