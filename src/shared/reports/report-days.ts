/**
 * Business days as the reports count them (DESIGN §3.5): `YYYY-MM-DD` strings of the store's own
 * calendar, so the same arithmetic holds in core and on the screen. Pure date arithmetic in UTC:
 * a business day is a label here, never an instant.
 */

export const REPORT_PRESETS = ['today', 'yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth'] as const
export type ReportPreset = (typeof REPORT_PRESETS)[number]

const DAY_MS = 86_400_000

function utc(date: string): number {
  const [year, month, day] = date.split('-').map(Number)
  return Date.UTC(year!, month! - 1, day!)
}

const iso = (time: number) => new Date(time).toISOString().slice(0, 10)

/** `date` moved by `days` (negative: back). */
export function addDays(date: string, days: number): string {
  return iso(utc(date) + days * DAY_MS)
}

/** Days from `from` to `to`, both counted: 1 for a single day. */
export function daysInRange(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS) + 1
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(utc(date)).getUTCDay()
}

/** Regions whose week starts on Sunday (CLDR `firstDay`); elsewhere Monday. Nepal and India start on Sunday. */
const SUNDAY_FIRST = new Set(['NP', 'IN', 'US', 'CA', 'JP', 'BR', 'MX', 'PH', 'IL', 'KR', 'TW', 'HK', 'ZA', 'PK', 'BD', 'BT', 'AU'])

/** The first day of the week in the store's locale (0 Sunday, 1 Monday), from its region. */
export function firstDayOfWeek(locale: string): 0 | 1 {
  const region = locale.split('-').find((part, index) => index > 0 && /^[A-Z]{2}$/.test(part))
  return region && SUNDAY_FIRST.has(region) ? 0 : 1
}

/** The first day of the week that holds `date`. */
export function weekStart(date: string, firstDay: 0 | 1): string {
  return addDays(date, -((weekdayOf(date) - firstDay + 7) % 7))
}

/** The first day of the month that holds `date`. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** The last day of the month that holds `date`. */
export function monthEnd(date: string): string {
  const [year, month] = date.split('-').map(Number)
  return iso(Date.UTC(year!, month!, 0))
}

/** A preset's range, both days included, for a store whose today is `today`. "This week/month" run up to today. */
export function presetRange(preset: ReportPreset, today: string, firstDay: 0 | 1): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: today, to: today }
    case 'yesterday': {
      const day = addDays(today, -1)
      return { from: day, to: day }
    }
    case 'thisWeek':
      return { from: weekStart(today, firstDay), to: today }
    case 'lastWeek': {
      const from = addDays(weekStart(today, firstDay), -7)
      return { from, to: addDays(from, 6) }
    }
    case 'thisMonth':
      return { from: monthStart(today), to: today }
    case 'lastMonth': {
      const last = addDays(monthStart(today), -1)
      return { from: monthStart(last), to: last }
    }
  }
}

/** The buckets of a range, each clipped to it: days, weeks (from the week's first day) or calendar months. */
export function bucketsOf(from: string, to: string, bucket: 'day' | 'week' | 'month', firstDay: 0 | 1): { from: string; to: string }[] {
  const buckets: { from: string; to: string }[] = []
  let start = from
  while (start <= to) {
    const end = bucket === 'day' ? start : bucket === 'week' ? addDays(weekStart(start, firstDay), 6) : monthEnd(start)
    const clipped = end < to ? end : to
    buckets.push({ from: start, to: clipped })
    start = addDays(clipped, 1)
  }
  return buckets
}
