/**
 * The range the reports show, as the person moves either end: pure, so tested under Node. The
 * presets themselves come from `#shared/reports/report-days`, shared with core.
 */
import { addDays, daysInRange } from '#shared/reports/report-days'
import { MAX_REPORT_DAYS, type ReportRange } from '#shared/contract/reports'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A real calendar day (no 30 February): it survives the round trip through a date. */
function isDay(day: string): boolean {
  if (!DAY.test(day)) return false
  const time = Date.parse(`${day}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day
}

/**
 * The range after one end is typed or picked: ends that would cross move together, and a range
 * longer than reports answer is shortened from the other end. A day that is not one (an emptied
 * date field) changes nothing.
 */
export function rangeAfterDayChange(range: ReportRange, end: 'from' | 'to', day: string): ReportRange {
  if (!isDay(day)) return range
  const next = { ...range, [end]: day }
  if (next.from > next.to) {
    if (end === 'from') next.to = next.from
    else next.from = next.to
  }
  if (daysInRange(next.from, next.to) > MAX_REPORT_DAYS) {
    if (end === 'from') next.to = addDays(next.from, MAX_REPORT_DAYS - 1)
    else next.from = addDays(next.to, -(MAX_REPORT_DAYS - 1))
  }
  return next
}

/** The dashboard's days: today, the same weekday a week before, and the trend's days up to today. */
export function dashboardDays(today: string, trendDays: number): { today: string; lastWeek: string; trend: ReportRange } {
  return { today, lastWeek: addDays(today, -7), trend: { from: addDays(today, -(trendDays - 1)), to: today } }
}
