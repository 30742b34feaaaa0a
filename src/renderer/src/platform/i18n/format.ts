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
