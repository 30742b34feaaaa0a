/**
 * Numbers, money and Gregorian dates written in Nepali: Devanagari digits, lakh grouping
 * (१,२३,४५६) and Nepali month and weekday names. Chromium ships no `ne` locale data, so nothing
 * here asks Intl for Nepali: numbers go through `en-IN-u-nu-deva` (Indian grouping, Devanagari
 * digits, which every engine has), and the names are our own. The results are the same in Node
 * and in the renderer, which the e2e suite checks in Chromium.
 */
import { assertCents, currencyExponent } from '../money/money'

/** Indian English with Devanagari digits: lakh grouping and ०-९ without needing `ne` data. */
export const NEPALI_NUMBER_LOCALE = 'en-IN-u-nu-deva'

const DEVANAGARI_DIGITS = ['०', '१', '२', '३', '४', '५', '६', '७', '८', '९'] as const

/** Gregorian month names as Nepali writes them, January first. */
export const NEPALI_GREGORIAN_MONTHS = [
  'जनवरी',
  'फेब्रुअरी',
  'मार्च',
  'अप्रिल',
  'मे',
  'जुन',
  'जुलाई',
  'अगस्ट',
  'सेप्टेम्बर',
  'अक्टोबर',
  'नोभेम्बर',
  'डिसेम्बर',
] as const

/** Weekday names, Sunday first (as `Date.getUTCDay()` counts). */
export const NEPALI_WEEKDAYS = ['आइतबार', 'सोमबार', 'मंगलबार', 'बुधबार', 'बिहीबार', 'शुक्रबार', 'शनिबार'] as const

/** Replaces the ASCII digits 0-9 in `text` with Devanagari ones; everything else stays. */
export function toDevanagariDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => DEVANAGARI_DIGITS[Number(digit)]!)
}

let numberFormat: Intl.NumberFormat | undefined
let percentFormat: Intl.NumberFormat | undefined

/** "१,२३,४५,६७८.५": a plain figure (up to three decimals), never an amount of money. */
export function formatNepaliNumber(value: number | bigint): string {
  numberFormat ??= new Intl.NumberFormat(NEPALI_NUMBER_LOCALE)
  return numberFormat.format(value)
}

/** A share in basis points as a percent: 1300 → "१३%", 550 → "५.५%", 1 → "०.०१%". */
export function formatNepaliPercentBps(bps: number): string {
  percentFormat ??= new Intl.NumberFormat(NEPALI_NUMBER_LOCALE, { style: 'percent', maximumFractionDigits: 2 })
  return percentFormat.format(bps / 10_000)
}

export interface NepaliMoneyOptions {
  currency: string
  /** The store's minor digits, as for `formatMoney`; without it, the currency's ISO digits. */
  currencyDecimals?: number
}

/** The rupee as Nepal writes it; `formatMoney` shows "NPR", and this takes that place. */
const RUPEE_SIGN = 'रु.'
const NO_BREAK_SPACE = '\u00a0'

/**
 * Integer minor units in Nepali: NPR as "रु. १,२३,४५६.७८" and "-रु. ५०.००" (a no-break space after
 * the sign, as `formatMoney` puts one after "NPR"); any other currency with the symbol or code Intl
 * gives it in Indian English ("$१,२३४.५६", "KWD १.२५०"). The digits are worked out from the
 * integer with BigInt, so amounts past float precision come out exact; Intl supplies only the
 * currency's symbol and where it stands.
 */
export function formatNepaliMoney(cents: number, options: NepaliMoneyOptions): string {
  assertCents(cents)
  const decimals = options.currencyDecimals ?? currencyExponent(options.currency)
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`currency decimals must be an integer from 0 to 20, got ${decimals}`)
  }
  const negative = cents < 0
  const figure = toDevanagariDigits(groupedDecimal(Math.abs(cents), decimals))
  if (options.currency === 'NPR') return `${negative ? '-' : ''}${RUPEE_SIGN}${NO_BREAK_SPACE}${figure}`
  let placed = false
  return currencyTemplate(options.currency, decimals, negative)
    .map((part) => {
      if (!NUMBER_PARTS.has(part.type)) return part.value
      if (placed) return ''
      placed = true
      return figure
    })
    .join('')
}

/** The parts Intl writes the figure with; the template's figure is replaced by ours. */
const NUMBER_PARTS = new Set<Intl.NumberFormatPartTypes>(['integer', 'group', 'decimal', 'fraction'])

const templates = new Map<string, Intl.NumberFormatPart[]>()

/** How Intl lays out ±1 in `currency` (sign, symbol, spacing), kept per currency and sign. */
function currencyTemplate(currency: string, decimals: number, negative: boolean): Intl.NumberFormatPart[] {
  const key = `${currency}|${decimals}|${negative}`
  let template = templates.get(key)
  if (!template) {
    const format = new Intl.NumberFormat(NEPALI_NUMBER_LOCALE, {
      style: 'currency',
      currency,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    })
    template = format.formatToParts(negative ? -1 : 1)
    templates.set(key, template)
  }
  return template
}

/** 12345678 with 2 decimals → "1,23,456.78": Indian grouping (3, then 2s), ASCII digits. */
function groupedDecimal(units: number, decimals: number): string {
  const amount = BigInt(units)
  const divisor = 10n ** BigInt(decimals)
  const major = (amount / divisor).toString()
  const minor = (amount % divisor).toString().padStart(decimals, '0')
  const head = major.slice(0, -3)
  const tail = major.slice(-3)
  const grouped = head ? `${head.replace(/\B(?=(\d{2})+$)/g, ',')},${tail}` : tail
  return decimals === 0 ? grouped : `${grouped}.${minor}`
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

export interface NepaliDayOptions {
  /** Put the weekday first: "आइतबार, १५ मार्च २०२६". */
  weekday?: boolean
}

/**
 * "१५ मार्च २०२६" for a calendar day (`YYYY-MM-DD`, the store's own day). Like `dayFormatter`, a
 * day has no time of day, so it is read in UTC and never slips into the day before or after;
 * text that is not a day comes back as it was.
 */
export function nepaliDayFormatter(options: NepaliDayOptions = {}): (day: string) => string {
  return (day) => {
    const match = DAY.exec(day)
    if (!match) return day
    const [, year, month, date] = match
    const at = new Date(Date.UTC(Number(year), Number(month) - 1, Number(date), 12))
    const text = toDevanagariDigits(`${at.getUTCDate()} ${NEPALI_GREGORIAN_MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}`)
    return options.weekday ? `${NEPALI_WEEKDAYS[at.getUTCDay()]}, ${text}` : text
  }
}

/**
 * "१५ मार्च २०२६, १०:००" for an instant (ISO text), on a 24-hour clock in `timeZone` (the store's;
 * without it, the machine's). Intl only splits the instant into fields in that zone, in Latin
 * digits, and the month's name and the Devanagari digits are our own, so no engine's Nepali data
 * is involved. Text that is not an instant comes back as it was.
 */
export function nepaliDateTimeFormatter(timeZone?: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-US-u-nu-latn', {
    ...(timeZone ? { timeZone } : {}),
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  return (iso) => {
    const instant = new Date(iso)
    if (Number.isNaN(instant.getTime())) return iso
    const parts = format.formatToParts(instant)
    const field = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? ''
    const month = NEPALI_GREGORIAN_MONTHS[Number(field('month')) - 1]
    return toDevanagariDigits(`${field('day')} ${month} ${field('year')}, ${field('hour')}:${field('minute')}`)
  }
}
