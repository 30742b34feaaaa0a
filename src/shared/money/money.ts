/**
 * Money is an integer count of minor units (paisa, cents) everywhere. These helpers refuse
 * anything that is not a safe integer so a float never slips into a total.
 */
import { latinDigits } from '../i18n/digits'

export function assertCents(value: number, what = 'amount'): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer number of minor units, got ${value}`)
  }
  return value
}

export function lineTotalCents(unitPriceCents: number, quantity: number): number {
  assertCents(unitPriceCents, 'unit price')
  assertCents(quantity, 'quantity')
  return assertCents(unitPriceCents * quantity, 'line total')
}

export function sumCents(values: Iterable<number>): number {
  let total = 0
  for (const value of values) {
    total = assertCents(total + assertCents(value), 'total')
  }
  return total
}

export interface MoneyFormatOptions {
  currency: string
  locale: string
  /**
   * The store's minor digits (`currencyDecimals`), which every amount on record counts in; without
   * it, the currency's own (ISO 4217) digits.
   */
  currencyDecimals?: number
}

const formatters = new Map<string, Intl.NumberFormat>()

function formatterFor({ currency, locale }: MoneyFormatOptions, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${decimals}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    })
    formatters.set(key, formatter)
  }
  return formatter
}

/** Minor-unit exponent of a currency as Intl knows it (2 for NPR and USD, 0 for JPY). */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

/** Formats integer minor units for people. The only place an amount becomes text. */
export function formatMoney(cents: number, options: MoneyFormatOptions): string {
  const decimals = options.currencyDecimals ?? currencyExponent(options.currency)
  return formatterFor(options, decimals).format(decimalAmount(cents, decimals) as `${number}`)
}

/**
 * Minor units as a plain decimal ("1250.50", "-3", no grouping or symbol), with `decimals` digits
 * after the point: what an edit field starts from. Built from integers, so no float rounding.
 */
export function decimalAmount(cents: number, decimals: number): string {
  assertCents(cents)
  const divisor = 10 ** decimals
  const abs = Math.abs(cents)
  const major = Math.trunc(abs / divisor)
  const minor = abs % divisor
  const decimal = decimals === 0 ? `${major}` : `${major}.${String(minor).padStart(decimals, '0')}`
  return `${cents < 0 ? '-' : ''}${decimal}`
}

/**
 * Parses what a cashier typed ("1,250.5", "1250", "12.05", or in Devanagari digits "१,२५०.५") into
 * minor units, or null when it is not an amount. Never goes through floating point.
 */
export function parseMoney(text: string, currency: string): number | null {
  return parseDecimalAmount(text, currencyExponent(currency))
}

/**
 * The same for a store whose currency has `decimals` minor digits (its `currencyDecimals`), which
 * is what prices are typed in: "125.5" with 2 decimals is 12 550. Null when it is not an amount
 * or has more digits after the point than the currency has.
 */
export function parseDecimalAmount(text: string, decimals: number): number | null {
  const cleaned = latinDigits(text).trim().replace(/[,\s]/g, '')
  const match = /^(\d{1,13})(?:\.(\d*))?$/.exec(cleaned)
  if (!match) return null
  const [, majorText = '0', fraction = ''] = match
  if (fraction.length > decimals) return null
  const minorText = fraction.padEnd(decimals, '0')
  const cents = Number(majorText) * 10 ** decimals + (minorText ? Number(minorText) : 0)
  return Number.isSafeInteger(cents) ? cents : null
}
