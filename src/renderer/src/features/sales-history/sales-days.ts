/**
 * The history's day presets as store-local days (`YYYY-MM-DD`): today, yesterday, the last seven
 * days (today included), or every day. Pure, so tested under Node; "today" comes from the caller,
 * in the store's time zone.
 */

export const DAY_PRESETS = ['today', 'yesterday', 'week', 'all'] as const
export type DayPreset = (typeof DAY_PRESETS)[number]

export interface DayRange {
  /** Empty: no bound on that side. */
  readonly from: string
  readonly to: string
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** The day `days` before (or, negative, after) `day`, across months and years. */
export function daysBefore(day: string, days: number): string {
  const match = DAY.exec(day)
  if (!match) return day
  const [, year, month, date] = match
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(date) - days)).toISOString().slice(0, 10)
}

export function presetRange(preset: DayPreset, today: string): DayRange {
  switch (preset) {
    case 'today':
      return { from: today, to: today }
    case 'yesterday': {
      const yesterday = daysBefore(today, 1)
      return { from: yesterday, to: yesterday }
    }
    case 'week':
      return { from: daysBefore(today, 6), to: today }
    case 'all':
      return { from: '', to: '' }
  }
}

/** The preset these days are, if any (days typed by hand may happen to be one). */
export function presetOf(range: DayRange, today: string): DayPreset | null {
  return (
    DAY_PRESETS.find((preset) => {
      const days = presetRange(preset, today)
      return days.from === range.from && days.to === range.to
    }) ?? null
  )
}
