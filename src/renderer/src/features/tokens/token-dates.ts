/**
 * Calendar days (YYYY-MM-DD, the store's own days) for the token screens: today in the store's
 * time zone, a year on, and a day as people read it. A day has no time of day, so it is
 * formatted at noon UTC and can never slip into the day before or after.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** The store's calendar day at `now`; the machine's own zone if the store's is unknown here. */
export function storeToday(now: Date, timeZone: string): string {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  } catch {
    format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' })
  }
  const part = (type: string) => format.formatToParts(now).find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** The same day a year later; 29 February becomes 28 February. */
export function yearAfter(day: string): string {
  const match = DAY.exec(day)
  if (!match) return day
  const [, year = '', month = '', date = ''] = match
  // The year after a leap year never is one.
  const fixedDate = month === '02' && date === '29' ? '28' : date
  return `${String(Number(year) + 1).padStart(4, '0')}-${month}-${fixedDate}`
}

/** "15 Mar 2027" (in the store's locale) for a calendar day: the one formatter every screen uses. */
export { dayFormatter } from '../../platform/i18n/format'

/** The calendar day an instant falls on in the store's time zone, as people read it. */
export function instantDayFormatter(locale: string, timeZone: string): (iso: string) => string {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })
  } catch {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  }
  return (iso) => format.format(new Date(iso))
}
