/**
 * Bikram Sambat (BS), Nepal's official calendar, for display only: what is stored stays an ISO
 * day. BS months do not follow a rule that can be computed ahead; each year's month lengths are
 * published from the almanac, so the converter works from a pinned table and answers `null` for
 * any day outside it rather than guess.
 *
 * The table. BS 2000 to 2083, the published years: opensource-nepal/node-nepali-datetime
 * (`src/dateConverter/constants.ts` at a9df0c2, BS 2082 updated to the published calendar),
 * identical year for year to medic/bikram-sambat (`js/src/index.js` at 1aabdf9, BS 2081 to 2083
 * checked against nepalipatro and hamropatro). The nepcal.com export in
 * mesaugat/bikram-sambat-anno-domini-fixtures (`export-minified.json` at 2c53032, day by day)
 * agrees on every year's length, so on every New Year's Day, and differs only in BS 2004 and 2062
 * (one day moved between two months; the table follows the two libraries) and in its own older
 * guess for 2082 and 2083. BS 2084 onwards is a projection (`BS_PROJECTED_FROM_YEAR`) until the
 * almanac for it comes out: 2084 to 2090 from medic/bikram-sambat, whose year lengths the nepcal
 * export and amitgaru2/nepali-datetime (`nepali_datetime/data/calendar_bs.csv` at b1de206) share;
 * 2091 to 2099 from node-nepali-datetime, because those two, the only others that reach so far,
 * give BS 2096 an impossible 364 days.
 *
 * A shop without updates would lose its BS dates once the published years run out, so a manager
 * adds each new year from the almanac in Settings (`BsYear`: its twelve month lengths, the
 * projection offered to start from); those years count as published for that store.
 */
import { toDevanagariDigits } from './nepali-format'

export interface BsDate {
  readonly year: number
  /** 1 (Baisakh) to 12 (Chaitra). */
  readonly month: number
  readonly day: number
}

/** Days in each month of BS 2000, 2001, … (Baisakh first). */
const MONTH_LENGTHS: readonly (readonly number[])[] = [
  [30, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], // 2000
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2001
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2002
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2003
  [30, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], // 2004
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2005
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2006
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2007
  [31, 31, 31, 32, 31, 31, 29, 30, 30, 29, 29, 31], // 2008
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2009
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2010
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2011
  [31, 31, 31, 32, 31, 31, 29, 30, 30, 29, 30, 30], // 2012
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2013
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2014
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2015
  [31, 31, 31, 32, 31, 31, 29, 30, 30, 29, 30, 30], // 2016
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2017
  [31, 32, 31, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2018
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], // 2019
  [31, 31, 31, 32, 31, 31, 30, 29, 30, 29, 30, 30], // 2020
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2021
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 30], // 2022
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], // 2023
  [31, 31, 31, 32, 31, 31, 30, 29, 30, 29, 30, 30], // 2024
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2025
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2026
  [30, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], // 2027
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2028
  [31, 31, 32, 31, 32, 30, 30, 29, 30, 29, 30, 30], // 2029
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2030
  [30, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], // 2031
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2032
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2033
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2034
  [30, 32, 31, 32, 31, 31, 29, 30, 30, 29, 29, 31], // 2035
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2036
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2037
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2038
  [31, 31, 31, 32, 31, 31, 29, 30, 30, 29, 30, 30], // 2039
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2040
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2041
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2042
  [31, 31, 31, 32, 31, 31, 29, 30, 30, 29, 30, 30], // 2043
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2044
  [31, 32, 31, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2045
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2046
  [31, 31, 31, 32, 31, 31, 30, 29, 30, 29, 30, 30], // 2047
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2048
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 30], // 2049
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], // 2050
  [31, 31, 31, 32, 31, 31, 30, 29, 30, 29, 30, 30], // 2051
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2052
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 30], // 2053
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], // 2054
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2055
  [31, 31, 32, 31, 32, 30, 30, 29, 30, 29, 30, 30], // 2056
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2057
  [30, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], // 2058
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2059
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2060
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2061
  [30, 32, 31, 32, 31, 31, 29, 30, 29, 30, 29, 31], // 2062
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2063
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2064
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2065
  [31, 31, 31, 32, 31, 31, 29, 30, 30, 29, 29, 31], // 2066
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2067
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2068
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2069
  [31, 31, 31, 32, 31, 31, 29, 30, 30, 29, 30, 30], // 2070
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2071
  [31, 32, 31, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2072
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2073
  [31, 31, 31, 32, 31, 31, 30, 29, 30, 29, 30, 30], // 2074
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2075
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 30], // 2076
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], // 2077
  [31, 31, 31, 32, 31, 31, 30, 29, 30, 29, 30, 30], // 2078
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2079
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 30], // 2080
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 30, 29, 31], // 2081
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2082
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2083
  [31, 31, 32, 31, 31, 30, 30, 30, 29, 30, 30, 30], // 2084
  [31, 32, 31, 32, 30, 31, 30, 30, 29, 30, 30, 30], // 2085
  [30, 32, 31, 32, 31, 30, 30, 30, 29, 30, 30, 30], // 2086
  [31, 31, 32, 31, 31, 31, 30, 30, 29, 30, 30, 30], // 2087
  [30, 31, 32, 32, 30, 31, 30, 30, 29, 30, 30, 30], // 2088
  [30, 32, 31, 32, 31, 30, 30, 30, 29, 30, 30, 30], // 2089
  [30, 32, 31, 32, 31, 30, 30, 30, 29, 30, 30, 30], // 2090
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2091
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2092
  [31, 31, 31, 32, 31, 31, 29, 30, 30, 29, 29, 31], // 2093
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2094
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2095
  [31, 32, 31, 32, 31, 30, 30, 30, 29, 29, 30, 31], // 2096
  [31, 31, 31, 32, 31, 31, 29, 30, 30, 29, 30, 30], // 2097
  [31, 31, 32, 31, 31, 31, 30, 29, 30, 29, 30, 30], // 2098
  [31, 31, 32, 32, 31, 30, 30, 29, 30, 29, 30, 30], // 2099
]

export const BS_FIRST_YEAR = 2000
export const BS_LAST_YEAR = BS_FIRST_YEAR + MONTH_LENGTHS.length - 1
/** The first year whose month lengths are a projection rather than the published calendar. */
export const BS_PROJECTED_FROM_YEAR = 2084

/** BS month names in Nepali, Baisakh first. */
export const BS_MONTHS_NE = ['बैशाख', 'जेठ', 'असार', 'साउन', 'भदौ', 'असोज', 'कात्तिक', 'मंसिर', 'पुस', 'माघ', 'फागुन', 'चैत'] as const

/** BS month names in English, Baisakh first. */
export const BS_MONTHS_EN = [
  'Baisakh',
  'Jestha',
  'Asar',
  'Shrawan',
  'Bhadra',
  'Asoj',
  'Kartik',
  'Mangsir',
  'Poush',
  'Magh',
  'Falgun',
  'Chaitra',
] as const

const DAY_MS = 86_400_000
/** BS 2000-01-01 (Baisakh 1) fell on 1943-04-14; days are counted from there. */
const ANCHOR_DAY = Date.UTC(1943, 3, 14) / DAY_MS

/**
 * A year of the calendar as the almanac (patro) publishes it: BS year and its twelve months' days,
 * Baisakh first. A store enters the years published after this table was pinned (Settings), so its
 * BS dates go on without an update of the app.
 */
export interface BsYear {
  readonly year: number
  readonly months: readonly number[]
}

/** The most years a store can add: up to the end of the table's projections. */
export const BS_YEARS_ADDED_MAX = BS_LAST_YEAR - BS_PROJECTED_FROM_YEAR + 1

/** Why a store's list of added years cannot be used; null when it can. */
export type BsYearsProblem = 'notNext' | 'monthLength' | 'yearLength' | 'tooMany'

/**
 * Years added by a store must follow the pinned table one after another (BS 2084, 2085, …: each
 * year's first day depends on every year before it), with months of 29 to 32 days and years of 365
 * or 366, as every published year has.
 */
export function bsYearsProblem(years: readonly BsYear[]): BsYearsProblem | null {
  if (years.length > BS_YEARS_ADDED_MAX) return 'tooMany'
  for (const [index, { year, months }] of years.entries()) {
    if (year !== BS_PROJECTED_FROM_YEAR + index) return 'notNext'
    if (months.length !== 12 || months.some((days) => !Number.isInteger(days) || days < 29 || days > 32)) return 'monthLength'
    const days = months.reduce((sum, length) => sum + length, 0)
    if (days !== 365 && days !== 366) return 'yearLength'
  }
  return null
}

/** The table's projection of a year after the published ones (to start a store's entry from), or null. */
export function projectedBsYear(year: number): BsYear | null {
  if (year < BS_PROJECTED_FROM_YEAR || year > BS_LAST_YEAR) return null
  return { year, months: MONTH_LENGTHS[year - BS_FIRST_YEAR]! }
}

/** The last BS year whose calendar is published: the table's, and then the years a store added. */
export function bsPublishedThrough(added: readonly BsYear[] = []): number {
  return BS_PROJECTED_FROM_YEAR - 1 + (bsYearsProblem(added) === null ? added.length : 0)
}

interface Calendar {
  readonly months: readonly (readonly number[])[]
  /** Days from the anchor to each year's Baisakh 1; the last entry is the day after the table. */
  readonly starts: readonly number[]
}

function calendarOf(months: readonly (readonly number[])[]): Calendar {
  const starts = months.reduce<number[]>((list, year) => [...list, list.at(-1)! + year.reduce((sum, days) => sum + days, 0)], [0])
  return { months, starts }
}

const PINNED = calendarOf(MONTH_LENGTHS)
/** The calendars of the last few lists of added years (a store has one; tests a handful). */
const WITH_ADDED = new Map<string, Calendar>()

/** The pinned table with a store's added years in place of the projections (a list not usable adds nothing). */
function calendarWith(added: readonly BsYear[]): Calendar {
  if (added.length === 0 || bsYearsProblem(added) !== null) return PINNED
  const key = JSON.stringify(added.map((year) => year.months))
  let calendar = WITH_ADDED.get(key)
  if (!calendar) {
    const from = BS_PROJECTED_FROM_YEAR - BS_FIRST_YEAR
    calendar = calendarOf([
      ...MONTH_LENGTHS.slice(0, from),
      ...added.map((year) => year.months),
      ...MONTH_LENGTHS.slice(from + added.length),
    ])
    if (WITH_ADDED.size >= 8) WITH_ADDED.clear()
    WITH_ADDED.set(key, calendar)
  }
  return calendar
}

/** Days in a BS month, or null when the table has no such month. */
export function bsMonthLength(year: number, month: number, added: readonly BsYear[] = []): number | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) return null
  return calendarWith(added).months[year - BS_FIRST_YEAR]?.[month - 1] ?? null
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 of a real `YYYY-MM-DD` day, or null (2026-02-30 is not one). */
function epochDay(isoDay: string): number | null {
  const match = ISO_DAY.exec(isoDay)
  if (!match) return null
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const at = new Date(Date.UTC(year, month - 1, day))
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null
  return at.getTime() / DAY_MS
}

/**
 * The BS date of a Gregorian day (`YYYY-MM-DD`), or null when it is not a day or not in the table
 * (with `added`, a store's years in place of the projections).
 */
export function toBikramSambat(isoDay: string, added: readonly BsYear[] = []): BsDate | null {
  const day = epochDay(isoDay)
  if (day === null) return null
  const { months: table, starts } = calendarWith(added)
  let rest = day - ANCHOR_DAY
  if (rest < 0 || rest >= starts.at(-1)!) return null
  let index = 0
  while (rest >= starts[index + 1]!) index += 1
  rest -= starts[index]!
  const months = table[index]!
  let month = 0
  while (rest >= months[month]!) {
    rest -= months[month]!
    month += 1
  }
  return { year: BS_FIRST_YEAR + index, month: month + 1, day: rest + 1 }
}

/** The Gregorian day (`YYYY-MM-DD`) of a BS date, or null when no such date is in the table. */
export function fromBikramSambat({ year, month, day }: BsDate, added: readonly BsYear[] = []): string | null {
  const length = bsMonthLength(year, month, added)
  if (length === null || !Number.isInteger(day) || day < 1 || day > length) return null
  const { months: table, starts } = calendarWith(added)
  const months = table[year - BS_FIRST_YEAR]!
  const offset = starts[year - BS_FIRST_YEAR]! + months.slice(0, month - 1).reduce((sum, days) => sum + days, 0) + day - 1
  return new Date((ANCHOR_DAY + offset) * DAY_MS).toISOString().slice(0, 10)
}

export interface BikramSambatFormatOptions {
  /** `deva`: "२०८२ फागुन ३"; `latn`: "2082 Falgun 3". */
  digits: 'deva' | 'latn'
  /** A store's added years (see BsYear). */
  added?: readonly BsYear[]
}

/**
 * A Gregorian day (`YYYY-MM-DD`) as its BS date, year first: "२०८२ फागुन ३" or "2082 Falgun 3".
 * Null outside the table, so a screen or receipt leaves the BS date out rather than print a wrong one.
 */
export function formatBikramSambat(isoDay: string, { digits, added = [] }: BikramSambatFormatOptions): string | null {
  const date = toBikramSambat(isoDay, added)
  if (!date) return null
  if (digits === 'latn') return `${date.year} ${BS_MONTHS_EN[date.month - 1]} ${date.day}`
  return toDevanagariDigits(`${date.year} ${BS_MONTHS_NE[date.month - 1]} ${date.day}`)
}

/**
 * The BS date as a screen or receipt adds it beside the Gregorian one — "वि.सं. २०८२ फागुन ३" in
 * Nepali, "BS 2082 Falgun 3" in English — only where the calendar is published, in the table or in
 * the years the store added from its almanac: from there on the sources disagree, and a shop's paper
 * must not carry a date that may be a day out. Null then (and outside the table): the BS date is
 * simply left off.
 */
export function bikramSambatNote(isoDay: string, language: 'en' | 'ne', added: readonly BsYear[] = []): string | null {
  const text = publishedBikramSambat(isoDay, language, added)
  return text === null ? null : language === 'ne' ? `वि.सं. ${text}` : `BS ${text}`
}

/** "२०८२ चैत १" / "2082 Chaitra 1" where the calendar is published (see bikramSambatNote), else null. */
export function publishedBikramSambat(isoDay: string, language: 'en' | 'ne', added: readonly BsYear[] = []): string | null {
  const date = toBikramSambat(isoDay, added)
  if (!date || date.year > bsPublishedThrough(added)) return null
  return formatBikramSambat(isoDay, { digits: language === 'ne' ? 'deva' : 'latn', added })
}
