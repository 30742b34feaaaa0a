/**
 * Money is an integer count of minor units (paisa, cents) everywhere. These helpers refuse
 * anything that is not a safe integer so a float never slips into a total.
 */

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
}

const formatters = new Map<string, Intl.NumberFormat>()

function formatterFor({ currency, locale }: MoneyFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${currency}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency })
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
  assertCents(cents)
  const exponent = currencyExponent(options.currency)
  // Build the decimal string from integers so no binary float rounding reaches the screen.
  const negative = cents < 0
  const abs = Math.abs(cents)
  const divisor = 10 ** exponent
  const major = Math.trunc(abs / divisor)
  const minor = abs % divisor
  const decimal = exponent === 0 ? `${major}` : `${major}.${String(minor).padStart(exponent, '0')}`
  return formatterFor(options).format(`${negative ? '-' : ''}${decimal}` as `${number}`)
}

/**
 * Parses what a cashier typed ("1,250.5", "1250", "12.05") into minor units, or null when it is
 * not an amount. Never goes through floating point.
 */
export function parseMoney(text: string, currency: string): number | null {
  const exponent = currencyExponent(currency)
  const cleaned = text.trim().replace(/[,\s]/g, '')
  const match = /^(\d{1,13})(?:\.(\d*))?$/.exec(cleaned)
  if (!match) return null
  const [, majorText = '0', fraction = ''] = match
  if (fraction.length > exponent) return null
  const minorText = fraction.padEnd(exponent, '0')
  const cents = Number(majorText) * 10 ** exponent + (minorText ? Number(minorText) : 0)
  return Number.isSafeInteger(cents) ? cents : null
}
