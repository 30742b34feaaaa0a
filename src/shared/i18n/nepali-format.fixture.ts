/**
 * Expected Nepali formatting, shared by the unit tests (Node) and the e2e check in Chromium, so
 * both engines are held to the same table. Cases are plain data (they cross into the page as JSON):
 * a function's name, its arguments and what it must return.
 */
import type * as BikramSambat from './bikram-sambat'
import type { BsDate } from './bikram-sambat'
import type * as NepaliFormat from './nepali-format'

export type NepaliI18nApi = typeof NepaliFormat & typeof BikramSambat

type FunctionName = {
  [K in keyof NepaliI18nApi]: NepaliI18nApi[K] extends (...args: never[]) => unknown ? K : never
}[keyof NepaliI18nApi]

export interface NepaliCase {
  readonly name: string
  readonly fn: FunctionName
  readonly args: readonly unknown[]
  /** For a formatter factory (`nepaliDayFormatter`): the arguments of the function it returns. */
  readonly then?: readonly unknown[]
  readonly expected: unknown
}

/** Runs one case against an implementation: the modules in Node, the bundle in the browser. */
export function runNepaliCase(api: NepaliI18nApi, testCase: NepaliCase): unknown {
  const fn = api[testCase.fn] as (...args: readonly unknown[]) => unknown
  const result = fn(...testCase.args)
  return testCase.then ? (result as (...args: readonly unknown[]) => unknown)(...testCase.then) : result
}

const NBSP = '\u00a0'
const npr = { currency: 'NPR' }

const MONEY: readonly NepaliCase[] = [
  { name: 'NPR in lakhs', fn: 'formatNepaliMoney', args: [12_345_678, npr], expected: `रु.${NBSP}१,२३,४५६.७८` },
  { name: 'NPR negative', fn: 'formatNepaliMoney', args: [-5_000, npr], expected: `-रु.${NBSP}५०.००` },
  { name: 'NPR zero', fn: 'formatNepaliMoney', args: [0, npr], expected: `रु.${NBSP}०.००` },
  { name: 'NPR paisa only', fn: 'formatNepaliMoney', args: [5, npr], expected: `रु.${NBSP}०.०५` },
  { name: 'NPR under a thousand', fn: 'formatNepaliMoney', args: [99_999, npr], expected: `रु.${NBSP}९९९.९९` },
  { name: 'NPR in crores', fn: 'formatNepaliMoney', args: [1_000_000_000, npr], expected: `रु.${NBSP}१,००,००,०००.००` },
  {
    name: 'NPR past float precision',
    fn: 'formatNepaliMoney',
    args: [Number.MAX_SAFE_INTEGER, npr],
    expected: `रु.${NBSP}९,००,७१,९९,२५,४७,४०९.९१`,
  },
  {
    name: 'NPR most negative',
    fn: 'formatNepaliMoney',
    args: [Number.MIN_SAFE_INTEGER, npr],
    expected: `-रु.${NBSP}९,००,७१,९९,२५,४७,४०९.९१`,
  },
  { name: 'NPR with 0 decimals', fn: 'formatNepaliMoney', args: [1_250, { ...npr, currencyDecimals: 0 }], expected: `रु.${NBSP}१,२५०` },
  { name: 'NPR with 3 decimals', fn: 'formatNepaliMoney', args: [1_250, { ...npr, currencyDecimals: 3 }], expected: `रु.${NBSP}१.२५०` },
  { name: 'USD', fn: 'formatNepaliMoney', args: [123_456, { currency: 'USD' }], expected: '$१,२३४.५६' },
  { name: 'USD negative', fn: 'formatNepaliMoney', args: [-123_456, { currency: 'USD' }], expected: '-$१,२३४.५६' },
  { name: 'INR', fn: 'formatNepaliMoney', args: [12_345_678, { currency: 'INR' }], expected: '₹१,२३,४५६.७८' },
  { name: 'JPY, no minor digits', fn: 'formatNepaliMoney', args: [1_000, { currency: 'JPY' }], expected: 'JP¥१,०००' },
  { name: 'KWD, 3 minor digits', fn: 'formatNepaliMoney', args: [1_234_567, { currency: 'KWD' }], expected: `KWD${NBSP}१,२३४.५६७` },
  { name: 'KWD negative', fn: 'formatNepaliMoney', args: [-1_234_567, { currency: 'KWD' }], expected: `-KWD${NBSP}१,२३४.५६७` },
]

const NUMBERS: readonly NepaliCase[] = [
  { name: 'number in lakhs', fn: 'formatNepaliNumber', args: [12_345_678.5], expected: '१,२३,४५,६७८.५' },
  { name: 'negative number', fn: 'formatNepaliNumber', args: [-1_500], expected: '-१,५००' },
  { name: 'zero', fn: 'formatNepaliNumber', args: [0], expected: '०' },
  { name: 'three decimals at most', fn: 'formatNepaliNumber', args: [2.3456], expected: '२.३४६' },
  { name: 'digits in text', fn: 'toDevanagariDigits', args: ['Till 2, 2026-03-15 10:00'], expected: 'Till २, २०२६-०३-१५ १०:००' },
  { name: 'percent, whole', fn: 'formatNepaliPercentBps', args: [1_300], expected: '१३%' },
  { name: 'percent, half', fn: 'formatNepaliPercentBps', args: [550], expected: '५.५%' },
  { name: 'percent, one basis point', fn: 'formatNepaliPercentBps', args: [1], expected: '०.०१%' },
]

const MONTH_DAYS: readonly (readonly [string, string])[] = [
  ['2026-01-01', '१ जनवरी २०२६'],
  ['2024-02-29', '२९ फेब्रुअरी २०२४'],
  ['2026-03-15', '१५ मार्च २०२६'],
  ['2026-04-30', '३० अप्रिल २०२६'],
  ['2026-05-01', '१ मे २०२६'],
  ['2026-06-10', '१० जुन २०२६'],
  ['2026-07-20', '२० जुलाई २०२६'],
  ['2026-08-31', '३१ अगस्ट २०२६'],
  ['2026-09-09', '९ सेप्टेम्बर २०२६'],
  ['2026-10-18', '१८ अक्टोबर २०२६'],
  ['2026-11-17', '१७ नोभेम्बर २०२६'],
  ['2026-12-31', '३१ डिसेम्बर २०२६'],
]

/** 2026-03-15 was a Sunday. */
const WEEK_DAYS: readonly (readonly [string, string])[] = [
  ['2026-03-15', 'आइतबार, १५ मार्च २०२६'],
  ['2026-03-16', 'सोमबार, १६ मार्च २०२६'],
  ['2026-03-17', 'मंगलबार, १७ मार्च २०२६'],
  ['2026-03-18', 'बुधबार, १८ मार्च २०२६'],
  ['2026-03-19', 'बिहीबार, १९ मार्च २०२६'],
  ['2026-03-20', 'शुक्रबार, २० मार्च २०२६'],
  ['2026-03-21', 'शनिबार, २१ मार्च २०२६'],
]

const DATES: readonly NepaliCase[] = [
  ...MONTH_DAYS.map(([day, expected]): NepaliCase => ({ name: `day ${day}`, fn: 'nepaliDayFormatter', args: [], then: [day], expected })),
  ...WEEK_DAYS.map(([day, expected]): NepaliCase => ({
    name: `weekday ${day}`,
    fn: 'nepaliDayFormatter',
    args: [{ weekday: true }],
    then: [day],
    expected,
  })),
  { name: 'not a day', fn: 'nepaliDayFormatter', args: [], then: ['15/03/2026'], expected: '15/03/2026' },
  {
    name: 'instant in Kathmandu',
    fn: 'nepaliDateTimeFormatter',
    args: ['Asia/Kathmandu'],
    then: ['2026-03-15T10:00:00+05:45'],
    expected: '१५ मार्च २०२६, १०:००',
  },
  {
    name: 'midnight in Kathmandu is 00:00 of the new day',
    fn: 'nepaliDateTimeFormatter',
    args: ['Asia/Kathmandu'],
    then: ['2026-03-14T18:15:00Z'],
    expected: '१५ मार्च २०२६, ००:००',
  },
  {
    name: 'instant in UTC',
    fn: 'nepaliDateTimeFormatter',
    args: ['UTC'],
    then: ['2026-03-15T10:00:00+05:45'],
    expected: '१५ मार्च २०२६, ०४:१५',
  },
  {
    name: 'afternoon on a 24-hour clock',
    fn: 'nepaliDateTimeFormatter',
    args: ['Asia/Kathmandu'],
    then: ['2026-12-31T17:59:00+05:45'],
    expected: '३१ डिसेम्बर २०२६, १७:५९',
  },
  { name: 'not an instant', fn: 'nepaliDateTimeFormatter', args: ['Asia/Kathmandu'], then: ['soon'], expected: 'soon' },
]

/**
 * Gregorian days and their BS dates as published: `source` says where each pair is from. "nepcal"
 * is the nepcal.com export in mesaugat/bikram-sambat-anno-domini-fixtures; "medic" is
 * medic/bikram-sambat's `test-data/toBik_euro.json`, checked against nepalipatro and hamropatro.
 */
export const BIKRAM_SAMBAT_PAIRS: readonly { readonly ad: string; readonly bs: BsDate; readonly source: string }[] = [
  { ad: '1943-04-14', bs: { year: 2000, month: 1, day: 1 }, source: 'the epoch every source counts from' },
  { ad: '1943-10-01', bs: { year: 2000, month: 6, day: 15 }, source: 'nepcal' },
  { ad: '1950-04-13', bs: { year: 2007, month: 1, day: 1 }, source: 'medic' },
  { ad: '1976-12-15', bs: { year: 2033, month: 9, day: 1 }, source: 'nepcal' },
  { ad: '1993-08-17', bs: { year: 2050, month: 5, day: 1 }, source: 'nepcal' },
  { ad: '2014-01-31', bs: { year: 2070, month: 10, day: 17 }, source: 'nepcal' },
  { ad: '2020-04-12', bs: { year: 2076, month: 12, day: 30 }, source: 'nepcal' },
  { ad: '2023-04-14', bs: { year: 2080, month: 1, day: 1 }, source: 'New Year 2080, medic and nepcal' },
  { ad: '2024-04-13', bs: { year: 2081, month: 1, day: 1 }, source: 'New Year 2081, medic and nepcal' },
  { ad: '2025-04-14', bs: { year: 2082, month: 1, day: 1 }, source: 'New Year 2082, medic and nepcal' },
  { ad: '2025-10-18', bs: { year: 2082, month: 7, day: 1 }, source: 'medic' },
  { ad: '2025-11-17', bs: { year: 2082, month: 8, day: 1 }, source: 'medic' },
  { ad: '2026-01-15', bs: { year: 2082, month: 10, day: 1 }, source: 'medic' },
  { ad: '2026-02-13', bs: { year: 2082, month: 11, day: 1 }, source: 'medic' },
  { ad: '2026-03-15', bs: { year: 2082, month: 12, day: 1 }, source: 'medic' },
  { ad: '2026-04-14', bs: { year: 2083, month: 1, day: 1 }, source: 'New Year 2083, medic and nepcal' },
  { ad: '2026-06-04', bs: { year: 2083, month: 2, day: 21 }, source: 'medic (its 2083 correction)' },
  { ad: '2026-09-17', bs: { year: 2083, month: 6, day: 1 }, source: 'medic' },
  { ad: '2026-10-18', bs: { year: 2083, month: 7, day: 1 }, source: 'medic' },
  { ad: '2026-12-16', bs: { year: 2083, month: 9, day: 1 }, source: 'medic' },
  { ad: '2027-03-15', bs: { year: 2083, month: 12, day: 1 }, source: 'medic' },
  { ad: '2043-04-13', bs: { year: 2099, month: 12, day: 30 }, source: 'nepcal, the last day of the table' },
]

const BIKRAM_SAMBAT: readonly NepaliCase[] = [
  ...BIKRAM_SAMBAT_PAIRS.flatMap(({ ad, bs, source }): NepaliCase[] => [
    { name: `${ad} → BS (${source})`, fn: 'toBikramSambat', args: [ad], expected: bs },
    { name: `BS → ${ad} (${source})`, fn: 'fromBikramSambat', args: [bs], expected: ad },
  ]),
  { name: 'the day before the table', fn: 'toBikramSambat', args: ['1943-04-13'], expected: null },
  { name: 'the day after the table', fn: 'toBikramSambat', args: ['2043-04-14'], expected: null },
  { name: 'a day that does not exist', fn: 'toBikramSambat', args: ['2026-02-30'], expected: null },
  { name: 'not a day', fn: 'toBikramSambat', args: ['2026-3-15'], expected: null },
  { name: 'BS year before the table', fn: 'fromBikramSambat', args: [{ year: 1999, month: 12, day: 30 }], expected: null },
  { name: 'BS year after the table', fn: 'fromBikramSambat', args: [{ year: 2100, month: 1, day: 1 }], expected: null },
  { name: 'BS month 13', fn: 'fromBikramSambat', args: [{ year: 2082, month: 13, day: 1 }], expected: null },
  { name: 'BS month 0', fn: 'fromBikramSambat', args: [{ year: 2082, month: 0, day: 1 }], expected: null },
  { name: 'BS day 0', fn: 'fromBikramSambat', args: [{ year: 2082, month: 1, day: 0 }], expected: null },
  {
    name: 'BS day past the month (Baisakh 2082 has 31)',
    fn: 'fromBikramSambat',
    args: [{ year: 2082, month: 1, day: 32 }],
    expected: null,
  },
  { name: 'BS fractional day', fn: 'fromBikramSambat', args: [{ year: 2082, month: 1, day: 1.5 }], expected: null },
  { name: 'BS in Devanagari', fn: 'formatBikramSambat', args: ['2026-02-15', { digits: 'deva' }], expected: '२०८२ फागुन ३' },
  { name: 'BS in Latin digits', fn: 'formatBikramSambat', args: ['2026-02-15', { digits: 'latn' }], expected: '2082 Falgun 3' },
  { name: 'BS of the e2e clock day', fn: 'formatBikramSambat', args: ['2026-03-15', { digits: 'deva' }], expected: '२०८२ चैत १' },
  { name: 'BS New Year', fn: 'formatBikramSambat', args: ['2026-04-14', { digits: 'deva' }], expected: '२०८३ बैशाख १' },
  { name: 'BS Kartik', fn: 'formatBikramSambat', args: ['2026-11-16', { digits: 'latn' }], expected: '2083 Kartik 30' },
  { name: 'BS outside the table', fn: 'formatBikramSambat', args: ['2050-01-01', { digits: 'deva' }], expected: null },
]

export const NEPALI_CASES: readonly NepaliCase[] = [...MONEY, ...NUMBERS, ...DATES, ...BIKRAM_SAMBAT]

/**
 * Walks every day of the BS table and returns what is wrong (empty when nothing): each Gregorian
 * day converts and back, and each day is the BS day after the one before, so the converter never
 * skips or repeats a date. Runs in Node and in the browser alike.
 */
export function bikramSambatRangeProblems(api: NepaliI18nApi): string[] {
  const problems: string[] = []
  const first = api.fromBikramSambat({ year: api.BS_FIRST_YEAR, month: 1, day: 1 })
  if (first === null) return ['no first day']
  let previous: BsDate | null = null
  let count = 0
  const start = Date.parse(`${first}T00:00:00Z`)
  // A century of days and one more year: the walk ends at the first day without a BS date.
  for (let index = 0; index <= 101 * 366 && problems.length < 5; index += 1) {
    const ad = new Date(start + index * 86_400_000).toISOString().slice(0, 10)
    const bs = api.toBikramSambat(ad)
    if (bs === null) {
      const lastLength = previous && api.bsMonthLength(previous.year, previous.month)
      if (!previous || previous.year !== api.BS_LAST_YEAR || previous.month !== 12 || previous.day !== lastLength) {
        problems.push(`${ad} has no BS date after ${JSON.stringify(previous)}`)
      }
      break
    }
    count += 1
    const back = api.fromBikramSambat(bs)
    if (back !== ad) problems.push(`${ad} → ${JSON.stringify(bs)} → ${back}`)
    if (previous) {
      const expected =
        previous.day < (api.bsMonthLength(previous.year, previous.month) ?? 0)
          ? { ...previous, day: previous.day + 1 }
          : previous.month < 12
            ? { year: previous.year, month: previous.month + 1, day: 1 }
            : { year: previous.year + 1, month: 1, day: 1 }
      if (expected.year !== bs.year || expected.month !== bs.month || expected.day !== bs.day) {
        problems.push(`${ad} is ${JSON.stringify(bs)}, expected ${JSON.stringify(expected)}`)
      }
    } else if (bs.year !== api.BS_FIRST_YEAR || bs.month !== 1 || bs.day !== 1) {
      problems.push(`${ad} starts at ${JSON.stringify(bs)}`)
    }
    previous = bs
    if (index === 101 * 366) problems.push(`${ad} still has a BS date, past the table's ${api.BS_LAST_YEAR}`)
  }
  const years = api.BS_LAST_YEAR - api.BS_FIRST_YEAR + 1
  let expectedCount = 0
  for (let year = api.BS_FIRST_YEAR; year <= api.BS_LAST_YEAR; year += 1) {
    for (let month = 1; month <= 12; month += 1) expectedCount += api.bsMonthLength(year, month) ?? 0
  }
  if (problems.length === 0 && count !== expectedCount)
    problems.push(`${count} days walked, the table has ${expectedCount} in ${years} years`)
  return problems
}
