/**
 * What set-up and the settings offer for the currency, the language and the time zone: the
 * machine's own values first where they fit, the rest from what Intl knows.
 */
import type { z } from 'zod'
import { localeTag } from '#shared/contract/setup'
import { currencyExponent } from '#shared/money/money'

export type LocaleTag = z.infer<typeof localeTag>
export type CurrencyDecimals = 0 | 2 | 3

/** Offered first, in this order; the shops Tillwise is made for. */
const FIRST_CURRENCIES = ['NPR', 'INR', 'USD', 'EUR', 'GBP', 'AUD', 'CAD', 'JPY', 'CNY', 'BDT', 'LKR', 'PKR', 'AED']
export const DECIMAL_CHOICES: readonly CurrencyDecimals[] = [0, 2, 3]

export const isCurrencyDecimals = (value: number): value is CurrencyDecimals => value === 0 || value === 2 || value === 3

/** The decimals a currency has by Intl (2 for NPR, 0 for JPY, 3 for KWD), as one the store can hold. */
export function defaultDecimals(currency: string): CurrencyDecimals {
  const exponent = currencyExponent(currency)
  return isCurrencyDecimals(exponent) ? exponent : 2
}

/** Every ISO currency whose minor units the store can hold, the usual ones first. */
export function currencyCodes(): readonly string[] {
  const known = Intl.supportedValuesOf('currency').filter((code) => isCurrencyDecimals(currencyExponent(code)))
  const first = FIRST_CURRENCIES.filter((code) => known.includes(code))
  return [...first, ...known.filter((code) => !first.includes(code))]
}

/** "Nepalese Rupee": the currency's name in the screen's language, or its code. */
export function currencyName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'currency' }).of(code) ?? code
  } catch {
    return code
  }
}

export const LOCALES: readonly LocaleTag[] = localeTag.options
/** The languages the till's texts exist in; the others are listed as coming. */
export const LOCALES_READY: readonly LocaleTag[] = ['en-IN', 'en-US', 'en-GB']

/** The machine's language if the till speaks it, else English with Nepal's and India's digit grouping. */
export function machineLocale(): LocaleTag {
  const language = typeof navigator === 'undefined' ? '' : navigator.language
  return LOCALES_READY.find((tag) => tag === language) ?? 'en-IN'
}

const KATHMANDU = 'Asia/Kathmandu'

/** A zone as Intl resolves it: Intl lists `Asia/Katmandu`, people know `Asia/Kathmandu`; both are one zone. */
function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone
  } catch {
    return zone
  }
}

/** The machine's zone, spelt as it is offered in the list. */
export function machineTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  if (!zone) return KATHMANDU
  return canonicalZone(zone) === canonicalZone(KATHMANDU) ? KATHMANDU : zone
}

/** Kathmandu first, then the machine's zone (and `current`, a stored one), then every other zone Intl knows. */
export function timeZones(current?: string): readonly string[] {
  const first = [...new Set([KATHMANDU, machineTimeZone(), ...(current ? [current] : [])])]
  const taken = new Set(first.map(canonicalZone))
  return [...first, ...Intl.supportedValuesOf('timeZone').filter((zone) => !taken.has(canonicalZone(zone)))]
}
