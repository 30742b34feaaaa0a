/**
 * Store-local calendar days: the store's time zone (a setting), not the machine's, decides which day
 * an instant belongs to and where a day begins (+05:45 in Kathmandu; 23- and 25-hour days elsewhere).
 */

import { storeDate } from '#shared/dates/store-date'

export { storeDate }

const offsetFormats = new Map<string, Intl.DateTimeFormat>()

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds (+05:45 in Kathmandu). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    offsetFormats.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]))
  const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!)
  return wall - Math.floor(instant / 1000) * 1000
}

const DAY_MS = 86_400_000

/** The store-local date (`YYYY-MM-DD`) of an instant. */
function wallDate(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 10)
}

/**
 * The instant a store-local day (`YYYY-MM-DD`) begins in `timeZone`: its first moment on the wall
 * clock (midnight, or the moment the clocks jump on a day whose midnight is skipped).
 */
export function storeDayStart(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number)
  const midnight = Date.UTC(year!, month! - 1, day!)
  // UTC = wall time − offset, with the zone's offset before or after any change of clocks near that
  // day; the earliest candidate that falls on the day is where it begins.
  const offsets = new Set([midnight - 2 * DAY_MS, midnight, midnight + 2 * DAY_MS].map((instant) => zoneOffsetMs(instant, timeZone)))
  const starts = [...offsets]
    .map((offset) => midnight - offset)
    .filter((instant) => wallDate(instant, timeZone) === date)
    .sort((a, b) => a - b)
  return new Date(starts[0] ?? midnight - zoneOffsetMs(midnight, timeZone))
}

/** The day after `date` (`YYYY-MM-DD`). */
export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year!, month! - 1, day! + 1)).toISOString().slice(0, 10)
}

/** From the start of `from` up to (not including) the start of the day after `to`: both days whole. */
export function storeDayRange(from: string | undefined, to: string | undefined, timeZone: string): { from?: Date; before?: Date } {
  return {
    ...(from ? { from: storeDayStart(from, timeZone) } : {}),
    ...(to ? { before: storeDayStart(nextDay(to), timeZone) } : {}),
  }
}
